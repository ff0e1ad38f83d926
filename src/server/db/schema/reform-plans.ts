/**
 * Annual administrative-reform plans (kế hoạch CCHC năm) and their tasks per reform area, with append-only progress
 * updates. A task's completion date is derived from its updates (the first at 100%), never stored.
 */
import { date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './units';
import { users } from './users';
import { registryDocuments } from './documents';

export const reformPlans = pgTable(
  'reform_plans',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The agency whose plan it is (UBND tỉnh for the provincial plan, a Sở or district for its own). */
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    year: integer().notNull(),
    title: text().notNull(),
    /** The registry document that issued the plan (Kế hoạch 1996/KH-UBND). */
    documentId: uuid().references(() => registryDocuments.id),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reform_plans_agency_year_uq').on(t.agencyId, t.year)],
);

export const reformPlanTasks = pgTable(
  'reform_plan_tasks',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid()
      .notNull()
      .references(() => reformPlans.id),
    position: integer().notNull(),
    /** shared/reform-areas.ts */
    area: text().notNull(),
    title: text().notNull(),
    /** Cơ quan chủ trì. */
    responsibleAgencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    /** Cơ quan phối hợp, as text. */
    coordinatingText: text(),
    /** Thời hạn hoàn thành. */
    dueOn: date({ mode: 'string' }).notNull(),
    /** Sản phẩm (expected output). */
    expectedOutput: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reform_plan_tasks_position_uq').on(t.planId, t.position),
    index('reform_plan_tasks_due_idx').on(t.dueOn),
    index('reform_plan_tasks_responsible_idx').on(t.responsibleAgencyId),
  ],
);

/** Progress reported on a task (append-only): percent done as of `reportedOn`, with a note. */
export const reformTaskProgress = pgTable(
  'reform_task_progress',
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => reformPlanTasks.id),
    reportedOn: date({ mode: 'string' }).notNull(),
    percent: smallint().notNull(),
    note: text(),
    /** A document showing the result (a decision, a report). */
    documentId: uuid().references(() => registryDocuments.id),
    recordedById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reform_task_progress_task_idx').on(t.taskId, t.reportedOn)],
);
