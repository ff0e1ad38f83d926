CREATE TABLE "internal_process_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"responsible_role" text NOT NULL,
	"department_id" uuid,
	"responsible_label" text NOT NULL,
	"allotted_minutes" integer NOT NULL,
	"inter_agency" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internal_processes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"approval_decision_number" text NOT NULL,
	"approval_decision_date" date NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"total_minutes" integer NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_fields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedure_fields_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "procedure_version_agencies" (
	"version_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	CONSTRAINT "procedure_version_agencies_version_id_agency_id_pk" PRIMARY KEY("version_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "procedure_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"decision_id" uuid,
	"origin" text NOT NULL,
	"name" text NOT NULL,
	"name_folded" text GENERATED ALWAYS AS (f_unaccent(lower("name"))) STORED,
	"field_id" uuid NOT NULL,
	"level" text NOT NULL,
	"department_key" text,
	"time_value" double precision NOT NULL,
	"time_unit" text NOT NULL,
	"time_note" text,
	"online_level" smallint NOT NULL,
	"online_scope" text,
	"on_the_spot" boolean DEFAULT false NOT NULL,
	"inter_agency" boolean DEFAULT false NOT NULL,
	"postal_return" boolean DEFAULT false NOT NULL,
	"cutoff_time" text,
	"methods" text[] NOT NULL,
	"subjects" text[] NOT NULL,
	"steps" jsonb NOT NULL,
	"documents" jsonb NOT NULL,
	"sets" integer NOT NULL,
	"result" text NOT NULL,
	"conditions" text,
	"fees" jsonb NOT NULL,
	"fee_exemptions" text,
	"legal_basis" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"publishing_agency_id" uuid NOT NULL,
	"replaces_procedure_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedures_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "publication_decision_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"action" text NOT NULL,
	"procedure_code" text NOT NULL,
	"content" jsonb,
	"result_procedure_id" uuid,
	"result_version_id" uuid
);
--> statement-breakpoint
CREATE TABLE "publication_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"publishing_agency_id" uuid NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"signed_on" date NOT NULL,
	"signer_name" text NOT NULL,
	"signer_title" text NOT NULL,
	"effective_from" date NOT NULL,
	"legal_document_number" text,
	"legal_document_title" text,
	"legal_document_effective_from" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"applied_at" timestamp with time zone,
	"applied_by_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "internal_process_steps" ADD CONSTRAINT "internal_process_steps_process_id_internal_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."internal_processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_process_steps" ADD CONSTRAINT "internal_process_steps_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_processes" ADD CONSTRAINT "internal_processes_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_processes" ADD CONSTRAINT "internal_processes_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_processes" ADD CONSTRAINT "internal_processes_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_version_agencies" ADD CONSTRAINT "procedure_version_agencies_version_id_procedure_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."procedure_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_version_agencies" ADD CONSTRAINT "procedure_version_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_decision_id_publication_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."publication_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_field_id_procedure_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."procedure_fields"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_publishing_agency_id_agencies_id_fk" FOREIGN KEY ("publishing_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_replaces_procedure_id_procedures_id_fk" FOREIGN KEY ("replaces_procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_decision_items" ADD CONSTRAINT "publication_decision_items_decision_id_publication_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."publication_decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_decision_items" ADD CONSTRAINT "publication_decision_items_result_procedure_id_procedures_id_fk" FOREIGN KEY ("result_procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_decision_items" ADD CONSTRAINT "publication_decision_items_result_version_id_procedure_versions_id_fk" FOREIGN KEY ("result_version_id") REFERENCES "public"."procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_decisions" ADD CONSTRAINT "publication_decisions_publishing_agency_id_agencies_id_fk" FOREIGN KEY ("publishing_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_decisions" ADD CONSTRAINT "publication_decisions_applied_by_id_users_id_fk" FOREIGN KEY ("applied_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_decisions" ADD CONSTRAINT "publication_decisions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "internal_process_steps_position_uq" ON "internal_process_steps" USING btree ("process_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "internal_processes_valid_from_uq" ON "internal_processes" USING btree ("procedure_id","agency_id","valid_from");--> statement-breakpoint
CREATE INDEX "internal_processes_agency_idx" ON "internal_processes" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "procedure_version_agencies_agency_idx" ON "procedure_version_agencies" USING btree ("agency_id","version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_versions_no_uq" ON "procedure_versions" USING btree ("procedure_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_versions_valid_from_uq" ON "procedure_versions" USING btree ("procedure_id","valid_from");--> statement-breakpoint
CREATE INDEX "procedure_versions_validity_idx" ON "procedure_versions" USING btree ("valid_from","valid_to");--> statement-breakpoint
CREATE INDEX "procedure_versions_field_idx" ON "procedure_versions" USING btree ("field_id");--> statement-breakpoint
CREATE INDEX "procedure_versions_decision_idx" ON "procedure_versions" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "procedure_versions_name_trgm_idx" ON "procedure_versions" USING gin ("name_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "procedures_publishing_agency_idx" ON "procedures" USING btree ("publishing_agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "publication_decision_items_position_uq" ON "publication_decision_items" USING btree ("decision_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "publication_decisions_agency_number_uq" ON "publication_decisions" USING btree ("publishing_agency_id","number");--> statement-breakpoint
CREATE INDEX "publication_decisions_signed_idx" ON "publication_decisions" USING btree ("signed_on");--> statement-breakpoint
CREATE INDEX "admin_units_code_idx" ON "admin_units" USING btree ("code");--> statement-breakpoint
CREATE INDEX "agencies_parent_idx" ON "agencies" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "agencies_short_name_trgm_idx" ON "agencies" USING gin (f_unaccent(lower("short_name")) gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "departments_one_stop_desk_uq" ON "departments" USING btree ("agency_id") WHERE "departments"."is_one_stop_desk";