CREATE TABLE "dossier_daily_stats" (
	"day" date NOT NULL,
	"agency_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"field_id" uuid NOT NULL,
	"level" text NOT NULL,
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
	CONSTRAINT "dossier_daily_stats_day_agency_id_procedure_id_field_id_level_channel_pk" PRIMARY KEY("day","agency_id","procedure_id","field_id","level","channel")
);
--> statement-breakpoint
CREATE TABLE "dossier_monthly_stats" (
	"month" date NOT NULL,
	"agency_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"field_id" uuid NOT NULL,
	"level" text NOT NULL,
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
	CONSTRAINT "dossier_monthly_stats_month_agency_id_procedure_id_field_id_level_channel_pk" PRIMARY KEY("month","agency_id","procedure_id","field_id","level","channel")
);
--> statement-breakpoint
CREATE TABLE "dossier_stat_balances" (
	"as_of" date NOT NULL,
	"agency_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"field_id" uuid NOT NULL,
	"level" text NOT NULL,
	"channel" text NOT NULL,
	"pending" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	"waiting" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_stat_balances_as_of_agency_id_procedure_id_field_id_level_channel_pk" PRIMARY KEY("as_of","agency_id","procedure_id","field_id","level","channel")
);
--> statement-breakpoint
CREATE TABLE "dossier_stat_checkpoints" (
	"as_of" date PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossier_daily_stats" ADD CONSTRAINT "dossier_daily_stats_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_daily_stats" ADD CONSTRAINT "dossier_daily_stats_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_daily_stats" ADD CONSTRAINT "dossier_daily_stats_field_id_procedure_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."procedure_fields"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_monthly_stats" ADD CONSTRAINT "dossier_monthly_stats_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_monthly_stats" ADD CONSTRAINT "dossier_monthly_stats_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_monthly_stats" ADD CONSTRAINT "dossier_monthly_stats_field_id_procedure_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."procedure_fields"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_stat_balances" ADD CONSTRAINT "dossier_stat_balances_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_stat_balances" ADD CONSTRAINT "dossier_stat_balances_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_stat_balances" ADD CONSTRAINT "dossier_stat_balances_field_id_procedure_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."procedure_fields"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_settings" ADD CONSTRAINT "statistics_settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_daily_stats_agency_day_idx" ON "dossier_daily_stats" USING btree ("agency_id","day");--> statement-breakpoint
CREATE INDEX "dossier_monthly_stats_agency_month_idx" ON "dossier_monthly_stats" USING btree ("agency_id","month");