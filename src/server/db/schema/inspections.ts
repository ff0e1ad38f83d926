/**
 * Kiểm tra công tác CCHC: inspection plans (Kế hoạch 40/KH-UBND), the inspections of units under them, and the
 * findings with their recommendations and follow-up.
 */
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './units';
import { users } from './users';
import { registryDocuments } from './documents';

export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The agency that inspects (UBND tỉnh; Sở Nội vụ organises). */
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    year: integer().notNull(),
    title: text().notNull(),
    documentId: uuid().references(() => registryDocuments.id),
    /** The decision forming the inspection team (QĐ 804/QĐ-UBND). */
    teamDocumentId: uuid().references(() => registryDocuments.id),
    /** How many units the plan means to inspect (for progress). */
    plannedUnitCount: integer(),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inspection_plans_agency_year_title_uq').on(t.agencyId, t.year, t.title)],
);

export const inspections = pgTable(
  'inspections',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid().references(() => inspectionPlans.id),
    inspectedAgencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    /** scheduled | unscheduled (đột xuất) */
    kind: text().notNull().default('scheduled'),
    startedOn: date({ mode: 'string' }).notNull(),
    endedOn: date({ mode: 'string' }),
    /** Reform areas checked (shared/reform-areas.ts). */
    areas: text().array().notNull(),
    conclusion: text(),
    /** The conclusion notice (thông báo kết luận), when in the registry. */
    conclusionDocumentId: uuid().references(() => registryDocuments.id),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspections_started_idx').on(t.startedOn),
    index('inspections_agency_idx').on(t.inspectedAgencyId),
    uniqueIndex('inspections_plan_agency_start_uq').on(t.planId, t.inspectedAgencyId, t.startedOn),
  ],
);

export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: uuid().primaryKey().defaultRandom(),
    inspectionId: uuid()
      .notNull()
      .references(() => inspections.id),
    position: integer().notNull(),
    area: text().notNull(),
    finding: text().notNull(),
    recommendation: text(),
    /** Thời hạn khắc phục. */
    dueOn: date({ mode: 'string' }),
    /** open | in_progress | resolved */
    status: text().notNull().default('open'),
    resolvedOn: date({ mode: 'string' }),
    followUpNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inspection_findings_position_uq').on(t.inspectionId, t.position)],
);
