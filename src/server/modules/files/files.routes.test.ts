import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { auditLog, files } from '../../db/schema';
import { createTestApp, signIn, type Client, type TestContext } from '../../test/test-app';
import { createCitizen } from '../../test/factories';
import { contentPath } from './file-storage';
import { PNG_BYTES, multipartFile, pdfBytes } from './files.test-support';

let t: TestContext;
let dataDir: string;
let alice: Client;
let bob: Client;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'motcua-files-'));
  t = await createTestApp({ dataDir, maxUploadBytes: 64 * 1024 });
  const a = await createCitizen(t.database.db, 'Lê Văn Alice');
  const b = await createCitizen(t.database.db, 'Trần Văn Bob');
  alice = await signIn(t.app, a.login, a.password);
  bob = await signIn(t.app, b.login, b.password);
});
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const upload = (client: Client | null, fileName: string, content: Buffer) => {
  const body = multipartFile(fileName, content);
  return t.app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...(client?.headers ?? {}), ...body.headers } });
};

describe('POST /api/files', () => {
  it('asks anonymous users to sign in before reading anything', async () => {
    const res = await upload(null, 'a.pdf', pdfBytes());
    expect(res.statusCode).toBe(401);
  });

  it('stores the content under its sha256 before the row, once for identical content, and audits', async () => {
    const content = pdfBytes('same');
    const first = await upload(alice, 'to-khai.pdf', content);
    expect(first.statusCode).toBe(201);
    const body = first.json();
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(body).toMatchObject({ fileName: 'to-khai.pdf', size: content.length, mimeType: 'application/pdf', sha256 });
    const stored = contentPath(path.join(dataDir, 'files'), sha256);
    expect(stored).toBe(path.join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2)));
    expect(readFileSync(stored)).toEqual(content);

    const second = await upload(bob, 'ban-sao.pdf', content);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).not.toBe(body.id);
    expect(readdirSync(path.dirname(stored)).filter((f) => f === sha256.slice(2))).toHaveLength(1);
    expect(await t.database.db.$count(files, eq(files.sha256, sha256))).toBe(2);
    expect(readdirSync(path.join(dataDir, 'files', 'tmp'))).toEqual([]);
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, body.id));
    expect(audit!.action).toBe('file.uploaded');
  });

  it('recognises the type from the content, not the name, and refuses other types (415) without a row', async () => {
    const png = await upload(alice, 'anh-chup.pdf', PNG_BYTES);
    expect(png.statusCode).toBe(201);
    expect(png.json().mimeType).toBe('image/png');
    const before = await t.database.db.$count(files);
    const text = await upload(alice, 'ghi-chu.pdf', Buffer.from('xin chào, đây không phải PDF'));
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(text.json().error.message).toContain('PDF, JPEG, PNG, TIFF, DOCX, XLSX');
    expect(await t.database.db.$count(files)).toBe(before);
  });

  it('refuses a file over the size limit (413) and leaves nothing behind', async () => {
    const before = await t.database.db.$count(files);
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(70 * 1024, 0x20)]);
    const res = await upload(alice, 'lon.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await t.database.db.$count(files)).toBe(before);
    expect(existsSync(contentPath(path.join(dataDir, 'files'), createHash('sha256').update(big).digest('hex')))).toBe(false);
    expect(readdirSync(path.join(dataDir, 'files', 'tmp'))).toEqual([]);
  });
});

describe('GET /api/files/:id', () => {
  it('gives the uploader the content and anyone else not found', async () => {
    const content = pdfBytes();
    const { id } = (await upload(alice, 'giay-to.pdf', content)).json();
    const own = await t.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: alice.headers });
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload).toEqual(content);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toContain("filename*=UTF-8''giay-to.pdf");
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: bob.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${id}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/files/khong-phai-uuid', headers: alice.headers })).statusCode).toBe(400);
  });
});
