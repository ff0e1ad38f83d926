import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { searchTerms } from '../catalog/catalog.queries';

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Diacritics-insensitive search on a stored folded column (f_unaccent(lower(...)), GIN trigram index), used by
 * the published petitions and the FAQ: a row matches when it contains every word of the query, or is
 * word-similar to it (pg_trgm `<%`, forgiving a typo). Rank: the whole query as a phrase, all words, similar.
 */
export function foldedSearch(column: PgColumn, q: string | undefined): { where: SQL; rank: SQL } | null {
  const terms = q ? searchTerms(q) : null;
  if (!terms) return null;
  const allWords = sql.join(
    terms.words.map((w) => sql`${column} LIKE ${`%${likeEscape(w)}%`}`),
    sql` AND `,
  );
  return {
    where: sql`((${allWords}) OR ${terms.folded}::text <% ${column})`,
    rank: sql`(CASE WHEN ${column} LIKE ${`%${likeEscape(terms.folded)}%`} THEN 2 WHEN ${allWords} THEN 1 ELSE 0 END
      + word_similarity(${terms.folded}::text, ${column}))`,
  };
}
