/**
 * Rollups of dossier results (thống kê kết quả giải quyết TTHC), kept in the same transaction as each dossier
 * action, so any statistic over millions of dossiers reads thousands of rows. Design (docs/statistics.md):
 *
 * - `dossier_daily_stats` and `dossier_monthly_stats` hold, per local day (month) × competent agency × procedure ×
 *   field × level × channel, the **flows** that happened that day — received, resolved by outcome, stopped, closed,
 *   withdrawn, refused before receipt — and two **balance deltas**: +1/−1 when a dossier enters/leaves "overdue"
 *   (from the day after its due date until it leaves that due date behind) and when it enters/leaves "waiting for a
 *   supplement". A pending dossier therefore contributes +1 `received` on its receipt day and −1 (a resolution,
 *   stop or closure) on its end day, so "pending at the end of day D" = Σ over days ≤ D of (received − ended), and
 *   likewise overdue and waiting at D are running sums of their deltas. Carried over into [F, T] is pending at F−1.
 * - `dossier_agency_monthly_stats` repeats the monthly flows by agency and channel only, for the figures read most.
 * - `dossier_stat_balances` are those running sums materialised at month starts (checkpoints), so a balance reads
 *   one checkpoint plus at most a month of flows instead of the whole history.
 *
 * Dossiers are counted once, at their competent agency (an inter-agency dossier at its origin, not at the agencies
 * it visits). Days are Vietnam local dates.
 */
import { bigint, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { procedureFields, procedures } from './catalog';
import { agencies } from './units';
import { users } from './users';

/** The measures both flow tables carry (one column each; a row holds the sums of its key). */
const flowMeasures = () => ({
  /** Received (tiếp nhận) that day: at the desk, or an online dossier accepted. */
  received: integer().notNull().default(0),
  /** Resolved (result issued, or refused after receipt) by outcome against the statistics due date. */
  resolvedEarly: integer().notNull().default(0),
  resolvedOnTime: integer().notNull().default(0),
  resolvedLate: integer().notNull().default(0),
  /** Of the resolved: refusals after receipt. */
  refused: integer().notNull().default(0),
  /** Sum of receipt-to-resolution times (seconds) of the resolved, for average resolution times. */
  resolutionSeconds: bigint({ mode: 'number' }).notNull().default(0),
  /** Stopped at the applicant's request (NĐ 118 Điều 21). */
  stopped: integer().notNull().default(0),
  /** Closed after receipt because the supplement did not come (NĐ 118 Điều 19.5). */
  closed: integer().notNull().default(0),
  /** Online dossiers that ended before being received: withdrawn, refused at intake, closed for want of a supplement. */
  withdrawn: integer().notNull().default(0),
  refusedUnreceived: integer().notNull().default(0),
  closedUnreceived: integer().notNull().default(0),
  /** Balance deltas: entering (+1) and leaving (−1) "overdue" and "waiting for a supplement". */
  overdueDelta: integer().notNull().default(0),
  waitingDelta: integer().notNull().default(0),
});

const dims = () => ({
  /** Competent agency (cơ quan có thẩm quyền giải quyết). */
  agencyId: uuid()
    .notNull()
    .references(() => agencies.id),
  procedureId: uuid()
    .notNull()
    .references(() => procedures.id),
  fieldId: uuid()
    .notNull()
    .references(() => procedureFields.id),
  /** province | district | commune (the procedure version's level). */
  level: text().notNull(),
  /** online_full | online_partial | post | in_person (online split by the version's online scope). */
  channel: text().notNull(),
});

export const dossierDailyStats = pgTable(
  'dossier_daily_stats',
  { day: date({ mode: 'string' }).notNull(), ...dims(), ...flowMeasures() },
  (t) => [
    primaryKey({ columns: [t.day, t.agencyId, t.procedureId, t.fieldId, t.level, t.channel] }),
    index('dossier_daily_stats_agency_day_idx').on(t.agencyId, t.day),
  ],
);

export const dossierMonthlyStats = pgTable(
  'dossier_monthly_stats',
  {
    /** First day of the month. */
    month: date({ mode: 'string' }).notNull(),
    ...dims(),
    ...flowMeasures(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.agencyId, t.procedureId, t.fieldId, t.level, t.channel] }),
    index('dossier_monthly_stats_agency_month_idx').on(t.agencyId, t.month),
  ],
);

/**
 * A coarse monthly level for the figures most read (by agency, channel, month): the same measures summed over fewer
 * keys, so a province-wide dashboard reads a few thousand rows however many dossiers. It is keyed by agency, like
 * the intake's code counter, so it adds no lock contention between agencies.
 */
export const dossierAgencyMonthlyStats = pgTable(
  'dossier_agency_monthly_stats',
  {
    month: date({ mode: 'string' }).notNull(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    channel: text().notNull(),
    ...flowMeasures(),
  },
  (t) => [primaryKey({ columns: [t.month, t.agencyId, t.channel] })],
);

/** Balances before `asOf` (a month start): running sums of every day < asOf. Rows with all three zero are dropped. */
export const dossierStatBalances = pgTable(
  'dossier_stat_balances',
  {
    asOf: date({ mode: 'string' }).notNull(),
    ...dims(),
    pending: integer().notNull().default(0),
    overdue: integer().notNull().default(0),
    waiting: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.asOf, t.agencyId, t.procedureId, t.fieldId, t.level, t.channel] })],
);

/** Month starts for which `dossier_stat_balances` is materialised (a checkpoint with no rows is still a checkpoint). */
export const dossierStatCheckpoints = pgTable('dossier_stat_checkpoints', {
  asOf: date({ mode: 'string' }).primaryKey(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Settings of the statistics domain, e.g. the Decision 766 point weights (key → JSON value). */
export const statisticsSettings = pgTable('statistics_settings', {
  key: text().primaryKey(),
  value: jsonb().$type<unknown>().notNull(),
  updatedById: uuid().references(() => users.id),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
