import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, inArray, like } from 'drizzle-orm';
import { agencies } from '../../db/schema';
import { createTestApp, signIn, type TestContext } from '../../test/test-app';
import { DEMO_STAFF_PASSWORD } from '../../seed/demo-accounts';
import { seedDemo } from '../../seed/seed-demo';
import type { ReportRound, RoundCompleteness, UnitReportDetail, UnitReportList } from '../../../shared/schemas/unit-reports';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('demo unit reports (H1 2021)', () => {
  it('opens the round for every department and district, with late, returned and missing reports; a second run adds nothing', async () => {
    const first = await seedDemo(t.database, { catalogExtension: false });
    expect(first.added.find((a) => a.name === 'unit-reports')!.rows).toBeGreaterThan(0);

    const reform = await signIn(t.app, 'cchc.snv', DEMO_STAFF_PASSWORD);
    const rounds = (await t.app.inject({ method: 'GET', url: '/api/unit-reports/rounds', headers: reform.headers })).json() as ReportRound[];
    const round = rounds.find((r) => r.periodFrom === '2020-12-15')!;
    expect(round).toMatchObject({ periodTo: '2021-06-14', dueOn: '2021-06-20', organizer: { name: 'Sở Nội vụ tỉnh Hậu Giang' } });

    const [province] = await t.database.db.select({ path: agencies.path }).from(agencies).where(like(agencies.key, 'UBND_TINH'));
    const expected = await t.database.db
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(like(agencies.path, `${province!.path}%`), inArray(agencies.kind, ['department', 'district_committee'])));
    const view = (await t.app.inject({ method: 'GET', url: `/api/unit-reports/rounds/${round.id}`, headers: reform.headers })).json() as RoundCompleteness;
    expect(view.round.counts.expected).toBe(expected.length);
    const missing = view.units.filter((u) => u.timeliness === 'missing').map((u) => u.agency.shortName).sort();
    expect(missing).toEqual(['Sở KH&CN', 'UBND TX Long Mỹ'].sort());
    expect(view.units.find((u) => u.agency.shortName === 'Sở Công Thương')).toMatchObject({ timeliness: 'late', status: 'accepted' });
    const phungHiep = view.units.find((u) => u.agency.name.includes('Phụng Hiệp'))!;
    expect(phungHiep).toMatchObject({ timeliness: 'on_time', status: 'accepted', returnCount: 1 });
    expect(view.round.counts.returned).toBe(1);
    expect(view.round.counts.submitted + view.round.counts.missing).toBe(expected.length);

    // Sở Tư pháp's leader sees only the department's report; its procedure count is the system's.
    const leader = await signIn(t.app, 'ld.stp', DEMO_STAFF_PASSWORD);
    const list = (await t.app.inject({ method: 'GET', url: '/api/unit-reports', headers: leader.headers })).json() as UnitReportList;
    expect(list.items.map((i) => i.agency.name)).toEqual(['Sở Tư pháp tỉnh Hậu Giang']);
    const report = (await t.app.inject({ method: 'GET', url: `/api/unit-reports/${list.items[0]!.id}`, headers: leader.headers })).json() as UnitReportDetail;
    expect(report.figures.find((f) => f.code === 'procedures.in_force')).toMatchObject({ source: 'system' });
    expect(report.narrative.direction).toContain('Kế hoạch số 40/KH-UBND');

    const again = await seedDemo(t.database, { catalogExtension: false });
    expect(again.added.find((a) => a.name === 'unit-reports')!.rows).toBe(0);
  });
});
