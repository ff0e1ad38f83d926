/**
 * Procedure catalog (danh mục thủ tục hành chính): fields, procedures with dated versions, the agencies that apply
 * each version, publication decisions that create the versions, and internal processes per procedure and agency.
 * Content follows NĐ 63/2010/NĐ-CP Điều 8 (amended by NĐ 92/2017/NĐ-CP); see DOMAIN.md "Procedure catalog".
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencies, departments } from './units';
import { users } from './users';

/** One required document (thành phần hồ sơ). */
export interface ProcedureDocumentData {
  name: string;
  /** Số bản chính. */
  originals: number;
  /** Số bản sao. */
  copies: number;
  /** Mẫu đơn, tờ khai (name of the form template). */
  formName?: string | null;
  /** Where the blank form can be downloaded. */
  formUrl?: string | null;
}

/** Phí, lệ phí; amount in VND (0 when only an exemption note applies). */
export interface ProcedureFeeData {
  name: string;
  amount: number;
  note?: string | null;
}

/** Căn cứ pháp lý: a legal document by number, with its title, date of issue and a link. */
export interface LegalBasisData {
  number: string;
  title: string;
  issuedOn?: string | null;
  url?: string | null;
}

/** Lĩnh vực (field of a procedure), e.g. Hộ tịch; the code is stable and used by imports. */
export const procedureFields = pgTable('procedure_fields', {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A procedure's identity: the national code and the agency (UBND tỉnh) that publishes it. Content lives in versions. */
export const procedures = pgTable(
  'procedures',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Mã thủ tục as in the national database, e.g. 1.000948.H38 or 2.000635. */
    code: text().notNull().unique(),
    publishingAgencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    /** Set when a publication decision replaced another procedure by this one. */
    replacesProcedureId: uuid().references((): never => procedures.id as never),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('procedures_publishing_agency_idx').on(t.publishingAgencyId)],
);

/** Quyết định công bố TTHC: adds, amends, replaces or abolishes procedures; applying it creates the versions. */
export const publicationDecisions = pgTable(
  'publication_decisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    publishingAgencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    /** Số quyết định, e.g. 1234/QĐ-UBND. */
    number: text().notNull(),
    /** Trích yếu. */
    title: text().notNull(),
    /** Ngày ký (ngày ban hành). */
    signedOn: date({ mode: 'string' }).notNull(),
    signerName: text().notNull(),
    signerTitle: text().notNull(),
    /** Ngày có hiệu lực: the versions the decision creates are valid from this date. */
    effectiveFrom: date({ mode: 'string' }).notNull(),
    /** The legal document (VBQPPL) that prescribes the procedures, and the day it takes effect (5-day rule). */
    legalDocumentNumber: text(),
    legalDocumentTitle: text(),
    legalDocumentEffectiveFrom: date({ mode: 'string' }),
    /** draft | applied */
    status: text().notNull().default('draft'),
    appliedAt: timestamp({ withTimezone: true }),
    appliedById: uuid().references(() => users.id),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('publication_decisions_agency_number_uq').on(t.publishingAgencyId, t.number),
    index('publication_decisions_signed_idx').on(t.signedOn),
  ],
);

/** One line of a decision: add / amend / replace / abolish procedure X. */
export const publicationDecisionItems = pgTable(
  'publication_decision_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    decisionId: uuid()
      .notNull()
      .references(() => publicationDecisions.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    /** add | amend | replace | abolish */
    action: text().notNull(),
    /** The procedure concerned (for replace: the one being replaced). */
    procedureCode: text().notNull(),
    /** New content (add, amend, replace), in the import/API shape: see shared/schemas/catalog.ts. */
    content: jsonb().$type<Record<string, unknown>>(),
    /** Filled when the decision is applied. */
    resultProcedureId: uuid().references(() => procedures.id),
    resultVersionId: uuid().references(() => procedureVersions.id),
  },
  (t) => [uniqueIndex('publication_decision_items_position_uq').on(t.decisionId, t.position)],
);

/**
 * A procedure's content valid between two dates (validTo inclusive, null while in force). A dossier binds to the
 * version id in force when it was received.
 */
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    procedureId: uuid()
      .notNull()
      .references(() => procedures.id),
    versionNo: integer().notNull(),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    decisionId: uuid().references(() => publicationDecisions.id),
    /** decision | import | seed */
    origin: text().notNull(),
    name: text().notNull(),
    /** f_unaccent(lower(name)), stored for the trigram index and ranking. */
    nameFolded: text().generatedAlwaysAs(sql`f_unaccent(lower("name"))`),
    fieldId: uuid()
      .notNull()
      .references(() => procedureFields.id),
    /** province | district | commune */
    level: text().notNull(),
    /** Key of the appraising department (phòng) inside each handling agency, when it is the same everywhere. */
    departmentKey: text(),
    /** Thời hạn giải quyết. */
    timeValue: doublePrecision().notNull(),
    /** working_days | working_hours | calendar_days */
    timeUnit: text().notNull(),
    timeNote: text(),
    /** Mức độ dịch vụ công trực tuyến 1–4 (NĐ 43/2011). */
    onlineLevel: smallint().notNull(),
    /** NĐ 42/2022: full (toàn trình) | partial (một phần) | null. */
    onlineScope: text(),
    /** 5 tại chỗ. */
    onTheSpot: boolean().notNull().default(false),
    /** Một cửa liên thông. */
    interAgency: boolean().notNull().default(false),
    /** Trả kết quả qua dịch vụ bưu chính công ích. */
    postalReturn: boolean().notNull().default(false),
    /** HH:MM after which a dossier counts from the next working day. */
    cutoffTime: text(),
    /** Cách thức thực hiện: in_person | online | post. */
    methods: text().array().notNull(),
    /** Đối tượng thực hiện: individual | organisation. */
    subjects: text().array().notNull(),
    /** Trình tự thực hiện. */
    steps: jsonb().$type<string[]>().notNull(),
    documents: jsonb().$type<ProcedureDocumentData[]>().notNull(),
    /** Số lượng bộ hồ sơ. */
    sets: integer().notNull(),
    result: text().notNull(),
    conditions: text(),
    fees: jsonb().$type<ProcedureFeeData[]>().notNull(),
    feeExemptions: text(),
    legalBasis: jsonb().$type<LegalBasisData[]>().notNull(),
    /** sha256 of the canonical content and agency list: imports compare it to skip identical rows. */
    contentHash: text().notNull(),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('procedure_versions_no_uq').on(t.procedureId, t.versionNo),
    uniqueIndex('procedure_versions_valid_from_uq').on(t.procedureId, t.validFrom),
    index('procedure_versions_validity_idx').on(t.validFrom, t.validTo),
    index('procedure_versions_field_idx').on(t.fieldId),
    index('procedure_versions_decision_idx').on(t.decisionId),
    index('procedure_versions_name_trgm_idx').using('gin', sql`${t.nameFolded} gin_trgm_ops`),
  ],
);

/**
 * Which agencies apply a version: one row per agency (a district-level procedure has a row for every district
 * committee, a commune-level one for every commune committee).
 */
export const procedureVersionAgencies = pgTable(
  'procedure_version_agencies',
  {
    versionId: uuid()
      .notNull()
      .references(() => procedureVersions.id, { onDelete: 'cascade' }),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.agencyId] }), index('procedure_version_agencies_agency_idx').on(t.agencyId, t.versionId)],
);

/** Quy trình nội bộ of a procedure in one agency, approved by a decision; replaced by a later one (validTo). */
export const internalProcesses = pgTable(
  'internal_processes',
  {
    id: uuid().primaryKey().defaultRandom(),
    procedureId: uuid()
      .notNull()
      .references(() => procedures.id),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    approvalDecisionNumber: text().notNull(),
    approvalDecisionDate: date({ mode: 'string' }).notNull(),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    /** Sum of the steps, in working minutes (stored for lists and statistics). */
    totalMinutes: integer().notNull(),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('internal_processes_valid_from_uq').on(t.procedureId, t.agencyId, t.validFrom),
    index('internal_processes_agency_idx').on(t.agencyId),
  ],
);

/** One ordered step of an internal process. */
export const internalProcessSteps = pgTable(
  'internal_process_steps',
  {
    id: uuid().primaryKey().defaultRandom(),
    processId: uuid()
      .notNull()
      .references(() => internalProcesses.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    name: text().notNull(),
    /** desk | specialist | department_head | leader | clerk | other_agency */
    responsibleRole: text().notNull(),
    departmentId: uuid().references(() => departments.id),
    /** Who is responsible, as shown (Bộ phận Một cửa, Phòng Tư pháp, Chủ tịch UBND xã, Chi cục Thuế ...). */
    responsibleLabel: text().notNull(),
    /** Allotted working time in minutes. */
    allottedMinutes: integer().notNull(),
    /** Another agency takes part in this step (liên thông). */
    interAgency: boolean().notNull().default(false),
  },
  (t) => [uniqueIndex('internal_process_steps_position_uq').on(t.processId, t.position)],
);
