import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../shared/errors';
import type { Permission } from '../../shared/permissions';
import type { AppConfig } from '../env';
import type { Database } from '../db/client';
import { actorFromUser, anonymousActor, type Actor } from './actor';
import { CSRF_HEADER, SESSION_COOKIE, resolveApiToken, resolveSession } from './session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Resolves the actor of every request (session cookie or API token) and checks CSRF on cookie-authenticated writes. */
export const authPlugin = fp(async (app: FastifyInstance, opts: { database: Database; config: AppConfig }) => {
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', async (request) => {
    const ip = request.ip ?? null;
    request.actor = anonymousActor(ip, request.id);
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const user = await resolveApiToken(opts.database.db, auth.slice(7).trim());
      if (!user) throw new AppError('UNAUTHENTICATED', { message: 'Mã truy cập API không hợp lệ hoặc đã bị thu hồi' });
      request.actor = actorFromUser(user, { kind: 'token', ip, requestId: request.id });
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSession(opts.database.db, token, opts.config.sessionTtlHours);
    if (!session) return;
    request.actor = {
      ...actorFromUser(session.user, { kind: 'user', ip, requestId: request.id }),
      sessionCsrfToken: session.csrfToken,
      sessionTokenHash: session.tokenHash,
    };
    if (UNSAFE.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) throw new AppError('CSRF_INVALID');
    }
  });
});

/** Route guards, run before validation so an anonymous request gets 401 before 400. */
export async function requireUser(request: FastifyRequest, _reply: FastifyReply) {
  if (!request.actor.userId) throw new AppError('UNAUTHENTICATED');
}

export async function requireStaff(request: FastifyRequest, _reply: FastifyReply) {
  if (!request.actor.userId) throw new AppError('UNAUTHENTICATED');
  if (request.actor.userKind !== 'staff') throw new AppError('FORBIDDEN');
}

export function requirePermission(...permissions: Permission[]) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.actor.userId) throw new AppError('UNAUTHENTICATED');
    if (!permissions.some((p) => request.actor.permissions.has(p))) throw new AppError('FORBIDDEN');
  };
}
