// `npm test`: every test tier, with one summary.
//   1. unit + integration tests on PGlite;
//   2. the integration tests again on PostgreSQL when TEST_DATABASE_URL is set;
//   3. browser tests in Chromium (/usr/bin/chromium or CHROMIUM_PATH) against a fresh web build.
// Each phase writes vitest's JSON report to test-results/<phase>.json; the last line reads
// "N passed, N failed, N skipped". Without Chromium the browser phase is skipped loudly, and under CI=true
// that is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildWebApp, hasWebApp, root } from './web-build.mjs';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const resultsDir = path.join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const phases = [];
const problems = [];

function runPhase(name, projects, env) {
  const outputFile = path.join(resultsDir, `${name}.json`);
  rmSync(outputFile, { force: true });
  const args = [vitest, 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile=${outputFile}`];
  console.log(`\n=== ${name}: vitest ${projects.map((p) => `--project ${p}`).join(' ')} ===`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  const phase = { name, passed: 0, failed: 0, skipped: 0, exitCode: result.status ?? 1 };
  if (existsSync(outputFile)) {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    phase.passed = report.numPassedTests ?? 0;
    phase.failed = report.numFailedTests ?? 0;
    phase.skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A file that fails to load, or an error outside any test, fails the run without failing a test.
    if (phase.exitCode !== 0 && phase.failed === 0) phase.failed = Math.max(1, report.numFailedTestSuites ?? 0);
  } else if (phase.exitCode !== 0) {
    phase.failed = 1;
    problems.push(`${name}: vitest did not produce a report (exit code ${phase.exitCode})`);
  }
  phases.push(phase);
  return phase;
}

function loud(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const bar = '!'.repeat(width);
  console.log(`\n${bar}\n${lines.map((l) => `! ${l.padEnd(width - 4)} !`).join('\n')}\n${bar}\n`);
}

function hasTestFiles(dir) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.test.ts'));
}

const baseEnv = { ...process.env };
delete baseEnv.MOTCUA_TEST_BACKEND;

// 1. PGlite
runPhase('pglite', ['unit', 'integration'], baseEnv);

// 2. PostgreSQL
if (process.env.TEST_DATABASE_URL) {
  runPhase('postgres', ['integration'], { ...baseEnv, MOTCUA_TEST_BACKEND: 'postgres' });
} else {
  console.log('\n(TEST_DATABASE_URL is not set: the integration tests ran on PGlite only. .ci/run starts a PostgreSQL server.)');
}

// 3. Browser
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  loud([
    'BROWSER TESTS SKIPPED: Chromium not found at ' + chromium,
    'Install it (apt-get install chromium) or set CHROMIUM_PATH.',
    ci ? 'CI=true: this counts as a FAILURE.' : 'Outside CI this is a warning; the run is incomplete.',
  ]);
  if (ci) problems.push('browser tests could not run: Chromium is missing');
} else if (!hasTestFiles(path.join(root, 'e2e'))) {
  console.log('\n(No browser test files under e2e/ yet: nothing to run in the browser phase.)');
} else if (!hasWebApp()) {
  problems.push('browser tests need the web app, but vite.config.ts is missing');
} else {
  console.log('\n=== browser: building the web app ===');
  if (buildWebApp() !== 0) {
    problems.push('the web build failed, so the browser tests could not run');
  } else {
    runPhase('browser', ['browser'], { ...baseEnv, CHROMIUM_PATH: chromium });
  }
}

const total = phases.reduce((sum, p) => ({ passed: sum.passed + p.passed, failed: sum.failed + p.failed, skipped: sum.skipped + p.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log('\n=== Summary ===');
for (const p of phases) console.log(`  ${p.name.padEnd(10)} ${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped`);
for (const problem of problems) console.log(`  ! ${problem}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || problems.length > 0 || phases.some((p) => p.exitCode !== 0) ? 1 : 0);
