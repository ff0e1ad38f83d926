#!/usr/bin/env node
/**
 * Measures what a citizen's browser downloads before the portal home can render: the entry chunk of the web app and
 * every chunk it imports statically (lazy route chunks excluded), each gzipped as a server would send it.
 * Fails (exit 1) when the total exceeds the budget, so `npm run build` catches a heavy import on the home page.
 *
 *   node scripts/report-bundle.mjs [--dir dist/web] [--budget 300] [--verbose]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist/web' },
    budget: { type: 'string', default: '300' },
    verbose: { type: 'boolean', short: 'v', default: false },
  },
});

const outDir = path.resolve(values.dir);
const budgetKb = Number(values.budget);
const manifestPath = path.join(outDir, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`No Vite manifest at ${manifestPath}: run \`npx vite build\` first (build.manifest must be true).`);
  process.exit(2);
}

/** @type {Record<string, { file: string; src?: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry && key.endsWith('index.html'));
if (!entryKey) {
  console.error('The manifest has no index.html entry.');
  process.exit(2);
}

/** The entry and the closure of its static imports, in load order, each file once. */
function staticClosure(key, seen = new Set(), out = []) {
  if (seen.has(key)) return out;
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`Manifest entry ${key} is missing`);
  out.push(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(imported, seen, out);
  return out;
}

const files = [...new Set(staticClosure(entryKey))].filter((f) => f.endsWith('.js'));
const kb = (bytes) => bytes / 1024;
const rows = files.map((file) => {
  const source = readFileSync(path.join(outDir, file));
  return { file, raw: source.length, gzip: gzipSync(source, { level: 9 }).length };
});
const total = rows.reduce((sum, r) => sum + r.gzip, 0);
const totalRaw = rows.reduce((sum, r) => sum + r.raw, 0);

if (values.verbose) {
  for (const r of [...rows].sort((a, b) => b.gzip - a.gzip)) {
    console.log(`  ${kb(r.gzip).toFixed(1).padStart(7)} kB gz  ${kb(r.raw).toFixed(1).padStart(8)} kB  ${r.file}`);
  }
}
console.log(
  `Portal home initial JS: ${kb(total).toFixed(1)} kB gzipped (budget ${budgetKb} kB); ${rows.length} files, ${kb(totalRaw).toFixed(1)} kB uncompressed`,
);
if (kb(total) > budgetKb) {
  console.error(`Over budget by ${(kb(total) - budgetKb).toFixed(1)} kB: move the new import behind a lazy route or import().`);
  process.exit(1);
}
