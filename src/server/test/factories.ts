/**
 * Test factories: each builds its own agencies and users, so tests never share state.
 * Passwords are hashed once per process to keep argon2 out of the hot path.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { adminUnits, agencies, apiTokens, departments, users } from '../db/schema';
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
