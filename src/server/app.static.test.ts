import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { testConfig } from './env';
import { createTestDatabase, type TestDatabase } from './test/test-database';

let dir: string;
let app: FastifyInstance;
let database: TestDatabase;
const script = 'console.log("xin chào");'.repeat(100);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'motcua-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang="vi"><body><div id="root"></div></body></html>');
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), script);
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js.br'), brotliCompressSync(script));
  database = await createTestDatabase();
  app = await buildApp({ config: testConfig(), database, lifecycle: { shuttingDown: false } }, { serveWeb: true, webDir: dir });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('sends hashed assets precompressed and cacheable for a year', async () => {
    const res = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.rawPayload.length).toBeLessThan(script.length);
  });

  it('answers client-side routes with the app shell, revalidated', async () => {
    const res = await app.inject({ url: '/thu-tuc?q=khai%20sinh' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('id="root"');
  });

  it('keeps unknown API routes and missing files as JSON 404s', async () => {
    const api = await app.inject({ url: '/api/khong-ton-tai' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    const file = await app.inject({ url: '/assets/missing.js' });
    expect(file.statusCode).toBe(404);
  });
});
