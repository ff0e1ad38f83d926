CREATE TABLE "dossier_agency_monthly_stats" (
	"month" date NOT NULL,
	"agency_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"resolved_early" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	"resolved_late" integer DEFAULT 0 NOT NULL,
	"refused" integer DEFAULT 0 NOT NULL,
	"resolution_seconds" bigint DEFAULT 0 NOT NULL,
	"stopped" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"refused_unreceived" integer DEFAULT 0 NOT NULL,
	"closed_unreceived" integer DEFAULT 0 NOT NULL,
	"overdue_delta" integer DEFAULT 0 NOT NULL,
	"waiting_delta" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_agency_monthly_stats_month_agency_id_channel_pk" PRIMARY KEY("month","agency_id","channel")
);
--> statement-breakpoint
CREATE TABLE "dossier_procedure_monthly_stats" (
	"month" date NOT NULL,
	"procedure_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"resolved_early" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	"resolved_late" integer DEFAULT 0 NOT NULL,
	"refused" integer DEFAULT 0 NOT NULL,
	"resolution_seconds" bigint DEFAULT 0 NOT NULL,
	"stopped" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"refused_unreceived" integer DEFAULT 0 NOT NULL,
	"closed_unreceived" integer DEFAULT 0 NOT NULL,
	"overdue_delta" integer DEFAULT 0 NOT NULL,
	"waiting_delta" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_procedure_monthly_stats_month_procedure_id_channel_pk" PRIMARY KEY("month","procedure_id","channel")
);
--> statement-breakpoint
ALTER TABLE "dossier_agency_monthly_stats" ADD CONSTRAINT "dossier_agency_monthly_stats_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_procedure_monthly_stats" ADD CONSTRAINT "dossier_procedure_monthly_stats_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;