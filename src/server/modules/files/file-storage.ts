/**
 * Content-addressed file storage. The local adapter keeps each content once under `<root>/ab/cdef…` (sha256 in
 * hex) and makes it durable (file and directory fsync'd) before `put` returns, so a database row that refers to
 * the file is committed only after the bytes are safely on disk. Object storage fits behind the same interface.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';

export interface StoredContent {
  sha256: string;
  size: number;
  /** The first bytes, for type detection. */
  head: Buffer;
}

export interface PutOptions {
  maxBytes?: number;
  /** Asked once the source is consumed: a stream cut at the upload limit is refused, not stored. */
  isTruncated?: () => boolean;
}

export interface FileStorage {
  /** Stores the content durably; identical content is kept once. Throws PAYLOAD_TOO_LARGE past `maxBytes`. */
  put(source: AsyncIterable<Uint8Array> | Uint8Array, options?: PutOptions): Promise<StoredContent>;
  /** A stream of the content; throws NOT_FOUND if it is missing. */
  open(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  /**
   * Removes a content unless it was stored (or stored again) within `unlessNewerThanMs`: an upload of the same bytes
   * that is still on its way to a database row keeps it. True when removed.
   */
  remove(sha256: string, unlessNewerThanMs: number): Promise<boolean>;
  /** Removes partial uploads left by crashed writers, older than `olderThanMs`; how many. */
  sweepTemporary(olderThanMs: number): Promise<number>;
}

const SHA256 = /^[0-9a-f]{64}$/;
const HEAD_BYTES = 64;

/** `<root>/ab/cdef…` for sha256 `abcdef…`. */
export function contentPath(root: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return path.join(root, sha256.slice(0, 2), sha256.slice(2));
}

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot fsync a directory; the file itself was synced.
  } finally {
    await handle.close();
  }
}

async function* chunksOf(source: AsyncIterable<Uint8Array> | Uint8Array): AsyncIterable<Uint8Array> {
  if (source instanceof Uint8Array) yield source;
  else yield* source;
}

/** Removes a file last modified at least `ageMs` ago; true when removed. */
async function removeIfOlder(file: string, ageMs: number): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info || Date.now() - info.mtimeMs < ageMs) return false;
  await rm(file, { force: true });
  return true;
}

export function createLocalFileStorage(root: string): FileStorage {
  const tmpDir = path.join(root, 'tmp');
  return {
    async put(source, options = {}) {
      await mkdir(tmpDir, { recursive: true });
      const tmp = path.join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
      const hash = createHash('sha256');
      const headParts: Buffer[] = [];
      let headLength = 0;
      let size = 0;
      const handle = await open(tmp, 'wx', 0o640);
      try {
        for await (const chunk of chunksOf(source)) {
          size += chunk.byteLength;
          if (options.maxBytes !== undefined && size > options.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE');
          if (headLength < HEAD_BYTES) {
            const part = Buffer.from(chunk.subarray(0, HEAD_BYTES - headLength));
            headParts.push(part);
            headLength += part.length;
          }
          hash.update(chunk);
          await handle.write(chunk);
        }
        if (options.isTruncated?.()) throw new AppError('PAYLOAD_TOO_LARGE');
        await handle.sync();
      } catch (err) {
        await handle.close().catch(() => undefined);
        await rm(tmp, { force: true });
        throw err;
      }
      await handle.close();
      const sha256 = hash.digest('hex');
      const target = contentPath(root, sha256);
      const exists = await stat(target).then(
        (s) => s.size === size,
        () => false,
      );
      if (exists) {
        await rm(tmp, { force: true });
        // Stored again now: the sweeper of unreferenced contents leaves a recently touched content alone.
        const now = new Date();
        await utimes(target, now, now);
      } else {
        await mkdir(path.dirname(target), { recursive: true });
        await rename(tmp, target);
        await fsyncDirectory(path.dirname(target));
      }
      return { sha256, size, head: Buffer.concat(headParts) };
    },
    async open(sha256) {
      const file = contentPath(root, sha256);
      if (!(await stat(file).then(() => true, () => false))) throw new AppError('NOT_FOUND');
      return createReadStream(file);
    },
    async exists(sha256) {
      return stat(contentPath(root, sha256)).then(
        () => true,
        () => false,
      );
    },
    remove: (sha256, unlessNewerThanMs) => removeIfOlder(contentPath(root, sha256), unlessNewerThanMs),
    async sweepTemporary(olderThanMs) {
      const names = await readdir(tmpDir).catch(() => [] as string[]);
      let removed = 0;
      for (const name of names) if (await removeIfOlder(path.join(tmpDir, name), olderThanMs)) removed++;
      return removed;
    },
  };
}

const storages = new Map<string, FileStorage>();

/** The storage configured for this installation (local files under `${dataDir}/files`). */
export function fileStorageFor(config: { dataDir: string }): FileStorage {
  const root = path.join(config.dataDir, 'files');
  let storage = storages.get(root);
  if (!storage) {
    storage = createLocalFileStorage(root);
    storages.set(root, storage);
  }
  return storage;
}
