CREATE TABLE "faq_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text NOT NULL,
	"agency_id" uuid,
	"procedure_id" uuid,
	"field_id" uuid,
	"question" text NOT NULL,
	"answer" text,
	"asked_by_user_id" uuid,
	"asker_name" text,
	"asker_email" text,
	"asked_at" timestamp with time zone,
	"created_by_id" uuid,
	"answered_by_id" uuid,
	"answered_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"decline_reason" text,
	"folded" text GENERATED ALWAYS AS (f_unaccent(lower("question" || ' ' || coalesce("answer", '')))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"petition_forward_working_days" smallint NOT NULL,
	"petition_answer_working_days" smallint NOT NULL,
	"rating_scale" smallint NOT NULL,
	"rating_change_days" smallint NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"petition_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"actor_label" text,
	"agency_id" uuid NOT NULL,
	"note" text,
	"payload" jsonb,
	"action_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petition_actions_actionId_unique" UNIQUE("action_id")
);
--> statement-breakpoint
CREATE TABLE "petition_counters" (
	"day" date PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"category" text,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"received_by_agency_id" uuid NOT NULL,
	"procedure_id" uuid,
	"dossier_id" uuid,
	"petitioner_user_id" uuid,
	"petitioner_name" text NOT NULL,
	"petitioner_organisation" text,
	"petitioner_id_number" text,
	"petitioner_phone" text,
	"petitioner_email" text,
	"petitioner_address" text,
	"publish_consent" boolean DEFAULT false NOT NULL,
	"submission_key" text,
	"entered_by_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"agency_received_at" timestamp with time zone NOT NULL,
	"forward_due_on" date NOT NULL,
	"answer_due_on" date NOT NULL,
	"forward_count" smallint DEFAULT 0 NOT NULL,
	"forwarded_at" timestamp with time zone,
	"forwarded_from_agency_id" uuid,
	"forwarded_to_external" text,
	"forwarded_late" boolean,
	"assigned_to_id" uuid,
	"assigned_at" timestamp with time zone,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by_id" uuid,
	"answered_late" boolean,
	"rejection_reason" text,
	"closed_at" timestamp with time zone,
	"public_title" text,
	"public_question" text,
	"public_answer" text,
	"published_at" timestamp with time zone,
	"public_folded" text GENERATED ALWAYS AS (f_unaccent(lower(coalesce("public_title", '') || ' ' || coalesce("public_question", '') || ' ' || coalesce("public_answer", '')))) STORED,
	"answer_rating_scale" smallint,
	"answer_rating_level" smallint,
	"answer_rating_satisfied" boolean,
	"answer_rating_comment" text,
	"answer_rated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petitions_code_unique" UNIQUE("code"),
	CONSTRAINT "petitions_submissionKey_unique" UNIQUE("submission_key")
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"score" smallint,
	"text" text,
	CONSTRAINT "survey_answers_response_id_question_id_pk" PRIMARY KEY("response_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "survey_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"organiser_agency_id" uuid NOT NULL,
	"target_agency_ids" uuid[] NOT NULL,
	"status" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"open_link_token" text,
	"created_by_id" uuid,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_campaigns_openLinkToken_unique" UNIQUE("open_link_token")
);
--> statement-breakpoint
CREATE TABLE "survey_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"element" text NOT NULL,
	"position" smallint NOT NULL,
	"text" text NOT NULL,
	"kind" text NOT NULL,
	"scale" smallint,
	"required" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"invitation_id" uuid,
	"agency_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"submission_key" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_responses_invitationId_unique" UNIQUE("invitation_id"),
	CONSTRAINT "survey_responses_submissionKey_unique" UNIQUE("submission_key")
);
--> statement-breakpoint
CREATE TABLE "payment_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"gateway" text NOT NULL,
	"event_id" text NOT NULL,
	"payment_id" uuid,
	"gateway_transaction_id" text NOT NULL,
	"status" text NOT NULL,
	"amount" bigint,
	"outcome" text NOT NULL,
	"payload" jsonb NOT NULL,
	"signature" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"method" text NOT NULL,
	"status" text NOT NULL,
	"gateway" text,
	"gateway_transaction_id" text,
	"payer_name" text,
	"paid_at" timestamp with time zone,
	"receipt_number" text,
	"failure_reason" text,
	"return_path" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_gatewayTransactionId_unique" UNIQUE("gateway_transaction_id")
);
--> statement-breakpoint
ALTER TABLE "faq_entries" ADD CONSTRAINT "faq_entries_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_entries" ADD CONSTRAINT "faq_entries_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_entries" ADD CONSTRAINT "faq_entries_field_id_procedure_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."procedure_fields"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_entries" ADD CONSTRAINT "faq_entries_asked_by_user_id_users_id_fk" FOREIGN KEY ("asked_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_entries" ADD CONSTRAINT "faq_entries_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_entries" ADD CONSTRAINT "faq_entries_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_settings" ADD CONSTRAINT "feedback_settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_actions" ADD CONSTRAINT "petition_actions_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_actions" ADD CONSTRAINT "petition_actions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_actions" ADD CONSTRAINT "petition_actions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_received_by_agency_id_agencies_id_fk" FOREIGN KEY ("received_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_petitioner_user_id_users_id_fk" FOREIGN KEY ("petitioner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_entered_by_id_users_id_fk" FOREIGN KEY ("entered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_forwarded_from_agency_id_agencies_id_fk" FOREIGN KEY ("forwarded_from_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_question_id_survey_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."survey_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_campaigns" ADD CONSTRAINT "survey_campaigns_organiser_agency_id_agencies_id_fk" FOREIGN KEY ("organiser_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_campaigns" ADD CONSTRAINT "survey_campaigns_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_campaign_id_survey_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_campaign_id_survey_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_events" ADD CONSTRAINT "payment_events_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "faq_status_idx" ON "faq_entries" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "faq_agency_idx" ON "faq_entries" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "faq_procedure_idx" ON "faq_entries" USING btree ("procedure_id");--> statement-breakpoint
CREATE INDEX "faq_field_idx" ON "faq_entries" USING btree ("field_id");--> statement-breakpoint
CREATE INDEX "faq_asker_idx" ON "faq_entries" USING btree ("asked_by_user_id");--> statement-breakpoint
CREATE INDEX "faq_folded_trgm_idx" ON "faq_entries" USING gin ("folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "petition_actions_petition_idx" ON "petition_actions" USING btree ("petition_id","at");--> statement-breakpoint
CREATE INDEX "petition_actions_action_idx" ON "petition_actions" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "petitions_agency_status_idx" ON "petitions" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "petitions_received_idx" ON "petitions" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "petitions_petitioner_idx" ON "petitions" USING btree ("petitioner_user_id");--> statement-breakpoint
CREATE INDEX "petitions_forwarded_from_idx" ON "petitions" USING btree ("forwarded_from_agency_id");--> statement-breakpoint
CREATE INDEX "petitions_published_idx" ON "petitions" USING btree ("published_at") WHERE "petitions"."status" = 'published';--> statement-breakpoint
CREATE INDEX "petitions_public_trgm_idx" ON "petitions" USING gin ("public_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "petitions_dossier_idx" ON "petitions" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "survey_answers_question_idx" ON "survey_answers" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "survey_campaigns_organiser_idx" ON "survey_campaigns" USING btree ("organiser_agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_questions_position_uq" ON "survey_questions" USING btree ("campaign_id","position");--> statement-breakpoint
CREATE INDEX "survey_responses_campaign_idx" ON "survey_responses" USING btree ("campaign_id","agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_events_gateway_event_uq" ON "payment_events" USING btree ("gateway","event_id");--> statement-breakpoint
CREATE INDEX "payment_events_payment_idx" ON "payment_events" USING btree ("payment_id","received_at");--> statement-breakpoint
CREATE INDEX "payments_dossier_idx" ON "payments" USING btree ("dossier_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_agency_receipt_uq" ON "payments" USING btree ("agency_id","receipt_number");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_pending_uq" ON "payments" USING btree ("dossier_id") WHERE "payments"."status" = 'pending';