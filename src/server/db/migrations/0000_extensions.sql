-- Extensions and the immutable unaccent wrapper used by diacritics-insensitive search indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- unaccent() is STABLE (it depends on the search path); an index needs an IMMUTABLE function, so the
-- dictionary is named explicitly. Vietnamese: 'Đăng ký' -> 'Dang ky'.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
