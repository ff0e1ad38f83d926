import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { systemActor } from '../../auth/actor';
import { createTestApp, type Client, type TestContext } from '../../test/test-app';
import { seedDemoUnits, type DemoUnitsSeed } from '../units/seed-demo-units';
import { demoAgencies } from '../units/demo/demo-units.data';
import { demoProcedures } from './demo/demo-procedures.data';
import { checkInternalProcess, publicationTimeliness } from './catalog-rules';
import { catalogStats, findProcedureVersionAsOfByCode, versionAgencyIds } from './catalog.queries';
import { catalogCounts, signedInStaff } from './catalog.test-support';
import { DEMO_BASELINE_DECISION, seedDemoCatalog } from './seed-demo-catalog';

let t: TestContext;
let units: DemoUnitsSeed;
let officer: Client;
const actor = systemActor('Dữ liệu mẫu');

beforeAll(async () => {
  t = await createTestApp();
  units = await t.database.db.transaction((tx) => seedDemoUnits(tx, actor));
  await t.database.db.transaction((tx) => seedDemoCatalog(tx, actor, units.agencyIds));
  officer = await signedInStaff(t, { id: units.agencyIds.get('UBND_TINH')!, departmentId: units.departmentIds.get('UBND_TINH/VP')! } as never, ['reform_officer']);
}, 300_000);
afterAll(async () => t?.close());

const committees = (kind: string) => demoAgencies.filter((a) => a.kind === kind).map((a) => units.agencyIds.get(a.key)!).sort();

describe('demo catalog', () => {
  it('publishes every demo procedure, at least 150 in at least 15 fields, applied by the right agencies', async () => {
    const stats = await catalogStats(t.database.db, {});
    expect(stats.total).toBe(demoProcedures.length);
    expect(stats.total).toBeGreaterThanOrEqual(150);
    expect(new Set(demoProcedures.map((p) => p.fieldCode)).size).toBeGreaterThanOrEqual(15);
    const district = committees('district_committee');
    const commune = committees('commune_committee');
    for (const p of demoProcedures) {
      const v = await findProcedureVersionAsOfByCode(t.database.db, p.code, '2026-01-01');
      expect(v, p.code).toBeDefined();
      const agencies = await versionAgencyIds(t.database.db, v!.id);
      const expected = p.level === 'province' ? [units.agencyIds.get(p.agencyKey)!] : p.level === 'district' ? district : commune;
      expect(agencies, p.code).toEqual(expected);
    }
    const [rows] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM procedure_version_agencies`);
    expect(rows!.n).toBeGreaterThan(demoProcedures.length * 10);
  });

  it('gives every procedure an internal process in each agency, within its legal time', async () => {
    const rows = await queryRows<{ procedure_id: string; agency_id: string; total_minutes: number; time_value: number; time_unit: string }>(
      t.database.db,
      sql`SELECT ip.procedure_id, ip.agency_id, ip.total_minutes, v.time_value, v.time_unit
            FROM internal_processes ip
            JOIN procedure_versions v ON v.procedure_id = ip.procedure_id AND v.valid_from <= ip.valid_from AND (v.valid_to IS NULL OR v.valid_to >= ip.valid_from)`,
    );
    const assignments = demoProcedures.reduce((n, p) => n + (p.level === 'province' ? 1 : p.level === 'district' ? committees('district_committee').length : committees('commune_committee').length), 0);
    expect(rows.length).toBe(assignments);
    const over = rows.filter((r) => !checkInternalProcess([Number(r.total_minutes)], { value: Number(r.time_value), unit: r.time_unit as never }).withinLegalTime);
    expect(over).toEqual([]);
  });

  it('records publication decisions dated in 2021, some late under the 5-day rule, and a catalog as of 2021 smaller than today', async () => {
    const decisions = await queryRows<{ number: string; signed_on: string; legal_document_effective_from: string | null; status: string }>(
      t.database.db,
      sql`SELECT number, signed_on::text, legal_document_effective_from::text, status FROM publication_decisions ORDER BY signed_on`,
    );
    expect(decisions.every((d) => d.status === 'applied')).toBe(true);
    expect(decisions.map((d) => d.number)).toContain(DEMO_BASELINE_DECISION);
    const in2021 = decisions.filter((d) => d.signed_on.startsWith('2021') && d.legal_document_effective_from);
    const flags = in2021.map((d) => publicationTimeliness(d.signed_on, d.legal_document_effective_from).late);
    expect(flags).toContain(true);
    expect(flags).toContain(false);
    const in2021Catalog = await catalogStats(t.database.db, { asOf: '2021-06-30' });
    expect(in2021Catalog.total).toBeGreaterThan(100);
    expect(in2021Catalog.total).toBeLessThan(demoProcedures.length);
  });

  it('is idempotent: a second run adds nothing', async () => {
    const before = await catalogCounts(t.database.db);
    const again = await t.database.db.transaction((tx) => seedDemoCatalog(tx, actor, units.agencyIds));
    expect(again).toEqual({ fields: 0, decisions: 0, procedures: 0, versions: 0, internalProcesses: 0 });
    expect(await catalogCounts(t.database.db)).toEqual(before);
  });

  it('exports the whole demo catalog to a CSV that imports back without any change', async () => {
    const exported = await t.app.inject({ method: 'GET', url: '/api/catalog/export?format=csv', headers: officer.headers });
    expect(exported.statusCode).toBe(200);
    const before = await catalogCounts(t.database.db);
    const res = await t.app.inject({ method: 'POST', url: '/api/catalog/import', headers: { ...officer.headers, 'content-type': 'text/csv' }, payload: exported.rawPayload });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.json()).toMatchObject({ rows: demoProcedures.length, unchanged: demoProcedures.length });
    expect(await catalogCounts(t.database.db)).toEqual(before);
  });
});
