/**
 * The simulator writes what the use cases would: simulated histories are replayed through the real use cases
 * (desk and online intake, every workflow action, with the same clock) and the rows compared one by one; a bulk run
 * keeps the log/projection invariant, unique codes, the horizon, and rollups equal to a recomputation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { toLocalDate } from '../../../shared/calendar';
import { replayDossier } from '../../../shared/workflow/dossier-state';
import { systemActor, type Actor } from '../../auth/actor';
import { queryRows } from '../../db/client';
import { dossierActions, dossierAgencyPeriods, dossierDocuments, dossierSteps, dossiers } from '../../db/schema';
import { createProcedure } from '../../test/factories';
import { createTestDatabase, type TestDatabase } from '../../test/test-database';
import { loadWorkCalendar } from '../calendar/calendar.queries';
import { receiveDossierAtDesk, submitDossierOnline } from '../dossiers/create-dossier';
import { STANDARD_STEPS, createDossierWorld, type DossierWorld } from '../dossiers/dossiers.test-support';
import { loadEvents, stateOfRow } from '../dossiers/dossier-records';
import { performDossierAction } from '../dossiers/perform-action';
import { verifyStatistics } from '../statistics/rebuild-statistics';
import { DeltaSet } from '../statistics/stat-deltas';
import { uploadFor } from '../statistics/statistics.test-support';
import { DossierBuilder, type PlanEvent } from './dossier-builder';
import { seededRandom } from './seeded-random';
import { simulatedApplicant } from './sim-people';
import { allowedChannels, simulateDossiers } from './simulate-dossiers';
import { simulateLife } from './simulate-life';
import { loadDemoHistoryMonth } from './seed-simulated-history';
import { statisticsRows } from '../statistics/dossier-statistics';
import { loadSimulationCatalog } from './simulation-catalog';

let db: TestDatabase;
let w: DossierWorld;
let sampleFileId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  w = await createDossierWorld(db.db);
  // A partly online procedure without an internal process, and an inter-agency one whose process has a partner step.
  await createProcedure(db.db, { agencies: [w.department], onlineLevel: 3, time: { value: 2, unit: 'working_days' }, methods: ['in_person', 'online'] });
  await createProcedure(db.db, {
    agencies: [w.department],
    interAgency: true,
    time: { value: 10, unit: 'working_days' },
    steps: [...STANDARD_STEPS.slice(0, 3), { name: 'Chi cục Thuế xác định nghĩa vụ tài chính', role: 'other_agency', minutes: 16 * 60 }, ...STANDARD_STEPS.slice(3)],
  });
  sampleFileId = await uploadFor(db.db, w.citizen.id);
});
afterAll(async () => db?.close());

/** Replays a simulated history through the use cases, with fresh action ids; returns the new dossier's id. */
async function replay(plan: PlanEvent[]): Promise<string> {
  const actors: Record<string, Actor> = {
    desk: w.actors.desk,
    specialist: w.actors.specialist,
    head: w.actors.head,
    leader: w.actors.leader,
    clerk: w.actors.clerk,
    applicant: w.actors.citizen,
    system: systemActor('Thử'),
  };
  let id = '';
  for (const e of plan) {
    if (e.kind === 'receive') {
      id = (await db.db.transaction((tx) => receiveDossierAtDesk(tx, actors.desk!, e.input, e.at))).result.dossierId;
    } else if (e.kind === 'submit') {
      id = (await db.db.transaction((tx) => submitDossierOnline(tx, actors.applicant!, e.input, e.at))).result.dossierId;
    } else {
      const input = { ...e.input, actionId: randomUUID() };
      await db.db.transaction((tx) => performDossierAction(tx, actors[e.by]!, id, input, e.at));
    }
  }
  return id;
}

const PROJECTION = [
  'status', 'resumeStatus', 'currentStep', 'currentAgencyId', 'currentDepartmentId', 'assigneeId', 'receivedAt', 'processingStartedAt', 'dueAt',
  'originalDueAt', 'stepDueAt', 'extendedAt', 'acceptAlertAt', 'acceptDueAt', 'suspensions', 'supplementRequestedAt', 'supplementRequests',
  'finishedAt', 'outcome', 'documentNumber', 'lastSeq', 'channel', 'procedureId', 'procedureVersionId', 'procedure', 'rules', 'receivingAgencyId',
  'competentAgencyId', 'agencyIds', 'deliveryMethod', 'deliveryState', 'paymentState', 'feeTotal', 'submittedAt', 'applicantUserId',
] as const;
const pick = (row: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, row[k] instanceof Date ? (row[k] as Date).toISOString() : (row[k] ?? null)]));
const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe('simulated histories', () => {
  it('are exactly what the use cases write when the same events go through them', async () => {
    const rng = seededRandom(766);
    const catalog = await loadSimulationCatalog(db.db, '2021-03-01', '2021-04-30');
    const competent = catalog.agencies.get(w.department.id)!;
    const calendar = await loadWorkCalendar(db.db, competent.id);
    const versions = catalog.versionsOn('2021-03-01').filter((v) => v.agencyIds.includes(w.department.id));
    expect(versions).toHaveLength(3);
    const horizon = new Date('2021-04-20T10:00:00Z');
    const total = new DeltaSet();
    const seen = new Set<string>();
    for (let i = 0; i < 70; i++) {
      const day = `2021-03-${String(1 + (i % 25)).padStart(2, '0')}`;
      if (!calendar.isWorkingDay(day)) continue;
      const version = versions[i % versions.length]!;
      const snapshot = catalog.snapshot(version, competent.id, day);
      const allowed = allowedChannels(version);
      const channel = allowed.online && rng.chance(0.4) ? 'online' : allowed.post && rng.chance(0.2) ? 'post' : 'in_person';
      const builder = new DossierBuilder({
        calendar,
        snapshot,
        fieldId: version.record.fieldId,
        rules: catalog.rulesOn(day),
        codePattern: catalog.codePatternOn(day),
        competent,
        receiving: competent,
        nextSeq: () => 1,
        sampleFileId,
      });
      simulateLife(rng, builder, {
        channel,
        arrival: calendar.fromLocal(day, `${String(rng.int(7, 16)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`),
        applicant: simulatedApplicant(rng, 'Phường 1, TP Vị Thanh', 2021),
        applicantUserId: w.citizen.id,
        horizon,
        sampleFileId,
      });
      for (const [d, m] of builder.deltas.entries()) for (const [k, v] of Object.entries(m)) total.add(d, k as never, v);
      for (const a of builder.actions) seen.add(a.action);

      const id = await replay(builder.plan);
      const [row] = await db.db.select().from(dossiers).where(eq(dossiers.id, id));
      expect(pick(json(row) as never, PROJECTION), `dossier ${i}`).toEqual(pick(json(builder.row) as never, PROJECTION));
      expect(row!.code.slice(0, -4)).toBe(builder.row.code.slice(0, -4));
      const actions = await db.db.select().from(dossierActions).where(eq(dossierActions.dossierId, id)).orderBy(asc(dossierActions.seq));
      const actionKeys = ['seq', 'action', 'at', 'actorRole', 'actorAgencyId', 'fromStatus', 'toStatus', 'fromStep', 'toStep', 'comment', 'payload'];
      expect(json(actions.map((a) => pick(a as never, actionKeys)))).toEqual(json(builder.actions.map((a) => pick(a as never, actionKeys))));
      const steps = await db.db.select().from(dossierSteps).where(eq(dossierSteps.dossierId, id)).orderBy(asc(dossierSteps.position));
      const stepKeys = ['position', 'plannedDueAt', 'startedAt', 'finishedAt'];
      expect(json(steps.map((s) => pick(s as never, stepKeys)))).toEqual(json(builder.stepRows().map((s) => pick(s as never, stepKeys))));
      const periods = await db.db.select().from(dossierAgencyPeriods).where(eq(dossierAgencyPeriods.dossierId, id)).orderBy(asc(dossierAgencyPeriods.id));
      const periodKeys = ['role', 'agencyId', 'externalAgencyName', 'startedAt', 'dueAt', 'finishedAt', 'outcome'];
      expect(json(periods.map((p) => pick(p as never, periodKeys)))).toEqual(json(builder.periodRows().map((p) => pick(p as never, periodKeys))));
      const documents = await db.db.select().from(dossierDocuments).where(eq(dossierDocuments.dossierId, id));
      const documentKeys = ['kind', 'checklistIndex', 'name', 'originals', 'copies', 'fileId'];
      const sorted = (rows: unknown[]) => (json(rows.map((d) => pick(d as never, documentKeys))) as object[]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      expect(sorted(documents)).toEqual(sorted(builder.documents));
    }
    // The histories went through supplements, partner agencies, results and endings.
    expect([...seen]).toEqual(
      expect.arrayContaining(['receive', 'submit', 'accept', 'forward', 'send_to_agency', 'receive_from_agency', 'approve', 'sign', 'issue', 'return_result', 'request_supplement', 'provide_supplement']),
    );
    // The use cases' hook put into the rollups exactly the simulator's deltas.
    const rollups = await queryRows<{ day: string; received: number; resolved: number; overdue: number; waiting: number }>(
      db.db,
      sql`SELECT day::text, sum(received)::int AS received, sum(resolved_early + resolved_on_time + resolved_late)::int AS resolved,
            sum(overdue_delta)::int AS overdue, sum(waiting_delta)::int AS waiting
          FROM dossier_daily_stats GROUP BY day HAVING sum(abs(received) + abs(resolved_early) + abs(resolved_on_time) + abs(resolved_late) + abs(overdue_delta) + abs(waiting_delta)) > 0 ORDER BY day`,
    );
    const expected = total
      .entries()
      .map(([day, m]) => ({ day, received: m.received ?? 0, resolved: (m.resolvedEarly ?? 0) + (m.resolvedOnTime ?? 0) + (m.resolvedLate ?? 0), overdue: m.overdueDelta ?? 0, waiting: m.waitingDelta ?? 0 }))
      .filter((r) => r.received || r.resolved || r.overdue || r.waiting);
    expect(rollups).toEqual(expected);
  });

  it('bulk-load a range: codes unique, logs that replay to their projection, nothing after the horizon, rollups that verify', async () => {
    const horizon = new Date('2021-05-20T00:00:00Z');
    const result = await simulateDossiers(db, { from: '2021-05-03', to: '2021-05-14', perDay: 12, seed: 7, horizon, sampleFileId, chunkSize: 50 });
    expect(result.dossiers).toBeGreaterThan(80);
    const rows = await db.db.select().from(dossiers).where(sql`${dossiers.submittedAt} >= ${new Date('2021-05-02T17:00:00Z')}`);
    expect(rows).toHaveLength(result.dossiers);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.code).toMatch(/^000\.\d{2}\.\d{2}\.H[0-9a-f]+-2105(0[3-9]|1[0-4])-\d{4}$/);
      expect(stateOfRow(r)).toEqual(replayDossier(await loadEvents(db.db, r.id)));
    }
    const [latest] = await queryRows<{ at: string }>(db.db, sql`SELECT max(at)::text AS at FROM dossier_actions`);
    expect(new Date(latest!.at).getTime()).toBeLessThanOrEqual(horizon.getTime());
    // Some are still pending at the horizon, as a real history would have them.
    expect(rows.some((r) => r.finishedAt === null)).toBe(true);
    expect(toLocalDate(rows[0]!.submittedAt)).toMatch(/^2021-05/);
    const report = await verifyStatistics(db);
    expect(report.sample).toEqual([]);
  });

  it('a planned history reproduces a report\'s figures exactly: received, resolved, on time, none overdue at the end', async () => {
    const targets = { periodEnd: '2021-03-31', received: 150, resolved: 118, resolvedOnTime: 113 };
    const options = { from: '2021-03-01', to: '2021-03-31', perDay: 7.5, seed: 11, sampleFileId, chunkSize: 40, targets };
    const march = async () =>
      (await statisticsRows(db.db, { from: '2021-03-01', to: '2021-03-31' } as never, 'none' as never, { agencyId: null, agencyPath: null, label: '', filter: {} } as never)).total;
    // Other tests' dossiers may fall in March too: the planned history's figures are the difference.
    const before = await march();
    // Loaded in two slices, as the demo loads its history month by month: the plan spans the whole range.
    const first = await simulateDossiers(db, { ...options, emitTo: '2021-03-15' });
    const second = await simulateDossiers(db, { ...options, emitFrom: '2021-03-16', resumable: true });
    // Resumable: the same slice again (a job retried after a crash) skips every chunk already written.
    const dossiersBefore = await db.db.$count(dossiers);
    await simulateDossiers(db, { ...options, emitFrom: '2021-03-16', resumable: true });
    expect(await db.db.$count(dossiers)).toBe(dossiersBefore);
    expect(first.planned).toEqual({ received: 150, resolved: 118, resolvedOnTime: 113, overdueAtEnd: 0 });
    expect(second.planned).toEqual(first.planned);
    const after = await march();
    expect(after.received.total - before.received.total).toBe(150);
    expect(after.resolved.total - before.resolved.total).toBe(118);
    expect(after.resolved.early + after.resolved.onTime - (before.resolved.early + before.resolved.onTime)).toBe(113);
    expect(after.resolved.late - before.resolved.late).toBe(5);
    expect(after.pending.overdue - before.pending.overdue).toBe(0);
    expect((await verifyStatistics(db)).sample).toEqual([]);
  });

  it("the demo job loads a month of the seed's planned history in bounded shares, then reports it done", async () => {
    const february = sql`${dossiers.submittedAt} >= ${new Date('2021-01-31T17:00:00Z')} AND ${dossiers.submittedAt} < ${new Date('2021-02-28T17:00:00Z')}`;
    let runs = 0;
    let written = 0;
    for (;;) {
      const result = await loadDemoHistoryMonth(db.db, '2021-02', 0.01, 25);
      if (!result) break;
      runs++;
      written += result.dossiers;
      expect(result.dossiers).toBeLessThanOrEqual(25);
      if (result.complete) expect(await loadDemoHistoryMonth(db.db, '2021-02', 0.01, 25)).toBeNull();
      if (result.complete) break;
    }
    expect(runs).toBeGreaterThan(1);
    expect(await db.db.$count(dossiers, february)).toBe(written);
    expect((await verifyStatistics(db)).sample).toEqual([]);
  });
});
