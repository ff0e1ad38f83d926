/**
 * Lịch sử hồ sơ mô phỏng (`motcua seed simulate`): realistic dossiers over a date range for the province in the
 * database, bulk-loaded as the rows the use cases would write (dossier-builder.ts) — codes from the same counters,
 * due dates from each competent agency's work calendar, complete action logs, steps, agency periods, documents — and
 * the statistics rollups from the same deltas as the live hook, committed together per chunk. Fast enough for
 * millions of dossiers on PostgreSQL (multi-row INSERTs, nothing read back per dossier).
 *
 * The mix: procedures weighted toward civil status (hộ tịch), certification (chứng thực) and land (đất đai) and
 * toward the communes, where most dossiers are filed; the online share grows from about 8 % in early 2021 by
 * 10 points a year; some supplements, refusals, stops, late results; inter-agency procedures pass their partner
 * steps. Provincial procedures are received at the public service centre's desk (the three places differ).
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { addCalendarDays, toLocalDate, type WorkCalendar } from '../../../shared/calendar';
import { monthEnd, monthStart } from '../../../shared/periods';
import { AuditAction } from '../../../shared/audit-actions';
import { systemActor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { queryRows, type Executor } from '../../db/client';
import { dossierActions, dossierAgencyPeriods, dossierDocuments, dossierSteps, dossiers } from '../../db/schema';
import { loadWorkCalendar } from '../calendar/calendar.queries';
import { materializeCheckpoints, resetCheckpoints } from '../statistics/checkpoints';
import { rollupKeyOf } from '../statistics/record-dossier-statistics';
import { addToRollups, type RollupRow } from '../statistics/rollup-writer';
import { bulkInsert } from './bulk-insert';
import { DossierBuilder, type BuilderContext } from './dossier-builder';
import { seededRandom, weightedTable, type Random } from './seeded-random';
import { simulatedApplicant } from './sim-people';
import { simulateLife, type LifeObservation } from './simulate-life';
import { planHistory, type DraftFacts, type HistoryPlan, type HistoryTargets } from './plan-history';
import { loadSimulationCatalog, type SimAgencyInfo, type SimulationCatalog, type SimVersion } from './simulation-catalog';

export interface SimulateOptions {
  /** First and last local dates of intake ('YYYY-MM-DD'); the last must be before today. */
  from: string;
  to: string;
  /** Average new dossiers per working day (online filings also arrive on days off, fewer). */
  perDay: number;
  seed: number;
  /** No event after this instant (default: now): dossiers still open then stay pending. */
  horizon?: Date;
  /** A file row online documents point to (an uploaded sample scan); null records them without a file. */
  sampleFileId?: string | null;
  /** Dossiers per transaction. */
  chunkSize?: number;
  /**
   * PostgreSQL bulk loads into a database nobody else uses (benches, a new province): drop the dossier tables'
   * secondary indexes during the load and build them again at the end.
   */
  deferIndexes?: boolean;
  /**
   * A report the history must reproduce exactly (plan-history.ts): the dossiers are generated twice, the first time
   * only to see where each one stands, then with each result placed where the figures need it.
   */
  targets?: HistoryTargets;
  /**
   * Resumable in the background: one short transaction per chunk (the embedded database answers other requests in
   * between), dossier ids and codes that are the same on every run, and chunks already written skipped — a load cut
   * short starts again where it stopped. For a range no other dossier shares (the demo history).
   */
  resumable?: boolean;
  /** Stop after writing this many dossiers (`complete` false): a background job's bounded share; resumable. */
  maxDossiers?: number;
  /** Only the first pass: what the plan would reach (`planned`), nothing written. */
  planOnly?: boolean;
  /**
   * Write the dossier rows, their codes and the statistics rollups only — no action log, documents, steps or agency
   * periods. For statistics benches at 10,000,000 dossiers, whose figures (rollups, and the plain GROUP BY they are
   * compared with) read nothing else; a database loaded so cannot serve the dossier pages.
   */
  dossiersOnly?: boolean;
  /** Write only the dossiers arriving on these days (default: from–to); the plan still spans the whole range. */
  emitFrom?: string;
  emitTo?: string;
  /**
   * One part of a load split over several processes, each writing its own months (emitFrom–emitTo): the process that
   * splits it calls `prepareLoad` before and the function it returns after, so this part writes its dossiers only —
   * no checkpoint reset or materialisation, no index work, no audit entry.
   */
  part?: boolean;
  onProgress?: (p: SimulateProgress) => void;
}

export interface SimulateProgress {
  day: string;
  dossiers: number;
  actions: number;
  seconds: number;
}

export interface SimulateResult extends SimulateProgress {
  from: string;
  to: string;
  byChannel: Record<string, number>;
  rows: number;
  /** Time spent writing (the rest is generating). */
  writeSeconds: number;
  checkpoints: number;
  /** False when `maxDossiers` stopped the load early (run it again to go on). */
  complete: boolean;
  /** With targets: what the plan reaches (the targets, unless the drawn history could not meet them). */
  planned?: HistoryPlan['achieved'];
}

/** Field weights: the bulk of a province's dossiers (per procedure, before the level's factor). */
const FIELD_WEIGHTS: Record<string, number> = { 'Hộ tịch': 12, 'Chứng thực': 14, 'Đất đai': 6 };
/** A commune procedure is filed in each commune; a provincial one in one place for the whole province. */
const LEVEL_WEIGHTS: Record<string, number> = { commune: 1, district: 3, province: 6 };

/** Online share of new dossiers on a date (about 8 % in January 2021, +10 points a year, at most 75 %). */
export function onlineShareOn(date: string): number {
  const years = (Date.parse(`${date}T00:00:00Z`) - Date.parse('2021-01-01T00:00:00Z')) / (365.25 * 86_400_000);
  return Math.min(0.75, Math.max(0.03, 0.08 + 0.1 * years));
}

interface Pair {
  version: SimVersion;
  agencyId: string;
}

function pairTable(versions: SimVersion[]) {
  return weightedTable(
    versions.flatMap((v) =>
      v.agencyIds.map((agencyId) => ({ item: { version: v, agencyId }, weight: (FIELD_WEIGHTS[v.record.fieldName] ?? 1) * (LEVEL_WEIGHTS[v.record.level] ?? 1) })),
    ),
  );
}

export function allowedChannels(v: SimVersion) {
  const m = v.record.methods;
  return { online: m.includes('online') && v.record.onlineLevel >= 3, post: m.includes('post'), inPerson: m.includes('in_person') };
}

/** A random instant on `date` inside the calendar's working hours. */
function workingInstant(rng: Random, calendar: WorkCalendar, date: string): Date {
  const periods = calendar.config.hours.map((h) => {
    const [sh, sm] = h.start.split(':').map(Number) as [number, number];
    const [eh, em] = h.end.split(':').map(Number) as [number, number];
    return { start: sh * 60 + sm, length: eh * 60 + em - (sh * 60 + sm) };
  });
  let m = rng.int(0, periods.reduce((s, p) => s + p.length, 0) - 1);
  for (const p of periods) {
    if (m < p.length) {
      const minute = p.start + m;
      return calendar.fromLocal(date, `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
    }
    m -= p.length;
  }
  return calendar.fromLocal(date, '08:00');
}

/** A random instant on `date` for an online filing: mostly daytime, some evenings. */
function onlineInstant(rng: Random, calendar: WorkCalendar, date: string): Date {
  if (rng.chance(0.7)) return workingInstant(rng, calendar, date);
  const minute = rng.chance(0.8) ? rng.int(17 * 60, 22 * 60 + 30) : rng.int(6 * 60, 7 * 60);
  return calendar.fromLocal(date, `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
}

interface Chunk {
  builders: DossierBuilder[];
  rollups: RollupRow[];
}

async function flush(executor: Executor, chunk: Chunk, counters: Map<string, number>, dirty: Set<string>, dossiersOnly: boolean) {
  if (chunk.builders.length === 0) return 0;
  const b = chunk.builders;
  const rows = {
    dossiers: b.map((x) => x.row),
    actions: dossiersOnly ? [] : b.flatMap((x) => x.actions),
    documents: dossiersOnly ? [] : b.flatMap((x) => x.documents),
    steps: dossiersOnly ? [] : b.flatMap((x) => x.stepRows()),
    periods: dossiersOnly ? [] : b.flatMap((x) => x.periodRows()),
  };
  // Taken now: the next chunk is generated while this one is written.
  const codeCounters = [...dirty].map((key) => [key, counters.get(key)!] as const);
  dirty.clear();
  await executor.transaction(async (tx) => {
    await bulkInsert(tx, dossiers, rows.dossiers);
    await bulkInsert(tx, dossierActions, rows.actions);
    await bulkInsert(tx, dossierDocuments, rows.documents);
    await bulkInsert(tx, dossierSteps, rows.steps);
    await bulkInsert(tx, dossierAgencyPeriods, rows.periods);
    await addToRollups(tx, chunk.rollups);
    for (let i = 0; i < codeCounters.length; i += 2000) {
      const values = codeCounters.slice(i, i + 2000).map(([key, n]) => {
        const [agencyCode, day] = key.split('|') as [string, string];
        return sql`(${agencyCode}, ${day}::date, ${n}::int)`;
      });
      await tx.execute(
        sql`INSERT INTO dossier_code_counters (agency_code, day, n) VALUES ${sql.join(values, sql`, `)}
            ON CONFLICT (agency_code, day) DO UPDATE SET n = greatest(dossier_code_counters.n, excluded.n)`,
      );
    }
  });
  return rows.dossiers.length + rows.actions.length + rows.documents.length + rows.steps.length + rows.periods.length;
}

/** Tables whose secondary indexes `deferIndexes` drops during the load and builds again at the end. */
const DEFERRED_TABLES = ['dossiers', 'dossier_actions', 'dossier_documents', 'dossier_agency_periods', 'dossier_scopes'];

/**
 * Drops the non-unique secondary indexes of the dossier tables and returns their definitions, to build them again
 * in one pass after a bulk load (much faster than maintaining them row by row). Unique indexes stay: they guard the
 * codes and action ids during the load.
 */
async function dropSecondaryIndexes(executor: Executor): Promise<string[]> {
  const rows = await queryRows<{ indexname: string; indexdef: string }>(
    executor,
    sql`SELECT i.indexname, i.indexdef FROM pg_indexes i
        JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
        WHERE i.schemaname = current_schema() AND i.tablename IN (${sql.join(DEFERRED_TABLES.map((t) => sql`${t}`), sql`, `)})
          AND NOT x.indisunique AND NOT x.indisprimary`,
  );
  for (const r of rows) await executor.execute(sql.raw(`DROP INDEX IF EXISTS "${r.indexname}"`));
  return rows.map((r) => r.indexdef);
}

/**
 * For a bulk load into a database nobody else uses: drops the dossier tables' secondary indexes and stops the queue
 * index's trigger; the returned function fills the queue index and builds the indexes again, each in one pass.
 */
async function deferDossierIndexes(db: Executor): Promise<() => Promise<void>> {
  const deferred = await dropSecondaryIndexes(db);
  await db.execute(sql`ALTER TABLE dossiers DISABLE TRIGGER dossier_scopes_sync`);
  return async () => {
    await db.execute(sql`INSERT INTO dossier_scopes (agency_id, dossier_id, status, submitted_at, search_text)
      SELECT DISTINCT a, d.id, d.status, d.submitted_at, dossier_search_text(d.applicant_name, d.organisation_name)
      FROM dossiers d, unnest(d.agency_ids) AS a ON CONFLICT DO NOTHING`);
    await db.execute(sql`ALTER TABLE dossiers ENABLE TRIGGER dossier_scopes_sync`);
    for (const definition of deferred) await db.execute(sql.raw(definition));
  };
}

/**
 * Loads the history. `database.db` may be the database (one transaction per chunk) or an open transaction (the demo
 * seed: one savepoint per chunk).
 */
export async function simulateDossiers(database: { db: Executor }, options: SimulateOptions): Promise<SimulateResult> {
  const db = database.db;
  const started = Date.now();
  const horizon = options.horizon ?? new Date();
  const today = toLocalDate(new Date());
  if (!(options.from <= options.to)) throw new Error('simulate: from must be on or before to');
  if (options.to >= today) throw new Error(`simulate: the history must end before today (${today}), so its codes never meet live ones`);
  const catalog: SimulationCatalog = await loadSimulationCatalog(db, options.from, options.to);
  if (catalog.versions.length === 0) throw new Error('simulate: no procedure is in force over the range; load the catalog first (motcua seed demo)');
  const calendars = new Map<string, WorkCalendar>();
  const calendarOf = async (agencyId: string) => {
    let c = calendars.get(agencyId);
    if (!c) calendars.set(agencyId, (c = await loadWorkCalendar(db, agencyId)));
    return c;
  };
  const provinceCalendar = await loadWorkCalendar(db, null);

  // Code counters continue from what the days already hold (a second run over the same range adds dossiers).
  const counters = new Map<string, number>();
  for (const r of await queryRows<{ agency_code: string; day: string; n: number }>(
    db,
    sql`SELECT agency_code, day::text AS day, n FROM dossier_code_counters WHERE day BETWEEN ${options.from}::date AND ${options.to}::date`,
  )) {
    counters.set(`${r.agency_code}|${r.day}`, Number(r.n));
  }
  const dirty = new Set<string>();
  const nextSeq = (agencyCode: string, day: string) => {
    const key = `${agencyCode}|${day}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    dirty.add(key);
    return n;
  };

  const plan = options.targets ? await historyPlan(options, catalog, calendarOf, provinceCalendar, horizon) : null;
  if (options.planOnly) return { from: options.from, to: options.to, day: options.to, dossiers: 0, actions: 0, seconds: (Date.now() - started) / 1000, byChannel: {}, rows: 0, checkpoints: 0, writeSeconds: 0, complete: false, ...(plan ? { planned: plan.achieved } : {}) };
  // Checkpoints after the first day no longer hold: drop them now, materialise them again at the end.
  const finish = options.part ? null : await prepareLoad(db, options.emitFrom ?? options.from, options.deferIndexes ?? false);

  const chunkSize = options.chunkSize ?? 2_000;
  let chunk: Chunk = { builders: [], rollups: [] };
  const result: SimulateResult = { from: options.emitFrom ?? options.from, to: options.emitTo ?? options.to, day: options.from, dossiers: 0, actions: 0, seconds: 0, byChannel: {}, rows: 0, checkpoints: 0, writeSeconds: 0, complete: true };
  let writing: Promise<void> = Promise.resolve();
  const write = async () => {
    await writing;
    const t = Date.now();
    writing = flush(db, chunk, counters, dirty, options.dossiersOnly ?? false).then((n) => {
      result.rows += n;
      result.writeSeconds += (Date.now() - t) / 1000;
    });
  };
  const emitFrom = options.emitFrom ?? options.from;
  const emitTo = options.emitTo ?? options.to;
  let resuming = options.resumable ?? false;
  let skip = 0;
  if (plan) result.planned = plan.achieved;
  for await (const draft of dossierDrafts(options, catalog, calendarOf, provinceCalendar)) {
    if (draft.index % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
    if (draft.day < emitFrom || draft.day > emitTo) continue;
    if (plan?.excluded.has(draft.index)) continue;
    if (resuming && chunk.builders.length === 0 && skip === 0) {
      // A resumed load: the run that stopped wrote whole chunks, in order; skip those (same ids), then write the rest.
      const id = stableDossierId(options.seed, draft.index);
      if ((await queryRows(db, sql`SELECT 1 FROM dossiers WHERE id = ${id}`)).length > 0) skip = chunkSize;
      else resuming = false;
    }
    if (skip > 0) {
      skip--;
      continue;
    }
    if (options.maxDossiers !== undefined && result.dossiers >= options.maxDossiers) {
      result.complete = false;
      break;
    }
    const builder = buildDraft(draft, options, nextSeq, options.resumable ? stableDossierId(options.seed, draft.index) : undefined);
    simulateLife(lifeRandom(options.seed, draft.index), builder, { ...draft.life, horizon, sampleFileId: options.sampleFileId ?? null, plan: plan?.lives.get(draft.index) });
    const { pair, snapshot, competent, rules, channel } = draft;
    const statKey = rollupKeyOf(
      { competentAgencyId: competent.id, procedureId: snapshot.procedureId, procedureVersionId: snapshot.versionId, channel, procedure: snapshot, rules },
      pair.version.record.fieldId,
    );
    for (const [d, measures] of builder.deltas.entries()) chunk.rollups.push({ key: statKey, day: d, measures });
    chunk.builders.push(builder);
    result.dossiers++;
    result.actions += builder.actions.length;
    result.byChannel[channel] = (result.byChannel[channel] ?? 0) + 1;
    if (chunk.builders.length >= chunkSize) {
      await write();
      chunk = { builders: [], rollups: [] };
      result.day = draft.day;
      result.seconds = (Date.now() - started) / 1000;
      options.onProgress?.({ day: draft.day, dossiers: result.dossiers, actions: result.actions, seconds: result.seconds });
    }
  }
  await write();
  await writing;
  result.day = options.to;
  result.seconds = (Date.now() - started) / 1000;
  if (!finish) return result;
  result.checkpoints = await finish();
  if (result.complete) await db.transaction((tx) =>
    recordAudit(tx, systemActor('Mô phỏng lịch sử hồ sơ'), {
      action: AuditAction.STATISTICS_HISTORY_SIMULATED,
      subjectType: 'simulation',
      subjectId: `${options.emitFrom ?? options.from}..${options.emitTo ?? options.to}`,
      summary: { seed: options.seed, perDay: options.perDay, targets: options.targets ?? null, dossiers: result.dossiers, actions: result.actions, byChannel: result.byChannel },
    }),
  );
  result.day = options.to;
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

/**
 * Before a load: the checkpoints from `from` reset (they no longer hold) and, with `deferIndexes`, the indexes
 * deferred. The returned function, after it, rebuilds the indexes and materialises the checkpoints (their count).
 * A load split over several processes (`SimulateOptions.part`, months apart so their rollup rows seldom meet; when
 * they do — a dossier resolved in the next part's months — the upserts wait for each other, in key order) calls it
 * once around all its parts.
 */
export async function prepareLoad(db: Executor, from: string, deferIndexes: boolean): Promise<() => Promise<number>> {
  await db.transaction((tx) => resetCheckpoints(tx, from));
  const restore = deferIndexes ? await deferDossierIndexes(db) : null;
  return async () => {
    await restore?.();
    return materializeCheckpoints(db);
  };
}

/** Splits from–to into `parts` contiguous ranges of whole months (as even as the months allow). */
export function splitByMonths(from: string, to: string, parts: number): { from: string; to: string }[] {
  const months: string[] = [];
  for (let m = monthStart(from); m <= to; m = addCalendarDays(monthEnd(m), 1)) months.push(m);
  const n = Math.max(1, Math.min(parts, months.length));
  const ranges: { from: string; to: string }[] = [];
  for (let i = 0; i < n; i++) {
    const first = months[Math.floor((i * months.length) / n)]!;
    const next = months[Math.floor(((i + 1) * months.length) / n)];
    ranges.push({ from: i === 0 ? from : first, to: next ? addCalendarDays(next, -1) : to });
  }
  return ranges;
}

/** One dossier before its life: what the day's draw chose (the outer random stream only). */
interface Draft {
  index: number;
  day: string;
  pair: Pair;
  channel: 'online' | 'in_person' | 'post';
  competent: SimAgencyInfo;
  receiving: SimAgencyInfo;
  calendar: WorkCalendar;
  snapshot: BuilderContext['snapshot'];
  rules: BuilderContext['rules'];
  codePattern: BuilderContext['codePattern'];
  life: { channel: 'online' | 'in_person' | 'post'; arrival: Date; applicant: ReturnType<typeof simulatedApplicant>; applicantUserId: null };
}

/**
 * The dossiers of the range in order, drawn from the seed alone: the same options give the same drafts, whatever
 * becomes of each one (each life has its own random stream, lifeRandom), so a second pass meets the same dossiers.
 */
async function* dossierDrafts(
  options: SimulateOptions,
  catalog: SimulationCatalog,
  calendarOf: (agencyId: string) => Promise<WorkCalendar>,
  provinceCalendar: WorkCalendar,
): AsyncGenerator<Draft> {
  const rng = seededRandom(options.seed);
  let index = 0;
  let tableKey = '';
  let table = pairTable([]);
  let onlineTable = pairTable([]);
  for (let day = options.from; day <= options.to; day = addCalendarDays(day, 1)) {
    const versions = catalog.versionsOn(day);
    const key = versions.map((v) => v.record.id).join(',');
    if (key !== tableKey) {
      table = pairTable(versions);
      onlineTable = pairTable(versions.filter((v) => allowedChannels(v).online));
      tableKey = key;
    }
    const working = provinceCalendar.isWorkingDay(day);
    // Days off bring online filings only, a tenth of a working day's.
    const dayTable = working ? table : onlineTable;
    if (dayTable.items.length === 0) continue;
    const share = onlineShareOn(day);
    const expected = working ? options.perDay : options.perDay * share * 0.1;
    const n = Math.round(expected * (0.8 + 0.4 * rng.next()));
    const rules = catalog.rulesOn(day);
    const codePattern = catalog.codePatternOn(day);
    for (let i = 0; i < n; i++) {
      const pair: Pair = rng.weighted(dayTable);
      const allowed = allowedChannels(pair.version);
      let channel: 'online' | 'in_person' | 'post';
      const x = rng.next();
      if (!working || (allowed.online && x < share)) channel = allowed.online ? 'online' : 'in_person';
      else if (allowed.post && x < share + 0.05) channel = 'post';
      else channel = allowed.inPerson ? 'in_person' : allowed.online ? 'online' : 'post';
      const competent = catalog.agencies.get(pair.agencyId)!;
      // Provincial procedures filed in person or by post land at the public service centre's desk.
      const centre = catalog.centre;
      const receiving = channel !== 'online' && pair.version.record.level === 'province' && centre ? centre : competent;
      const calendar = await calendarOf(competent.id);
      const snapshot = catalog.snapshot(pair.version, competent.id, day);
      const arrival = channel === 'online' ? onlineInstant(rng, calendar, day) : workingInstant(rng, calendar, day);
      const applicant = simulatedApplicant(rng, competent.unitName, Number(day.slice(0, 4)));
      yield { index: index++, day, pair, channel, competent, receiving, calendar, snapshot, rules, codePattern, life: { channel, arrival, applicant, applicantUserId: null } };
    }
  }
}

/** The random stream of one dossier's life. */
function lifeRandom(seed: number, index: number): Random {
  return seededRandom((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0);
}

/** A UUID (version 8, RFC 9562) that is the same for the same seed and dossier. */
export function stableDossierId(seed: number, index: number): string {
  const h = createHash('sha256').update(`motcua-simulated-dossier:${seed}:${index}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function buildDraft(draft: Draft, options: SimulateOptions, nextSeq: (agencyCode: string, day: string) => number, id?: string): DossierBuilder {
  return new DossierBuilder({
    id,
    calendar: draft.calendar,
    snapshot: draft.snapshot,
    fieldId: draft.pair.version.record.fieldId,
    rules: draft.rules,
    codePattern: draft.codePattern,
    competent: draft.competent,
    receiving: draft.receiving,
    nextSeq,
    sampleFileId: options.sampleFileId ?? null,
    rowOnly: options.dossiersOnly ?? false,
  });
}

/** Plans are pure functions of the options and the catalog: kept per process so month-by-month loads plan once. */
const plans = new Map<string, HistoryPlan>();

/** The first pass: every dossier's life without a plan, observed, then the plan that meets the targets. */
async function historyPlan(
  options: SimulateOptions,
  catalog: SimulationCatalog,
  calendarOf: (agencyId: string) => Promise<WorkCalendar>,
  provinceCalendar: WorkCalendar,
  horizon: Date,
): Promise<HistoryPlan> {
  const key = JSON.stringify([options.from, options.to, options.perDay, options.seed, options.targets, catalog.versions.length]);
  const cached = plans.get(key);
  if (cached) return cached;
  const facts: DraftFacts[] = [];
  for await (const draft of dossierDrafts(options, catalog, calendarOf, provinceCalendar)) {
    // A long, CPU-bound pass: let the server answer requests in between.
    if (draft.index % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
    const builder = buildDraft(draft, options, () => 1);
    let observed: LifeObservation | null = null;
    simulateLife(lifeRandom(options.seed, draft.index), builder, { ...draft.life, horizon, sampleFileId: null, observe: (o) => (observed = o) });
    const state = builder.state;
    facts.push({
      index: draft.index,
      receivedDate: state.receivedAt ? toLocalDate(new Date(state.receivedAt)) : null,
      observed,
      finishedDate: state.finishedAt ? toLocalDate(new Date(state.finishedAt)) : null,
      outcome: state.outcome,
    });
  }
  const plan = planHistory(facts, options.targets!);
  plans.set(key, plan);
  return plan;
}
