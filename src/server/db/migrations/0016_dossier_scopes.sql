CREATE TABLE "dossier_scopes" (
	"agency_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"status" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dossier_scopes_agency_id_dossier_id_pk" PRIMARY KEY("agency_id","dossier_id")
);
--> statement-breakpoint
ALTER TABLE "dossier_scopes" ADD CONSTRAINT "dossier_scopes_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_scopes_status_idx" ON "dossier_scopes" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "dossier_scopes_submitted_idx" ON "dossier_scopes" USING btree ("agency_id","submitted_at" DESC NULLS LAST,"dossier_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "dossier_scopes_dossier_idx" ON "dossier_scopes" USING btree ("dossier_id");--> statement-breakpoint
-- Kept by the database itself, so every writer (use cases, the history simulator's bulk loads) keeps it right.
CREATE OR REPLACE FUNCTION dossier_scopes_sync() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO dossier_scopes (agency_id, dossier_id, status, submitted_at)
      SELECT DISTINCT a, NEW.id, NEW.status, NEW.submitted_at FROM unnest(NEW.agency_ids) AS a;
    RETURN NULL;
  END IF;
  IF NEW.agency_ids IS DISTINCT FROM OLD.agency_ids THEN
    DELETE FROM dossier_scopes WHERE dossier_id = NEW.id AND NOT (agency_id = ANY (NEW.agency_ids));
    INSERT INTO dossier_scopes (agency_id, dossier_id, status, submitted_at)
      SELECT DISTINCT a, NEW.id, NEW.status, NEW.submitted_at FROM unnest(NEW.agency_ids) AS a
      ON CONFLICT (agency_id, dossier_id) DO NOTHING;
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at THEN
    UPDATE dossier_scopes SET status = NEW.status, submitted_at = NEW.submitted_at WHERE dossier_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER dossier_scopes_sync
  AFTER INSERT OR UPDATE OF agency_ids, status, submitted_at ON dossiers
  FOR EACH ROW EXECUTE FUNCTION dossier_scopes_sync();
--> statement-breakpoint
INSERT INTO dossier_scopes (agency_id, dossier_id, status, submitted_at)
  SELECT DISTINCT a, d.id, d.status, d.submitted_at FROM dossiers d, unnest(d.agency_ids) AS a;
