/**
 * Builds the Fastify application (used by main.ts and by tests). Routes stay thin: rate limit → auth →
 * validate → transaction → load → authorize → command → present.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from './env';
import type { Database } from './db/client';
import { registerErrorHandler } from './http/error-handler';
import { authPlugin } from './auth/plugin';
import { loggerOptions } from './logger';
import { registerModules } from './modules';
import '../server/policies/index';

z.config(z.locales.vi());

export interface AppContext {
  config: AppConfig;
  database: Database;
  /** Set on SIGTERM so /readyz answers 503 while in-flight requests finish. */
  lifecycle: { shuttingDown: boolean };
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

export type App = FastifyInstance;
export type TypedApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface BuildAppOptions {
  serveWeb?: boolean;
  webDir?: string;
  /** Where log lines go instead of stdout (tests read them to check redaction). */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}) {
  const logger = loggerOptions(ctx.config);
  const app = Fastify({
    logger: logger && options.logStream ? { ...(logger as object), stream: options.logStream } : logger,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: (req) => {
      const header = req.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('ctx', ctx);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: ctx.config.maxUploadBytes, files: 20 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'MotCua API',
        description: 'API của hệ thống thông tin giải quyết thủ tục hành chính MotCua',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'motcua_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin, { database: ctx.database, config: ctx.config });

  await registerModules(app);

  if (options.serveWeb) {
    const webDir = options.webDir ?? path.resolve('dist/web');
    if (existsSync(webDir)) {
      await app.register(fastifyStatic, {
        root: webDir,
        prefix: '/',
        wildcard: false,
        index: false,
        preCompressed: true,
        // Vite's hashed assets never change: cache them for a year; index.html is always revalidated.
        // (@fastify/static passes the Fastify reply here, whatever its typings say.)
        setHeaders: (res, filePath) => {
          const value = filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
          (res as unknown as { header(name: string, value: string): void }).header('cache-control', value);
        },
      });
      const sendIndex = (_req: unknown, reply: { type: (t: string) => { sendFile: (f: string) => unknown } }) =>
        reply.type('text/html').sendFile('index.html');
      app.get('/', { schema: { hide: true } }, sendIndex as never);
      // Client-side routes get the app shell; the error handler already owns the 404 handler (set once per prefix).
      app.get('/*', { schema: { hide: true } }, (request, reply) => {
        const pathname = request.url.split('?')[0]!;
        if (pathname.startsWith('/api/') || path.extname(pathname)) return reply.callNotFound();
        return reply.type('text/html').sendFile('index.html');
      });
    }
  }

  return app;
}
