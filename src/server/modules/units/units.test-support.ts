/** Helpers for the units route tests: a seeded demo province and signed-in staff at its agencies. */
import { eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { systemActor } from '../../auth/actor';
import { createStaff, type TestAgency } from '../../test/factories';
import { signIn, type Client, type TestContext } from '../../test/test-app';
import type { Role } from '../../../shared/permissions';
import { seedDemoUnits, type DemoUnitsSeed } from './seed-demo-units';

export function seedDemo(t: TestContext): Promise<DemoUnitsSeed> {
  return t.database.db.transaction((tx) => seedDemoUnits(tx, systemActor('Dữ liệu mẫu')));
}

/** Signs in a new staff member of a seeded agency (placed in its first department). */
export async function staffOfSeededAgency(t: TestContext, seed: DemoUnitsSeed, agencyKey: string, roles: Role[]): Promise<Client> {
  const agencyId = seed.agencyIds.get(agencyKey);
  const departmentId = [...seed.departmentIds].find(([key]) => key.startsWith(`${agencyKey}/`))?.[1];
  if (!agencyId || !departmentId) throw new Error(`no seeded agency ${agencyKey}`);
  const user = await createStaff(t.database.db, { id: agencyId, departmentId } as TestAgency, roles);
  return signIn(t.app, user.login, user.password);
}

/** Audit actions recorded for one subject, oldest first. */
export async function auditActionsFor(t: TestContext, subjectId: string): Promise<string[]> {
  const rows = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, subjectId)).orderBy(auditLog.id);
  return rows.map((r) => r.action);
}
