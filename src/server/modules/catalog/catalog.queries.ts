/**
 * Reads of the procedure catalog: the version in force at a date (what a dossier binds to), the catalog as of a
 * date with filters and diacritics-insensitive ranked search, statistics by level and online level.
 */
import { and, asc, desc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { agencies, procedureFields, procedureVersionAgencies, procedureVersions, procedures } from '../../db/schema';
import { foldVietnamese } from '../../../shared/text';
import type { ProcedureListQuery, ProcedureLevel, TimeUnit } from '../../../shared/schemas/catalog';
import { todayInVietnam, type VersionContent } from './catalog-rules';

export type ProcedureVersionRow = typeof procedureVersions.$inferSelect;

/** A version with its procedure's identity and its field. */
export interface ProcedureVersionRecord extends ProcedureVersionRow {
  code: string;
  publishingAgencyId: string;
  replacesProcedureId: string | null;
  fieldCode: string;
  fieldName: string;
}

function inForceAt(date: string): SQL {
  return and(lte(procedureVersions.validFrom, date), or(isNull(procedureVersions.validTo), gte(procedureVersions.validTo, date)))!;
}

async function selectVersions(executor: Executor, where: SQL, order: 'asc' | 'desc' = 'desc', limit?: number): Promise<ProcedureVersionRecord[]> {
  const query = executor
    .select({
      version: procedureVersions,
      code: procedures.code,
      publishingAgencyId: procedures.publishingAgencyId,
      replacesProcedureId: procedures.replacesProcedureId,
      fieldCode: procedureFields.code,
      fieldName: procedureFields.name,
    })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .innerJoin(procedureFields, eq(procedureFields.id, procedureVersions.fieldId))
    .where(where)
    .orderBy(order === 'desc' ? desc(procedureVersions.validFrom) : asc(procedureVersions.validFrom));
  const rows = limit ? await query.limit(limit) : await query;
  return rows.map((r) => ({
    ...r.version,
    code: r.code,
    publishingAgencyId: r.publishingAgencyId,
    replacesProcedureId: r.replacesProcedureId,
    fieldCode: r.fieldCode,
    fieldName: r.fieldName,
  }));
}

/**
 * The version of a procedure in force on a date ('YYYY-MM-DD', Vietnam time), or undefined when the procedure was
 * not published yet or was abolished. A dossier received that day binds to this version's id.
 */
export async function findProcedureVersionAsOf(executor: Executor, procedureId: string, date: string): Promise<ProcedureVersionRecord | undefined> {
  const [row] = await selectVersions(executor, and(eq(procedureVersions.procedureId, procedureId), inForceAt(date))!, 'desc', 1);
  return row;
}

/** Same as findProcedureVersionAsOf, by the procedure's national code. */
export async function findProcedureVersionAsOfByCode(executor: Executor, code: string, date: string): Promise<ProcedureVersionRecord | undefined> {
  const [row] = await selectVersions(executor, and(eq(procedures.code, code), inForceAt(date))!, 'desc', 1);
  return row;
}

export async function findProcedureVersion(executor: Executor, versionId: string): Promise<ProcedureVersionRecord | undefined> {
  const [row] = await selectVersions(executor, eq(procedureVersions.id, versionId), 'desc', 1);
  return row;
}

/** Every version of a procedure, oldest first. */
export async function listProcedureVersions(executor: Executor, procedureId: string): Promise<ProcedureVersionRecord[]> {
  return selectVersions(executor, eq(procedureVersions.procedureId, procedureId), 'asc');
}

/** Every version of a procedure with its decision and the number of agencies applying it, oldest first. */
export async function versionHistory(executor: Executor, procedureId: string) {
  const versions = await listProcedureVersions(executor, procedureId);
  const counts = await queryRows<{ version_id: string; n: number }>(
    executor,
    sql`SELECT a.version_id, count(*)::int AS n FROM procedure_version_agencies a JOIN procedure_versions v ON v.id = a.version_id
         WHERE v.procedure_id = ${procedureId} GROUP BY a.version_id`,
  );
  const decisions = await queryRows<{ id: string; number: string; signed_on: string }>(
    executor,
    sql`SELECT d.id, d.number, d.signed_on::text AS signed_on FROM publication_decisions d
         WHERE d.id IN (SELECT decision_id FROM procedure_versions WHERE procedure_id = ${procedureId})`,
  );
  return versions.map((v) => {
    const d = decisions.find((x) => x.id === v.decisionId);
    return {
      version: v,
      decision: d ? { id: d.id, number: d.number, signedOn: d.signed_on } : null,
      agencyCount: Number(counts.find((c) => c.version_id === v.id)?.n ?? 0),
    };
  });
}

/** The most recent version (in force, future or closed). */
export async function findLatestVersion(executor: Executor, procedureId: string): Promise<ProcedureVersionRecord | undefined> {
  const [row] = await selectVersions(executor, eq(procedureVersions.procedureId, procedureId), 'desc', 1);
  return row;
}

export async function versionAgencyIds(executor: Executor, versionId: string): Promise<string[]> {
  const rows = await executor
    .select({ agencyId: procedureVersionAgencies.agencyId })
    .from(procedureVersionAgencies)
    .where(eq(procedureVersionAgencies.versionId, versionId));
  return rows.map((r) => r.agencyId).sort();
}

/** The content of a stored version in the API/import shape (the inverse of versionValues). */
export function contentOfVersion(v: ProcedureVersionRecord): VersionContent {
  return {
    name: v.name,
    fieldCode: v.fieldCode,
    level: v.level as ProcedureLevel,
    departmentKey: v.departmentKey,
    time: { value: v.timeValue, unit: v.timeUnit as TimeUnit, note: v.timeNote },
    onlineLevel: v.onlineLevel,
    onlineScope: (v.onlineScope as VersionContent['onlineScope']) ?? null,
    onTheSpot: v.onTheSpot,
    interAgency: v.interAgency,
    postalReturn: v.postalReturn,
    cutoffTime: v.cutoffTime,
    methods: v.methods as VersionContent['methods'],
    subjects: v.subjects as VersionContent['subjects'],
    steps: v.steps,
    documents: v.documents.map((d) => ({ name: d.name, originals: d.originals, copies: d.copies, formName: d.formName ?? null, formUrl: d.formUrl ?? null })),
    sets: v.sets,
    result: v.result,
    conditions: v.conditions,
    fees: v.fees.map((f) => ({ name: f.name, amount: f.amount, note: f.note ?? null })),
    feeExemptions: v.feeExemptions,
    legalBasis: v.legalBasis.map((l) => ({ number: l.number, title: l.title, issuedOn: l.issuedOn ?? null, url: l.url ?? null })),
  };
}

export interface ProcedureIdentity {
  id: string;
  code: string;
  publishingAgencyId: string;
  publishingAgencyPath: string;
  replacesProcedureId: string | null;
}

export async function findProcedureIdentity(executor: Executor, where: { id: string } | { code: string }): Promise<ProcedureIdentity | undefined> {
  const [row] = await executor
    .select({
      id: procedures.id,
      code: procedures.code,
      publishingAgencyId: procedures.publishingAgencyId,
      publishingAgencyPath: agencies.path,
      replacesProcedureId: procedures.replacesProcedureId,
    })
    .from(procedures)
    .innerJoin(agencies, eq(agencies.id, procedures.publishingAgencyId))
    .where('id' in where ? eq(procedures.id, where.id) : eq(procedures.code, where.code));
  return row;
}

// ---- Catalog as of a date: filters, search, statistics ----

/** Escapes LIKE wildcards in user text. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface CatalogFilter {
  asOf: string;
  fieldId?: string | undefined;
  level?: ProcedureLevel | undefined;
  agencyId?: string | undefined;
  onlineLevel?: number | undefined;
  onlineScope?: 'full' | 'partial' | 'none' | undefined;
  onTheSpot?: boolean | undefined;
  publishingAgencyId?: string | undefined;
}

/** WHERE conditions on `v` (procedure_versions) and `p` (procedures) for the catalog as of a date. */
export function catalogConditions(f: CatalogFilter): SQL {
  const parts: SQL[] = [sql`v.valid_from <= ${f.asOf}::date AND (v.valid_to IS NULL OR v.valid_to >= ${f.asOf}::date)`];
  if (f.fieldId) parts.push(sql`v.field_id = ${f.fieldId}`);
  if (f.level) parts.push(sql`v.level = ${f.level}`);
  if (f.onlineLevel) parts.push(sql`v.online_level = ${f.onlineLevel}`);
  if (f.onlineScope === 'none') parts.push(sql`v.online_scope IS NULL`);
  else if (f.onlineScope) parts.push(sql`v.online_scope = ${f.onlineScope}`);
  if (f.onTheSpot !== undefined) parts.push(sql`v.on_the_spot = ${f.onTheSpot}`);
  if (f.publishingAgencyId) parts.push(sql`p.publishing_agency_id = ${f.publishingAgencyId}`);
  if (f.agencyId) parts.push(sql`EXISTS (SELECT 1 FROM procedure_version_agencies pa WHERE pa.version_id = v.id AND pa.agency_id = ${f.agencyId})`);
  return sql.join(parts, sql` AND `);
}

/** Relevance tiers, best first; see searchParts. */
export const SearchTier = { CODE: 5, EXACT: 4, PREFIX: 3, PHRASE: 2, ALL_WORDS: 1, SIMILAR: 0 } as const;

export interface SearchTerms {
  folded: string;
  words: string[];
  /** The raw query when it looks like a procedure code (1.000948, 2.000635.H33). */
  code: string | null;
}

export function searchTerms(q: string): SearchTerms | null {
  const folded = foldVietnamese(q).replace(/[^\p{L}\p{N}.\s-]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (!folded) return null;
  const words = [...new Set(folded.split(' ').filter((w) => w.length > 0))];
  const code = /^\d\.\d{1,6}[0-9a-z.]*$/i.test(q.trim()) ? q.trim().toUpperCase() : null;
  return { folded, words, code };
}

/**
 * How a query is matched, tried in this order until something is found:
 * - strict: the code, or every word of the query in the folded name (GIN trigram index for LIKE '%word%');
 *   ranked exact name, name starting with the query, the query as a phrase at a word start, all words anywhere;
 * - typo: some words occur in no name at all (misspelt): names holding every word that does occur (index again),
 *   ranked by the word_similarity of the misspelt words to the name ("xay dugn" finds "xây dựng");
 * - partial: no name holds every word (extra words such as "thủ tục", or a misspelling too far off): names holding,
 *   as whole words, at least two thirds of the words found in the catalog, ranked by how many they hold;
 * - similar: no word occurs anywhere (every word misspelt): the whole query word-similar to the name (pg_trgm `<%`,
 *   threshold 0.6, GIN index).
 * Ties go to shorter names. Trying the cheap cases first keeps trigram similarity off the common path.
 */
export type SearchMode =
  | { kind: 'strict'; terms: SearchTerms }
  | { kind: 'typo'; terms: SearchTerms; known: string[]; unknown: string[] }
  | { kind: 'partial'; terms: SearchTerms; known: string[] }
  | { kind: 'similar'; terms: SearchTerms };

const wordLike = (w: string) => sql`v.name_folded LIKE ${`%${likeEscape(w)}%`}`;
/** A word of the name starting with w (regular expression word boundary). */
const wordStart = (w: string) => sql`v.name_folded ~ ${`\\m${w.replace(/[.-]/g, (c) => `\\${c}`)}`}`;

export function searchParts(mode: SearchMode): { where: SQL; tier: SQL; similarity: SQL } {
  const t = mode.terms;
  switch (mode.kind) {
    case 'strict': {
      const allWords = sql.join(t.words.map(wordLike), sql` AND `);
      const codeMatch = t.code ? sql`p.code LIKE ${`${likeEscape(t.code)}%`}` : sql`false`;
      const tier = sql`CASE
          WHEN ${codeMatch} THEN ${SearchTier.CODE}
          WHEN v.name_folded = ${t.folded}::text THEN ${SearchTier.EXACT}
          WHEN v.name_folded LIKE ${`${likeEscape(t.folded)}%`} THEN ${SearchTier.PREFIX}
          WHEN v.name_folded LIKE ${`% ${likeEscape(t.folded)}%`} THEN ${SearchTier.PHRASE}
          ELSE ${SearchTier.ALL_WORDS} END`;
      return { where: sql`(${codeMatch} OR (${allWords}))`, tier, similarity: sql`0::real` };
    }
    case 'typo':
      return {
        where: sql`(${sql.join(mode.known.map(wordLike), sql` AND `)})`,
        tier: sql`${SearchTier.SIMILAR}`,
        similarity: sql`(${sql.join(mode.unknown.map((u) => sql`word_similarity(${u}::text, v.name_folded)`), sql` + `)})::real`,
      };
    case 'partial': {
      const needed = Math.max(1, Math.ceil((mode.known.length * 2) / 3));
      const count = (test: (w: string) => SQL) => sql`(${sql.join(mode.known.map((w) => sql`(${test(w)})::int`), sql` + `)})`;
      const matched = count(wordStart);
      // The substring count (cheap LIKE) first: the regular expressions then run on the few rows it leaves.
      return { where: sql`${count(wordLike)} >= ${needed} AND ${matched} >= ${needed}`, tier: sql`${SearchTier.SIMILAR}`, similarity: sql`${matched}::real` };
    }
    case 'similar':
      return { where: sql`${t.folded}::text <% v.name_folded`, tier: sql`${SearchTier.SIMILAR}`, similarity: sql`word_similarity(${t.folded}::text, v.name_folded)` };
  }
}

/** The query words found somewhere in the catalog's names (each checked through the trigram index). */
export async function knownWords(executor: Executor, words: string[]): Promise<string[]> {
  const checks = words.map((w) => sql`SELECT ${w}::text AS w WHERE EXISTS (SELECT 1 FROM procedure_versions v WHERE ${wordLike(w)})`);
  const rows = await queryRows<{ w: string }>(executor, sql.join(checks, sql` UNION ALL `));
  return rows.map((r) => r.w);
}

interface ListRow {
  id: string;
  version_id: string;
  code: string;
  name: string;
  field_id: string;
  field_code: string;
  field_name: string;
  level: string;
  time_value: number;
  time_unit: string;
  time_note: string | null;
  online_level: number;
  online_scope: string | null;
  on_the_spot: boolean;
  inter_agency: boolean;
  has_fee: boolean;
  valid_from: string;
  valid_to: string | null;
  agency_count: number;
  total: number;
  tier: number | null;
}

export interface ListedProcedure {
  id: string;
  versionId: string;
  code: string;
  name: string;
  field: { id: string; code: string; name: string };
  level: ProcedureLevel;
  time: { value: number; unit: TimeUnit; note: string | null };
  onlineLevel: number;
  onlineScope: 'full' | 'partial' | null;
  onTheSpot: boolean;
  interAgency: boolean;
  hasFee: boolean;
  agencyCount: number;
  validFrom: string;
  validTo: string | null;
  tier: number | null;
}

/** The SQL of one page of the catalog (used by listProcedures, and by the benchmark to measure and EXPLAIN it). */
export function procedureListSql(
  query: Partial<ProcedureListQuery> & { page: number; pageSize: number; asOf: string },
  mode: SearchMode | null = query.q ? strictMode(query.q) : null,
): { page: SQL; count: SQL } {
  const where = catalogConditions(query);
  const search = mode ? searchParts(mode) : null;
  const offset = (query.page - 1) * query.pageSize;
  const page = sql`WITH hits AS (
          SELECT v.id AS version_id, p.id, p.code, v.name, v.field_id, v.level, v.time_value, v.time_unit, v.time_note,
                 v.online_level, v.online_scope, v.on_the_spot, v.inter_agency, jsonb_array_length(v.fees) > 0 AS has_fee,
                 v.valid_from::text AS valid_from, v.valid_to::text AS valid_to,
                 ${search ? search.tier : sql`NULL::int`} AS tier,
                 ${search ? search.similarity : sql`0::real`} AS similarity,
                 count(*) OVER () AS total
            FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id
           WHERE ${where} ${search ? sql`AND ${search.where}` : sql``}
           ORDER BY ${search ? sql`tier DESC, similarity DESC, length(v.name),` : sql``} v.name, p.code
           LIMIT ${query.pageSize} OFFSET ${offset})
        SELECT h.*, f.code AS field_code, f.name AS field_name,
               (SELECT count(*) FROM procedure_version_agencies a WHERE a.version_id = h.version_id)::int AS agency_count
          FROM hits h JOIN procedure_fields f ON f.id = h.field_id
         ORDER BY ${search ? sql`h.tier DESC, h.similarity DESC, length(h.name),` : sql``} h.name, h.code`;
  const count = sql`SELECT count(*)::int AS n FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id WHERE ${where} ${search ? sql`AND ${search.where}` : sql``}`;
  return { page, count };
}

function strictMode(q: string): SearchMode | null {
  const terms = searchTerms(q);
  return terms ? { kind: 'strict', terms } : null;
}

async function runPage(executor: Executor, query: Parameters<typeof procedureListSql>[0], mode: SearchMode | null) {
  const statements = procedureListSql(query, mode);
  const rows = await queryRows<ListRow>(executor, statements.page);
  let total = rows[0] ? Number(rows[0].total) : 0;
  // Past the last page the window count is not there: count separately.
  if (rows.length === 0 && query.page > 1) {
    const [c] = await queryRows<{ n: number }>(executor, statements.count);
    total = Number(c?.n ?? 0);
  }
  return { rows, total };
}

/** The catalog as of a date: filtered, searched and ranked when `q` is given (see SearchMode), paged. */
export async function listProcedures(
  executor: Executor,
  query: Partial<ProcedureListQuery> & { page: number; pageSize: number },
): Promise<{ items: ListedProcedure[]; total: number; asOf: string; mode: SearchMode['kind'] | null }> {
  const asOf = query.asOf ?? todayInVietnam();
  const terms = query.q ? searchTerms(query.q) : null;
  let mode: SearchMode | null = terms ? { kind: 'strict', terms } : null;
  let { rows, total } = await runPage(executor, { ...query, asOf }, mode);
  if (terms && total === 0) {
    const known = await knownWords(executor, terms.words);
    const unknown = terms.words.filter((w) => !known.includes(w));
    const tries: SearchMode[] =
      known.length === 0
        ? [{ kind: 'similar', terms }]
        : [...(unknown.length > 0 ? [{ kind: 'typo', terms, known, unknown } as const] : []), { kind: 'partial', terms, known }];
    for (const next of tries) {
      mode = next;
      ({ rows, total } = await runPage(executor, { ...query, asOf }, mode));
      if (total > 0) break;
    }
  }
  return {
    asOf,
    total,
    mode: mode?.kind ?? null,
    items: rows.map((r) => ({
      id: r.id,
      versionId: r.version_id,
      code: r.code,
      name: r.name,
      field: { id: r.field_id, code: r.field_code, name: r.field_name },
      level: r.level as ProcedureLevel,
      time: { value: Number(r.time_value), unit: r.time_unit as TimeUnit, note: r.time_note },
      onlineLevel: Number(r.online_level),
      onlineScope: (r.online_scope as 'full' | 'partial' | null) ?? null,
      onTheSpot: r.on_the_spot,
      interAgency: r.inter_agency,
      hasFee: r.has_fee,
      agencyCount: Number(r.agency_count),
      validFrom: r.valid_from,
      validTo: r.valid_to,
      tier: r.tier === null ? null : Number(r.tier),
    })),
  };
}

export interface CatalogCounts {
  asOf: string;
  total: number;
  byLevel: Record<ProcedureLevel, number>;
  byOnlineLevel: Record<string, number>;
  byOnlineScope: { full: number; partial: number; none: number };
  onTheSpot: number;
  interAgency: number;
  postalReturn: number;
}

/** Counts of procedures in force on a date by level and online level: the figures periodic reports need. */
export async function catalogStats(executor: Executor, filter: Omit<CatalogFilter, 'asOf'> & { asOf?: string | undefined }): Promise<CatalogCounts> {
  const asOf = filter.asOf ?? todayInVietnam();
  const rows = await queryRows<{ level: string; online_level: number; online_scope: string | null; on_the_spot: number; inter_agency: number; postal_return: number; n: number }>(
    executor,
    sql`SELECT v.level, v.online_level, v.online_scope,
               count(*) FILTER (WHERE v.on_the_spot)::int AS on_the_spot,
               count(*) FILTER (WHERE v.inter_agency)::int AS inter_agency,
               count(*) FILTER (WHERE v.postal_return)::int AS postal_return,
               count(*)::int AS n
          FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id
         WHERE ${catalogConditions({ ...filter, asOf })}
         GROUP BY v.level, v.online_level, v.online_scope`,
  );
  const out: CatalogCounts = {
    asOf,
    total: 0,
    byLevel: { province: 0, district: 0, commune: 0 },
    byOnlineLevel: { '1': 0, '2': 0, '3': 0, '4': 0 },
    byOnlineScope: { full: 0, partial: 0, none: 0 },
    onTheSpot: 0,
    interAgency: 0,
    postalReturn: 0,
  };
  for (const r of rows) {
    const n = Number(r.n);
    out.total += n;
    out.byLevel[r.level as ProcedureLevel] += n;
    out.byOnlineLevel[String(r.online_level)] = (out.byOnlineLevel[String(r.online_level)] ?? 0) + n;
    out.byOnlineScope[(r.online_scope as 'full' | 'partial' | null) ?? 'none'] += n;
    out.onTheSpot += Number(r.on_the_spot);
    out.interAgency += Number(r.inter_agency);
    out.postalReturn += Number(r.postal_return);
  }
  return out;
}

/** Fields with the number of procedures in force on a date. */
export async function listFields(executor: Executor, asOf: string) {
  return queryRows<{ id: string; code: string; name: string; procedure_count: number }>(
    executor,
    sql`SELECT f.id, f.code, f.name,
               (SELECT count(*) FROM procedure_versions v WHERE v.field_id = f.id
                   AND v.valid_from <= ${asOf}::date AND (v.valid_to IS NULL OR v.valid_to >= ${asOf}::date))::int AS procedure_count
          FROM procedure_fields f ORDER BY f.name`,
  );
}
