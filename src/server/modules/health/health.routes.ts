import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';

/** Liveness (/healthz: the process answers) and readiness (/readyz: the database answers, not shutting down). */
export default async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    if (app.ctx.lifecycle.shuttingDown) return reply.status(503).send({ status: 'shutting_down' });
    try {
      await app.ctx.database.db.execute(sql`SELECT 1`);
      return { status: 'ready', database: app.ctx.database.kind };
    } catch {
      return reply.status(503).send({ status: 'database_unavailable' });
    }
  });
}

