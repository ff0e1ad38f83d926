/**
 * The provincial administrative-reform report (báo cáo kết quả thực hiện công tác CCHC): one row per report with its
 * period, cut-offs, header/signature settings and edited narrative; its append-only action log. Once issued the
 * composed document is stored as it was (jsonb) with the DOCX and PDF (content-addressed files with their sha256):
 * later data changes never alter an issued report.
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CutOffs, HeaderSettings, ReportDocument } from '../../../shared/schemas/cchc-report';
import { agencies } from './units';
import { files } from './files';
import { users } from './users';

export const cchcReports = pgTable(
  'cchc_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** '2021-H1', '2021-Q1', '2021-Q3', '2021-Y' or 'custom'. */
    periodKey: text().notNull(),
    periodFrom: date({ mode: 'string' }).notNull(),
    periodTo: date({ mode: 'string' }).notNull(),
    cutOffs: jsonb().$type<CutOffs>().notNull(),
    /** Date written under the header (the issue date once issued). */
    reportDate: date({ mode: 'string' }).notNull(),
    issuingAgencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    header: jsonb().$type<HeaderSettings>().notNull(),
    /** Section key → narrative text edited by the officer (sections absent here are drafted afresh on each view). */
    narratives: jsonb().$type<Record<string, string>>().notNull().default({}),
    status: text().notNull().default('draft'),
    /** Register number and full text ("123/BC-SNV") once issued. */
    number: integer(),
    numberText: text(),
    issuedAt: timestamp({ withTimezone: true }),
    /** The composed document as issued; never recomputed. */
    issuedContent: jsonb().$type<ReportDocument>(),
    docxFileId: uuid().references(() => files.id),
    pdfFileId: uuid().references(() => files.id),
    /** Client-generated key of the creating request: a retried creation returns the same report. */
    creationKey: uuid().unique(),
    /** Optimistic concurrency: every change increments it. */
    version: integer().notNull().default(1),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cchc_reports_period_idx').on(t.periodKey, t.createdAt),
    uniqueIndex('cchc_reports_number_idx')
      .on(t.issuingAgencyId, t.numberText)
      .where(sql`${t.numberText} IS NOT NULL`),
  ],
);

export const cchcReportActions = pgTable(
  'cchc_report_actions',
  {
    id: uuid().primaryKey().defaultRandom(),
    reportId: uuid()
      .notNull()
      .references(() => cchcReports.id),
    /** Client-generated: a retried action is recorded once. */
    actionId: uuid().notNull().unique(),
    action: text().notNull(),
    fromStatus: text().notNull(),
    toStatus: text().notNull(),
    note: text(),
    actorId: uuid().references(() => users.id),
    actorName: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cchc_report_actions_report_idx').on(t.reportId, t.createdAt)],
);
