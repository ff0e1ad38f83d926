/**
 * Organisation, staffing and finance records of the reform report's areas 3–5: staffing quotas per agency and year
 * (biên chế), staff counts by qualification and political theory as of a date, dated personnel changes,
 * restructuring schemes approved, and the register of bodies and public service units with their financial
 * autonomy. Report totals are sums over these rows (see modules/staffing/staffing.queries.ts), never stored.
 */
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import { agencies } from './units';
import { users } from './users';
import { registryDocuments } from './documents';

/** Giao biên chế: one kind of position for one agency and year. Kinds in shared/schemas/staffing.ts. */
export const staffingQuotas = pgTable(
  'staffing_quotas',
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    year: integer().notNull(),
    /** civil_servant | public_employee | contract68_admin | contract68_service_unit | contract68_association */
    kind: text().notNull(),
    quota: integer().notNull(),
    /** The assigning decision, when in the registry. */
    documentId: uuid().references(() => registryDocuments.id),
    note: text(),
    updatedById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('staffing_quotas_agency_year_kind_uq').on(t.agencyId, t.year, t.kind)],
);

/**
 * Số lượng cán bộ, công chức, viên chức of an agency (with its service units) as of a date, by highest
 * qualification (the three add up to the head count) and by political-theory level.
 */
export const staffCounts = pgTable(
  'staff_counts',
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    asOf: date({ mode: 'string' }).notNull(),
    /** Sau đại học. */
    postgraduate: integer().notNull(),
    /** Đại học. */
    university: integer().notNull(),
    /** Cao đẳng trở xuống. */
    collegeOrBelow: integer().notNull(),
    /** Lý luận chính trị cao cấp, cử nhân. */
    theorySenior: integer().notNull(),
    /** Lý luận chính trị trung cấp. */
    theoryIntermediate: integer().notNull(),
    /** Of the head count, in education and health (the seed reports their share). */
    educationHealth: integer().notNull().default(0),
    note: text(),
    updatedById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('staff_counts_agency_as_of_uq').on(t.agencyId, t.asOf), index('staff_counts_as_of_idx').on(t.asOf)],
);

/** Biến động nhân sự: a dated change concerning one or more persons (a batch decision counts its persons). */
export const personnelChanges = pgTable(
  'personnel_changes',
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    /** retirement | resignation | appointment | recruitment | promotion_exam | discipline */
    kind: text().notNull(),
    /** civil_servant | public_employee | leader */
    staffCategory: text().notNull(),
    occurredOn: date({ mode: 'string' }).notNull(),
    personCount: integer().notNull(),
    /** Số quyết định as text (the registry holds only documents the report cites). */
    decisionNumber: text(),
    documentId: uuid().references(() => registryDocuments.id),
    note: text(),
    /** Retries of an entry or an import row carry the same key (unique per agency). */
    sourceKey: text(),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('personnel_changes_occurred_idx').on(t.occurredOn),
    index('personnel_changes_agency_idx').on(t.agencyId),
    uniqueIndex('personnel_changes_source_uq').on(t.agencyId, t.sourceKey),
  ],
);

/** Đề án sắp xếp, kiện toàn tổ chức (NQ 19-NQ/TW): a scheme approved for a unit under an agency. */
export const restructuringSchemes = pgTable(
  'restructuring_schemes',
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    title: text().notNull(),
    approvedOn: date({ mode: 'string' }).notNull(),
    decisionNumber: text(),
    documentId: uuid().references(() => registryDocuments.id),
    note: text(),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('restructuring_schemes_approved_idx').on(t.approvedOn),
    uniqueIndex('restructuring_schemes_agency_title_uq').on(t.agencyId, t.title, t.approvedOn),
  ],
);

/**
 * Cơ quan hành chính and đơn vị sự nghiệp công lập under an agency, with their financial-autonomy mechanism
 * (NĐ 130/2005, NĐ 117/2013 for bodies; NĐ 43/2006, 16/2015, 141/2016, 54/2016 for units). Most are not agencies
 * of the system (schools, hospitals, district offices), so they are listed here by name under their managing agency.
 */
export const autonomyUnits = pgTable(
  'autonomy_units',
  {
    id: uuid().primaryKey().defaultRandom(),
    managingAgencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    name: text().notNull(),
    /** administrative_body | public_service_unit */
    kind: text().notNull(),
    /** Thuộc diện bắt buộc thực hiện cơ chế tự chủ. */
    mandatory: boolean().notNull().default(true),
    /** Public service units: self_financing | partly_self_financing | state_funded (chi thường xuyên). */
    autonomyClass: text(),
    /** Since when the body or unit applies the autonomy mechanism; null when it does not. */
    autonomySince: date({ mode: 'string' }),
    /** The decree applied (NĐ 130/2005/NĐ-CP, NĐ 16/2015/NĐ-CP, ...). */
    legalBasis: text(),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    updatedById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('autonomy_units_agency_name_uq').on(t.managingAgencyId, t.name, t.validFrom),
    index('autonomy_units_kind_idx').on(t.kind),
  ],
);
