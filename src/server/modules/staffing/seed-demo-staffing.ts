/**
 * Loads the demo province's staffing, personnel and autonomy records for the first half of 2021
 * (demo/demo-staffing.data.ts): quotas for 2021, staff counts as of 14/06/2021, personnel changes, restructuring
 * schemes and the autonomy register. Idempotent: each kind of record is loaded once (skipped when the demo's rows
 * for it are already there).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { autonomyUnits, personnelChanges, restructuringSchemes, staffCounts, staffingQuotas } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import type { DemoSeeder } from '../../seed/seed-demo';
import {
  DEMO_AUTONOMY_SINCE,
  DEMO_AUTONOMY_VALID_FROM,
  DEMO_STAFF_AS_OF,
  DEMO_STAFFING_YEAR,
  demoAutonomyUnits,
  demoPersonnelChanges,
  demoQuotas,
  demoRestructuringSchemes,
  demoStaffCounts,
} from './demo/demo-staffing.data';

const DEMO_SOURCE = 'demo-2021-h1';

export async function seedDemoStaffing(tx: Tx, actor: Actor, agencyIds: Map<string, string>): Promise<number> {
  const id = (key: string) => {
    const v = agencyIds.get(key);
    if (!v) throw new Error(`Demo staffing: agency ${key} is not in the demo units`);
    return v;
  };
  const exists = async (table: typeof staffingQuotas | typeof staffCounts | typeof restructuringSchemes | typeof autonomyUnits, where: ReturnType<typeof sql>) =>
    (await tx.select({ n: sql<number>`count(*)::int` }).from(table).where(where))[0]!.n > 0;
  let added = 0;

  if (!(await exists(staffingQuotas, sql`${staffingQuotas.year} = ${DEMO_STAFFING_YEAR}`))) {
    await tx.insert(staffingQuotas).values(demoQuotas.map((q) => ({ agencyId: id(q.agencyKey), year: DEMO_STAFFING_YEAR, kind: q.kind, quota: q.quota, updatedById: actor.userId })));
    added += demoQuotas.length;
  }
  if (!(await exists(staffCounts, sql`${staffCounts.asOf} = ${DEMO_STAFF_AS_OF}`))) {
    await tx.insert(staffCounts).values(demoStaffCounts.map(({ agencyKey, ...c }) => ({ agencyId: id(agencyKey), asOf: DEMO_STAFF_AS_OF, ...c, updatedById: actor.userId })));
    added += demoStaffCounts.length;
  }
  for (const [i, c] of demoPersonnelChanges.entries()) {
    const sourceKey = `${DEMO_SOURCE}-${i + 1}`;
    const [found] = await tx.select({ id: personnelChanges.id }).from(personnelChanges).where(and(eq(personnelChanges.agencyId, id(c.agencyKey)), eq(personnelChanges.sourceKey, sourceKey)));
    if (found) continue;
    await tx.insert(personnelChanges).values({ agencyId: id(c.agencyKey), kind: c.kind, staffCategory: c.staffCategory, occurredOn: c.occurredOn, personCount: c.personCount, note: c.note ?? null, sourceKey, createdById: actor.userId });
    added += 1;
  }
  if (!(await exists(restructuringSchemes, sql`${restructuringSchemes.approvedOn} BETWEEN '2021-01-01' AND '2021-06-30'`))) {
    await tx.insert(restructuringSchemes).values(demoRestructuringSchemes.map((s) => ({ agencyId: id(s.agencyKey), title: s.title, approvedOn: s.approvedOn, createdById: actor.userId })));
    added += demoRestructuringSchemes.length;
  }
  if (!(await exists(autonomyUnits, sql`${autonomyUnits.validFrom} = ${DEMO_AUTONOMY_VALID_FROM}`))) {
    await tx.insert(autonomyUnits).values(
      demoAutonomyUnits.map((u) => ({
        managingAgencyId: id(u.agencyKey),
        name: u.name,
        kind: u.kind,
        mandatory: u.mandatory,
        autonomyClass: u.autonomyClass,
        autonomySince: DEMO_AUTONOMY_SINCE,
        legalBasis: u.legalBasis,
        validFrom: DEMO_AUTONOMY_VALID_FROM,
        updatedById: actor.userId,
      })),
    );
    added += demoAutonomyUnits.length;
  }
  return added;
}

export const staffingSeeder: DemoSeeder = {
  name: 'staffing',
  run: (tx, actor, state) => seedDemoStaffing(tx, actor, state.agencyIds),
};
