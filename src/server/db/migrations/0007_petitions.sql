CREATE TABLE "dossier_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"applicant_user_id" uuid,
	"scale" smallint NOT NULL,
	"overall" smallint NOT NULL,
	"satisfied" boolean NOT NULL,
	"criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text,
	"channel" text NOT NULL,
	"on_behalf" boolean NOT NULL,
	"entered_by_id" uuid,
	"rated_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"changeable_until" timestamp with time zone NOT NULL,
	"revision" smallint DEFAULT 1 NOT NULL,
	CONSTRAINT "dossier_ratings_dossierId_unique" UNIQUE("dossier_id")
);
--> statement-breakpoint
CREATE TABLE "petition_attachments" (
	"petition_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"added_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petition_attachments_petition_id_file_id_pk" PRIMARY KEY("petition_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD CONSTRAINT "dossier_ratings_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD CONSTRAINT "dossier_ratings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD CONSTRAINT "dossier_ratings_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD CONSTRAINT "dossier_ratings_applicant_user_id_users_id_fk" FOREIGN KEY ("applicant_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD CONSTRAINT "dossier_ratings_entered_by_id_users_id_fk" FOREIGN KEY ("entered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_attachments" ADD CONSTRAINT "petition_attachments_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_attachments" ADD CONSTRAINT "petition_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_attachments" ADD CONSTRAINT "petition_attachments_added_by_id_users_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_campaign_id_survey_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_ratings_agency_idx" ON "dossier_ratings" USING btree ("agency_id","rated_at");--> statement-breakpoint
CREATE INDEX "dossier_ratings_rated_idx" ON "dossier_ratings" USING btree ("rated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_dossier_uq" ON "survey_invitations" USING btree ("campaign_id","dossier_id");--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_invitation_id_survey_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."survey_invitations"("id") ON DELETE no action ON UPDATE no action;