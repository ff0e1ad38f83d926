/**
 * `npm run bench [-- <name filter>]`: runs every `bench/*.bench.ts` in sequence, in name order.
 * A bench file default-exports `async function (): Promise<void>` that prints its own report; add a file to add a bench.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

if (files.length === 0) console.log(filter ? `No bench matches "${filter}".` : 'No bench/*.bench.ts found.');
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const started = Date.now();
  try {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: () => Promise<void> };
    await mod.default();
  } catch (err) {
    failed++;
    console.error(`${file} failed:`, err);
  }
  console.log(`(${file}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
process.exit(failed > 0 ? 1 : 0);
