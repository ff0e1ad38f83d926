/**
 * Dữ liệu mẫu: loads the demonstration province, in order, in one transaction, so that a demo is either all there
 * or not at all. Each seeder is idempotent: running the whole list again adds only what is missing. Domain seeders
 * (catalog, dossiers, ...) are appended to `demoSeeders` by their owners.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '../db/client';
import { users } from '../db/schema';
import { systemActor, type Actor } from '../auth/actor';
import { hashPassword } from '../auth/password';
import { recordAudit } from '../audit/record-audit';
import { AuditAction } from '../../shared/audit-actions';
import { maskIdNumber } from '../../shared/text';
import { Role } from '../../shared/permissions';
import { demoDepartmentKey, seedDemoUnits } from '../modules/units/seed-demo-units';
import { catalogSeeder } from '../modules/catalog/seed-demo-catalog';
import { feedbackSeeder } from '../modules/petitions/seed-demo-feedback';
import { calendarSeeder } from '../modules/calendar/seed-demo-calendar';
import { historySeeder } from '../modules/simulation/seed-simulated-history';
import { documentsSeeder } from '../modules/documents/seed-demo-documents';
import { reformPlansSeeder } from '../modules/reform-plans/seed-demo-plans';
import { staffingSeeder } from '../modules/staffing/seed-demo-staffing';
import { inspectionsSeeder } from '../modules/inspections/seed-demo-inspections';
import { cchcReportSeeder } from '../modules/cchc-report/seed-demo-cchc-report';
import { unitReportsSeeder } from '../modules/unit-reports/seed-demo-unit-reports';
import { DEMO_CITIZEN_PASSWORD, DEMO_STAFF_PASSWORD, demoCitizenAccounts, demoStaffAccounts } from './demo-accounts';

/** What earlier seeders produced, for later ones: ids by demo key. */
export interface DemoSeedState {
  /** Administrative unit key → id. */
  unitIds: Map<string, string>;
  /** Agency key → id. */
  agencyIds: Map<string, string>;
  /** `AGENCYKEY/DEPARTMENTKEY` → id. */
  departmentIds: Map<string, string>;
  /** Username (staff) or ID number (citizens) → user id, for the demo accounts. */
  userIds: Map<string, string>;
  options: SeedDemoOptions;
}

export interface SeedDemoOptions {
  /**
   * The catalog's long tail (catalog/demo/extension): about 1,700 procedures beyond the hand-described core, so the
   * catalog of June 2021 has the seed's size (default true). Tests that only need a province to work in leave it out:
   * it adds about half a minute on PGlite.
   */
  catalogExtension?: boolean;
}

export interface DemoSeeder {
  name: string;
  /** Returns how many rows it added (0 when everything was already there). */
  run(tx: Tx, actor: Actor, state: DemoSeedState): Promise<number>;
}

export const unitsSeeder: DemoSeeder = {
  name: 'units',
  async run(tx, actor, state) {
    const units = await seedDemoUnits(tx, actor);
    state.unitIds = units.unitIds;
    state.agencyIds = units.agencyIds;
    state.departmentIds = units.departmentIds;
    return units.added.units + units.added.agencies + units.added.departments;
  },
};

type NewUser = typeof users.$inferInsert;

/** Inserts one demo account unless `existing` finds it; records its id under `key` either way. Returns 1 if added. */
async function ensureDemoUser(
  tx: Tx,
  actor: Actor,
  state: DemoSeedState,
  demo: { key: string; existing: SQL; values: NewUser; summary: Record<string, unknown> },
): Promise<number> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(demo.existing);
  if (existing) {
    state.userIds.set(demo.key, existing.id);
    return 0;
  }
  const [created] = await tx.insert(users).values(demo.values).returning({ id: users.id });
  state.userIds.set(demo.key, created!.id);
  await recordAudit(tx, actor, { action: AuditAction.USER_CREATED, subjectType: 'user', subjectId: created!.id, summary: { ...demo.summary, demo: true } });
  return 1;
}

export const accountsSeeder: DemoSeeder = {
  name: 'accounts',
  async run(tx, actor, state) {
    let added = 0;
    const staffHash = await hashPassword(DEMO_STAFF_PASSWORD);
    for (const account of demoStaffAccounts) {
      const agencyId = state.agencyIds.get(account.agencyKey);
      if (!agencyId) throw new Error(`Demo account ${account.username}: agency ${account.agencyKey} is not in the demo units`);
      const departmentId = account.departmentKey ? state.departmentIds.get(demoDepartmentKey(account.agencyKey, account.departmentKey)) : null;
      if (departmentId === undefined) throw new Error(`Demo account ${account.username}: department ${account.agencyKey}/${account.departmentKey} is missing`);
      added += await ensureDemoUser(tx, actor, state, {
        key: account.username,
        existing: sql`lower(${users.username}) = ${account.username}`,
        values: { kind: 'staff', fullName: account.fullName, username: account.username, email: account.email, passwordHash: staffHash, roles: account.roles, agencyId, departmentId },
        summary: { username: account.username, roles: account.roles, agencyKey: account.agencyKey },
      });
    }
    const citizenHash = await hashPassword(DEMO_CITIZEN_PASSWORD);
    for (const c of demoCitizenAccounts) {
      added += await ensureDemoUser(tx, actor, state, {
        key: c.idNumber,
        existing: eq(users.idNumber, c.idNumber),
        values: {
          kind: 'citizen',
          fullName: c.fullName,
          idNumber: c.idNumber,
          phone: c.phone,
          email: c.email,
          dateOfBirth: c.dateOfBirth,
          address: c.address,
          passwordHash: citizenHash,
          roles: [Role.CITIZEN],
        },
        summary: { idNumber: maskIdNumber(c.idNumber), kind: 'citizen' },
      });
    }
    return added;
  },
};

/** The demo, in order. Append later seeders here (one line each); each receives what the earlier ones built. */
export const demoSeeders: DemoSeeder[] = [unitsSeeder, accountsSeeder, calendarSeeder, catalogSeeder, feedbackSeeder, historySeeder, documentsSeeder, reformPlansSeeder, staffingSeeder, inspectionsSeeder, unitReportsSeeder, cchcReportSeeder];

export interface SeedDemoResult {
  /** Rows added per seeder, in order. */
  added: { name: string; rows: number }[];
  state: DemoSeedState;
}

export async function seedDemo(database: Database, options: SeedDemoOptions = {}, actor: Actor = systemActor('Dữ liệu mẫu')): Promise<SeedDemoResult> {
  return database.db.transaction(async (tx) => {
    const state: DemoSeedState = { unitIds: new Map(), agencyIds: new Map(), departmentIds: new Map(), userIds: new Map(), options };
    const added: SeedDemoResult['added'] = [];
    for (const seeder of demoSeeders) added.push({ name: seeder.name, rows: await seeder.run(tx, actor, state) });
    if (added.some((a) => a.rows > 0)) {
      await recordAudit(tx, actor, { action: AuditAction.SEED_LOADED, subjectType: 'seed', subjectId: 'demo', summary: { added } });
    }
    return { added, state };
  });
}
