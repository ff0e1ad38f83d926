/**
 * Dossier statistics on a small known set of dossiers built through the real use cases, every figure worked out by
 * hand below, for two periods (March and April 2021) and two slices (by agency, by channel), plus the statutory form.
 *
 * Sở (competent department, procedure P1: 5 working days, fully online, five-step internal process):
 *   D1  in person  rec Mon 22/02 09:00, due Mon 01/03 → issued Wed 03/03 09:00: late (carried into March)
 *   D2  by post    rec Mon 22/02 09:00, due Mon 01/03 → issued Fri 02/04 09:00: late (overdue at the end of March)
 *   D3  in person  rec Mon 01/03 09:00, due Mon 08/03 → issued Fri 05/03 09:00: early
 *   D4  online     submitted Sun 07/03 20:00, accepted Mon 08/03 09:00 (received), due Mon 15/03 → issued Mon 15/03 15:00: on time
 *   D5  in person  rec Mon 15/03 09:00; supplement asked during appraisal Tue 16/03, provided Mon 05/04 09:00 → the count
 *                  restarts: due Mon 12/04 09:00 → issued Tue 13/04 09:00: late (waiting for the supplement at the end of March)
 *   D6  in person  rec Mon 29/03 09:00, due Mon 05/04; apology on Thu 01/04 with a new date Thu 08/04 → issued Wed 07/04:
 *                  late, because statistics count against the original due date
 *   D7  in person  rec Mon 22/03 09:00 → refused by the desk the same day 10:00: resolved early (a refusal after receipt)
 *   D8  in person  rec Mon 22/03 09:00 → stopped at the applicant's request Wed 24/03
 *   D9  online     submitted Tue 23/03 10:00 → withdrawn 11:00, never received
 *   D10 in person  rec Mon 08/03 09:00, due Mon 15/03; sent to the partner agency Tue 09/03, back Thu 11/03 → issued Fri 12/03:
 *                  early, counted once, at the Sở (inter-agency)
 *   D11 by post    rec Thu 15/04 09:00; 5 working days skip Giỗ Tổ (Wed 21/04) → due Fri 23/04; pending, overdue at 30/04
 * UBND huyện (procedure P2: 2 working days, partly online, no internal process):
 *   E1  in person  rec Mon 01/03 09:00, due Wed 03/03 09:00 → issued Wed 03/03 16:00: on time (same date)
 *   E2  online     submitted Mon 08/03 08:00, accepted 09:00, due Wed 10/03 → never resolved: overdue at 31/03 and 30/04
 *   E3  in person  rec Mon 22/03 09:00, supplement asked at the desk 09:30, never provided → closed Wed 07/04
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { Role } from '../../../shared/permissions';
import type { DossierFigures, DossierStatisticsRow } from '../../../shared/schemas/statistics';
import { systemActor, type Actor } from '../../auth/actor';
import { adminUnits, agencies, dossiers } from '../../db/schema';
import { createAgency, createProcedure, createStaff } from '../../test/factories';
import { createTestDatabase, type TestDatabase } from '../../test/test-database';
import { act, actorOf, at, createDossierWorld, receive, type DossierWorld } from '../dossiers/dossiers.test-support';
import { performDossierAction } from '../dossiers/perform-action';
import { getDossierStatistics } from './dossier-statistics';
import { verifyStatistics } from './rebuild-statistics';
import { getReportForm } from './report-form';
import { submitOnline } from './statistics.test-support';

let db: TestDatabase;
let w: DossierWorld;
let district: Awaited<ReturnType<typeof createAgency>>;
let provinceReader: Actor;
const d: Record<string, string> = {};
const districtActors = {} as { desk: Actor; leader: Actor; clerk: Actor };

/** Moves a dossier through the remaining steps and issues its result at `issueAt` (earlier steps ten minutes apart). */
async function resolveFully(id: string, issueAt: Date, team: 'department' | 'district') {
  let t = new Date(issueAt.getTime() - 60 * 60_000);
  for (let guard = 0; guard < 10; guard++) {
    const [row] = await db.db.select().from(dossiers).where(eq(dossiers.id, id));
    const a = team === 'department' ? w.actors : { ...w.actors, ...districtActors, specialist: districtActors.leader, head: districtActors.leader };
    t = new Date(t.getTime() + 10 * 60_000);
    switch (row!.status) {
      case 'received':
        await act(db.db, a.desk, id, { action: 'forward' }, t);
        break;
      case 'in_progress':
        if (row!.currentStep === 1) await act(db.db, a.specialist, id, { action: 'forward' }, t);
        else if (row!.currentStep === 2) await act(db.db, a.head, id, { action: 'forward' }, t);
        else await act(db.db, a.leader, id, { action: 'approve' }, t);
        break;
      case 'approved':
        await act(db.db, a.leader, id, { action: 'sign' }, t);
        break;
      case 'signed':
        await act(db.db, a.clerk, id, { action: 'issue', documentNumber: `${guard}/KQ` }, issueAt);
        return;
      default:
        throw new Error(`cannot resolve a dossier in status ${row!.status}`);
    }
  }
  throw new Error('dossier not resolved');
}

beforeAll(async () => {
  db = await createTestDatabase();
  w = await createDossierWorld(db.db);
  district = await createAgency(db.db, { parent: w.province, name: 'UBND huyện Thử', kind: 'district_committee' });
  districtActors.desk = await actorOf(db.db, (await createStaff(db.db, district, [Role.DESK_OFFICER])).id);
  districtActors.leader = await actorOf(db.db, (await createStaff(db.db, district, [Role.AGENCY_LEADER])).id);
  districtActors.clerk = await actorOf(db.db, (await createStaff(db.db, district, [Role.CLERK])).id);
  provinceReader = await actorOf(db.db, (await createStaff(db.db, w.province, [Role.AGENCY_LEADER])).id);
  const p2 = await createProcedure(db.db, {
    agencies: [district],
    time: { value: 2, unit: 'working_days' },
    onlineLevel: 3,
    documents: [{ name: 'Tờ khai' }, { name: 'Bản sao giấy khai sinh', originals: 0, copies: 1 }],
  });
  await db.db.execute(sql`UPDATE procedure_versions SET online_scope = 'partial' WHERE id = ${p2.versionId}`);
  const deskAt = (when: Date, overrides = {}) => receive(db.db, w, when, overrides).then((r) => r.dossierId);
  const districtAt = (when: Date) => receive(db.db, w, when, { procedureId: p2.id }, districtActors.desk).then((r) => r.dossierId);

  // February.
  d.D1 = await deskAt(at('2021-02-22', '09:00'));
  d.D2 = await deskAt(at('2021-02-22', '09:00'), { channel: 'post' });
  // March.
  d.D3 = await deskAt(at('2021-03-01', '09:00'));
  d.E1 = await districtAt(at('2021-03-01', '09:00'));
  await resolveFully(d.D1, at('2021-03-03', '09:00'), 'department');
  await resolveFully(d.E1, at('2021-03-03', '16:00'), 'district');
  await resolveFully(d.D3, at('2021-03-05', '09:00'), 'department');
  d.D4 = (await submitOnline(db.db, w, at('2021-03-07', '20:00'))).dossierId;
  await act(db.db, w.actors.desk, d.D4, { action: 'accept' }, at('2021-03-08', '09:00'));
  d.E2 = (await submitOnline(db.db, w, at('2021-03-08', '08:00'), p2.id)).dossierId;
  await act(db.db, districtActors.desk, d.E2, { action: 'accept' }, at('2021-03-08', '09:00'));
  d.D10 = await deskAt(at('2021-03-08', '09:00'));
  await act(db.db, w.actors.desk, d.D10, { action: 'forward' }, at('2021-03-08', '09:30'));
  await act(db.db, w.actors.specialist, d.D10, { action: 'send_to_agency', agencyId: w.partner.id, dueDate: '2021-03-11' }, at('2021-03-09', '09:00'));
  await act(db.db, w.actors.specialist, d.D10, { action: 'receive_from_agency' }, at('2021-03-11', '09:00'));
  await resolveFully(d.D10, at('2021-03-12', '09:00'), 'department');
  await resolveFully(d.D4, at('2021-03-15', '15:00'), 'department');
  d.D5 = await deskAt(at('2021-03-15', '09:00'));
  await act(db.db, w.actors.desk, d.D5, { action: 'forward' }, at('2021-03-15', '09:30'));
  await act(db.db, w.actors.specialist, d.D5, { action: 'request_supplement', items: [{ name: 'Bản sao giấy khai sinh', reason: 'Bản sao không rõ' }] }, at('2021-03-16', '10:00'));
  d.D7 = await deskAt(at('2021-03-22', '09:00'));
  await act(db.db, w.actors.desk, d.D7, { action: 'refuse', reason: 'Không thuộc thẩm quyền giải quyết' }, at('2021-03-22', '10:00'));
  d.D8 = await deskAt(at('2021-03-22', '09:00'));
  d.E3 = await districtAt(at('2021-03-22', '09:00'));
  await act(db.db, districtActors.desk, d.E3, { action: 'request_supplement', items: [{ name: 'Tờ khai', reason: 'Thiếu chữ ký' }] }, at('2021-03-22', '09:30'));
  d.D9 = (await submitOnline(db.db, w, at('2021-03-23', '10:00'))).dossierId;
  await act(db.db, w.actors.citizen, d.D9, { action: 'withdraw' }, at('2021-03-23', '11:00'));
  await act(db.db, w.actors.desk, d.D8, { action: 'stop', reason: 'Người nộp đề nghị dừng' }, at('2021-03-24', '10:00'));
  d.D6 = await deskAt(at('2021-03-29', '09:00'));
  // April.
  await act(db.db, w.actors.head, d.D6, { action: 'apologise_extend', newDueDate: '2021-04-08', reason: 'Cần xác minh thêm' }, at('2021-04-01', '09:00'));
  await resolveFully(d.D2, at('2021-04-02', '09:00'), 'department');
  await act(db.db, w.actors.desk, d.D5, { action: 'provide_supplement', documents: [{ index: 1, originals: 0, copies: 1, fileIds: [] }] }, at('2021-04-05', '09:00'));
  await resolveFully(d.D6, at('2021-04-07', '09:00'), 'department');
  await db.db.transaction((tx) => performDossierAction(tx, systemActor('Thử'), d.E3!, { actionId: randomUUID(), action: 'close_no_supplement', fileIds: [] }, at('2021-04-07', '10:00')));
  await resolveFully(d.D5, at('2021-04-13', '09:00'), 'department');
  d.D11 = await deskAt(at('2021-04-15', '09:00'), { channel: 'post' });
});
afterAll(async () => db?.close());

async function dueDateOf(id: string) {
  const [row] = await db.db.select({ dueAt: dossiers.dueAt, originalDueAt: dossiers.originalDueAt, outcome: dossiers.outcome }).from(dossiers).where(eq(dossiers.id, id));
  return row!;
}

/** Figures with every count spelled out; rates and averages as computed by hand. */
function figures(x: {
  carried?: number;
  onlineFull?: number;
  onlinePartial?: number;
  post?: number;
  inPerson?: number;
  early?: number;
  onTime?: number;
  late?: number;
  refused?: number;
  pending?: number;
  overdue?: number;
  waiting?: number;
  stopped?: number;
  closed?: number;
  withdrawn?: number;
  onTimeRate?: number | null;
  onlineRate?: number | null;
  averageResolutionDays?: number | null;
}): DossierFigures {
  const n = (v: number | undefined) => v ?? 0;
  const newTotal = n(x.onlineFull) + n(x.onlinePartial) + n(x.post) + n(x.inPerson);
  return {
    received: { total: n(x.carried) + newTotal, carriedOver: n(x.carried), newTotal, onlineFull: n(x.onlineFull), onlinePartial: n(x.onlinePartial), post: n(x.post), inPerson: n(x.inPerson) },
    resolved: { total: n(x.early) + n(x.onTime) + n(x.late), early: n(x.early), onTime: n(x.onTime), late: n(x.late), refused: n(x.refused), onTimeRate: x.onTimeRate ?? null },
    pending: { total: n(x.pending), withinDeadline: n(x.pending) - n(x.overdue), overdue: n(x.overdue), waitingForSupplement: n(x.waiting) },
    stopped: n(x.stopped),
    closedNoSupplement: n(x.closed),
    notReceived: { withdrawn: n(x.withdrawn), refused: 0, closedNoSupplement: 0 },
    onlineRate: x.onlineRate ?? null,
    averageResolutionDays: x.averageResolutionDays ?? null,
  };
}

const byKey = (rows: DossierStatisticsRow[]) => Object.fromEntries(rows.map((r) => [r.key, r.figures]));
const march = { preset: 'month' as const, year: 2021, month: 3 };
const april = { preset: 'month' as const, year: 2021, month: 4 };

describe('the known dossiers, worked out by hand', () => {
  it('have the due dates and outcomes the hand computation assumes', async () => {
    expect((await dueDateOf(d.D11!)).dueAt).toEqual(at('2021-04-23', '09:00'));
    // D5: the count restarted on Mon 05/04 09:00 → due Mon 12/04 09:00, resolved the day after.
    expect(await dueDateOf(d.D5!)).toMatchObject({ originalDueAt: at('2021-04-12', '09:00'), outcome: 'late' });
    // D6: the apology moved the due date to Thu 08/04 17:00 but the original one (Mon 05/04) counts.
    expect(await dueDateOf(d.D6!)).toMatchObject({ dueAt: at('2021-04-08', '17:00'), originalDueAt: at('2021-04-05', '09:00'), outcome: 'late' });
    expect((await dueDateOf(d.E2!)).dueAt).toEqual(at('2021-03-10', '09:00'));
  });

  it('March 2021 by agency: carried over, received by channel, resolved by outcome, pending, stopped, withdrawn', async () => {
    const s = await getDossierStatistics(db.db, provinceReader, { ...march, groupBy: 'agency' });
    expect(s.period).toMatchObject({ from: '2021-03-01', to: '2021-03-31' });
    const rows = byKey(s.rows);
    expect(Object.keys(rows).sort()).toEqual([w.department.id, district.id].sort());
    // Sở: carried D1, D2; new D3, D5, D6, D7, D8, D10 in person and D4 online; resolved D1 late, D3 D7 D10 early, D4 on
    // time (4 of 5 = 80 %); pending D2 (overdue since 02/03), D5 (waiting), D6 (due 05/04); 1 online of 7 new = 14.3 %;
    // average (9 + 4 + 7.25 + 1/24 + 4) / 5 = 4.86 days.
    expect(rows[w.department.id]).toEqual(
      figures({ carried: 2, onlineFull: 1, inPerson: 6, early: 3, onTime: 1, late: 1, refused: 1, pending: 3, overdue: 1, waiting: 1, stopped: 1, withdrawn: 1, onTimeRate: 80, onlineRate: 14.3, averageResolutionDays: 4.9 }),
    );
    // Huyện: new E1, E3 in person and E2 partly online; E1 on time; pending E2 (overdue), E3 (waiting); E1 took 2 d 7 h.
    expect(rows[district.id]).toEqual(figures({ onlinePartial: 1, inPerson: 2, onTime: 1, pending: 2, overdue: 1, waiting: 1, onTimeRate: 100, onlineRate: 33.3, averageResolutionDays: 2.3 }));
    // The partner agency that handled part of D10 counts nothing.
    expect(rows[w.partner.id]).toBeUndefined();
    // Total: 5 on time of 6 = 83.3 %; 2 online of 10 new; (24.2917 + 2.2917) / 6 = 4.43 days.
    expect(s.total).toEqual(
      figures({ carried: 2, onlineFull: 1, onlinePartial: 1, inPerson: 8, early: 3, onTime: 2, late: 1, refused: 1, pending: 5, overdue: 2, waiting: 2, stopped: 1, withdrawn: 1, onTimeRate: 83.3, onlineRate: 20, averageResolutionDays: 4.4 }),
    );
  });

  it('April 2021 by agency: March’s pending carried over, the extension ignored, the closure counted', async () => {
    const s = await getDossierStatistics(db.db, provinceReader, { ...april, groupBy: 'agency' });
    const rows = byKey(s.rows);
    // Sở: carried D2, D5, D6; new D11 by post; D2, D5, D6 all late; D11 overdue since 24/04; (39 + 29 + 9) / 3 days.
    expect(rows[w.department.id]).toEqual(figures({ carried: 3, post: 1, late: 3, pending: 1, overdue: 1, onTimeRate: 0, onlineRate: 0, averageResolutionDays: 25.7 }));
    // Huyện: carried E2, E3; E3 closed; E2 still overdue.
    expect(rows[district.id]).toEqual(figures({ carried: 2, pending: 1, overdue: 1, closed: 1 }));
    expect(s.total).toEqual(figures({ carried: 5, post: 1, late: 3, pending: 2, overdue: 2, closed: 1, onTimeRate: 0, onlineRate: 0, averageResolutionDays: 25.7 }));
  });

  it('March 2021 by channel (a dossier stays in the channel it came through)', async () => {
    const s = await getDossierStatistics(db.db, provinceReader, { ...march, groupBy: 'channel' });
    expect(s.rows.map((r) => r.key)).toEqual(['online_full', 'online_partial', 'post', 'in_person']);
    const rows = byKey(s.rows);
    expect(rows.online_full).toEqual(figures({ onlineFull: 1, onTime: 1, withdrawn: 1, onTimeRate: 100, onlineRate: 100, averageResolutionDays: 7.3 }));
    expect(rows.online_partial).toEqual(figures({ onlinePartial: 1, pending: 1, overdue: 1, onlineRate: 100 }));
    expect(rows.post).toEqual(figures({ carried: 1, pending: 1, overdue: 1 }));
    // In person: carried D1; new D3, D5, D6, D7, D8, D10, E1, E3; resolved D1 late, D3 D7 D10 early, E1 on time;
    // pending D5 and E3 waiting, D6 within; (9 + 4 + 1/24 + 4 + 2.2917) / 5 = 3.87 days.
    expect(rows.in_person).toEqual(
      figures({ carried: 1, inPerson: 8, early: 3, onTime: 1, late: 1, refused: 1, pending: 3, waiting: 2, stopped: 1, onTimeRate: 80, onlineRate: 0, averageResolutionDays: 3.9 }),
    );
  });

  it('one district’s slice and a filter by channel', async () => {
    const own = await getDossierStatistics(db.db, districtActors.leader, { ...april, groupBy: 'none' });
    expect(own.filters.lines[0]).toContain('UBND huyện Thử');
    expect(own.total).toEqual(figures({ carried: 2, pending: 1, overdue: 1, closed: 1 }));
    const online = await getDossierStatistics(db.db, provinceReader, { ...march, groupBy: 'none', channel: 'online' });
    expect(online.total).toEqual(figures({ onlineFull: 1, onlinePartial: 1, onTime: 1, pending: 1, overdue: 1, withdrawn: 1, onTimeRate: 100, onlineRate: 100, averageResolutionDays: 7.3 }));
  });

  it('slices by administrative unit and its subtree', async () => {
    // The district agency moves to a district unit under the province's unit.
    const [unit] = await db.db
      .insert(adminUnits)
      .values({ key: `H${randomUUID().slice(0, 6)}`, code: '931', name: 'Huyện Thử', kind: 'district', level: 'district', parentId: w.province.unitId, validFrom: '2004-01-01' })
      .returning();
    await db.db.update(agencies).set({ unitId: unit!.id }).where(eq(agencies.id, district.id));
    const own = await getDossierStatistics(db.db, provinceReader, { ...april, groupBy: 'none', unitId: unit!.id });
    expect(own.total).toEqual(figures({ carried: 2, pending: 1, overdue: 1, closed: 1 }));
    expect(own.filters.lines).toContain('Địa bàn: Huyện Thử (gồm các đơn vị hành chính trực thuộc)');
    // The province's unit covers its subtree: both agencies.
    const all = await getDossierStatistics(db.db, provinceReader, { ...april, groupBy: 'none', unitId: w.province.unitId });
    expect(all.total.received.total).toBe(6);
  });

  it('carries over exactly what was pending at the end of the previous period', async () => {
    const m = byKey((await getDossierStatistics(db.db, provinceReader, { ...march, groupBy: 'procedure' })).rows);
    const a = byKey((await getDossierStatistics(db.db, provinceReader, { ...april, groupBy: 'procedure' })).rows);
    for (const key of Object.keys(m)) expect(a[key]?.received.carriedOver ?? 0).toBe(m[key]!.pending.total);
    const custom = await getDossierStatistics(db.db, provinceReader, { preset: 'custom', from: '2021-03-01', to: '2021-04-30', groupBy: 'none' });
    // Two months at once: carried D1, D2; resolved 6 + 3; pending at 30/04 D11 and E2.
    expect(custom.total.received.carriedOver).toBe(2);
    expect(custom.total.resolved.total).toBe(9);
    expect(custom.total.pending).toEqual({ total: 2, withinDeadline: 0, overdue: 2, waitingForSupplement: 0 });
  });

  it('lays March 2021 out on the II.06a form, one row per field', async () => {
    const form = await getReportForm(db.db, provinceReader, march);
    expect(form).toMatchObject({ form: 'II.06a', reportingAgency: 'UBND tỉnh Thử' });
    expect(form.sections).toHaveLength(1);
    expect(form.sections[0]!.rows.map((r) => r.figures.received.total).sort()).toEqual([3, 9]);
    expect(form.total.received.total).toBe(12);
    expect(form.notes.join(' ')).toContain('dừng giải quyết theo yêu cầu trong kỳ: 1');
  });

  it('keeps the rollups equal to a recomputation from the raw rows', async () => {
    expect((await verifyStatistics(db)).sample).toEqual([]);
  });
});
