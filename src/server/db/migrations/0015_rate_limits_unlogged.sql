-- Rate-limit counters are written on every public lookup. UNLOGGED: no WAL, so a commit that only counts a hit waits
-- for no disk flush; after a crash the table starts empty (every limit starts a new window), which a rate limit can
-- afford. Not replicated to standbys: only the primary counts.
ALTER TABLE "rate_limits" SET UNLOGGED;
