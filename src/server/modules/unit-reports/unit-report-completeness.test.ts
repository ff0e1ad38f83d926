/**
 * Completeness and timeliness on a hand-built round (on time, late, missing, returned then resubmitted, the due
 * day's last hour in Vietnam), reminders sent once per unit, round and kind, and dossier figures prefilled from the
 * statistics rollups.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { notifications, reformUnitReportActions, reformUnitReports, users } from '../../db/schema';
import { actorFromUser, type Actor } from '../../auth/actor';
import { createAgency, createProcedure, createStaff, type TestAgency } from '../../test/factories';
import { createTestDatabase, type TestDatabase } from '../../test/test-database';
import type { Role } from '../../../shared/permissions';
import type { Timeliness } from '../../../shared/workflow/unit-report-workflow';
import { addToRollups, type RollupRow } from '../statistics/rollup-writer';
import { saveReportTemplate } from './save-report-template';
import { openReportRound } from './open-report-round';
import { acceptUnitReport, returnUnitReport, submitUnitReport } from './unit-report-actions';
import { computePrefills } from './prefill-sources';
import { getRoundCompleteness, getRoundReportsForComposer, sumRoundFigures, unitHistory } from './unit-reports.queries';
import { sendReportReminders } from './send-report-reminders';

let database: TestDatabase;
let province: TestAgency;
let manager: Actor;
let roundId: string;
const units: { name: string; agency: TestAgency; reporter: Actor; reporterEmail: string }[] = [];

async function actorFor(agency: TestAgency, roles: Role[], name: string): Promise<{ actor: Actor; email: string }> {
  const u = await createStaff(database.db, agency, roles, name);
  const [row] = await database.db.select().from(users).where(eq(users.id, u.id));
  return {
    actor: actorFromUser({ ...row!, agencyPath: agency.path }, { kind: 'user', ip: null, requestId: null }),
    email: row!.email!,
  };
}

/** Each unit's story in the round, and the timeliness it must get (due day 20/06/2021, Vietnam time). */
const cases: { name: string; kind: string; submits: string[]; returnAfterFirst?: boolean; expected: Timeliness }[] = [
  { name: 'Sở A (đúng hạn)', kind: 'department', submits: ['2021-06-18T03:00:00Z'], expected: 'on_time' },
  { name: 'Sở B (trễ hạn)', kind: 'department', submits: ['2021-06-25T03:00:00Z'], expected: 'late' },
  { name: 'Sở C (không gửi)', kind: 'department', submits: [], expected: 'missing' },
  { name: 'Sở D (trả lại, gửi lại sau hạn)', kind: 'department', submits: ['2021-06-19T03:00:00Z', '2021-06-28T03:00:00Z'], returnAfterFirst: true, expected: 'on_time' },
  // 16:30 UTC is 23:30 on the due day in Vietnam; 17:30 UTC is already the next day.
  { name: 'Huyện E (23 giờ 30 ngày hạn)', kind: 'district_committee', submits: ['2021-06-20T16:30:00Z'], expected: 'on_time' },
  { name: 'Huyện G (0 giờ 30 ngày sau hạn)', kind: 'district_committee', submits: ['2021-06-20T17:30:00Z'], expected: 'late' },
];

const content = { figures: [{ code: 'civil_service.recruited', value: 3 }], narrative: { direction: 'Ban hành kế hoạch CCHC năm 2021.' } };

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  province = await createAgency(db, { name: 'Ủy ban nhân dân tỉnh Thử' });
  const homeAffairs = await createAgency(db, { parent: province, name: 'Sở Nội vụ', kind: 'department' });
  manager = (await actorFor(homeAffairs, ['reform_officer'], 'Cán bộ CCHC Sở Nội vụ')).actor;
  for (const c of cases) {
    const agency = await createAgency(db, { parent: province, name: c.name, kind: c.kind });
    const { actor, email } = await actorFor(agency, ['agency_leader'], `Lãnh đạo ${c.name}`);
    units.push({ name: c.name, agency, reporter: actor, reporterEmail: email });
  }
  const templateId = await db.transaction((tx) =>
    saveReportTemplate(tx, manager, {
      code: 'cchc_6_thang_thu',
      name: 'Báo cáo CCHC 6 tháng (thử)',
      periodType: 'half_year',
      content: {
        indicators: [
          { code: 'civil_service.recruited', area: 'civil_service', label: 'Số công chức được tuyển dụng', unit: 'người', prefill: null, decimals: 0, help: null },
          { code: 'procedures.dossiers_on_time', area: 'procedures', label: 'Số hồ sơ giải quyết đúng hạn', unit: 'hồ sơ', prefill: 'dossiers.resolved_on_time', decimals: 0, help: null },
        ],
        sections: [{ code: 'direction', kind: 'direction', area: 'direction', title: 'I. Chỉ đạo, điều hành', guidance: null, required: true }],
      },
    }),
  );
  // Only the units of the cases are expected (Sở Nội vụ organises).
  roundId = await db.transaction((tx) =>
    openReportRound(tx, manager, { templateId, period: { preset: 'reform_h1', year: 2021 }, agencyIds: units.map((u) => u.agency.id) }),
  );
});
afterAll(async () => database?.close());

const reportIdOf = async (agencyId: string) =>
  (await database.db.select({ id: reformUnitReports.id }).from(reformUnitReports).where(and(eq(reformUnitReports.roundId, roundId), eq(reformUnitReports.agencyId, agencyId))))[0]!.id;
const versionOf = async (id: string) => (await database.db.select({ v: reformUnitReports.version }).from(reformUnitReports).where(eq(reformUnitReports.id, id)))[0]!.v;

describe('reminders', () => {
  it('sends the due-soon reminder once per unit, however often the job runs', async () => {
    const first = await sendReportReminders(database.db, new Date('2021-06-18T01:00:00Z'));
    expect(first).toEqual({ dueSoon: cases.length, overdue: 0 });
    expect(await sendReportReminders(database.db, new Date('2021-06-18T02:00:00Z'))).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await sendReportReminders(database.db, new Date('2021-06-19T02:00:00Z'))).toEqual({ dueSoon: 0, overdue: 0 });
    const mails = await database.db.select().from(notifications).where(eq(notifications.template, 'unit_report.remind_due_soon'));
    expect(mails.map((m) => m.recipient).sort()).toEqual(units.map((u) => u.reporterEmail).sort());
    expect(mails[0]!.body).toContain('20/06/2021');
  });
});

describe('a hand-built round', () => {
  it('records each unit as the cases say', async () => {
    for (const [i, c] of cases.entries()) {
      const unit = units[i]!;
      const id = await reportIdOf(unit.agency.id);
      for (const [n, at] of c.submits.entries()) {
        const version = await versionOf(id);
        await database.db.transaction((tx) => submitUnitReport(tx, unit.reporter, id, { version, ...content }, new Date(at)));
        if (n === 0 && c.returnAfterFirst) await database.db.transaction((tx) => returnUnitReport(tx, manager, id, { comment: 'Bổ sung số liệu tuyển dụng' }));
      }
    }
    const accepted = await reportIdOf(units[0]!.agency.id);
    await database.db.transaction((tx) => acceptUnitReport(tx, manager, accepted, {}));
  });

  it('sends the overdue reminder once, only to the unit that has not reported', async () => {
    expect(await sendReportReminders(database.db, new Date('2021-06-29T01:00:00Z'))).toEqual({ dueSoon: 0, overdue: 1 });
    expect(await sendReportReminders(database.db, new Date('2021-07-05T01:00:00Z'))).toEqual({ dueSoon: 0, overdue: 0 });
    const mails = await database.db.select().from(notifications).where(eq(notifications.template, 'unit_report.remind_overdue'));
    const missing = cases.map((c, i) => (c.submits.length === 0 ? units[i]!.reporterEmail : null)).filter(Boolean);
    expect(mails.map((m) => m.recipient)).toEqual(missing);
    const reminders = await database.db.select().from(reformUnitReportActions).where(eq(reformUnitReportActions.isReminder, true));
    expect(reminders).toHaveLength(cases.length + missing.length);
  });

  it('counts completeness and timeliness per unit and for the round', async () => {
    const result = (await getRoundCompleteness(database.db, roundId, '2021-07-01'))!;
    const byName = new Map(result.units.map((u) => [u.agency.name, u]));
    for (const c of cases) expect([c.name, byName.get(c.name)!.timeliness]).toEqual([c.name, c.expected]);
    const count = (t: Timeliness) => cases.filter((c) => c.expected === t).length;
    const returned = cases.filter((c) => c.returnAfterFirst);
    expect(result.counts).toEqual({
      expected: cases.length,
      submitted: cases.filter((c) => c.submits.length > 0).length,
      onTime: count('on_time'),
      late: count('late'),
      missing: count('missing'),
      notDue: 0,
      accepted: 1,
      awaitingReview: cases.filter((c) => c.submits.length > 0).length - 1,
      returned: 0,
      completenessRate: Math.round((cases.filter((c) => c.submits.length > 0).length / cases.length) * 1000) / 10,
      timelinessRate: Math.round((count('on_time') / cases.length) * 1000) / 10,
    });
    expect(byName.get(returned[0]!.name)!.returnCount).toBe(1);
    expect(byName.get('Sở B (trễ hạn)')!.daysLate).toBe(5);
    expect(byName.get('Sở C (không gửi)')!.daysLate).toBe(11);
  });

  it('before the due day, unsent reports are not yet missing', async () => {
    const early = (await getRoundCompleteness(database.db, roundId, '2021-06-19'))!;
    expect(early.counts.missing).toBe(0);
    expect(early.counts.notDue).toBe(cases.filter((c) => c.submits.length === 0).length);
  });

  it('a unit over its rounds', async () => {
    const h = await unitHistory(database.db, units[2]!.agency.id, '2021-07-01');
    expect(h.counts).toMatchObject({ expected: 1, submitted: 0, missing: 1 });
  });

  it('gives the composer accepted reports, or every submitted one as last sent', async () => {
    const accepted = await getRoundReportsForComposer(database.db, roundId);
    expect(accepted.map((r) => r.agency.name)).toEqual([units[0]!.name]);
    expect(accepted[0]!.byArea.direction.narrative[0]!.text).toBe(content.narrative.direction);
    expect(accepted[0]!.byArea.civil_service.figures[0]).toMatchObject({ code: 'civil_service.recruited', value: 3, source: 'unit' });
    const latest = await getRoundReportsForComposer(database.db, roundId, { include: 'latest_submitted' });
    expect(latest).toHaveLength(cases.filter((c) => c.submits.length > 0).length);
    const totals = await sumRoundFigures(database.db, roundId, { include: 'latest_submitted' });
    expect(totals.find((t) => t.code === 'civil_service.recruited')).toMatchObject({ value: 3 * latest.length, reportingUnits: latest.length });
  });
});

describe('dossier figures prefilled from the statistics rollups', () => {
  it('counts the unit subtree and the cut-off period only', async () => {
    const unit = units[0]!.agency;
    const office = await createAgency(database.db, { parent: unit, name: 'Chi cục trực thuộc' });
    const other = units[1]!.agency;
    const procedure = await createProcedure(database.db, { agencies: [unit, office, other] });
    const fieldId = sql`(SELECT field_id FROM procedure_versions WHERE id = ${procedure.versionId}::uuid)`;
    const key = (agencyId: string, channel: string) => ({ agencyId, procedureId: procedure.id, fieldId, level: 'province', channel });
    const inPeriod: RollupRow[] = [
      { key: key(unit.id, 'in_person'), day: '2021-01-05', measures: { received: 4, resolvedOnTime: 3, resolvedLate: 1 } },
      { key: key(office.id, 'online_full'), day: '2021-03-10', measures: { received: 2, resolvedEarly: 2 } },
    ];
    const outside: RollupRow[] = [
      { key: key(unit.id, 'in_person'), day: '2021-06-15', measures: { received: 7, resolvedOnTime: 7 } },
      { key: key(other.id, 'in_person'), day: '2021-02-01', measures: { received: 9, resolvedOnTime: 9 } },
    ];
    await database.db.transaction((tx) => addToRollups(tx, [...inPeriod, ...outside]));
    const figures = await computePrefills(database.db, { agencyId: unit.id, agencyPath: unit.path }, { from: '2020-12-15', to: '2021-06-14' }, [
      'dossiers.received_new',
      'dossiers.received_online',
      'dossiers.resolved_on_time',
      'dossiers.resolved_late',
      'petitions.received',
    ]);
    const sum = (pick: (r: RollupRow) => number, rows = inPeriod) => rows.reduce((a, r) => a + pick(r), 0);
    expect(figures.get('dossiers.received_new')).toBe(sum((r) => r.measures.received ?? 0));
    expect(figures.get('dossiers.received_online')).toBe(sum((r) => (r.key.channel === 'online_full' ? (r.measures.received ?? 0) : 0)));
    expect(figures.get('dossiers.resolved_on_time')).toBe(sum((r) => (r.measures.resolvedEarly ?? 0) + (r.measures.resolvedOnTime ?? 0)));
    expect(figures.get('dossiers.resolved_late')).toBe(sum((r) => r.measures.resolvedLate ?? 0));
    expect(figures.get('petitions.received')).toBe(0);
    // The reports of the round were submitted before: their frozen figures do not move.
    const ids = [await reportIdOf(unit.id)];
    const [row] = await database.db.select({ figures: reformUnitReports.figures }).from(reformUnitReports).where(inArray(reformUnitReports.id, ids));
    expect(row!.figures['procedures.dossiers_on_time']!.value).toBe(0);
  });
});
