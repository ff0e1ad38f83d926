import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { agencies, apiTokens, sessions, users } from '../db/schema';
import { randomToken, sha256 } from './tokens';
import type { ActorUserRow } from './actor';

export const SESSION_COOKIE = 'motcua_session';
export const CSRF_COOKIE = 'motcua_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Executor,
  userId: string,
  meta: { ip: string | null; userAgent: string | null; ttlHours: number },
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + meta.ttlHours * 3600_000);
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    csrfToken,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

const actorColumns = {
  id: users.id,
  kind: users.kind,
  fullName: users.fullName,
  roles: users.roles,
  agencyId: users.agencyId,
  departmentId: users.departmentId,
  agencyPath: agencies.path,
  status: users.status,
};

export interface ResolvedSession {
  user: ActorUserRow;
  csrfToken: string;
  tokenHash: string;
}

/** Finds the live session for a cookie token; slides its expiry at most once a minute. */
export async function resolveSession(db: Executor, token: string, ttlHours: number): Promise<ResolvedSession | undefined> {
  const tokenHash = sha256(token);
  const rows = await db
    .select({ ...actorColumns, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())))
    .limit(1);
  const row = rows[0];
  if (!row || row.status !== 'active') return undefined;
  if (Date.now() - new Date(row.lastSeenAt).getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + ttlHours * 3600_000) })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  return { user: row, csrfToken: row.csrfToken, tokenHash };
}

export async function destroySession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function destroyUserSessions(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function pruneSessions(db: Executor): Promise<void> {
  await db.delete(sessions).where(sql`${sessions.expiresAt} < now()`);
}

export const API_TOKEN_PREFIX = 'mc_';

/** Resolves an integration token (Authorization: Bearer mc_...). */
export async function resolveApiToken(db: Executor, token: string): Promise<ActorUserRow | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const rows = await db
    .select({ ...actorColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date())),
      ),
    )
    .limit(1);
  const row = rows[0];
  if (!row || row.status !== 'active') return undefined;
  // Like sessions: "last used" to the minute, so a busy integration does not write on every call.
  if (!row.lastUsedAt || Date.now() - new Date(row.lastUsedAt).getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  }
  return row;
}
