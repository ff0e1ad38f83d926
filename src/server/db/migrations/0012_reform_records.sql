CREATE TABLE "registry_document_effects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"status" text NOT NULL,
	"effective_on" date NOT NULL,
	"basis_document_id" uuid,
	"basis_text" text,
	"note" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_document_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid,
	"subject_text" text,
	"kind" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"reviewer_agency_id" uuid,
	"result" text NOT NULL,
	"note" text,
	"basis_document_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number_symbol" text NOT NULL,
	"doc_type" text NOT NULL,
	"issuer_name" text NOT NULL,
	"issuer_level" text NOT NULL,
	"issuer_agency_id" uuid,
	"issued_on" date NOT NULL,
	"issue_year" integer GENERATED ALWAYS AS ((extract(year from "issued_on"))::int) STORED,
	"signer_name" text,
	"signer_title" text,
	"subject" text NOT NULL,
	"areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_legal" boolean DEFAULT false NOT NULL,
	"effective_from" date,
	"file_id" uuid,
	"note" text,
	"search_folded" text GENERATED ALWAYS AS (f_unaccent(lower("number_symbol" || ' ' || "subject" || ' ' || "issuer_name"))) STORED,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reform_plan_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"area" text NOT NULL,
	"title" text NOT NULL,
	"responsible_agency_id" uuid NOT NULL,
	"coordinating_text" text,
	"due_on" date NOT NULL,
	"expected_output" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reform_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"document_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reform_task_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"percent" smallint NOT NULL,
	"note" text,
	"document_id" uuid,
	"recorded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "autonomy_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"managing_agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"mandatory" boolean DEFAULT true NOT NULL,
	"autonomy_class" text,
	"autonomy_since" date,
	"legal_basis" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"updated_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "personnel_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"staff_category" text NOT NULL,
	"occurred_on" date NOT NULL,
	"person_count" integer NOT NULL,
	"decision_number" text,
	"document_id" uuid,
	"note" text,
	"source_key" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "restructuring_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"title" text NOT NULL,
	"approved_on" date NOT NULL,
	"decision_number" text,
	"document_id" uuid,
	"note" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_counts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"as_of" date NOT NULL,
	"postgraduate" integer NOT NULL,
	"university" integer NOT NULL,
	"college_or_below" integer NOT NULL,
	"theory_senior" integer NOT NULL,
	"theory_intermediate" integer NOT NULL,
	"education_health" integer DEFAULT 0 NOT NULL,
	"note" text,
	"updated_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staffing_quotas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"quota" integer NOT NULL,
	"document_id" uuid,
	"note" text,
	"updated_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"area" text NOT NULL,
	"finding" text NOT NULL,
	"recommendation" text,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_on" date,
	"follow_up_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"document_id" uuid,
	"team_document_id" uuid,
	"planned_unit_count" integer,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid,
	"inspected_agency_id" uuid NOT NULL,
	"kind" text DEFAULT 'scheduled' NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"areas" text[] NOT NULL,
	"conclusion" text,
	"conclusion_document_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reform_report_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_preset" text NOT NULL,
	"period_label" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"due_on" date NOT NULL,
	"organizer_agency_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_by_id" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reform_report_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"period_type" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reform_unit_report_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"actor_label" text,
	"note" text,
	"payload" jsonb,
	"action_id" text,
	"is_reminder" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_unit_report_actions_actionId_unique" UNIQUE("action_id")
);
--> statement-breakpoint
CREATE TABLE "reform_unit_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"figures" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"narrative" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"review_comment" text,
	"first_submitted_at" timestamp with time zone,
	"first_submitted_on" date,
	"last_submitted_at" timestamp with time zone,
	"submitted_by_id" uuid,
	"accepted_at" timestamp with time zone,
	"accepted_by_id" uuid,
	"return_count" integer DEFAULT 0 NOT NULL,
	"figures_computed_at" timestamp with time zone,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registry_document_effects" ADD CONSTRAINT "registry_document_effects_document_id_registry_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."registry_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_document_effects" ADD CONSTRAINT "registry_document_effects_basis_document_id_registry_documents_id_fk" FOREIGN KEY ("basis_document_id") REFERENCES "public"."registry_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_document_effects" ADD CONSTRAINT "registry_document_effects_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_document_reviews" ADD CONSTRAINT "registry_document_reviews_document_id_registry_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."registry_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_document_reviews" ADD CONSTRAINT "registry_document_reviews_reviewer_agency_id_agencies_id_fk" FOREIGN KEY ("reviewer_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_document_reviews" ADD CONSTRAINT "registry_document_reviews_basis_document_id_registry_documents_id_fk" FOREIGN KEY ("basis_document_id") REFERENCES "public"."registry_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_document_reviews" ADD CONSTRAINT "registry_document_reviews_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_documents" ADD CONSTRAINT "registry_documents_issuer_agency_id_agencies_id_fk" FOREIGN KEY ("issuer_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_documents" ADD CONSTRAINT "registry_documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_documents" ADD CONSTRAINT "registry_documents_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_plan_tasks" ADD CONSTRAINT "reform_plan_tasks_plan_id_reform_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."reform_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_plan_tasks" ADD CONSTRAINT "reform_plan_tasks_responsible_agency_id_agencies_id_fk" FOREIGN KEY ("responsible_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_plans" ADD CONSTRAINT "reform_plans_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_plans" ADD CONSTRAINT "reform_plans_document_id_registry_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."registry_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_plans" ADD CONSTRAINT "reform_plans_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_task_progress" ADD CONSTRAINT "reform_task_progress_task_id_reform_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."reform_plan_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_task_progress" ADD CONSTRAINT "reform_task_progress_document_id_registry_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."registry_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_task_progress" ADD CONSTRAINT "reform_task_progress_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_units" ADD CONSTRAINT "autonomy_units_managing_agency_id_agencies_id_fk" FOREIGN KEY ("managing_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomy_units" ADD CONSTRAINT "autonomy_units_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personnel_changes" ADD CONSTRAINT "personnel_changes_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personnel_changes" ADD CONSTRAINT "personnel_changes_document_id_registry_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."registry_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personnel_changes" ADD CONSTRAINT "personnel_changes_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restructuring_schemes" ADD CONSTRAINT "restructuring_schemes_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restructuring_schemes" ADD CONSTRAINT "restructuring_schemes_document_id_registry_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."registry_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restructuring_schemes" ADD CONSTRAINT "restructuring_schemes_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_counts" ADD CONSTRAINT "staff_counts_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_counts" ADD CONSTRAINT "staff_counts_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_quotas" ADD CONSTRAINT "staffing_quotas_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_quotas" ADD CONSTRAINT "staffing_quotas_document_id_registry_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."registry_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_quotas" ADD CONSTRAINT "staffing_quotas_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_document_id_registry_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."registry_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_team_document_id_registry_documents_id_fk" FOREIGN KEY ("team_document_id") REFERENCES "public"."registry_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_inspected_agency_id_agencies_id_fk" FOREIGN KEY ("inspected_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_conclusion_document_id_registry_documents_id_fk" FOREIGN KEY ("conclusion_document_id") REFERENCES "public"."registry_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_report_rounds" ADD CONSTRAINT "reform_report_rounds_template_id_reform_report_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."reform_report_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_report_rounds" ADD CONSTRAINT "reform_report_rounds_organizer_agency_id_agencies_id_fk" FOREIGN KEY ("organizer_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_report_rounds" ADD CONSTRAINT "reform_report_rounds_opened_by_id_users_id_fk" FOREIGN KEY ("opened_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_report_templates" ADD CONSTRAINT "reform_report_templates_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_unit_report_actions" ADD CONSTRAINT "reform_unit_report_actions_report_id_reform_unit_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reform_unit_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_unit_report_actions" ADD CONSTRAINT "reform_unit_report_actions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_unit_reports" ADD CONSTRAINT "reform_unit_reports_round_id_reform_report_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reform_report_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_unit_reports" ADD CONSTRAINT "reform_unit_reports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_unit_reports" ADD CONSTRAINT "reform_unit_reports_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_unit_reports" ADD CONSTRAINT "reform_unit_reports_accepted_by_id_users_id_fk" FOREIGN KEY ("accepted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_unit_reports" ADD CONSTRAINT "reform_unit_reports_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "registry_document_effects_uq" ON "registry_document_effects" USING btree ("document_id","effective_on","status");--> statement-breakpoint
CREATE INDEX "registry_document_effects_effective_idx" ON "registry_document_effects" USING btree ("effective_on");--> statement-breakpoint
CREATE INDEX "registry_document_reviews_reviewed_idx" ON "registry_document_reviews" USING btree ("reviewed_on");--> statement-breakpoint
CREATE INDEX "registry_document_reviews_document_idx" ON "registry_document_reviews" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_documents_number_uq" ON "registry_documents" USING btree ("number_symbol","issuer_name","issue_year");--> statement-breakpoint
CREATE INDEX "registry_documents_issued_idx" ON "registry_documents" USING btree ("issued_on");--> statement-breakpoint
CREATE INDEX "registry_documents_issuer_agency_idx" ON "registry_documents" USING btree ("issuer_agency_id");--> statement-breakpoint
CREATE INDEX "registry_documents_areas_idx" ON "registry_documents" USING gin ("areas");--> statement-breakpoint
CREATE INDEX "registry_documents_search_trgm_idx" ON "registry_documents" USING gin ("search_folded" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "reform_plan_tasks_position_uq" ON "reform_plan_tasks" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "reform_plan_tasks_due_idx" ON "reform_plan_tasks" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "reform_plan_tasks_responsible_idx" ON "reform_plan_tasks" USING btree ("responsible_agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reform_plans_agency_year_uq" ON "reform_plans" USING btree ("agency_id","year");--> statement-breakpoint
CREATE INDEX "reform_task_progress_task_idx" ON "reform_task_progress" USING btree ("task_id","reported_on");--> statement-breakpoint
CREATE UNIQUE INDEX "autonomy_units_agency_name_uq" ON "autonomy_units" USING btree ("managing_agency_id","name","valid_from");--> statement-breakpoint
CREATE INDEX "autonomy_units_kind_idx" ON "autonomy_units" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "personnel_changes_occurred_idx" ON "personnel_changes" USING btree ("occurred_on");--> statement-breakpoint
CREATE INDEX "personnel_changes_agency_idx" ON "personnel_changes" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "personnel_changes_source_uq" ON "personnel_changes" USING btree ("agency_id","source_key");--> statement-breakpoint
CREATE INDEX "restructuring_schemes_approved_idx" ON "restructuring_schemes" USING btree ("approved_on");--> statement-breakpoint
CREATE UNIQUE INDEX "restructuring_schemes_agency_title_uq" ON "restructuring_schemes" USING btree ("agency_id","title","approved_on");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_counts_agency_as_of_uq" ON "staff_counts" USING btree ("agency_id","as_of");--> statement-breakpoint
CREATE INDEX "staff_counts_as_of_idx" ON "staff_counts" USING btree ("as_of");--> statement-breakpoint
CREATE UNIQUE INDEX "staffing_quotas_agency_year_kind_uq" ON "staffing_quotas" USING btree ("agency_id","year","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_findings_position_uq" ON "inspection_findings" USING btree ("inspection_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_plans_agency_year_title_uq" ON "inspection_plans" USING btree ("agency_id","year","title");--> statement-breakpoint
CREATE INDEX "inspections_started_idx" ON "inspections" USING btree ("started_on");--> statement-breakpoint
CREATE INDEX "inspections_agency_idx" ON "inspections" USING btree ("inspected_agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_plan_agency_start_uq" ON "inspections" USING btree ("plan_id","inspected_agency_id","started_on");--> statement-breakpoint
CREATE UNIQUE INDEX "reform_report_rounds_period_uq" ON "reform_report_rounds" USING btree ("organizer_agency_id","template_id","period_from","period_to");--> statement-breakpoint
CREATE INDEX "reform_report_rounds_due_idx" ON "reform_report_rounds" USING btree ("status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "reform_report_templates_code_version_uq" ON "reform_report_templates" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "reform_unit_report_actions_report_idx" ON "reform_unit_report_actions" USING btree ("report_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "reform_unit_report_actions_reminder_uq" ON "reform_unit_report_actions" USING btree ("report_id","action") WHERE "reform_unit_report_actions"."is_reminder";--> statement-breakpoint
CREATE UNIQUE INDEX "reform_unit_reports_round_agency_uq" ON "reform_unit_reports" USING btree ("round_id","agency_id");--> statement-breakpoint
CREATE INDEX "reform_unit_reports_agency_idx" ON "reform_unit_reports" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "reform_unit_reports_round_status_idx" ON "reform_unit_reports" USING btree ("round_id","status");