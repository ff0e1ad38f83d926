CREATE TABLE "cchc_report_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"note" text,
	"actor_id" uuid,
	"actor_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cchc_report_actions_actionId_unique" UNIQUE("action_id")
);
--> statement-breakpoint
CREATE TABLE "cchc_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_key" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"cut_offs" jsonb NOT NULL,
	"report_date" date NOT NULL,
	"issuing_agency_id" uuid NOT NULL,
	"header" jsonb NOT NULL,
	"narratives" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"number" integer,
	"number_text" text,
	"issued_at" timestamp with time zone,
	"issued_content" jsonb,
	"docx_file_id" uuid,
	"pdf_file_id" uuid,
	"creation_key" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cchc_reports_creationKey_unique" UNIQUE("creation_key")
);
--> statement-breakpoint
ALTER TABLE "cchc_report_actions" ADD CONSTRAINT "cchc_report_actions_report_id_cchc_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."cchc_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cchc_report_actions" ADD CONSTRAINT "cchc_report_actions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cchc_reports" ADD CONSTRAINT "cchc_reports_issuing_agency_id_agencies_id_fk" FOREIGN KEY ("issuing_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cchc_reports" ADD CONSTRAINT "cchc_reports_docx_file_id_files_id_fk" FOREIGN KEY ("docx_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cchc_reports" ADD CONSTRAINT "cchc_reports_pdf_file_id_files_id_fk" FOREIGN KEY ("pdf_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cchc_reports" ADD CONSTRAINT "cchc_reports_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cchc_report_actions_report_idx" ON "cchc_report_actions" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE INDEX "cchc_reports_period_idx" ON "cchc_reports" USING btree ("period_key","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cchc_reports_number_idx" ON "cchc_reports" USING btree ("issuing_agency_id","number_text") WHERE "cchc_reports"."number_text" IS NOT NULL;