/**
 * Housekeeping of uploads and idempotency keys: what nothing refers to a day later goes, with its content when no
 * other row shares it; what is referred to, recent, or shared stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { registryDocuments } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../test/test-database';
import { createAgency, createStaff } from '../../test/factories';
import { Role } from '../../../shared/permissions';
import { IDEMPOTENCY_RETENTION_DAYS, pruneIdempotencyKeys } from '../dossiers/idempotency';
import { contentPath, createLocalFileStorage, type FileStorage } from './file-storage';
import { pdfBytes } from './files.test-support';
import { sweepUnreferencedFiles, UNREFERENCED_FILE_GRACE_HOURS } from './sweep-files';

let db: TestDatabase;
let root: string;
let storage: FileStorage;
let uploaderId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  root = mkdtempSync(path.join(tmpdir(), 'motcua-sweep-'));
  storage = createLocalFileStorage(root);
  const agency = await createAgency(db.db);
  uploaderId = (await createStaff(db.db, agency, [Role.DESK_OFFICER])).id;
});

afterAll(async () => {
  await db.close();
  rmSync(root, { recursive: true, force: true });
});

const DAY_MS = 24 * 3_600_000;

/** Stores bytes, back-dates the content by `ageHours`, and inserts a file row created `ageHours` ago. */
async function upload(bytes: Buffer, ageHours: number): Promise<{ id: string; sha256: string }> {
  const stored = await storage.put(bytes);
  const then = new Date(Date.now() - ageHours * 3_600_000);
  utimesSync(contentPath(root, stored.sha256), then, then);
  const [row] = await queryRows<{ id: string }>(
    db.db,
    sql`INSERT INTO files (sha256, size, mime_type, file_name, uploaded_by_id, created_at)
        VALUES (${stored.sha256}, ${stored.size}, 'application/pdf', 'giay-to.pdf', ${uploaderId}, ${then.toISOString()}::timestamptz) RETURNING id`,
  );
  return { id: row!.id, sha256: stored.sha256 };
}

const rowExists = async (id: string) => (await queryRows(db.db, sql`SELECT 1 FROM files WHERE id = ${id}`)).length > 0;

describe('sweepUnreferencedFiles', () => {
  it('removes an upload nothing refers to after the grace period, and keeps recent, referred-to and shared ones', async () => {
    const abandoned = await upload(pdfBytes(), UNREFERENCED_FILE_GRACE_HOURS + 2);
    const recent = await upload(pdfBytes(), 1);
    const attached = await upload(pdfBytes(), 72);
    // Referred to through a foreign key (a registry document): found from the catalog, not a list in the code.
    await db.db.insert(registryDocuments).values({
      numberSymbol: '01/2021/QĐ-UBND',
      docType: 'decision',
      issuerName: 'UBND tỉnh',
      issuerLevel: 'province',
      issuedOn: '2021-01-05',
      subject: 'Quyết định thử',
      fileId: attached.id,
    });
    // The same bytes uploaded twice: one row abandoned, the other recent — the content must stay.
    const sharedBytes = pdfBytes('shared');
    const sharedOld = await upload(sharedBytes, 48);
    const sharedNew = await upload(sharedBytes, 0);
    // A partial upload left by a crashed writer, and one still being written.
    mkdirSync(path.join(root, 'tmp'), { recursive: true });
    writeFileSync(path.join(root, 'tmp', 'crashed'), 'x');
    utimesSync(path.join(root, 'tmp', 'crashed'), new Date(Date.now() - 2 * DAY_MS), new Date(Date.now() - 2 * DAY_MS));
    writeFileSync(path.join(root, 'tmp', 'writing'), 'x');

    const result = await sweepUnreferencedFiles(db.db, storage);

    expect(await rowExists(abandoned.id)).toBe(false);
    expect(existsSync(contentPath(root, abandoned.sha256))).toBe(false);
    expect(await rowExists(recent.id)).toBe(true);
    expect(await rowExists(attached.id)).toBe(true);
    expect(existsSync(contentPath(root, attached.sha256))).toBe(true);
    expect(await rowExists(sharedOld.id)).toBe(false);
    expect(await rowExists(sharedNew.id)).toBe(true);
    expect(existsSync(contentPath(root, sharedNew.sha256))).toBe(true);
    expect(existsSync(path.join(root, 'tmp', 'crashed'))).toBe(false);
    expect(existsSync(path.join(root, 'tmp', 'writing'))).toBe(true);
    expect(result).toEqual({ rows: 2, contents: 1, temporary: 1 });

    // Nothing left to do: a second run removes nothing.
    expect(await sweepUnreferencedFiles(db.db, storage)).toEqual({ rows: 0, contents: 0, temporary: 0 });
  });

  it('keeps a content uploaded again while its old row is swept', async () => {
    const bytes = pdfBytes('again');
    const old = await upload(bytes, 48);
    // The same bytes are put again now (refreshing the content), their row not yet committed.
    await storage.put(bytes);
    await sweepUnreferencedFiles(db.db, storage);
    expect(await rowExists(old.id)).toBe(false);
    expect(existsSync(contentPath(root, old.sha256))).toBe(true);
  });
});

describe('pruneIdempotencyKeys', () => {
  it(`removes stored answers older than ${IDEMPOTENCY_RETENTION_DAYS} days and keeps newer ones`, async () => {
    await db.db.execute(sql`INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES
      ('test', 'old-key-0001', 'h', now() - make_interval(days => ${IDEMPOTENCY_RETENTION_DAYS + 1})),
      ('test', 'new-key-0001', 'h', now() - make_interval(days => ${IDEMPOTENCY_RETENTION_DAYS - 1}))`);
    await pruneIdempotencyKeys(db.db);
    const keys = await queryRows<{ key: string }>(db.db, sql`SELECT key FROM idempotency_keys WHERE scope = 'test' ORDER BY key`);
    expect(keys.map((k) => k.key)).toEqual(['new-key-0001']);
  });
});
