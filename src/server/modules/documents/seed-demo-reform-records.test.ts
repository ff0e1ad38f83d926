/**
 * The reform records of the demo province (documents, plan, staffing, inspections) reproduce, through the report
 * query functions, the figures the seed report gives for the first half of 2021 (the literals below are the seed's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../auth/actor';
import { createTestDatabase, type TestDatabase } from '../../test/test-database';
import { seedDemoUnits } from '../units/seed-demo-units';
import { formatDocumentCitation } from '../../../shared/document-citation';
import { inspectionFigures } from '../inspections/inspections.queries';
import { seedDemoInspections } from '../inspections/seed-demo-inspections';
import { taskFigures } from '../reform-plans/reform-plans.queries';
import { seedDemoPlans } from '../reform-plans/seed-demo-plans';
import { autonomyFigures, personnelChangeTotals, quotaTotals, restructuringSchemeTotals, staffTotalsAsOf } from '../staffing/staffing.queries';
import { seedDemoStaffing } from '../staffing/seed-demo-staffing';
import { countDocumentReviews, legalDocumentFigures, listDocumentsIssued, publishedEffectLists } from './documents.queries';
import { seedDemoDocuments } from './seed-demo-documents';

let database: TestDatabase;
const actor = systemActor('Dữ liệu mẫu');
/** The seed's period: data from 15/12/2020 (cut-off of 581/BNV-CCHC) to 14/06/2021. */
const H1 = { from: '2020-12-15', to: '2021-06-14' };
let firstRun: number[];

beforeAll(async () => {
  database = await createTestDatabase();
  firstRun = await database.db.transaction(async (tx) => {
    const units = await seedDemoUnits(tx, actor);
    return [
      await seedDemoDocuments(tx, actor, units.agencyIds),
      await seedDemoPlans(tx, actor, units.agencyIds),
      await seedDemoStaffing(tx, actor, units.agencyIds),
      await seedDemoInspections(tx, actor, units.agencyIds),
    ];
  });
}, 300_000);
afterAll(async () => database?.close());

describe('demo reform records', () => {
  it('seeds once: a second run adds nothing', async () => {
    expect(firstRun.every((n) => n > 0)).toBe(true);
    const again = await database.db.transaction(async (tx) => {
      const units = await seedDemoUnits(tx, actor);
      return [
        await seedDemoDocuments(tx, actor, units.agencyIds),
        await seedDemoPlans(tx, actor, units.agencyIds),
        await seedDemoStaffing(tx, actor, units.agencyIds),
        await seedDemoInspections(tx, actor, units.agencyIds),
      ];
    });
    expect(again).toEqual([0, 0, 0, 0]);
  });

  it('section II.1: 08 council resolutions and 09 committee decisions; 17 self-inspected, 21 district documents checked, 40 updated', async () => {
    const legal = await legalDocumentFigures(database.db, H1);
    // Changes dated in the period: QĐ 05/2021 abolishes 01/2016 and part of 07/2013; amendments end parts of 17/2018 and 13/2017.
    expect(legal).toEqual({ issuedResolutions: 8, issuedDecisions: 9, expiredWhole: 1, expiredPart: 3, suspended: 0 });
    const reviews = await countDocumentReviews(database.db, H1);
    const of = (kind: string) => reviews.filter((r) => r.kind === kind).reduce((s, r) => s + r.count, 0);
    expect([of('self_inspection'), of('authority_inspection'), of('national_database')]).toEqual([17, 21, 40]);
    expect(reviews.filter((r) => r.kind !== 'national_database').every((r) => r.result === 'lawful')).toBe(true);

    const footnote6 = await listDocumentsIssued(database.db, { ...H1, isLegal: true, issuerLevels: ['provincial_council'] });
    expect(footnote6.map((d) => d.numberSymbol)).toEqual(Array.from({ length: 8 }, (_, i) => `0${i + 1}/2021/NQ-HĐND`));
    expect(formatDocumentCitation(footnote6[7]!, { withIssuer: false })).toBe(
      'Nghị quyết số 08/2021/NQ-HĐND ngày 11 tháng 5 năm 2021 sửa đổi, bổ sung danh mục các dự án phát triển kinh tế - xã hội vì lợi ích Quốc gia, công cộng cần thu hồi đất trên địa bàn tỉnh Hậu Giang năm 2021 (lần 2)',
    );
    const [list, ...others] = await publishedEffectLists(database.db, H1);
    expect(others).toEqual([]);
    expect(list!.list.numberSymbol).toBe('150/QĐ-UBND');
    const listed = (status: string, docType: string) => list!.counts.find((c) => c.status === status && c.docType === docType)?.count ?? 0;
    expect([listed('expired_whole', 'decision'), listed('expired_whole', 'resolution'), listed('expired_part', 'decision'), listed('expired_part', 'resolution'), listed('suspended', 'decision')]).toEqual([26, 22, 18, 2, 2]);
    const footnote9 = await listDocumentsIssued(database.db, { ...H1, tags: ['law_monitoring'] });
    expect(footnote9.filter((d) => d.issuerLevel === 'central')).toHaveLength(3);
  });

  it('section I: footnote 1, 2 and 3 documents by tag, in date order', async () => {
    const fn1 = await listDocumentsIssued(database.db, { ...H1, tags: ['reform_programme'] });
    expect(fn1.map((d) => d.numberSymbol).sort()).toEqual(['04/CTr-UBND', '15/KH-UBND', '19/QĐ-UBND', '1993/KH-UBND', '20/KH-UBND', '40/KH-UBND', '44/KH-UBND'].sort());
    expect(fn1[0]!.numberSymbol).toBe('1993/KH-UBND');
    expect(await listDocumentsIssued(database.db, { ...H1, tags: ['online_services'] })).toHaveLength(3);
    expect(await listDocumentsIssued(database.db, { ...H1, tags: ['covid'] })).toHaveLength(21);
  });

  it('sections II.3–II.5: quotas, 14.954 staff by qualification and theory, personnel changes, 40 schemes, autonomy', async () => {
    expect(await quotaTotals(database.db, 2021)).toEqual({ civil_servant: 1466, public_employee: 14073, contract68_admin: 132, contract68_service_unit: 729, contract68_association: 98 });
    const staff = await staffTotalsAsOf(database.db, H1.to);
    expect(staff).toMatchObject({ total: 14954, postgraduate: 592, university: 10093, collegeOrBelow: 4269, theorySenior: 641, theoryIntermediate: 1855 });
    expect(staff.educationHealth / staff.total).toBeGreaterThan(0.8);
    const changes = await personnelChangeTotals(database.db, H1);
    const persons = (kind: string, category?: string) => changes.filter((c) => c.kind === kind && (!category || c.staffCategory === category)).reduce((s, c) => s + c.persons, 0);
    expect([persons('retirement'), persons('resignation'), persons('appointment'), persons('recruitment')]).toEqual([3, 4, 44, 84]);
    expect(changes.find((c) => c.kind === 'recruitment')!.agencies).toBe(6);
    expect([persons('promotion_exam', 'civil_servant'), persons('promotion_exam', 'public_employee')]).toEqual([25, 10]);
    const schemes = await restructuringSchemeTotals(database.db, H1);
    expect(schemes.count).toBe(40);
    expect(schemes.agencies).toHaveLength(12);
    expect(await autonomyFigures(database.db, H1.to)).toEqual({
      administrativeBodies: { mandatory: 214, mandatoryApplying: 214, voluntaryApplying: 44 },
      publicServiceUnits: { mandatory: 433, mandatoryApplying: 433, byClass: { self_financing: 18, partly_self_financing: 37, state_funded: 378 } },
    });
  });

  it('section I.1.c: 02 provincial units and 03 districts inspected (footnotes 4 and 5)', async () => {
    const figures = await inspectionFigures(database.db, H1);
    expect(figures.inspections).toBe(5);
    expect(figures.byAgencyKind).toEqual([
      { agencyKind: 'department', count: 2, agencies: ['Sở Tư pháp tỉnh Hậu Giang', 'Sở Lao động - Thương binh và Xã hội tỉnh Hậu Giang'] },
      { agencyKind: 'district_committee', count: 3, agencies: ['Ủy ban nhân dân thành phố Vị Thanh', 'Ủy ban nhân dân huyện Phụng Hiệp', 'Ủy ban nhân dân huyện Châu Thành A'] },
    ]);
  });

  it('the 2021 plan: every task counted once per area', async () => {
    const tasks = await taskFigures(database.db, { from: '2021-01-01', to: '2021-06-30' });
    expect(tasks.reduce((s, t) => s + t.planned, 0)).toBeGreaterThanOrEqual(20);
    expect(tasks.map((t) => t.area).sort()).toEqual(['civil_service', 'digital_government', 'direction', 'institutions', 'organisation', 'procedures', 'public_finance']);
    expect(tasks.every((t) => t.completedOnTime <= t.completedInPeriod)).toBe(true);
  });
});
