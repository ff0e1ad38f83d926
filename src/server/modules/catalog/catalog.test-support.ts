/** Helpers for the catalog tests: a small province of their own, procedure content and decision builders. */
import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { auditLog, procedureFields } from '../../db/schema';
import type { Executor } from '../../db/client';
import { createAgency, createStaff, type TestAgency } from '../../test/factories';
import { signIn, type Client, type TestContext } from '../../test/test-app';
import type { Role } from '../../../shared/permissions';
import type { ProcedureContentInput } from '../../../shared/schemas/catalog';

export interface TestProvince {
  committee: TestAgency;
  /** A Sở under the provincial committee. */
  department: TestAgency;
  districts: TestAgency[];
  /** Two communes under each district. */
  communes: TestAgency[];
}

/** UBND tỉnh with one Sở, two district committees and two commune committees under each. */
export async function createProvince(db: Executor): Promise<TestProvince> {
  const committee = await createAgency(db, { kind: 'provincial_committee', name: 'Ủy ban nhân dân tỉnh Thử nghiệm' });
  const department = await createAgency(db, { parent: committee, kind: 'department', name: 'Sở Tư pháp tỉnh Thử nghiệm' });
  const districts: TestAgency[] = [];
  const communes: TestAgency[] = [];
  for (const d of ['Vị Thanh', 'Long Mỹ']) {
    const district = await createAgency(db, { parent: committee, kind: 'district_committee', name: `Ủy ban nhân dân huyện ${d}` });
    districts.push(district);
    for (const c of ['Hỏa Lựu', 'Vị Tân']) communes.push(await createAgency(db, { parent: district, kind: 'commune_committee', name: `Ủy ban nhân dân xã ${c}, huyện ${d}` }));
  }
  return { committee, department, districts, communes };
}

export async function ensureField(db: Executor, code = 'HOTICH', name = 'Hộ tịch'): Promise<string> {
  await db.insert(procedureFields).values({ code, name }).onConflictDoNothing({ target: procedureFields.code });
  const [f] = await db.select({ id: procedureFields.id }).from(procedureFields).where(eq(procedureFields.code, code));
  return f!.id;
}

/** A fresh national-style procedure code (2.xxxxxx.Txxx), unique within a test run. */
export function newCode(): string {
  return `2.${String(randomInt(0, 1_000_000)).padStart(6, '0')}.T${randomInt(100, 999)}`;
}

/** A commune-level birth-registration-like procedure (applied by every commune committee by default). */
export function procedureContent(overrides: Partial<ProcedureContentInput> = {}): ProcedureContentInput {
  return {
    name: 'Đăng ký khai sinh',
    fieldCode: 'HOTICH',
    level: 'commune',
    departmentKey: 'TPHT',
    time: { value: 3, unit: 'working_days' },
    onlineLevel: 4,
    onlineScope: 'full',
    onTheSpot: false,
    interAgency: false,
    postalReturn: true,
    methods: ['in_person', 'online', 'post'],
    subjects: ['individual'],
    steps: ['Nộp hồ sơ tại Bộ phận Một cửa hoặc trực tuyến.', 'Công chức tư pháp - hộ tịch kiểm tra, trình ký.', 'Trả kết quả.'],
    documents: [
      { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, formName: 'Mẫu tờ khai ban hành kèm Thông tư số 04/2020/TT-BTP' },
      { name: 'Giấy chứng sinh', originals: 1, copies: 0 },
    ],
    sets: 1,
    result: 'Giấy khai sinh (bản chính)',
    fees: [],
    feeExemptions: 'Miễn lệ phí đăng ký khai sinh đúng hạn',
    legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch', issuedOn: '2014-11-20' }],
    ...overrides,
  };
}

export interface DecisionBody {
  number: string;
  title: string;
  signedOn: string;
  signerName: string;
  signerTitle: string;
  effectiveFrom: string;
  legalDocumentNumber?: string | null;
  legalDocumentTitle?: string | null;
  legalDocumentEffectiveFrom?: string | null;
  publishingAgencyId?: string;
  items: { action: string; procedureCode: string; newProcedureCode?: string; content?: ProcedureContentInput }[];
}

export function decisionBody(items: DecisionBody['items'], overrides: Partial<DecisionBody> = {}): DecisionBody {
  return {
    number: `${randomInt(100, 99_999)}/QĐ-UBND`,
    title: 'Công bố danh mục thủ tục hành chính lĩnh vực hộ tịch',
    signedOn: '2020-12-15',
    signerName: 'Nguyễn Văn Minh',
    signerTitle: 'Phó Chủ tịch Ủy ban nhân dân tỉnh',
    effectiveFrom: '2021-01-01',
    items,
    ...overrides,
  };
}

/** Creates and applies a decision through the API; returns the apply response body. */
export async function publish(t: TestContext, client: Client, body: DecisionBody) {
  const created = await t.app.inject({ method: 'POST', url: '/api/catalog/decisions', headers: client.headers, payload: body });
  if (created.statusCode !== 201) throw new Error(`create decision: ${created.statusCode} ${created.body}`);
  const applied = await t.app.inject({ method: 'POST', url: `/api/catalog/decisions/${created.json().id}/apply`, headers: client.headers });
  if (applied.statusCode !== 200) throw new Error(`apply decision: ${applied.statusCode} ${applied.body}`);
  return applied.json() as { decision: { id: string; items: { resultProcedureId: string; resultVersionId: string }[] }; result: Record<string, number> };
}

export async function signedInStaff(t: TestContext, agency: TestAgency, roles: Role[]): Promise<Client> {
  const user = await createStaff(t.database.db, agency, roles);
  return signIn(t.app, user.login, user.password);
}

/** Rows in the catalog tables, to prove a rejected request wrote nothing. */
export async function catalogCounts(db: Executor) {
  const [row] = (
    (await db.execute(sql`SELECT
      (SELECT count(*)::int FROM procedures) AS procedures,
      (SELECT count(*)::int FROM procedure_versions) AS versions,
      (SELECT count(*)::int FROM procedure_version_agencies) AS agencies,
      (SELECT count(*)::int FROM procedure_fields) AS fields,
      (SELECT count(*)::int FROM internal_processes) AS processes,
      (SELECT count(*)::int FROM publication_decisions WHERE status = 'applied') AS applied,
      (SELECT count(*)::int FROM audit_log) AS audit`)) as unknown as { rows: Record<string, number>[] }
  ).rows;
  return row!;
}

export async function auditActions(db: Executor, subjectId: string): Promise<string[]> {
  const rows = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, subjectId)).orderBy(auditLog.id);
  return rows.map((r) => r.action);
}
