/**
 * Unit periodic reform reports (báo cáo CCHC định kỳ của sở, ngành, UBND cấp huyện): versioned templates,
 * reporting rounds (kỳ báo cáo) with the units expected to report, one report per unit and round, and the report's
 * append-only action log (reminders included).
 */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './units';
import { users } from './users';

/** One version of a report template; `content` holds the indicators and narrative sections (shared/schemas/unit-reports). */
export const reformReportTemplates = pgTable(
  'reform_report_templates',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    version: integer().notNull(),
    name: text().notNull(),
    /** quarter | half_year | year | custom */
    periodType: text().notNull(),
    content: jsonb().$type<unknown>().notNull(),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reform_report_templates_code_version_uq').on(t.code, t.version)],
);

/** Kỳ báo cáo: a period, its cut-off dates, due date, the template version and the organiser (Sở Nội vụ). */
export const reformReportRounds = pgTable(
  'reform_report_rounds',
  {
    id: uuid().primaryKey().defaultRandom(),
    templateId: uuid()
      .notNull()
      .references(() => reformReportTemplates.id),
    title: text().notNull(),
    /** The preset of shared/periods.ts (reform_h1, custom, ...). */
    periodPreset: text().notNull(),
    periodLabel: text().notNull(),
    /** Data cut-off: first and last day counted (both included). */
    periodFrom: date({ mode: 'string' }).notNull(),
    periodTo: date({ mode: 'string' }).notNull(),
    dueOn: date({ mode: 'string' }).notNull(),
    organizerAgencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    /** open | closed */
    status: text().notNull().default('open'),
    openedById: uuid().references(() => users.id),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('reform_report_rounds_period_uq').on(t.organizerAgencyId, t.templateId, t.periodFrom, t.periodTo),
    index('reform_report_rounds_due_idx').on(t.status, t.dueOn),
  ],
);

/** One expected report of a unit in a round. Figures and narrative are JSON keyed by the template's codes. */
export const reformUnitReports = pgTable(
  'reform_unit_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    roundId: uuid()
      .notNull()
      .references(() => reformReportRounds.id),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    status: text().notNull().default('not_started'),
    /** Optimistic concurrency: every change increments it; a save must name the version it was based on. */
    version: integer().notNull().default(0),
    /** code → { value, source, systemValue, overrideReason } */
    figures: jsonb().$type<Record<string, { value: number | null; source: 'system' | 'unit'; systemValue: number | null; overrideReason: string | null }>>().notNull().default({}),
    /** section code → text */
    narrative: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** Figures and narrative as last submitted (what the reviewer and the provincial report read). */
    submittedContent: jsonb().$type<{ figures: Record<string, { value: number | null; source: 'system' | 'unit'; systemValue: number | null; overrideReason: string | null }>; narrative: Record<string, string> }>(),
    /** The reviewer's comment of the last return (or acceptance). */
    reviewComment: text(),
    firstSubmittedAt: timestamp({ withTimezone: true }),
    /** Local date of the first submission, against which timeliness is judged. */
    firstSubmittedOn: date({ mode: 'string' }),
    lastSubmittedAt: timestamp({ withTimezone: true }),
    submittedById: uuid().references(() => users.id),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedById: uuid().references(() => users.id),
    returnCount: integer().notNull().default(0),
    /** Prefill figures were computed at this instant. */
    figuresComputedAt: timestamp({ withTimezone: true }),
    updatedById: uuid().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reform_unit_reports_round_agency_uq').on(t.roundId, t.agencyId),
    index('reform_unit_reports_agency_idx').on(t.agencyId),
    index('reform_unit_reports_round_status_idx').on(t.roundId, t.status),
  ],
);

/** Append-only log of a report's actions (and the system's reminders); `actionId` makes a retry harmless. */
export const reformUnitReportActions = pgTable(
  'reform_unit_report_actions',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    reportId: uuid()
      .notNull()
      .references(() => reformUnitReports.id),
    action: text().notNull(),
    fromStatus: text(),
    toStatus: text().notNull(),
    actorId: uuid().references(() => users.id),
    /** unit | manager | system */
    actorRole: text().notNull(),
    actorLabel: text(),
    note: text(),
    payload: jsonb().$type<Record<string, unknown>>(),
    actionId: text().unique(),
    /** Set on reminders: the reminder was sent for this due day (one per report and kind). */
    isReminder: boolean().notNull().default(false),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reform_unit_report_actions_report_idx').on(t.reportId, t.at),
    uniqueIndex('reform_unit_report_actions_reminder_uq').on(t.reportId, t.action).where(sql`${t.isReminder}`),
  ],
);
