CREATE TABLE "official_calendars" (
	"year" integer PRIMARY KEY NOT NULL,
	"days_off" jsonb NOT NULL,
	"extra_working_days" jsonb NOT NULL,
	"source" text DEFAULT 'official' NOT NULL,
	"note" text,
	"updated_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"mime_type" text NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"action_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"actor_name" text,
	"actor_agency_id" uuid,
	"from_status" text,
	"to_status" text NOT NULL,
	"from_step" integer,
	"to_step" integer,
	"comment" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_agency_periods" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"agency_id" uuid,
	"external_agency_name" text,
	"role" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "dossier_code_counters" (
	"agency_code" text NOT NULL,
	"day" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "dossier_code_counters_agency_code_day_pk" PRIMARY KEY("agency_code","day")
);
--> statement-breakpoint
CREATE TABLE "dossier_code_patterns" (
	"id" text PRIMARY KEY NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"pattern" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "dossier_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"checklist_index" integer,
	"name" text NOT NULL,
	"originals" integer DEFAULT 0 NOT NULL,
	"copies" integer DEFAULT 0 NOT NULL,
	"file_id" uuid,
	"reusable" boolean DEFAULT false NOT NULL,
	"reused_from_document_id" uuid,
	"document_number" text,
	"action_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_rule_sets" (
	"id" text PRIMARY KEY NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"rules" jsonb NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_steps" (
	"dossier_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"planned_due_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"assignee_id" uuid,
	CONSTRAINT "dossier_steps_dossier_id_position_pk" PRIMARY KEY("dossier_id","position")
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"code_pattern_id" text NOT NULL,
	"procedure_id" uuid NOT NULL,
	"procedure_version_id" uuid NOT NULL,
	"procedure" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"applicant_user_id" uuid,
	"applicant_kind" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_number" text,
	"applicant_phone" text,
	"applicant_email" text,
	"applicant_address" text,
	"organisation_name" text,
	"organisation_tax_code" text,
	"summary" text,
	"note" text,
	"channel" text NOT NULL,
	"helped_at_agency_id" uuid,
	"receiving_agency_id" uuid NOT NULL,
	"competent_agency_id" uuid NOT NULL,
	"agency_ids" uuid[] NOT NULL,
	"received_by_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"resume_status" text,
	"current_step" integer,
	"current_agency_id" uuid NOT NULL,
	"current_department_id" uuid,
	"assignee_id" uuid,
	"received_at" timestamp with time zone,
	"processing_started_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"original_due_at" timestamp with time zone,
	"step_due_at" timestamp with time zone,
	"extended_at" timestamp with time zone,
	"accept_alert_at" timestamp with time zone,
	"accept_due_at" timestamp with time zone,
	"suspensions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"supplement_requested_at" timestamp with time zone,
	"supplement_requests" jsonb DEFAULT '{"intake":0,"appraisal":0}'::jsonb NOT NULL,
	"deadline_alert" text,
	"finished_at" timestamp with time zone,
	"outcome" text,
	"document_number" text,
	"last_seq" integer NOT NULL,
	"payment_state" text NOT NULL,
	"fee_total" bigint DEFAULT 0 NOT NULL,
	"delivery_method" text NOT NULL,
	"delivery_address" text,
	"delivery_state" text DEFAULT 'not_ready' NOT NULL,
	"sync_state" text DEFAULT 'pending' NOT NULL,
	"synced_at" timestamp with time zone,
	"tracking_secret_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "official_calendars" ADD CONSTRAINT "official_calendars_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_actions" ADD CONSTRAINT "dossier_actions_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_actions" ADD CONSTRAINT "dossier_actions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_actions" ADD CONSTRAINT "dossier_actions_actor_agency_id_agencies_id_fk" FOREIGN KEY ("actor_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_agency_periods" ADD CONSTRAINT "dossier_agency_periods_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_agency_periods" ADD CONSTRAINT "dossier_agency_periods_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD CONSTRAINT "dossier_documents_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD CONSTRAINT "dossier_documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD CONSTRAINT "dossier_documents_reused_from_document_id_dossier_documents_id_fk" FOREIGN KEY ("reused_from_document_id") REFERENCES "public"."dossier_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD CONSTRAINT "dossier_documents_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_steps" ADD CONSTRAINT "dossier_steps_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_steps" ADD CONSTRAINT "dossier_steps_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_procedure_version_id_procedure_versions_id_fk" FOREIGN KEY ("procedure_version_id") REFERENCES "public"."procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_applicant_user_id_users_id_fk" FOREIGN KEY ("applicant_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_helped_at_agency_id_agencies_id_fk" FOREIGN KEY ("helped_at_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_receiving_agency_id_agencies_id_fk" FOREIGN KEY ("receiving_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_competent_agency_id_agencies_id_fk" FOREIGN KEY ("competent_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_received_by_id_users_id_fk" FOREIGN KEY ("received_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_current_agency_id_agencies_id_fk" FOREIGN KEY ("current_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_current_department_id_departments_id_fk" FOREIGN KEY ("current_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_sha256_idx" ON "files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "files_uploaded_by_idx" ON "files" USING btree ("uploaded_by_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_actions_action_id_uq" ON "dossier_actions" USING btree ("action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_actions_seq_uq" ON "dossier_actions" USING btree ("dossier_id","seq");--> statement-breakpoint
CREATE INDEX "dossier_agency_periods_dossier_idx" ON "dossier_agency_periods" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_agency_periods_agency_idx" ON "dossier_agency_periods" USING btree ("agency_id","started_at");--> statement-breakpoint
CREATE INDEX "dossier_documents_dossier_idx" ON "dossier_documents" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_documents_reusable_idx" ON "dossier_documents" USING btree ("reusable","dossier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_uq" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dossiers_agency_ids_gin" ON "dossiers" USING gin ("agency_ids");--> statement-breakpoint
CREATE INDEX "dossiers_status_due_idx" ON "dossiers" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "dossiers_assignee_idx" ON "dossiers" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "dossiers_department_idx" ON "dossiers" USING btree ("current_department_id","status");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_user_idx" ON "dossiers" USING btree ("applicant_user_id","submitted_at");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_id_number_idx" ON "dossiers" USING btree ("applicant_id_number");--> statement-breakpoint
CREATE INDEX "dossiers_competent_received_idx" ON "dossiers" USING btree ("competent_agency_id","received_at");--> statement-breakpoint
CREATE INDEX "dossiers_receiving_status_idx" ON "dossiers" USING btree ("receiving_agency_id","status");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_name_trgm_idx" ON "dossiers" USING gin (f_unaccent(lower("applicant_name")) gin_trgm_ops);