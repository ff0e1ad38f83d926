/**
 * Catalog search latency (p50/p95) over at least 100,000 procedure-agency rows on PostgreSQL, next to the same query
 * as a plain ILIKE scan, measured in the same run.
 *
 * Database: BENCH_DATABASE_URL (or DATABASE_URL) of a PostgreSQL server whose user may CREATE DATABASE; the bench
 * creates a throwaway database there, migrates it, fills it, measures and drops it. Without a URL it runs on embedded
 * PGlite with a smaller catalog and says so (PGlite is one in-process connection; figures are not comparable).
 *
 * Strategies, each run on the same queries with the same filters, paging and agency counts:
 * - ranked: the production search (listProcedures): stored folded name with a pg_trgm GIN index, every word first
 *   (ranked exact, prefix, phrase, all words), then typo / partial / trigram-similar fallbacks when nothing matches;
 * - ILIKE (folded): `lower(unaccent(name)) ILIKE '%q%'`, the same matches without the index, ordered by name;
 * - ILIKE (raw): `name ILIKE '%q%'`, cheap but blind to diacritics (misses "dang ky khai sinh").
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, queryRows, type Database } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { catalogConditions, listProcedures, procedureListSql } from '../src/server/modules/catalog/catalog.queries';
import { demoProcedures } from '../src/server/modules/catalog/demo/demo-procedures.data';

const ASOF = '2026-01-01';
const REPEATS = 25;
const WARMUP = 2;

const QUALIFIERS = [
  '', ' (cấp lại)', ' (cấp đổi)', ' (điều chỉnh)', ' (gia hạn)', ' trong trường hợp bị mất, hư hỏng', ' đối với tổ chức',
  ' đối với cá nhân', ' có yếu tố nước ngoài', ' cho người nước ngoài', ' thực hiện liên thông', ' theo thủ tục rút gọn',
  ' tại khu công nghiệp', ' trên địa bàn nông thôn', ' trong khu kinh tế', ' do thay đổi thông tin', ' lần đầu',
  ' trực tuyến toàn trình', ' cho hộ gia đình', ' theo đề nghị của tổ chức',
];

const QUERIES = [
  'dang ky khai sinh',
  'ĐĂNG KÝ KHAI SINH',
  'khai sinh',
  'giấy phép xây dựng',
  'giay phep xay dugn',
  'chung thuc ban sao',
  'đăng ký kết hôn',
  'ho kinh doanh',
  'trợ cấp xã hội',
  'cấp lại',
];

interface Scale {
  procedures: number;
  districts: number;
  communes: number;
  /** Share of procedures with an older, closed version. */
  history: number;
}

export const POSTGRES_SCALE: Scale = { procedures: 4000, districts: 12, communes: 120, history: 0.25 };
const PGLITE_SCALE: Scale = { procedures: 1000, districts: 6, communes: 30, history: 0.25 };

function uuid(): string {
  const b = randomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

async function insertJson(database: Database, statement: (json: string) => SQL, rows: unknown[]) {
  for (let i = 0; i < rows.length; i += 2000) await database.db.execute(statement(JSON.stringify(rows.slice(i, i + 2000))));
}

/** A synthetic province catalog: demo names × qualifiers, one row per applying agency. */
export async function fill(database: Database, scale: Scale) {
  const unitId = uuid();
  await database.db.execute(sql`INSERT INTO admin_units (id, key, code, name, kind, level, valid_from) VALUES (${unitId}, 'BENCH', '99', 'Tỉnh Đo kiểm', 'province', 'province', '2004-01-01')`);
  const committee = uuid();
  const agencies: { id: string; key: string; name: string; kind: string; parent_id: string | null; path: string }[] = [
    { id: committee, key: 'B_UBND', name: 'Ủy ban nhân dân tỉnh Đo kiểm', kind: 'provincial_committee', parent_id: null, path: `/${committee}/` },
  ];
  const departments = [...new Set(demoProcedures.filter((p) => p.level === 'province').map((p) => p.agencyKey))];
  for (const key of departments) {
    const id = uuid();
    agencies.push({ id, key: `B_${key}`, name: `Sở ${key} tỉnh Đo kiểm`, kind: 'department', parent_id: committee, path: `/${committee}/${id}/` });
  }
  const districts: string[] = [];
  for (let d = 0; d < scale.districts; d++) {
    const id = uuid();
    districts.push(id);
    agencies.push({ id, key: `B_H${d}`, name: `Ủy ban nhân dân huyện Đo kiểm ${d + 1}`, kind: 'district_committee', parent_id: committee, path: `/${committee}/${id}/` });
  }
  for (let c = 0; c < scale.communes; c++) {
    const id = uuid();
    const parent = districts[c % districts.length]!;
    agencies.push({ id, key: `B_X${c}`, name: `Ủy ban nhân dân xã Đo kiểm ${c + 1}`, kind: 'commune_committee', parent_id: parent, path: `/${committee}/${parent}/${id}/` });
  }
  await insertJson(
    database,
    (json) => sql`INSERT INTO agencies (id, key, name, short_name, kind, unit_id, parent_id, path, identifier_code, valid_from)
      SELECT id, key, name, key, kind, ${unitId}::uuid, parent_id, path, 'B.' || key, '2004-01-01'
        FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, key text, name text, kind text, parent_id uuid, path text)`,
    agencies,
  );
  const fields = [...new Map(demoProcedures.map((p) => [p.fieldCode, p.fieldName]))];
  const fieldIds = new Map(fields.map(([code]) => [code, uuid()]));
  await insertJson(
    database,
    (json) => sql`INSERT INTO procedure_fields (id, code, name) SELECT id, code, name FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, code text, name text)
      ON CONFLICT (code) DO NOTHING`,
    fields.map(([code, name]) => ({ id: fieldIds.get(code), code, name })),
  );
  // Fields already present (an existing database) keep their ids.
  for (const f of await queryRows<{ id: string; code: string }>(database.db, sql`SELECT id, code FROM procedure_fields`)) fieldIds.set(f.code, f.id);

  const procedures: { id: string; code: string }[] = [];
  const versions: Record<string, unknown>[] = [];
  for (let i = 0; i < scale.procedures; i++) {
    const base = demoProcedures[i % demoProcedures.length]!;
    const qualifier = QUALIFIERS[Math.floor(i / demoProcedures.length) % QUALIFIERS.length]!;
    const id = uuid();
    procedures.push({ id, code: `${i % 2 === 0 ? 1 : 2}.${String(i).padStart(6, '0')}.BENCH` });
    const version = {
      procedure_id: id,
      name: `${base.name}${qualifier}`,
      field_id: fieldIds.get(base.fieldCode),
      level: base.level,
      time_value: base.time.value,
      time_unit: base.time.unit,
      online_level: base.onlineLevel,
      online_scope: base.onlineScope,
      on_the_spot: base.onTheSpot,
      fees: base.fees,
      /** The Sở of a provincial procedure (not a column: read when the agency rows are built). */
      so: base.agencyKey,
    };
    if (i % Math.round(1 / scale.history) === 0) {
      versions.push({ ...version, id: uuid(), version_no: 1, valid_from: '2019-01-01', valid_to: '2021-12-31', name: `${version.name} (trước sửa đổi)` });
      versions.push({ ...version, id: uuid(), version_no: 2, valid_from: '2022-01-01', valid_to: null });
    } else versions.push({ ...version, id: uuid(), version_no: 1, valid_from: '2022-01-01', valid_to: null });
  }
  await insertJson(
    database,
    (json) => sql`INSERT INTO procedures (id, code, publishing_agency_id) SELECT id, code, ${committee}::uuid FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, code text)`,
    procedures,
  );
  await insertJson(
    database,
    (json) => sql`INSERT INTO procedure_versions (id, procedure_id, version_no, valid_from, valid_to, origin, name, field_id, level, time_value, time_unit,
        online_level, online_scope, on_the_spot, methods, subjects, steps, documents, sets, result, fees, legal_basis, content_hash)
      SELECT id, procedure_id, version_no, valid_from, valid_to, 'import', name, field_id, level, time_value, time_unit, online_level, online_scope,
             on_the_spot, '{in_person}', '{individual}', '["Nộp hồ sơ", "Nhận kết quả"]', '[]', 1, 'Kết quả', fees, '[]', md5(name)
        FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, procedure_id uuid, version_no int, valid_from date, valid_to date, name text,
             field_id uuid, level text, time_value float8, time_unit text, online_level int, online_scope text, on_the_spot boolean, fees jsonb)`,
    versions,
  );
  // One row per applying agency: the Sở for provincial procedures, every district/commune committee below.
  const bySo = new Map(departments.map((key) => [key, agencies.find((a) => a.key === `B_${key}`)!.id]));
  await database.db.execute(sql`INSERT INTO procedure_version_agencies (version_id, agency_id)
    SELECT v.id, a.id FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id AND p.publishing_agency_id = ${committee}
      JOIN agencies a ON a.path LIKE ${`/${committee}/%`} AND a.kind = CASE v.level WHEN 'district' THEN 'district_committee' ELSE 'commune_committee' END
     WHERE v.level <> 'province'`);
  const provincial = versions.filter((v) => v.level === 'province').map((v) => ({ version_id: v.id, agency_id: bySo.get(String(v.so)) }));
  await insertJson(
    database,
    (json) => sql`INSERT INTO procedure_version_agencies (version_id, agency_id) SELECT version_id, agency_id FROM jsonb_to_recordset(${json}::jsonb) AS x(version_id uuid, agency_id uuid)`,
    provincial,
  );
  await database.db.execute(sql`ANALYZE`);
  const [counts] = await queryRows<{ versions: number; rows: number; current_rows: number }>(
    database.db,
    sql`SELECT (SELECT count(*)::int FROM procedure_versions) AS versions, (SELECT count(*)::int FROM procedure_version_agencies) AS rows,
               (SELECT count(*)::int FROM procedure_version_agencies pa JOIN procedure_versions v ON v.id = pa.version_id WHERE v.valid_to IS NULL) AS current_rows`,
  );
  const commune = agencies.find((a) => a.kind === 'commune_committee')!.id;
  return { committee, commune, versions: counts!.versions, rows: counts!.rows, currentRows: counts!.current_rows };
}

/** The production query's shape with a plain ILIKE match: same filters, paging, window count and agency count. */
function ilikeSql(q: string, folded: boolean, filter: { asOf: string; agencyId?: string; publishingAgencyId: string }): SQL {
  const pattern = `%${(folded ? q.trim().toLowerCase() : q.trim()).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const match = folded ? sql`lower(unaccent(v.name)) ILIKE unaccent(${pattern}::text)` : sql`v.name ILIKE ${pattern}`;
  return sql`WITH hits AS (
      SELECT v.id AS version_id, p.id, p.code, v.name, v.field_id, v.level, v.time_value, v.time_unit, v.online_level, v.online_scope,
             v.on_the_spot, count(*) OVER () AS total
        FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id
       WHERE ${catalogConditions(filter)} AND ${match}
       ORDER BY v.name, p.code LIMIT 20)
    SELECT h.*, f.code AS field_code, (SELECT count(*) FROM procedure_version_agencies a WHERE a.version_id = h.version_id)::int AS agency_count
      FROM hits h JOIN procedure_fields f ON f.id = h.field_id ORDER BY h.name, h.code`;
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

interface Strategy {
  name: string;
  run: (q: string, agencyId: string | undefined) => Promise<number>;
  samples: number[];
  matches: number[];
}

async function measure(database: Database, data: Awaited<ReturnType<typeof fill>>) {
  const base = { asOf: ASOF, publishingAgencyId: data.committee };
  const strategies: Strategy[] = [
    {
      name: 'ranked (trigram GIN, production)',
      run: async (q, agencyId) => (await listProcedures(database.db, { ...base, q, agencyId, page: 1, pageSize: 20 })).total,
      samples: [],
      matches: [],
    },
    {
      name: 'ILIKE scan, unaccent(lower(name))',
      run: async (q, agencyId) => Number((await queryRows<{ total: number }>(database.db, ilikeSql(q, true, { ...base, ...(agencyId ? { agencyId } : {}) })))[0]?.total ?? 0),
      samples: [],
      matches: [],
    },
    {
      name: 'ILIKE scan, raw name (no folding)',
      run: async (q, agencyId) => Number((await queryRows<{ total: number }>(database.db, ilikeSql(q, false, { ...base, ...(agencyId ? { agencyId } : {}) })))[0]?.total ?? 0),
      samples: [],
      matches: [],
    },
  ];
  const cases = QUERIES.flatMap((q) => [{ q, agencyId: undefined as string | undefined }, { q, agencyId: data.commune }]);
  for (const c of cases) for (const s of strategies) for (let w = 0; w < WARMUP; w++) await s.run(c.q, c.agencyId);
  // Interleaved, so background load hits every strategy alike.
  for (let r = 0; r < REPEATS; r++) {
    for (const c of cases) {
      for (const s of strategies) {
        const t0 = performance.now();
        const found = await s.run(c.q, c.agencyId);
        s.samples.push(performance.now() - t0);
        if (r === 0) s.matches.push(found);
      }
    }
  }
  return strategies;
}

/** How the production query reads procedure_versions for one query (index or sequential scan). */
async function scanOfRankedQuery(database: Database, committee: string): Promise<string> {
  const { page } = procedureListSql({ q: 'giấy phép xây dựng', asOf: ASOF, publishingAgencyId: committee, page: 1, pageSize: 20 });
  const plan = await queryRows<Record<string, string>>(database.db, sql`EXPLAIN ${page}`);
  const lines = plan.map((row) => String(Object.values(row)[0]));
  return (lines.find((l) => l.includes('procedure_versions_name_trgm_idx')) ?? lines.find((l) => l.includes('on procedure_versions')) ?? '?').trim().replace(/\s+\(cost.*$/, '');
}

export default async function catalogSearchBench(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  let backend: string;
  const scale = url ? POSTGRES_SCALE : PGLITE_SCALE;
  if (url) {
    const name = `motcua_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: target.toString(), poolSize: 2 });
    drop = async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
    const [v] = await queryRows<{ server_version: string }>(database.db, sql`SHOW server_version`);
    backend = `PostgreSQL ${v!.server_version} (throwaway database ${name})`;
  } else {
    database = await openDatabase({});
    backend = 'PGlite (embedded, in memory) — no BENCH_DATABASE_URL/DATABASE_URL, so a smaller catalog; set one for the ≥100,000-row PostgreSQL run';
  }
  try {
    await migrate(database);
    const t0 = performance.now();
    const data = await fill(database, scale);
    const fillSeconds = (performance.now() - t0) / 1000;
    const scan = await scanOfRankedQuery(database, data.committee);
    const strategies = await measure(database, data);

    const cpus = os.cpus();
    console.log(`Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
    console.log(`Database: ${backend}`);
    console.log(
      `Catalog: ${scale.procedures.toLocaleString('en')} procedures, ${data.versions.toLocaleString('en')} versions, ${data.rows.toLocaleString('en')} procedure-agency rows ` +
        `(${data.currentRows.toLocaleString('en')} on current versions), ${scale.districts} district and ${scale.communes} commune committees; filled in ${fillSeconds.toFixed(1)} s`,
    );
    console.log(`Queries: ${QUERIES.length} texts (accented, unaccented, upper case, one typo) × {whole catalog, one commune's procedures}, as of ${ASOF}, page of 20; ${REPEATS} timed rounds after ${WARMUP} warm-up rounds.`);
    console.log(`Plan of the ranked query for «giấy phép xây dựng»: ${scan}\n`);
    const reference = strategies[0]!;
    const refP50 = percentile([...reference.samples].sort((a, b) => a - b), 50);
    const refP95 = percentile([...reference.samples].sort((a, b) => a - b), 95);
    const rows = strategies.map((s) => {
      const sorted = [...s.samples].sort((a, b) => a - b);
      const p50 = percentile(sorted, 50);
      const p95 = percentile(sorted, 95);
      return {
        strategy: s.name,
        'p50 ms': p50.toFixed(2),
        'p95 ms': p95.toFixed(2),
        'p50 ÷ ranked': (p50 / refP50).toFixed(1),
        'p95 ÷ ranked': (p95 / refP95).toFixed(1),
        'matches (sum)': s.matches.reduce((a, b) => a + b, 0),
        'queries with no match': s.matches.filter((m) => m === 0).length,
      };
    });
    console.table(rows);
    console.log('Matches differ by design: the ranked search also answers the typo and falls back to near matches where a commune has no exact one; the raw ILIKE misses unaccented and upper-case queries.');
  } finally {
    await database.close();
    if (drop) await drop();
  }
}
