import { eq, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import type { LoginInput } from '../../../shared/schemas/auth';
import { dummyPasswordHash, verifyPassword } from '../../auth/password';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { enforceRateLimit } from '../../http/rate-limit';
import { createSession, type NewSession } from '../../auth/session';
import { normalisePhone } from '../../../shared/id-number';

export const LOGIN_POLICY = {
  /** Failed attempts before the account is locked. */
  maxFailures: 5,
  lockMinutes: 15,
  /** Attempts per client address and identifier per window. */
  attemptsPerWindow: 10,
  windowSeconds: 300,
};

/**
 * Signs in by username, ID number, email or phone. Repeated failures lock the account for a while and
 * every attempt counts against a per-address limit shared by all instances.
 */
export async function login(
  database: Database,
  actor: Actor,
  input: LoginInput,
  sessionMeta: { userAgent: string | null; ttlHours: number },
): Promise<{ userId: string; session: NewSession }> {
  const identifier = input.identifier.trim().toLowerCase();
  await enforceRateLimit(database.db, `login:${actor.ip ?? 'unknown'}:${identifier}`, LOGIN_POLICY.attemptsPerWindow, LOGIN_POLICY.windowSeconds);
  const phone = normalisePhone(identifier);
  const [user] = await database.db
    .select()
    .from(users)
    .where(
      or(
        sql`lower(${users.username}) = ${identifier}`,
        eq(users.idNumber, identifier),
        sql`lower(${users.email}) = ${identifier}`,
        phone ? eq(users.phone, phone) : sql`false`,
      ),
    )
    .limit(1);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) {
    throw new AppError('ACCOUNT_LOCKED', { details: { lockedUntil: new Date(user.lockedUntil).toISOString() } });
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  return database.db.transaction(async (tx) => {
    const who = { ...actor, userId: user.id, fullName: user.fullName };
    if (!ok) {
      const failures = user.failedLoginCount + 1;
      const lock = failures >= LOGIN_POLICY.maxFailures;
      await tx
        .update(users)
        .set({
          failedLoginCount: lock ? 0 : failures,
          lockedUntil: lock ? new Date(Date.now() + LOGIN_POLICY.lockMinutes * 60_000) : user.lockedUntil,
        })
        .where(eq(users.id, user.id));
      await recordAudit(tx, who, { action: lock ? AuditAction.USER_LOCKED : AuditAction.USER_LOGIN_FAILED, subjectType: 'user', subjectId: user.id, summary: { failures } });
      return { failed: lock ? ('ACCOUNT_LOCKED' as const) : ('INVALID_CREDENTIALS' as const) };
    }
    if (user.status !== 'active') return { failed: 'ACCOUNT_DISABLED' as const };
    await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const session = await createSession(tx, user.id, { ip: actor.ip, ...sessionMeta });
    await recordAudit(tx, who, { action: AuditAction.USER_LOGGED_IN, subjectType: 'user', subjectId: user.id });
    return { userId: user.id, session };
  }).then((result) => {
    // The failure is recorded (committed) before the error is thrown.
    if ('failed' in result) throw new AppError(result.failed!);
    return { userId: result.userId!, session: result.session! };
  });
}
