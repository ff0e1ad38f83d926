/**
 * The whole demo catalog (core and long tail) reproduces the catalog figures of the seed's report (the first half of
 * 2021, catalog on 15 June): 1.895 procedures in force (1.897 at the end of the first quarter: "giảm 02 TTHC so với
 * Quý I"; three abolished and one added in the second quarter), 199 handled "5 tại chỗ", 147 at online level 3 and 356 at level 4, 18 publication decisions, 11 decisions
 * approving internal processes for 307 procedures — computed by the report from the loaded records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { cchcReports } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../test/test-database';
import { seedDemo } from '../../seed/seed-demo';
import { systemActor, type Actor } from '../../auth/actor';
import { Permission } from '../../../shared/permissions';
import { composeLive, findReport } from '../cchc-report/cchc-report.queries';
import { provinceReader } from '../cchc-report/report-inputs';
import { getCatalogStatistics } from '../statistics/catalog-statistics';
import type { ReportDocument } from '../../../shared/schemas/cchc-report';
import { demoCatalog } from './seed-demo-catalog';
import { demoExtensionProcedures } from './demo/extension/extension';

let db: TestDatabase;
let report: ReportDocument;
const actor: Actor = { ...systemActor('Kiểm thử'), permissions: new Set([Permission.REFORM_MANAGE, Permission.STATISTICS_READ]) };

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db);
  const [row] = await db.db.select({ id: cchcReports.id }).from(cchcReports).where(eq(cchcReports.periodKey, '2021-H1'));
  report = await composeLive(db.db, actor, await findReport(db.db, actor, row!.id));
}, 600_000);
afterAll(async () => db?.close());

const figure = (key: string) => {
  const f = report.figures.find((x) => x.key === key);
  if (!f) throw new Error(`no figure ${key}`);
  return f.value;
};

describe('the whole demo catalog', () => {
  it('has unique codes, and unique names at each level, core and extension together', () => {
    const all = demoCatalog(true);
    expect(demoExtensionProcedures.length).toBeGreaterThan(1_500);
    expect(new Set(all.map((p) => p.code)).size).toBe(all.length);
    // One name per level: the national database names some provincial and district procedures alike.
    const fold = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
    expect(new Set(all.map((p) => `${p.level}|${fold(p.name)}`)).size).toBe(all.length);
    for (const p of all) expect(p.name, p.code).toBe(p.name.normalize('NFC'));
  });

  it("reproduces the seed's catalog figures of the first half of 2021", () => {
    expect(figure('catalog.procedures')).toBe(1_895);
    expect(figure('catalog.onTheSpot')).toBe(199);
    expect(figure('catalog.online3')).toBe(147);
    expect(figure('catalog.online4')).toBe(356);
    expect(figure('catalog.onlineOther')).toBe(1_895 - 147 - 356);
    expect(figure('catalog.decisions')).toBe(18);
    expect(figure('catalog.processDecisions')).toBe(11);
    expect(figure('catalog.processProcedures')).toBe(307);
  });

  it('counted two more procedures at the end of the first quarter: three abolished and one added since', async () => {
    const q1 = await getCatalogStatistics(db.db, provinceReader(actor), { preset: 'custom', from: '2021-01-01', to: '2021-03-31', asOf: '2021-03-31' });
    expect(q1.procedures.total).toBe(1_897);
    expect(figure('catalog.changeSincePreviousQuarter')).toBe(2);
    const sentence = report.sections.flatMap((x) => x.paragraphs.map((p) => p.parts.map((part) => (part.kind === 'footnote' ? '' : part.text)).join(''))).find((t) => t.startsWith('Số lượng TTHC'));
    expect(sentence).toContain('1.895 (giảm 02 TTHC so với Quý I năm 2021)');
    const [abolished] = await queryRows<{ n: number }>(db.db, sql`SELECT count(*)::int AS n FROM publication_decision_items WHERE action = 'abolish'`);
    expect(abolished!.n).toBe(3);
  });

  it("quotes, like the seed, the list of 2020's expired documents published in the period (Quyết định 150/QĐ-UBND)", () => {
    expect(['expiredWhole.committee', 'expiredWhole.council', 'expiredPart.committee', 'expiredPart.council', 'suspended'].map((k) => figure(`legal.effectList1.${k}`))).toEqual([26, 22, 18, 2, 2]);
  });
});
