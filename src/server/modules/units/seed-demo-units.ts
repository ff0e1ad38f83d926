/**
 * Loads the demonstration province (units, agencies, departments) from `demo/demo-units.data.ts`.
 *
 * Idempotent by key: rows missing are inserted, rows present are left as they are (an administrator may have
 * corrected them through the application, and a restart must not undo that). A second run changes nothing and
 * writes no audit row. Agencies are open-ended (validTo null): the demo data gives no end date for them, and the
 * demo keeps its agencies working today although its units end on 30 June 2025 with the three-level structure.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { adminUnits, agencies, departments } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { AuditAction } from '../../../shared/audit-actions';
import { demoAgencies, demoUnits } from './demo/demo-units.data';

export interface DemoUnitsSeed {
  /** Unit key → id of the demo version of that unit. */
  unitIds: Map<string, string>;
  /** Agency key → id. */
  agencyIds: Map<string, string>;
  /** `AGENCYKEY/DEPARTMENTKEY` (see `demoDepartmentKey`) → id. */
  departmentIds: Map<string, string>;
  /** Rows inserted by this run. */
  added: { units: number; agencies: number; departments: number };
}

export const demoDepartmentKey = (agencyKey: string, departmentKey: string) => `${agencyKey}/${departmentKey}`;

export async function seedDemoUnits(tx: Tx, actor: Actor): Promise<DemoUnitsSeed> {
  const unitIds = new Map<string, string>();
  const existingUnits = await tx
    .select({ id: adminUnits.id, key: adminUnits.key, validFrom: adminUnits.validFrom })
    .from(adminUnits)
    .where(inArray(adminUnits.key, demoUnits.map((u) => u.key)));
  for (const unit of demoUnits) {
    const found = existingUnits.find((row) => row.key === unit.key && row.validFrom === unit.validFrom);
    unitIds.set(unit.key, found?.id ?? randomUUID());
  }
  // Parents come before their children in the data; PostgreSQL checks the self-reference at the end of the statement.
  const insertedUnits = await tx
    .insert(adminUnits)
    .values(
      demoUnits.map((unit) => ({
        id: unitIds.get(unit.key)!,
        key: unit.key,
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        level: unit.level,
        parentId: unit.parentKey ? unitIds.get(unit.parentKey)! : null,
        validFrom: unit.validFrom,
        validTo: unit.validTo,
      })),
    )
    .onConflictDoNothing({ target: [adminUnits.key, adminUnits.validFrom] })
    .returning({ id: adminUnits.id });

  const existingAgencies = await tx
    .select({ id: agencies.id, key: agencies.key, path: agencies.path })
    .from(agencies)
    .where(inArray(agencies.key, demoAgencies.map((a) => a.key)));
  const agencyIds = new Map(existingAgencies.map((a) => [a.key, a.id]));
  const paths = new Map(existingAgencies.map((a) => [a.key, a.path]));
  const unitByKey = new Map(demoUnits.map((u) => [u.key, u]));
  const newAgencies = [];
  for (const agency of demoAgencies) {
    if (agencyIds.has(agency.key)) continue;
    const id = randomUUID();
    const path = `${agency.parentKey ? paths.get(agency.parentKey)! : '/'}${id}/`;
    agencyIds.set(agency.key, id);
    paths.set(agency.key, path);
    newAgencies.push({
      id,
      key: agency.key,
      name: agency.name,
      shortName: agency.shortName,
      kind: agency.kind,
      unitId: unitIds.get(agency.unitKey)!,
      parentId: agency.parentKey ? agencyIds.get(agency.parentKey)! : null,
      path,
      identifierCode: agency.identifierCode,
      address: agency.address ?? null,
      phone: agency.phone ?? null,
      validFrom: unitByKey.get(agency.unitKey)!.validFrom,
    });
  }
  if (newAgencies.length > 0) await tx.insert(agencies).values(newAgencies);

  // Any unique conflict (the key, or a one-stop desk an administrator already designated) leaves the row alone.
  const insertedDepartments = await tx
    .insert(departments)
    .values(
      demoAgencies.flatMap((agency) =>
        agency.departments.map((d) => ({ agencyId: agencyIds.get(agency.key)!, key: d.key, name: d.name, isOneStopDesk: d.isOneStopDesk ?? false })),
      ),
    )
    .onConflictDoNothing()
    .returning({ id: departments.id });

  const departmentRows = await tx
    .select({ id: departments.id, key: departments.key, agencyKey: agencies.key })
    .from(departments)
    .innerJoin(agencies, eq(agencies.id, departments.agencyId))
    .where(inArray(agencies.key, demoAgencies.map((a) => a.key)));
  const departmentIds = new Map(departmentRows.map((d) => [demoDepartmentKey(d.agencyKey, d.key), d.id]));

  const added = { units: insertedUnits.length, agencies: newAgencies.length, departments: insertedDepartments.length };
  if (added.units + added.agencies + added.departments > 0) {
    await recordAudit(tx, actor, { action: AuditAction.UNITS_SEEDED, subjectType: 'seed', subjectId: 'demo-units', summary: { added } });
  }
  return { unitIds, agencyIds, departmentIds, added };
}
