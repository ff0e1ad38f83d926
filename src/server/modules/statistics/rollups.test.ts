/**
 * The rollups kept by the dossier use cases equal a recomputation from the raw dossiers and action logs, after a
 * random sequence of actions (desk and online intake, supplements, inter-agency hand-offs, extensions, refusals,
 * stops, closures, results), with checkpoints materialised midway so later actions on earlier days must adjust them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { testConfig } from '../../env';
import { runSimulationCommand } from '../simulation/simulation.cli';
import { createProcedure } from '../../test/factories';
import { createTestDatabase, type TestDatabase } from '../../test/test-database';
import { STANDARD_STEPS, createDossierWorld, type DossierWorld } from '../dossiers/dossiers.test-support';
import { materializeCheckpoints } from './checkpoints';
import { rebuildStatistics, verifyStatistics } from './rebuild-statistics';
import { randomWalk, seededRandom } from './statistics.test-support';

let db: TestDatabase;
let world: DossierWorld;
const SEED = Number(process.env.STATS_SEED ?? 20210618);

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createDossierWorld(db.db);
});
afterAll(async () => db?.close());

async function rollupTotals() {
  const [row] = await queryRows<Record<string, number>>(
    db.db,
    sql`SELECT coalesce(sum(received), 0)::int AS received, coalesce(sum(resolved_early + resolved_on_time + resolved_late), 0)::int AS resolved,
          coalesce(sum(overdue_delta), 0)::int AS overdue, coalesce(sum(waiting_delta), 0)::int AS waiting, count(*)::int AS rows
        FROM dossier_daily_stats`,
  );
  return row!;
}

describe('rollups against a recomputation from raw rows', () => {
  it(`match after a random sequence of dossier actions (seed ${SEED})`, async () => {
    const rng = seededRandom(SEED);
    // A second procedure: partly online (level 3), no internal process, one working day; and a third, inter-agency.
    const quick = await createProcedure(db.db, {
      agencies: [world.department],
      onlineLevel: 3,
      time: { value: 1, unit: 'working_days' },
      documents: [{ name: 'Tờ khai' }, { name: 'Bản sao giấy khai sinh', originals: 0, copies: 1 }],
    });
    const interAgency = await createProcedure(db.db, {
      agencies: [world.department],
      interAgency: true,
      time: { value: 10, unit: 'working_days' },
      documents: [{ name: 'Tờ khai' }, { name: 'Bản sao giấy khai sinh', originals: 0, copies: 1 }],
      steps: [...STANDARD_STEPS.slice(0, 2), { name: 'Cơ quan thuế xác định nghĩa vụ tài chính', role: 'other_agency', minutes: 16 * 60 }, ...STANDARD_STEPS.slice(2)],
    });
    const actions = await randomWalk(db.db, world, rng, {
      dossiers: 40,
      from: '2021-01-04',
      to: '2021-05-28',
      procedures: [world.procedure.id, quick.id, interAgency.id],
      afterDossier: async (i) => {
        // Checkpoints exist from the middle of the walk on: every later action lands on a day before some of them.
        if (i === 17) expect(await materializeCheckpoints(db.db)).toBeGreaterThan(0);
      },
    });
    expect(actions).toBeGreaterThan(120);

    const report = await verifyStatistics(db);
    expect(report.sample).toEqual([]);
    expect(report.differences).toBe(0);
    expect(report.dossiers).toBe(40);
    expect(report.checkpoints).toBeGreaterThan(0);

    // The walk reached the interesting states (otherwise the comparison proves little).
    const [reached] = await queryRows<Record<string, number>>(
      db.db,
      sql`SELECT count(*) FILTER (WHERE action = 'request_supplement')::int AS supplements, count(*) FILTER (WHERE action = 'send_to_agency')::int AS handoffs,
            count(*) FILTER (WHERE action = 'issue')::int AS issued, count(*) FILTER (WHERE action IN ('refuse', 'stop', 'withdraw', 'close_no_supplement'))::int AS ended
          FROM dossier_actions`,
    );
    expect(reached).toMatchObject({ supplements: expect.any(Number), issued: expect.any(Number) });
    expect(reached!.supplements).toBeGreaterThan(0);
    expect(reached!.issued).toBeGreaterThan(0);
    expect(reached!.ended).toBeGreaterThan(0);

    // Rebuilding from the raw rows changes nothing, and the comparison still holds after it.
    const before = await rollupTotals();
    await rebuildStatistics(db);
    expect(await rollupTotals()).toMatchObject({ received: before.received, resolved: before.resolved, overdue: before.overdue, waiting: before.waiting });
    expect((await verifyStatistics(db)).differences).toBe(0);
  });

  it('reports a difference when a rollup row is tampered with (motcua stats verify exits 1), and a rebuild repairs it', async () => {
    await db.db.execute(sql`UPDATE dossier_daily_stats SET received = received + 1 WHERE ctid = (SELECT ctid FROM dossier_daily_stats WHERE received > 0 LIMIT 1)`);
    const report = await verifyStatistics(db);
    expect(report.differences).toBeGreaterThan(0);
    expect(report.sample[0]!.table).toBe('dossier_daily_stats');
    expect(Object.keys(report.sample[0]!.measures)).toEqual(['received']);
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await runSimulationCommand('stats verify', [], db, testConfig(), io)).toBe(1);
    expect(lines.join('\n')).toMatch(/dossier_daily_stats .*received \d+ → \d+/);
    expect(await runSimulationCommand('stats rebuild', [], db, testConfig(), io)).toBe(0);
    expect(await runSimulationCommand('stats verify', [], db, testConfig(), io)).toBe(0);
  });
});
