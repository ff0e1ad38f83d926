/**
 * Dossiers (hồ sơ thủ tục hành chính). The append-only `dossier_actions` log is the record; the `dossiers` row is
 * its projection, updated in the same transaction as each action (see shared/workflow/dossier-state.ts).
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DossierRules, ProcedureSnapshot } from '../../../shared/schemas/dossiers';
import type { SuspensionPeriod } from '../../../shared/workflow/dossier-state';
import { procedureVersions, procedures } from './catalog';
import { files } from './files';
import { agencies, departments } from './units';
import { users } from './users';

const instant = () => timestamp({ withTimezone: true });

export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Mã số hồ sơ, e.g. 000.00.06.H56-210301-0001 (NĐ 118 Điều 28). */
    code: text().notNull(),
    codePatternId: text().notNull(),
    procedureId: uuid()
      .notNull()
      .references(() => procedures.id),
    procedureVersionId: uuid()
      .notNull()
      .references(() => procedureVersions.id),
    procedure: jsonb().$type<ProcedureSnapshot>().notNull(),
    rules: jsonb().$type<DossierRules>().notNull(),

    // Applicant (người nộp): a registered citizen, or a person or organisation entered at the desk.
    applicantUserId: uuid().references(() => users.id),
    /** individual | organisation */
    applicantKind: text().notNull(),
    applicantName: text().notNull(),
    applicantIdNumber: text(),
    applicantPhone: text(),
    applicantEmail: text(),
    applicantAddress: text(),
    organisationName: text(),
    organisationTaxCode: text(),
    summary: text(),
    note: text(),

    /** online | in_person | post */
    channel: text().notNull(),
    /** The three places: where the applicant was helped, the receiving desk, the competent agency. */
    helpedAtAgencyId: uuid().references(() => agencies.id),
    receivingAgencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    competentAgencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    /** Every agency the dossier passed through, for scope filters (GIN). */
    agencyIds: uuid().array().notNull(),
    receivedById: uuid().references(() => users.id),
    submittedAt: instant().notNull(),

    // Projection of the action log (DossierState).
    status: text().notNull(),
    resumeStatus: text(),
    currentStep: integer(),
    currentAgencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    currentDepartmentId: uuid().references(() => departments.id),
    assigneeId: uuid().references(() => users.id),
    receivedAt: instant(),
    processingStartedAt: instant(),
    dueAt: instant(),
    originalDueAt: instant(),
    stepDueAt: instant(),
    extendedAt: instant(),
    acceptAlertAt: instant(),
    acceptDueAt: instant(),
    suspensions: jsonb().$type<SuspensionPeriod[]>().notNull().default([]),
    supplementRequestedAt: instant(),
    supplementRequests: jsonb().$type<{ intake: number; appraisal: number }>().notNull().default({ intake: 0, appraisal: 0 }),
    /** due_soon | overdue (raised by the sweep job) */
    deadlineAlert: text(),
    finishedAt: instant(),
    /** early | on_time | late, against the due date the rules name (original by default). */
    outcome: text(),
    documentNumber: text(),
    lastSeq: integer().notNull(),

    // Separate states, not processing statuses.
    /** not_required | unpaid | paid | refunded */
    paymentState: text().notNull(),
    feeTotal: bigint({ mode: 'number' }).notNull().default(0),
    /** at_desk | online | post */
    deliveryMethod: text().notNull(),
    deliveryAddress: text(),
    /** not_ready | ready | delivered */
    deliveryState: text().notNull().default('not_ready'),
    /** pending | synced | failed | not_applicable (national portal) */
    syncState: text().notNull().default('pending'),
    syncedAt: instant(),

    /** sha256 of the short secret printed on the receipt (public tracking). */
    trackingSecretHash: text().notNull(),
    createdAt: instant().notNull().defaultNow(),
    updatedAt: instant().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dossiers_code_uq').on(t.code),
    index('dossiers_agency_ids_gin').using('gin', t.agencyIds),
    index('dossiers_status_due_idx').on(t.status, t.dueAt),
    index('dossiers_assignee_idx').on(t.assigneeId, t.status),
    index('dossiers_department_idx').on(t.currentDepartmentId, t.status),
    index('dossiers_applicant_user_idx').on(t.applicantUserId, t.submittedAt),
    index('dossiers_applicant_id_number_idx').on(t.applicantIdNumber),
    index('dossiers_competent_received_idx').on(t.competentAgencyId, t.receivedAt),
    index('dossiers_receiving_status_idx').on(t.receivingAgencyId, t.status),
    index('dossiers_applicant_name_trgm_idx').using('gin', sql`f_unaccent(lower(${t.applicantName})) gin_trgm_ops`),
  ],
);

/**
 * The staff queues' index: one row per agency a dossier passed through (its `agency_ids`) with the status, the
 * submission time and the folded names, kept by a trigger on `dossiers` (migrations 0016–0017), so a desk's "all"
 * and status queues count and page with index-only scans, and a name search reads narrow rows, instead of visiting
 * thousands of wide dossier rows. Never written by the application.
 */
export const dossierScopes = pgTable(
  'dossier_scopes',
  {
    agencyId: uuid().notNull(),
    dossierId: uuid()
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    status: text().notNull(),
    submittedAt: instant().notNull(),
    /** Applicant and organisation names, lower case without diacritics (f_unaccent), one per line: name search. */
    searchText: text().notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.dossierId] }),
    index('dossier_scopes_status_idx').on(t.agencyId, t.status),
    index('dossier_scopes_submitted_idx').on(t.agencyId, t.submittedAt.desc(), t.dossierId.desc()),
    index('dossier_scopes_dossier_idx').on(t.dossierId),
  ],
);

/** Nhật ký xử lý: every action on a dossier, append-only (a trigger refuses UPDATE and DELETE). */
export const dossierActions = pgTable(
  'dossier_actions',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** Chosen by the client: a retry with the same id is recognised and not applied twice. */
    actionId: uuid().notNull(),
    dossierId: uuid()
      .notNull()
      .references(() => dossiers.id),
    seq: integer().notNull(),
    action: text().notNull(),
    at: instant().notNull(),
    actorId: uuid().references(() => users.id),
    /** applicant | staff | system */
    actorRole: text().notNull(),
    actorName: text(),
    actorAgencyId: uuid().references(() => agencies.id),
    fromStatus: text(),
    toStatus: text().notNull(),
    fromStep: integer(),
    toStep: integer(),
    comment: text(),
    /** Values computed when the action was recorded (due dates, step, outcome) and the action's own fields. */
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** sha256 of the request, to tell a retry from a different request reusing the id. */
    requestHash: text().notNull(),
  },
  (t) => [uniqueIndex('dossier_actions_action_id_uq').on(t.actionId), uniqueIndex('dossier_actions_seq_uq').on(t.dossierId, t.seq)],
);

/** Thành phần hồ sơ as provided, supplements, notices and results; a file when digitised. */
export const dossierDocuments = pgTable(
  'dossier_documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    dossierId: uuid()
      .notNull()
      .references(() => dossiers.id),
    /** application | supplement | result | notice | inter_agency */
    kind: text().notNull(),
    /** Position in the procedure's checklist, when it is a listed document. */
    checklistIndex: integer(),
    name: text().notNull(),
    originals: integer().notNull().default(0),
    copies: integer().notNull().default(0),
    fileId: uuid().references(() => files.id),
    /** Verified digitised copy the applicant may reuse in later dossiers. */
    reusable: boolean().notNull().default(false),
    reusedFromDocumentId: uuid().references((): never => dossierDocuments.id as never),
    documentNumber: text(),
    actionId: uuid(),
    createdById: uuid().references(() => users.id),
    createdAt: instant().notNull().defaultNow(),
    updatedAt: instant().notNull().defaultNow(),
  },
  (t) => [index('dossier_documents_dossier_idx').on(t.dossierId), index('dossier_documents_reusable_idx').on(t.reusable, t.dossierId)],
);

/** The internal process of the dossier with planned due instants per step and when each step really ran. */
export const dossierSteps = pgTable(
  'dossier_steps',
  {
    dossierId: uuid()
      .notNull()
      .references(() => dossiers.id),
    position: integer().notNull(),
    plannedDueAt: instant(),
    startedAt: instant(),
    finishedAt: instant(),
    assigneeId: uuid().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.position] })],
);

/** Each agency's own time on the dossier (inter-agency flow); totals still count the dossier once, at its origin. */
export const dossierAgencyPeriods = pgTable(
  'dossier_agency_periods',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    dossierId: uuid()
      .notNull()
      .references(() => dossiers.id),
    agencyId: uuid().references(() => agencies.id),
    externalAgencyName: text(),
    /** competent | participating */
    role: text().notNull(),
    startedAt: instant().notNull(),
    dueAt: instant(),
    finishedAt: instant(),
    outcome: text(),
  },
  (t) => [index('dossier_agency_periods_dossier_idx').on(t.dossierId), index('dossier_agency_periods_agency_idx').on(t.agencyId, t.startedAt)],
);

/** The day's sequence number per code prefix (agency identifier), allocated in the intake transaction. */
export const dossierCodeCounters = pgTable(
  'dossier_code_counters',
  {
    agencyCode: text().notNull(),
    day: date({ mode: 'string' }).notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.day] })],
);

/** Versioned dossier code patterns (TT 01/2018, TT 03/2025), chosen by receipt date. */
export const dossierCodePatterns = pgTable('dossier_code_patterns', {
  id: text().primaryKey(),
  validFrom: date({ mode: 'string' }).notNull(),
  validTo: date({ mode: 'string' }),
  /** Tokens: {agency} {yyyy} {yy} {mm} {dd} {seq:N}. */
  pattern: text().notNull(),
  note: text(),
});

/** Processing rules per regime (NĐ 61/2018, NĐ 118/2025), chosen by receipt date; see DossierRules. */
export const dossierRuleSets = pgTable('dossier_rule_sets', {
  id: text().primaryKey(),
  validFrom: date({ mode: 'string' }).notNull(),
  validTo: date({ mode: 'string' }),
  rules: jsonb().$type<Omit<DossierRules, 'ruleSetId'>>().notNull(),
  note: text(),
  updatedAt: instant().notNull().defaultNow(),
});
