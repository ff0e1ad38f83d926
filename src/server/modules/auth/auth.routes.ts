import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditAction } from '../../../shared/audit-actions';
import {
  ChangePasswordInput,
  LoginInput,
  PasswordResetConfirmInput,
  PasswordResetRequestInput,
  RegisterInput,
  SessionResponse,
} from '../../../shared/schemas/auth';
import { ErrorResponse, OkResponse } from '../../../shared/schemas/common';
import { recordAudit } from '../../audit/record-audit';
import { requireUser } from '../../auth/plugin';
import { CSRF_COOKIE, SESSION_COOKIE, createSession, destroySession, type NewSession } from '../../auth/session';
import { enforceRateLimit } from '../../http/rate-limit';
import { presentSessionUser } from './auth.presenter';
import { login } from './login';
import { changePassword, requestPasswordReset, resetPassword } from './password-reset';
import { registerCitizen } from './register-citizen';

const tags = ['Tài khoản'];

export function setSessionCookies(reply: FastifyReply, session: NewSession, secure: boolean) {
  const base = { path: '/', sameSite: 'lax' as const, secure, expires: session.expiresAt };
  reply.setCookie(SESSION_COOKIE, session.token, { ...base, httpOnly: true });
  // Readable by the web app, which echoes it in the x-csrf-token header on writes.
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
}

export default async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.ctx;
  const secure = config.publicUrl.startsWith('https://');

  r.get('/api/auth/session', { schema: { tags, summary: 'Phiên đăng nhập hiện tại', response: { 200: SessionResponse } } }, async (request) => {
    const actor = request.actor;
    if (!actor.userId || actor.kind !== 'user') return { user: null, csrfToken: null };
    return { user: await presentSessionUser(database.db, actor.userId), csrfToken: actor.sessionCsrfToken ?? null };
  });

  r.post(
    '/api/auth/register',
    { schema: { tags, summary: 'Đăng ký tài khoản công dân', body: RegisterInput, response: { 201: SessionResponse, 409: ErrorResponse } } },
    async (request, reply) => {
      await enforceRateLimit(database.db, `register:${request.ip}`, 20, 3600);
      const { user, session } = await database.db.transaction(async (tx) => {
        const created = await registerCitizen(tx, request.actor, request.body);
        const s = await createSession(tx, created.id, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, ttlHours: config.sessionTtlHours });
        return { user: created, session: s };
      });
      setSessionCookies(reply, session, secure);
      reply.status(201);
      return { user: await presentSessionUser(database.db, user.id), csrfToken: session.csrfToken };
    },
  );

  r.post(
    '/api/auth/login',
    { schema: { tags, summary: 'Đăng nhập', body: LoginInput, response: { 200: SessionResponse, 401: ErrorResponse, 423: ErrorResponse, 429: ErrorResponse } } },
    async (request, reply) => {
      const { userId, session } = await login(database, request.actor, request.body, {
        userAgent: request.headers['user-agent'] ?? null,
        ttlHours: config.sessionTtlHours,
      });
      setSessionCookies(reply, session, secure);
      return { user: await presentSessionUser(database.db, userId), csrfToken: session.csrfToken };
    },
  );

  r.post('/api/auth/logout', { schema: { tags, summary: 'Đăng xuất', response: { 200: OkResponse } } }, async (request, reply) => {
    const actor = request.actor;
    if (actor.sessionTokenHash) {
      await database.db.transaction(async (tx) => {
        await destroySession(tx, actor.sessionTokenHash!);
        await recordAudit(tx, actor, { action: AuditAction.USER_LOGGED_OUT, subjectType: 'user', subjectId: actor.userId });
      });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.post(
    '/api/auth/password-reset/request',
    { schema: { tags, summary: 'Yêu cầu đặt lại mật khẩu', body: PasswordResetRequestInput, response: { 200: OkResponse } } },
    async (request) => {
      await enforceRateLimit(database.db, `reset:${request.ip}`, 10, 3600);
      await database.db.transaction((tx) => requestPasswordReset(tx, request.actor, request.body.identifier, config.publicUrl));
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/password-reset/confirm',
    { schema: { tags, summary: 'Đặt lại mật khẩu bằng liên kết đã gửi', body: PasswordResetConfirmInput, response: { 200: OkResponse, 400: ErrorResponse } } },
    async (request) => {
      await enforceRateLimit(database.db, `reset-confirm:${request.ip}`, 20, 3600);
      await database.db.transaction((tx) => resetPassword(tx, request.actor, request.body.token, request.body.newPassword));
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/password',
    { preValidation: requireUser, schema: { tags, summary: 'Đổi mật khẩu', body: ChangePasswordInput, response: { 200: OkResponse, 401: ErrorResponse } } },
    async (request) => {
      await database.db.transaction((tx) => changePassword(tx, request.actor, request.body.currentPassword, request.body.newPassword));
      return { ok: true as const };
    },
  );
}
