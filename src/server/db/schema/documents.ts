/**
 * Document registry (sổ văn bản): the province's legal and administrative documents and those it cites (ministries,
 * the Party committee), with their reform areas; for legal documents (VBQPPL) the effect status over time; and the
 * review / self-inspection records. The provincial CCHC report counts and cites documents from here (its footnotes).
 * Codes (types, issuer levels, statuses, review kinds) are in shared/schemas/documents.ts; areas in
 * shared/reform-areas.ts.
 */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './units';
import { users } from './users';
import { files } from './files';

export const registryDocuments = pgTable(
  'registry_documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Số, ký hiệu as written on the document: `1996/KH-UBND`, `01/2021/NQ-HĐND`, `03-NQ/TU`. */
    numberSymbol: text().notNull(),
    /** resolution | decision | directive | plan | programme | official_letter | notice | report | conclusion | guidance | other */
    docType: text().notNull(),
    /** Cơ quan ban hành as cited (`Ủy ban nhân dân tỉnh Hậu Giang`, `Bộ Nội vụ`). */
    issuerName: text().notNull(),
    /** central | party | provincial_council | provincial | district | commune | other */
    issuerLevel: text().notNull(),
    /** Set when the issuer is an agency of the system (UBND tỉnh, a Sở, a district committee). */
    issuerAgencyId: uuid().references(() => agencies.id),
    /** Ngày ban hành. */
    issuedOn: date({ mode: 'string' }).notNull(),
    issueYear: integer().generatedAlwaysAs(sql`(extract(year from "issued_on"))::int`),
    signerName: text(),
    signerTitle: text(),
    /** Trích yếu. */
    subject: text().notNull(),
    /** Reform areas (shared/reform-areas.ts), `direction` for plans and directives of the report's section I. */
    areas: text().array().notNull().default(sql`'{}'::text[]`),
    /** Free topic tags grouping citations in the report (e.g. `covid`, `online_services`, `law_monitoring`). */
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    /** Văn bản quy phạm pháp luật: has an effect status over time (registryDocumentEffects). */
    isLegal: boolean().notNull().default(false),
    /** Ngày có hiệu lực (legal documents). */
    effectiveFrom: date({ mode: 'string' }),
    fileId: uuid().references(() => files.id),
    note: text(),
    /** f_unaccent(lower(number, subject, issuer)) for the trigram search. */
    searchFolded: text().generatedAlwaysAs(
      sql`f_unaccent(lower("number_symbol" || ' ' || "subject" || ' ' || "issuer_name"))`,
    ),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('registry_documents_number_uq').on(t.numberSymbol, t.issuerName, t.issueYear),
    index('registry_documents_issued_idx').on(t.issuedOn),
    index('registry_documents_issuer_agency_idx').on(t.issuerAgencyId),
    index('registry_documents_areas_idx').using('gin', t.areas),
    index('registry_documents_search_trgm_idx').using('gin', sql`${t.searchFolded} gin_trgm_ops`),
  ],
);

/**
 * Effect status of a legal document over time, append-only: the status as of a date is the latest event on or
 * before it. Creating a legal document records `in_force` from its effective date.
 */
export const registryDocumentEffects = pgTable(
  'registry_document_effects',
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid()
      .notNull()
      .references(() => registryDocuments.id),
    /** in_force | expired_part | expired_whole | suspended */
    status: text().notNull(),
    /** First day the status applies. */
    effectiveOn: date({ mode: 'string' }).notNull(),
    /** The document that causes it (a decision abolishing, a list publishing expired documents). */
    basisDocumentId: uuid().references(() => registryDocuments.id),
    /** The basis as text when it is not in the registry. */
    basisText: text(),
    note: text(),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('registry_document_effects_uq').on(t.documentId, t.effectiveOn, t.status),
    index('registry_document_effects_effective_idx').on(t.effectiveOn),
  ],
);

/**
 * Kiểm tra, tự kiểm tra, rà soát, hệ thống hóa văn bản: one record per document checked. The document is either
 * in the registry or described in `subjectText` (a district council's resolution checked by the province).
 */
export const registryDocumentReviews = pgTable(
  'registry_document_reviews',
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid().references(() => registryDocuments.id),
    subjectText: text(),
    /** self_inspection | authority_inspection | review | systematisation | national_database */
    kind: text().notNull(),
    reviewedOn: date({ mode: 'string' }).notNull(),
    /** The agency that checked (Sở Tư pháp, ...). */
    reviewerAgencyId: uuid().references(() => agencies.id),
    /** lawful | unlawful_signs | needs_amendment | recorded */
    result: text().notNull(),
    note: text(),
    /** The plan or decision under which the review was done (KH 1993/KH-UBND). */
    basisDocumentId: uuid().references(() => registryDocuments.id),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('registry_document_reviews_reviewed_idx').on(t.reviewedOn),
    index('registry_document_reviews_document_idx').on(t.documentId),
  ],
);
