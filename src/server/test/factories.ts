/**
 * Test factories: each builds its own agencies and users, so tests never share state.
 * Passwords are hashed once per process to keep argon2 out of the hot path.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import {
  adminUnits,
  agencies,
  apiTokens,
  departments,
  internalProcessSteps,
  internalProcesses,
  procedureFields,
  procedureVersionAgencies,
  procedureVersions,
  procedures,
  users,
} from '../db/schema';
import { hashPassword } from '../auth/password';
import { API_TOKEN_PREFIX } from '../auth/session';
import { randomToken, sha256 } from '../auth/tokens';
import type { Role } from '../../shared/permissions';
import type { FastifyInstance } from 'fastify';
import { signIn, type Client } from './test-app';

export const TEST_PASSWORD = 'MatKhau123';
let passwordHash: Promise<string> | undefined;
function testPasswordHash() {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

const suffix = () => randomBytes(4).toString('hex');

export interface TestAgency {
  id: string;
  key: string;
  path: string;
  unitId: string;
  identifierCode: string;
  departmentId: string;
  deskDepartmentId: string;
}

/** A province unit with its People's Committee, or a child agency under a parent. */
export async function createAgency(db: Executor, options: { parent?: TestAgency; name?: string; kind?: string } = {}): Promise<TestAgency> {
  let unitId = options.parent?.unitId;
  if (!unitId) {
    const [unit] = await db
      .insert(adminUnits)
      .values({ key: `P${suffix()}`, code: `9${Math.floor(Math.random() * 99)}`, name: `Tỉnh Thử ${suffix()}`, kind: 'province', level: 'province', validFrom: '2004-01-01' })
      .returning();
    unitId = unit!.id;
  }
  const id = randomUUID();
  const key = `A${suffix()}`.toUpperCase();
  const path = `${options.parent?.path ?? '/'}${id}/`;
  const identifierCode = `000.${Math.floor(Math.random() * 90 + 10)}.${Math.floor(Math.random() * 90 + 10)}.H${suffix()}`;
  await db.insert(agencies).values({
    id,
    key,
    name: options.name ?? `Cơ quan thử nghiệm ${key}`,
    shortName: key,
    kind: options.kind ?? (options.parent ? 'department' : 'provincial_committee'),
    unitId,
    parentId: options.parent?.id ?? null,
    path,
    identifierCode,
    validFrom: '2004-01-01',
  });
  const [dept] = await db.insert(departments).values({ agencyId: id, key: 'CM', name: 'Phòng Chuyên môn' }).returning();
  const [desk] = await db.insert(departments).values({ agencyId: id, key: 'BPMC', name: 'Bộ phận Một cửa', isOneStopDesk: true }).returning();
  return { id, key, path, unitId, identifierCode, departmentId: dept!.id, deskDepartmentId: desk!.id };
}

export interface TestUser {
  id: string;
  login: string;
  password: string;
  idNumber?: string;
}

/** A valid 12-digit CCCD (province 093, male, born 1990) with 6 random digits. */
export function testIdNumber(): string {
  return `093090${randomBytes(4).readUInt32BE(0).toString().padStart(6, '0').slice(-6)}`;
}

export async function createStaff(db: Executor, agency: TestAgency, roles: Role[], name = 'Cán bộ Thử'): Promise<TestUser> {
  const username = `staff_${suffix()}`;
  const [u] = await db
    .insert(users)
    .values({ kind: 'staff', fullName: name, username, passwordHash: await testPasswordHash(), roles, agencyId: agency.id, departmentId: agency.departmentId, email: `${username}@motcua.test` })
    .returning();
  return { id: u!.id, login: username, password: TEST_PASSWORD };
}

/** A staff user of the agency with these roles, already signed in (`client.headers` for app.inject). */
export async function createSignedInStaff(app: FastifyInstance, db: Executor, agency: TestAgency, roles: Role[], name?: string): Promise<TestUser & { client: Client }> {
  const user = await createStaff(db, agency, roles, name);
  return { ...user, client: await signIn(app, user.login, user.password) };
}

export async function createCitizen(db: Executor, name = 'Nguyễn Văn An'): Promise<TestUser> {
  const fixed = testIdNumber();
  const [u] = await db
    .insert(users)
    .values({ kind: 'citizen', fullName: name, idNumber: fixed, phone: '0912345678', email: `cd_${suffix()}@motcua.test`, passwordHash: await testPasswordHash(), roles: ['citizen'] })
    .returning();
  return { id: u!.id, login: fixed, password: TEST_PASSWORD, idNumber: fixed };
}

export async function findUser(db: Executor, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}

/** An API token acting as the user; returns the secret a client sends as `Authorization: Bearer <secret>`. */
export async function createApiToken(db: Executor, userId: string, options: { name?: string; expiresAt?: Date } = {}): Promise<{ id: string; secret: string }> {
  const secret = `${API_TOKEN_PREFIX}${randomToken(32)}`;
  const [row] = await db
    .insert(apiTokens)
    .values({ name: options.name ?? 'Tích hợp thử', tokenHash: sha256(secret), prefix: secret.slice(0, 11), userId, expiresAt: options.expiresAt ?? null })
    .returning({ id: apiTokens.id });
  return { id: row!.id, secret };
}

export interface TestProcedureOptions {
  /** Agencies applying the version (the competent agencies). */
  agencies: TestAgency[];
  name?: string;
  time?: { value: number; unit: 'working_days' | 'working_hours' | 'calendar_days' };
  validFrom?: string;
  validTo?: string | null;
  methods?: Array<'in_person' | 'online' | 'post'>;
  onlineLevel?: number;
  interAgency?: boolean;
  cutoffTime?: string | null;
  documents?: Array<{ name: string; originals?: number; copies?: number }>;
  fees?: Array<{ name: string; amount: number }>;
  /** Internal process of each agency (same steps for all); role 'desk' | 'specialist' | … , minutes. */
  steps?: Array<{ name: string; role: string; minutes: number; interAgency?: boolean }>;
}

export interface TestProcedure {
  id: string;
  versionId: string;
  code: string;
}

/** A published procedure with one version, its agencies and (optionally) their internal processes. */
export async function createProcedure(db: Executor, options: TestProcedureOptions): Promise<TestProcedure> {
  const key = suffix();
  const [field] = await db.insert(procedureFields).values({ code: `F${key}`.toUpperCase(), name: 'Lĩnh vực thử nghiệm' }).returning();
  const code = `1.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}.T${key}`.toUpperCase();
  const [procedure] = await db.insert(procedures).values({ code, publishingAgencyId: options.agencies[0]!.id }).returning();
  const [version] = await db
    .insert(procedureVersions)
    .values({
      procedureId: procedure!.id,
      versionNo: 1,
      validFrom: options.validFrom ?? '2018-01-01',
      validTo: options.validTo ?? null,
      origin: 'seed',
      name: options.name ?? `Thủ tục thử nghiệm ${key}`,
      fieldId: field!.id,
      level: 'province',
      timeValue: options.time?.value ?? 5,
      timeUnit: options.time?.unit ?? 'working_days',
      onlineLevel: options.onlineLevel ?? 4,
      onlineScope: (options.onlineLevel ?? 4) >= 3 ? 'full' : null,
      interAgency: options.interAgency ?? false,
      cutoffTime: options.cutoffTime ?? null,
      methods: options.methods ?? ['in_person', 'online', 'post'],
      subjects: ['individual', 'organisation'],
      steps: ['Nộp hồ sơ', 'Tiếp nhận', 'Giải quyết', 'Trả kết quả'],
      documents: (options.documents ?? [{ name: 'Tờ khai' }, { name: 'Bản sao giấy tờ tùy thân' }]).map((d) => ({ name: d.name, originals: d.originals ?? 1, copies: d.copies ?? 0 })),
      sets: 1,
      result: 'Giấy chứng nhận thử nghiệm',
      fees: options.fees ?? [],
      legalBasis: [{ number: '118/2025/NĐ-CP', title: 'Nghị định thử nghiệm' }],
      contentHash: key,
    })
    .returning();
  await db.insert(procedureVersionAgencies).values(options.agencies.map((a) => ({ versionId: version!.id, agencyId: a.id })));
  if (options.steps) {
    for (const agency of options.agencies) {
      const total = options.steps.reduce((sum, s) => sum + s.minutes, 0);
      const [process] = await db
        .insert(internalProcesses)
        .values({ procedureId: procedure!.id, agencyId: agency.id, approvalDecisionNumber: `${key}/QĐ-UBND`, approvalDecisionDate: '2018-01-01', validFrom: '2018-01-01', totalMinutes: total })
        .returning();
      await db.insert(internalProcessSteps).values(
        options.steps.map((s, position) => ({
          processId: process!.id,
          position,
          name: s.name,
          responsibleRole: s.role,
          departmentId: s.role === 'desk' ? agency.deskDepartmentId : s.role === 'specialist' || s.role === 'department_head' ? agency.departmentId : null,
          responsibleLabel: s.name,
          allottedMinutes: s.minutes,
          interAgency: s.interAgency ?? s.role === 'other_agency',
        })),
      );
    }
  }
  return { id: procedure!.id, versionId: version!.id, code };
}
