ALTER TABLE "dossier_scopes" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossier_search_text(applicant_name text, organisation_name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT f_unaccent(lower(coalesce(applicant_name, ''))) || E'\n' || f_unaccent(lower(coalesce(organisation_name, '')))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossier_scopes_sync() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO dossier_scopes (agency_id, dossier_id, status, submitted_at, search_text)
      SELECT DISTINCT a, NEW.id, NEW.status, NEW.submitted_at, dossier_search_text(NEW.applicant_name, NEW.organisation_name)
      FROM unnest(NEW.agency_ids) AS a;
    RETURN NULL;
  END IF;
  IF NEW.agency_ids IS DISTINCT FROM OLD.agency_ids THEN
    DELETE FROM dossier_scopes WHERE dossier_id = NEW.id AND NOT (agency_id = ANY (NEW.agency_ids));
    INSERT INTO dossier_scopes (agency_id, dossier_id, status, submitted_at, search_text)
      SELECT DISTINCT a, NEW.id, NEW.status, NEW.submitted_at, dossier_search_text(NEW.applicant_name, NEW.organisation_name)
      FROM unnest(NEW.agency_ids) AS a
      ON CONFLICT (agency_id, dossier_id) DO NOTHING;
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at
     OR NEW.applicant_name IS DISTINCT FROM OLD.applicant_name OR NEW.organisation_name IS DISTINCT FROM OLD.organisation_name THEN
    UPDATE dossier_scopes SET status = NEW.status, submitted_at = NEW.submitted_at,
      search_text = dossier_search_text(NEW.applicant_name, NEW.organisation_name)
    WHERE dossier_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER dossier_scopes_sync ON dossiers;
--> statement-breakpoint
CREATE TRIGGER dossier_scopes_sync
  AFTER INSERT OR UPDATE OF agency_ids, status, submitted_at, applicant_name, organisation_name ON dossiers
  FOR EACH ROW EXECUTE FUNCTION dossier_scopes_sync();
--> statement-breakpoint
UPDATE dossier_scopes s SET search_text = dossier_search_text(d.applicant_name, d.organisation_name)
  FROM dossiers d WHERE d.id = s.dossier_id;
