/**
 * Reads of the document registry. The functions under «Report queries» are the ones the provincial CCHC report
 * (modules/cchc-report) uses for its institutions figures and its footnotes; they take a period as two inclusive
 * ISO dates and never depend on the actor (the report is province-wide).
 */
import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { agencies, files, registryDocumentEffects, registryDocumentReviews, registryDocuments } from '../../db/schema';
import type { DocumentListQuery, EffectStatus, IssuerLevel, ReviewKind } from '../../../shared/schemas/documents';
import { foldedSearch } from '../faq/folded-search';

export type RegistryDocument = typeof registryDocuments.$inferSelect;
export type DocumentEffect = typeof registryDocumentEffects.$inferSelect;
export type DocumentReview = typeof registryDocumentReviews.$inferSelect;

export async function findDocument(executor: Executor, id: string): Promise<RegistryDocument | undefined> {
  const [row] = await executor.select().from(registryDocuments).where(eq(registryDocuments.id, id));
  return row;
}

/** The document with this number and symbol from this issuer in this year (the registry's natural key). */
export async function findDocumentByNumber(executor: Executor, numberSymbol: string, issuerName: string, issuedOn: string) {
  const [row] = await executor
    .select()
    .from(registryDocuments)
    .where(
      and(
        eq(registryDocuments.numberSymbol, numberSymbol),
        eq(registryDocuments.issuerName, issuerName),
        eq(registryDocuments.issueYear, Number(issuedOn.slice(0, 4))),
      ),
    );
  return row;
}

/**
 * Effect status of legal documents as of a date: the latest event on or before it (null before the first event,
 * i.e. not yet in force). Returns a map document id → status.
 */
export async function effectStatusesAsOf(executor: Executor, documentIds: string[], asOf: string): Promise<Map<string, EffectStatus>> {
  if (documentIds.length === 0) return new Map();
  const rows = await executor
    .selectDistinctOn([registryDocumentEffects.documentId], { documentId: registryDocumentEffects.documentId, status: registryDocumentEffects.status })
    .from(registryDocumentEffects)
    .where(and(inArray(registryDocumentEffects.documentId, documentIds), lte(registryDocumentEffects.effectiveOn, asOf)))
    .orderBy(registryDocumentEffects.documentId, desc(registryDocumentEffects.effectiveOn), desc(registryDocumentEffects.createdAt));
  return new Map(rows.map((r) => [r.documentId, r.status as EffectStatus]));
}

/** SQL: the document's effect status as of a date (for filtering lists). */
function effectStatusAsOfSql(asOf: string): SQL {
  return sql`(SELECT e.status FROM ${registryDocumentEffects} e WHERE e.document_id = ${registryDocuments.id} AND e.effective_on <= ${asOf}
    ORDER BY e.effective_on DESC, e.created_at DESC LIMIT 1)`;
}

export async function listDocuments(executor: Executor, query: DocumentListQuery, today: string) {
  const search = foldedSearch(registryDocuments.searchFolded, query.q);
  const conditions: (SQL | undefined)[] = [
    search?.where,
    query.docType ? eq(registryDocuments.docType, query.docType) : undefined,
    query.area ? sql`${query.area} = ANY(${registryDocuments.areas})` : undefined,
    query.issuerLevel ? eq(registryDocuments.issuerLevel, query.issuerLevel) : undefined,
    query.isLegal !== undefined ? eq(registryDocuments.isLegal, query.isLegal) : undefined,
    query.from ? gte(registryDocuments.issuedOn, query.from) : undefined,
    query.to ? lte(registryDocuments.issuedOn, query.to) : undefined,
    query.effectStatus ? sql`${effectStatusAsOfSql(query.asOf ?? today)} = ${query.effectStatus}` : undefined,
  ];
  const where = and(...conditions);
  const [{ total }] = (await executor.select({ total: count() }).from(registryDocuments).where(where)) as [{ total: number }];
  const items = await executor
    .select()
    .from(registryDocuments)
    .where(where)
    .orderBy(...(search ? [desc(search.rank)] : []), desc(registryDocuments.issuedOn), asc(registryDocuments.numberSymbol))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items, total };
}

export async function listDocumentEffects(executor: Executor, documentId: string) {
  const basis = sql<string | null>`(SELECT b.number_symbol FROM ${registryDocuments} b WHERE b.id = ${registryDocumentEffects.basisDocumentId})`;
  return executor
    .select({ effect: registryDocumentEffects, basisNumberSymbol: basis })
    .from(registryDocumentEffects)
    .where(eq(registryDocumentEffects.documentId, documentId))
    .orderBy(asc(registryDocumentEffects.effectiveOn), asc(registryDocumentEffects.createdAt));
}

export interface ReviewFilter {
  documentId?: string;
  kind?: ReviewKind;
  from?: string;
  to?: string;
}

export async function listDocumentReviews(executor: Executor, filter: ReviewFilter, page = { page: 1, pageSize: 200 }) {
  const where = and(
    filter.documentId ? eq(registryDocumentReviews.documentId, filter.documentId) : undefined,
    filter.kind ? eq(registryDocumentReviews.kind, filter.kind) : undefined,
    filter.from ? gte(registryDocumentReviews.reviewedOn, filter.from) : undefined,
    filter.to ? lte(registryDocumentReviews.reviewedOn, filter.to) : undefined,
  );
  const [{ total }] = (await executor.select({ total: count() }).from(registryDocumentReviews).where(where)) as [{ total: number }];
  const items = await executor
    .select({
      review: registryDocumentReviews,
      documentNumberSymbol: registryDocuments.numberSymbol,
      documentSubject: registryDocuments.subject,
      reviewerAgencyName: agencies.name,
    })
    .from(registryDocumentReviews)
    .leftJoin(registryDocuments, eq(registryDocuments.id, registryDocumentReviews.documentId))
    .leftJoin(agencies, eq(agencies.id, registryDocumentReviews.reviewerAgencyId))
    .where(where)
    .orderBy(desc(registryDocumentReviews.reviewedOn), asc(registryDocumentReviews.createdAt))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { items, total };
}

export async function findFileName(executor: Executor, fileId: string | null): Promise<string | null> {
  if (!fileId) return null;
  const [row] = await executor.select({ fileName: files.fileName }).from(files).where(eq(files.id, fileId));
  return row?.fileName ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Report queries
// ---------------------------------------------------------------------------------------------------------------

export interface IssuedDocumentsFilter {
  /** Inclusive ISO dates of the issue date. */
  from: string;
  to: string;
  /** Any of these reform areas (documents carry several). */
  areas?: readonly string[];
  docTypes?: readonly string[];
  issuerLevels?: readonly IssuerLevel[];
  /** Any of these topic tags (`covid`, `online_services`, `law_monitoring`, ...). */
  tags?: readonly string[];
  /** Only legal documents (VBQPPL) when true, only others when false. */
  isLegal?: boolean;
}

function issuedWhere(filter: IssuedDocumentsFilter): SQL | undefined {
  return and(
    gte(registryDocuments.issuedOn, filter.from),
    lte(registryDocuments.issuedOn, filter.to),
    filter.areas?.length ? sql`${registryDocuments.areas} && ${sql.param([...filter.areas])}::text[]` : undefined,
    filter.docTypes?.length ? inArray(registryDocuments.docType, [...filter.docTypes]) : undefined,
    filter.issuerLevels?.length ? inArray(registryDocuments.issuerLevel, [...filter.issuerLevels]) : undefined,
    filter.tags?.length ? sql`${registryDocuments.tags} && ${sql.param([...filter.tags])}::text[]` : undefined,
    filter.isLegal !== undefined ? eq(registryDocuments.isLegal, filter.isLegal) : undefined,
  );
}

/**
 * Documents issued in a period matching the filter, in citation order (issue date, then number): the list a report
 * footnote cites. Format each with `formatDocumentCitation` (shared/document-citation.ts).
 */
export async function listDocumentsIssued(executor: Executor, filter: IssuedDocumentsFilter): Promise<RegistryDocument[]> {
  return executor
    .select()
    .from(registryDocuments)
    .where(issuedWhere(filter))
    .orderBy(asc(registryDocuments.issuedOn), asc(registryDocuments.numberSymbol));
}

/** Number of documents issued in a period, grouped by type and issuer level (the filter narrows further). */
export async function countDocumentsIssued(executor: Executor, filter: IssuedDocumentsFilter) {
  return executor
    .select({ docType: registryDocuments.docType, issuerLevel: registryDocuments.issuerLevel, count: count() })
    .from(registryDocuments)
    .where(issuedWhere(filter))
    .groupBy(registryDocuments.docType, registryDocuments.issuerLevel)
    .orderBy(registryDocuments.docType, registryDocuments.issuerLevel);
}

export interface LegalDocumentFigures {
  /** Nghị quyết (VBQPPL) of the provincial council issued in the period. */
  issuedResolutions: number;
  /** Quyết định (VBQPPL) of the provincial committee issued in the period. */
  issuedDecisions: number;
  /** Legal documents whose effect changed in the period (event date in the period), by new status. */
  expiredWhole: number;
  expiredPart: number;
  suspended: number;
}

/**
 * VBQPPL figures of the report's section II.1: issued by the provincial council / committee in the period, and
 * effect changes dated in the period. `issuerLevels` defaults to the province (council and committee).
 */
export async function legalDocumentFigures(
  executor: Executor,
  period: { from: string; to: string },
  issuerLevels: readonly IssuerLevel[] = ['provincial_council', 'provincial'],
): Promise<LegalDocumentFigures> {
  const issued = await executor
    .select({ docType: registryDocuments.docType, count: count() })
    .from(registryDocuments)
    .where(and(issuedWhere({ ...period, isLegal: true }), inArray(registryDocuments.issuerLevel, [...issuerLevels])))
    .groupBy(registryDocuments.docType);
  const changes = await executor
    .select({ status: registryDocumentEffects.status, count: sql<number>`count(DISTINCT ${registryDocumentEffects.documentId})::int` })
    .from(registryDocumentEffects)
    .innerJoin(registryDocuments, eq(registryDocuments.id, registryDocumentEffects.documentId))
    .where(
      and(
        gte(registryDocumentEffects.effectiveOn, period.from),
        lte(registryDocumentEffects.effectiveOn, period.to),
        inArray(registryDocuments.issuerLevel, [...issuerLevels]),
      ),
    )
    .groupBy(registryDocumentEffects.status);
  const issuedOf = (t: string) => issued.find((r) => r.docType === t)?.count ?? 0;
  const changedTo = (s: EffectStatus) => changes.find((r) => r.status === s)?.count ?? 0;
  return {
    issuedResolutions: issuedOf('resolution'),
    issuedDecisions: issuedOf('decision'),
    expiredWhole: changedTo('expired_whole'),
    expiredPart: changedTo('expired_part'),
    suspended: changedTo('suspended'),
  };
}

/**
 * Review and self-inspection records dated in the period, counted by kind and result (e.g. self_inspection/lawful
 * 17, authority_inspection/lawful 21). `registryOnly` counts only reviews of documents in the registry.
 */
export async function countDocumentReviews(executor: Executor, period: { from: string; to: string }) {
  return executor
    .select({ kind: registryDocumentReviews.kind, result: registryDocumentReviews.result, count: count() })
    .from(registryDocumentReviews)
    .where(and(gte(registryDocumentReviews.reviewedOn, period.from), lte(registryDocumentReviews.reviewedOn, period.to)))
    .groupBy(registryDocumentReviews.kind, registryDocumentReviews.result)
    .orderBy(registryDocumentReviews.kind, registryDocumentReviews.result);
}

export interface PublishedEffectList {
  /** The list document (e.g. Quyết định 150/QĐ-UBND công bố Danh mục văn bản hết hiệu lực năm 2020). */
  list: RegistryDocument;
  /** Documents whose effect change it is the basis of, by new status and by the documents' type and issuer level. */
  counts: { status: EffectStatus; docType: string; issuerLevel: string; count: number }[];
}

/**
 * Lists of expired or suspended legal documents published in the period (registry documents tagged `effect_list`,
 * issued in it), each with the documents it declares by status: «26 quyết định của UBND tỉnh, 22 nghị quyết của
 * HĐND tỉnh hết hiệu lực toàn bộ; 18 quyết định, 02 nghị quyết hết hiệu lực một phần; 02 quyết định ngưng hiệu lực».
 * The changes themselves may date from before the period (the year the list covers).
 */
export async function publishedEffectLists(executor: Executor, period: { from: string; to: string }): Promise<PublishedEffectList[]> {
  const lists = await listDocumentsIssued(executor, { ...period, tags: ['effect_list'] });
  const out: PublishedEffectList[] = [];
  for (const list of lists) {
    const counts = await executor
      .select({ status: registryDocumentEffects.status, docType: registryDocuments.docType, issuerLevel: registryDocuments.issuerLevel, count: count() })
      .from(registryDocumentEffects)
      .innerJoin(registryDocuments, eq(registryDocuments.id, registryDocumentEffects.documentId))
      .where(eq(registryDocumentEffects.basisDocumentId, list.id))
      .groupBy(registryDocumentEffects.status, registryDocuments.docType, registryDocuments.issuerLevel)
      .orderBy(registryDocumentEffects.status, registryDocuments.docType, registryDocuments.issuerLevel);
    out.push({ list, counts: counts.map((c) => ({ ...c, status: c.status as EffectStatus })) });
  }
  return out;
}

/** Legal documents in force (whole or in part) as of a date, counted by issuer level and type. */
export async function countLegalDocumentsInForce(executor: Executor, asOf: string) {
  return executor
    .select({ issuerLevel: registryDocuments.issuerLevel, docType: registryDocuments.docType, count: count() })
    .from(registryDocuments)
    .where(and(eq(registryDocuments.isLegal, true), sql`${effectStatusAsOfSql(asOf)} IN ('in_force', 'expired_part')`))
    .groupBy(registryDocuments.issuerLevel, registryDocuments.docType);
}
