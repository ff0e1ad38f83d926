/**
 * Dossier processing on PostgreSQL with 1,000,000 simulated dossiers (× BENCH_SCALE), everything over HTTP against
 * the real application:
 * - public tracking (code + phone, rate limits included) — throughput and p50/p99 — next to a bare Fastify + pg
 *   point lookup of the same codes measured in the same run (goal: at least half its throughput, p99 ≤ 10 ms);
 * - desk intake with code allocation, deadline, attachment metadata and audit (goal ≥ 300 dossiers/s, p99 ≤ 100 ms);
 * - the desk officer's work queues (goal: p95 ≤ 50 ms).
 * The application and the bare server run as separate Node processes (as in production, one process per instance);
 * the load generator, those processes and PostgreSQL share the machine, so the figures are for that machine, printed
 * below, with the CPU one request costs the application and PostgreSQL (which is what sizes a bigger machine).
 * Throughput comes from a closed loop at saturation; latency goals are checked in an open loop at a fixed rate (the
 * goal throughput, or half the measured one when the goal is out of reach), since at saturation latency is queueing.
 * BENCH_DATABASE_URL: a PostgreSQL server (see bench/simulated-database.ts). BENCH_SECONDS: seconds per load (10).
 * BENCH_INSTANCES: application processes sharing the database (1); requests go round robin.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/server/db/client';
import { files, users } from '../src/server/db/schema';
import { DEMO_STAFF_PASSWORD } from '../src/server/seed/demo-accounts';
import { createApiToken } from '../src/server/test/factories';
import { Role } from '../src/shared/permissions';
import { startServer, type BenchServer } from './bench-server';
import { formatLoad as line, load, loadAtRate, postgresCpuMs, type CpuMeters } from './load';
import { benchScale, benchUrl, machine, ms, simulatedDatabase } from './simulated-database';

const CONCURRENCY = 32;

/** CPU meters over a set of server processes and PostgreSQL. */
const metersOf = (servers: BenchServer[]): CpuMeters => ({
  app: async () => (await Promise.all(servers.map((s) => s.cpuMs()))).reduce((a, b) => a + b, 0),
  db: postgresCpuMs,
});

export default async function dossiersBench(): Promise<void> {
  if (!benchUrl()) {
    console.log('Skipped: set BENCH_DATABASE_URL to a PostgreSQL server (this bench needs 1,000,000 dossiers × BENCH_SCALE).');
    return;
  }
  const scale = benchScale();
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  console.log(`Machine: ${machine()}`);
  const { database, url, dossiers } = await simulatedDatabase(1_000_000 * scale);
  console.log(`Database: ${dossiers.toLocaleString('en')} dossiers on PostgreSQL (BENCH_SCALE=${scale}); ${CONCURRENCY} concurrent clients, ${seconds} s per load.`);

  const instances = Math.max(1, Number(process.env.BENCH_INSTANCES ?? 1));
  const apps = await Promise.all(Array.from({ length: instances }, () => startServer('app', url)));
  // A bare Fastify + pg server answering the same point lookup, for comparison.
  const bare = await startServer('bare', url);
  const base = (i: number) => apps[i % apps.length]!.url;
  const bareBase = bare.url;
  const appMeters = metersOf(apps);
  const bareMeters = metersOf([bare]);
  console.log(`Application: ${instances} process(es); PostgreSQL CPU ${postgresCpuMs() === undefined ? 'not readable here' : 'read from /proc'}.`);

  try {
    // 1. Public tracking.
    const sample = await queryRows<{ code: string; phone: string }>(
      database.db,
      sql`SELECT code, applicant_phone AS phone FROM dossiers TABLESAMPLE SYSTEM (1) WHERE applicant_phone IS NOT NULL LIMIT 20000`,
    );
    const ip = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    console.log('\nPublic tracking (GET /api/tracking/:code?phone=…, one address per request so the per-address limit does not bite):');
    const lookup = (i: number) => fetch(`${bareBase}/lookup/${encodeURIComponent(sample[i % sample.length]!.code)}`);
    await load(2, 8, lookup);
    const bareResult = await load(seconds, CONCURRENCY, lookup, undefined, bareMeters);
    const track = (i: number) => {
      const s = sample[(i * 7919) % sample.length]!;
      return fetch(`${base(i)}/api/tracking/${encodeURIComponent(s.code)}?phone=${s.phone}`, { headers: { 'x-forwarded-for': ip(i) } });
    };
    await load(2, 8, (i) => track(i + 1_000_000));
    const appResult = await load(seconds, CONCURRENCY, track, (s) => s === 200, appMeters);
    // Latency at the goal's traffic: half the bare lookup's throughput, on a schedule.
    const rate = Math.round(bareResult.perSecond / 2);
    const bareAtRate = await loadAtRate(seconds, rate, (i) => lookup(i + 3_000_000), undefined, bareMeters);
    const appAtRate = await loadAtRate(seconds, rate, (i) => track(i + 2_000_000), (s) => s === 200, appMeters);
    // And at a quarter of it, where neither server nor database is near saturation on this machine.
    const quarter = Math.round(bareResult.perSecond / 4);
    const bareAtQuarter = await loadAtRate(seconds, quarter, (i) => lookup(i + 5_000_000), undefined, bareMeters);
    const appAtQuarter = await loadAtRate(seconds, quarter, (i) => track(i + 4_000_000), (s) => s === 200, appMeters);
    console.log(line(`bare Fastify + pg, ${CONCURRENCY} clients`, bareResult));
    console.log(line(`MotCua tracking, ${CONCURRENCY} clients`, appResult));
    console.log(line(`bare Fastify + pg, ${rate}/s scheduled`, bareAtRate));
    console.log(line(`MotCua tracking, ${rate}/s scheduled`, appAtRate));
    console.log(line(`bare Fastify + pg, ${quarter}/s scheduled`, bareAtQuarter));
    console.log(line(`MotCua tracking, ${quarter}/s scheduled`, appAtQuarter));
    console.log(
      `  ratio: ${((appResult.perSecond / bareResult.perSecond) * 100).toFixed(0)} % of the bare lookup's throughput (goal ≥ 50 %); ` +
        `p99 ${ms(appAtRate.p99)} at ${rate} lookups/s, half the bare throughput (goal ≤ 10 ms; the bare lookup's own p99 there: ${ms(bareAtRate.p99)}), ` +
        `${ms(appAtQuarter.p99)} at ${quarter}/s`,
    );

    // 2. Desk intake, with an attachment on every required document: at every commune's desk (the province's
    // traffic), then at a single desk (every intake then waits for the same gap-free code counter row).
    // The work queues (part 3) are read as the demo commune desk officer (motcua.xa), signed in like a browser.
    const login = await fetch(`${base(0)}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier: 'motcua.xa', password: DEMO_STAFF_PASSWORD }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const desks = await queryRows<{ agency_id: string; department_id: string; procedure_id: string; documents: { name: string }[] }>(
      database.db,
      sql`SELECT DISTINCT ON (a.id) a.id AS agency_id, d.id AS department_id, pv.procedure_id, pv.documents
          FROM agencies a JOIN departments d ON d.agency_id = a.id AND d.is_one_stop_desk
          JOIN procedure_version_agencies pva ON pva.agency_id = a.id JOIN procedure_versions pv ON pv.id = pva.version_id
          JOIN procedure_fields f ON f.id = pv.field_id
          WHERE a.kind = 'commune_committee' AND pv.valid_to IS NULL AND 'in_person' = ANY(pv.methods) AND f.name = 'Hộ tịch'
          ORDER BY a.id, md5(a.id::text || pv.procedure_id::text)`,
    );
    const stations: { agency_id: string; procedure_id: string; headers: Record<string, string>; documents: { index: number; originals: number; copies: number; fileIds: string[] }[] }[] = [];
    for (const desk of desks) {
      const [user] = await database.db
        .insert(users)
        .values({ kind: 'staff', fullName: 'Cán bộ Một cửa đo kiểm', username: `bench.${randomUUID().slice(0, 8)}`, passwordHash: 'x', roles: [Role.DESK_OFFICER], agencyId: desk.agency_id, departmentId: desk.department_id })
        .returning();
      const [file] = await database.db.insert(files).values({ sha256: 'b'.repeat(64), size: 120_000, mimeType: 'application/pdf', fileName: 'to-khai.pdf', uploadedById: user!.id }).returning();
      const token = await createApiToken(database.db, user!.id, { name: 'Đo kiểm tiếp nhận' });
      stations.push({ ...desk, headers: { authorization: `Bearer ${token.secret}`, 'content-type': 'application/json' }, documents: desk.documents.map((_, index) => ({ index, originals: 1, copies: 0, fileIds: [file!.id] })) });
    }
    const intake = (i: number, station = stations[i % stations.length]!) =>
      fetch(`${base(i)}/api/dossiers`, {
        method: 'POST',
        headers: { ...station.headers, 'idempotency-key': `bench-${randomUUID()}` },
        body: JSON.stringify({
          procedureId: station.procedure_id,
          competentAgencyId: station.agency_id,
          channel: 'in_person',
          applicant: { kind: 'individual', fullName: `Nguyễn Văn Đo Kiểm ${i}`, idNumber: `093090${String(100000 + (i % 899999))}`, phone: '0912345678', address: 'Xã Hỏa Lựu' },
          documents: station.documents,
        }),
      });
    const probe = await intake(0);
    if (probe.status !== 201) throw new Error(`intake refused: ${probe.status} ${await probe.text()}`);
    console.log(`\nDesk intake (POST /api/dossiers: code allocation, due date from the calendar, a file on every document, audit, notification, statistics):`);
    const before = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM dossiers`);
    const spread = await load(seconds, 16, (i) => intake(i), (s) => s === 201, appMeters);
    const single = await load(Math.max(3, seconds / 2), 16, (i) => intake(i, stations[0]), (s) => s === 201, appMeters);
    // Latency at the goal's traffic, or at half the measured throughput when the goal is out of this machine's reach.
    const intakeRate = spread.perSecond >= 300 ? 300 : Math.max(1, Math.round(spread.perSecond / 2));
    const scheduled = await loadAtRate(seconds, intakeRate, (i) => intake(i + 500_000), (s) => s === 201, appMeters);
    const after = await queryRows<{ n: number; codes: number }>(database.db, sql`SELECT count(*)::int AS n, count(DISTINCT code)::int AS codes FROM dossiers`);
    console.log(line(`${stations.length} commune desks, 16 clients`, spread));
    console.log(line('one desk (one counter row), 16 clients', single));
    console.log(line(`${stations.length} commune desks, ${intakeRate}/s scheduled`, scheduled));
    console.log(`  ${Number(after[0]!.n) - Number(before[0]!.n)} dossiers created, codes unique: ${after[0]!.n === after[0]!.codes} (goal ≥ 300 dossiers/s, p99 ≤ 100 ms)`);
    const cpu = (spread.appCpuMs ?? NaN) + (spread.dbCpuMs ?? NaN);
    if (Number.isFinite(cpu)) {
      console.log(
        `  one intake costs ${ms(spread.appCpuMs!)} of application CPU and ${ms(spread.dbCpuMs!)} of PostgreSQL CPU: 300 dossiers/s needs about ` +
          `${((cpu * 300) / 1000).toFixed(1)} cores busy (this machine has ${os.cpus().length}, load generator included)`,
      );
    }

    // 3. The desk officer's queues.
    console.log('\nWork queues of the commune desk officer (GET /api/dossiers?queue=…):');
    for (const queue of ['all', 'overdue', 'due_soon', 'waiting_for_supplement', 'result_ready']) {
      const list = (i: number) => fetch(`${base(i)}/api/dossiers?queue=${queue}&page=1&pageSize=20`, { headers });
      await load(1, 2, list);
      const r = await load(Math.max(3, seconds / 3), 4, list, undefined, appMeters);
      console.log(line(`queue=${queue}`, r));
    }
    const search = await load(Math.max(3, seconds / 3), 4, (i) => fetch(`${base(i)}/api/dossiers?q=${encodeURIComponent(['nguyen van', 'tran thi', 'le minh'][i % 3]!)}&page=1&pageSize=20`, { headers }), undefined, appMeters);
    console.log(line('search by name (diacritics ignored)', search));
    const summary = (i: number) => fetch(`${base(i)}/api/dossiers/queues/summary`, { headers });
    await load(1, 2, summary);
    console.log(line('queue cards (counts of every queue)', await load(Math.max(3, seconds / 3), 4, summary, undefined, appMeters)));
    console.log('  goal: queue p95 ≤ 50 ms');
  } finally {
    await Promise.all([...apps, bare].map((s) => s.close()));
    await database.close();
  }
}
