import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { agencies, auditLog } from '../../db/schema';
import { queryRows } from '../../db/client';
import { createTestApp, type TestContext } from '../../test/test-app';
import { demoAgencies, demoUnits, DEMO_PROVINCE_UNIT_KEY } from './demo/demo-units.data';
import { demoDepartmentKey } from './seed-demo-units';
import { seedDemo } from './units.test-support';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function counts() {
  const [row] = await queryRows<Record<string, number>>(
    t.database.db,
    sql`SELECT (SELECT count(*)::int FROM admin_units) AS units, (SELECT count(*)::int FROM agencies) AS agencies,
               (SELECT count(*)::int FROM departments) AS departments, (SELECT count(*)::int FROM audit_log) AS audits`,
  );
  return row!;
}

describe('seedDemoUnits', () => {
  it('loads the demo province once; a second run changes nothing and audits nothing', async () => {
    const first = await seedDemo(t);
    const departmentCount = demoAgencies.reduce((n, a) => n + a.departments.length, 0);
    expect(first.added).toEqual({ units: demoUnits.length, agencies: demoAgencies.length, departments: departmentCount });
    const afterFirst = await counts();

    const second = await seedDemo(t);
    expect(second.added).toEqual({ units: 0, agencies: 0, departments: 0 });
    expect(await counts()).toEqual(afterFirst);
    expect(second.agencyIds).toEqual(first.agencyIds);
    expect(second.departmentIds).toEqual(first.departmentIds);
    expect(second.unitIds).toEqual(first.unitIds);

    const seeded = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'unit.seeded'));
    expect(seeded).toHaveLength(1);
    expect(seeded[0]!.actorKind).toBe('system');
  });

  it('returns an id for every demo agency and department key', async () => {
    const seed = await seedDemo(t);
    for (const agency of demoAgencies) {
      expect(seed.agencyIds.get(agency.key), agency.key).toBeDefined();
      for (const d of agency.departments) expect(seed.departmentIds.get(demoDepartmentKey(agency.key, d.key)), `${agency.key}/${d.key}`).toBeDefined();
    }
  });

  it('gives every agency the materialised path of its parent plus its own id', async () => {
    const seed = await seedDemo(t);
    const rows = await t.database.db.select({ id: agencies.id, key: agencies.key, path: agencies.path }).from(agencies);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    for (const agency of demoAgencies) {
      const row = byKey.get(agency.key)!;
      expect(row.id).toBe(seed.agencyIds.get(agency.key));
      const parentPath = agency.parentKey ? byKey.get(agency.parentKey)!.path : '/';
      expect(row.path, agency.key).toBe(`${parentPath}${row.id}/`);
    }
  });

  it('shows the 2021 province with its 8 district-level units in the tree', async () => {
    const seed = await seedDemo(t);
    const rootId = seed.unitIds.get(DEMO_PROVINCE_UNIT_KEY)!;
    const res = await t.app.inject({ method: 'GET', url: `/api/units/tree?asOf=2021-06-30&rootId=${rootId}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts.province).toBe(1);
    expect(body.counts.district).toBe(8);
    expect(body.roots[0].children.map((d: { name: string }) => d.name)).toContain('Thị xã Long Mỹ');
    const communes = demoUnits.filter((u) => u.level === 'commune' && u.validFrom <= '2021-06-30').length;
    expect(body.counts.commune).toBe(communes);
    // After the three-level structure ended the demo province is no longer in the tree.
    const after = await t.app.inject({ method: 'GET', url: `/api/units/tree?asOf=2025-07-01&rootId=${rootId}` });
    expect(after.statusCode).toBe(404);
  });
});
