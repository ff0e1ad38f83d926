import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { agencies, apiTokens, users } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { authorize } from '../../policies';
import type { ApiTokenSubject } from '../../policies/users.policy';
import { AppError } from '../../../shared/errors';
import type { ApiTokenListQuery } from '../../../shared/schemas/users';

const creators = alias(users, 'creators');

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
  userId: users.id,
  userFullName: users.fullName,
  username: users.username,
  userAgencyPath: agencies.path,
  createdById: creators.id,
  createdByName: creators.fullName,
};

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  userId: string;
  userFullName: string;
  username: string | null;
  userAgencyPath: string | null;
  createdById: string | null;
  createdByName: string | null;
}

function selectTokens(db: Executor) {
  return db
    .select(tokenColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(creators, eq(creators.id, apiTokens.createdById));
}

export function tokenSubject(row: ApiTokenRow): ApiTokenSubject {
  return { id: row.id, userAgencyPath: row.userAgencyPath };
}

export async function findApiToken(db: Executor, id: string): Promise<ApiTokenRow | undefined> {
  const [row] = await selectTokens(db).where(eq(apiTokens.id, id));
  return row;
}

/** The token when the actor may do `action` on it (404 otherwise: tokens outside one's scope do not exist). */
export async function getApiTokenFor(db: Executor, actor: Actor, action: string, id: string): Promise<ApiTokenRow> {
  const row = await findApiToken(db, id);
  if (!row) throw new AppError('NOT_FOUND', { message: 'Không tìm thấy mã truy cập' });
  authorize(actor, action, 'api_token', tokenSubject(row));
  return row;
}

const statusCondition: Record<NonNullable<ApiTokenListQuery['status']>, SQL> = {
  active: sql`${apiTokens.revokedAt} IS NULL AND (${apiTokens.expiresAt} IS NULL OR ${apiTokens.expiresAt} > now())`,
  expired: sql`${apiTokens.revokedAt} IS NULL AND ${apiTokens.expiresAt} <= now()`,
  revoked: sql`${apiTokens.revokedAt} IS NOT NULL`,
};

/** Tokens of accounts in the actor's agency subtree, newest first. */
export async function listApiTokens(db: Executor, actor: Actor, query: ApiTokenListQuery): Promise<{ rows: ApiTokenRow[]; total: number }> {
  const where = and(
    actor.agencyPath ? sql`${agencies.path} LIKE ${actor.agencyPath + '%'}` : sql`false`,
    query.userId ? eq(apiTokens.userId, query.userId) : undefined,
    query.status ? statusCondition[query.status] : undefined,
  );
  const rows = await selectTokens(db)
    .where(where)
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [counted] = await db
    .select({ total: count() })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(where);
  return { rows, total: Number(counted?.total ?? 0) };
}
