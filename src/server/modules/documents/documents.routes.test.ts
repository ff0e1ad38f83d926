import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { auditLog, registryDocuments } from '../../db/schema';
import { createTestApp, signIn, type Client, type TestContext } from '../../test/test-app';
import { createAgency, createCitizen, createStaff, type TestAgency } from '../../test/factories';
import { DOCUMENT_COLUMNS } from './import-documents';
import { legalDocumentFigures, listDocumentsIssued } from './documents.queries';

let t: TestContext;
let province: TestAgency;
let officer: Client;
let leader: Client;
let desk: Client;
let citizen: Client;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  province = await createAgency(db, { name: 'UBND tỉnh Thử' });
  const home = await createAgency(db, { parent: province, name: 'Sở Nội vụ' });
  const justice = await createAgency(db, { parent: province, name: 'Sở Tư pháp' });
  officer = await signIn(t.app, ...login(await createStaff(db, home, ['reform_officer'])));
  leader = await signIn(t.app, ...login(await createStaff(db, justice, ['agency_leader'])));
  desk = await signIn(t.app, ...login(await createStaff(db, justice, ['desk_officer'])));
  citizen = await signIn(t.app, ...login(await createCitizen(db)));
});
afterAll(async () => t?.close());

const login = (u: { login: string; password: string }) => [u.login, u.password] as const;
const send = (client: Client | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, payload: payload as object, headers: client?.headers ?? {} });

const plan = {
  numberSymbol: '1996/KH-UBND',
  docType: 'plan',
  issuerName: 'Ủy ban nhân dân tỉnh Thử',
  issuerLevel: 'provincial',
  issuedOn: '2020-12-30',
  signerName: 'Nguyễn Văn Ký',
  subject: 'về ban hành Kế hoạch Cải cách hành chính Nhà nước năm 2021',
  areas: ['direction'],
};
const resolution = (n: number, issuedOn: string) => ({
  numberSymbol: `0${n}/2021/NQ-HĐND`,
  docType: 'resolution',
  issuerName: 'Hội đồng nhân dân tỉnh Thử',
  issuerLevel: 'provincial_council',
  issuedOn,
  subject: `Quy định mức chi số ${n}`,
  areas: ['institutions'],
  isLegal: true,
  effectiveFrom: issuedOn,
});

describe('guards', () => {
  it('401 before 400, 403 without reform.manage, Vietnamese validation messages', async () => {
    expect((await send(null, 'POST', '/api/reform/documents', {})).statusCode).toBe(401);
    expect((await send(null, 'GET', '/api/reform/documents')).statusCode).toBe(401);
    expect((await send(citizen, 'GET', '/api/reform/documents')).statusCode).toBe(403);
    expect((await send(desk, 'POST', '/api/reform/documents', plan)).statusCode).toBe(403);
    expect((await send(leader, 'POST', '/api/reform/documents', plan)).statusCode).toBe(403);
    const csv = { ...leader.headers, 'content-type': 'text/csv' };
    expect((await t.app.inject({ method: 'POST', url: '/api/reform/documents/import', payload: 'Số, ký hiệu\n1/KH-UBND', headers: csv })).statusCode).toBe(403);

    const bad = await send(officer, 'POST', '/api/reform/documents', { ...plan, numberSymbol: 'KH-UBND', areas: ['sports'] });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.fields as { path: string; message: string }[];
    expect(fields.find((f) => f.path === 'body.numberSymbol')?.message).toMatch(/Số, ký hiệu văn bản phải có dạng/);
    expect(fields.find((f) => f.path.startsWith('body.areas'))?.message).toMatch(/Lĩnh vực CCHC/);
    const early = await send(officer, 'POST', '/api/reform/documents', { ...resolution(9, '2021-03-10'), effectiveFrom: '2021-03-01' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('DOCUMENT_EFFECT_INVALID');
    expect(await t.database.db.select().from(registryDocuments)).toHaveLength(0);
  });
});

describe('registry', () => {
  it('creates with an audit entry, refuses the same number twice, lets staff read and search without diacritics', async () => {
    const res = await send(officer, 'POST', '/api/reform/documents', plan);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created.citation).toBe('Kế hoạch số 1996/KH-UBND ngày 30 tháng 12 năm 2020 của Ủy ban nhân dân tỉnh Thử về ban hành Kế hoạch Cải cách hành chính Nhà nước năm 2021');
    expect(created.abilities.update).toBe(true);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, created.id));
    expect(audits.map((a) => a.action)).toEqual(['reform_document.created']);

    const again = await send(officer, 'POST', '/api/reform/documents', plan);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DOCUMENT_NUMBER_TAKEN');
    // The same number in another year is another document.
    expect((await send(officer, 'POST', '/api/reform/documents', { ...plan, issuedOn: '2021-12-29' })).statusCode).toBe(201);

    const asLeader = await send(leader, 'GET', `/api/reform/documents/${created.id}`);
    expect(asLeader.statusCode).toBe(200);
    expect(asLeader.json().abilities.update).toBe(false);
    for (const q of ['cai cach hanh chinh', 'CẢI CÁCH', '1996/KH', 'uy ban nhan dan tinh thu']) {
      const found = (await send(desk, 'GET', `/api/reform/documents?q=${encodeURIComponent(q)}`)).json();
      expect(found.items.map((i: { id: string }) => i.id), q).toContain(created.id);
    }
    expect((await send(desk, 'GET', `/api/reform/documents?q=${encodeURIComponent('phong chong dich')}`)).json().items).toHaveLength(0);
  });

  it('tracks the effect of a legal document over time and counts it in the period figures', async () => {
    const r1 = (await send(officer, 'POST', '/api/reform/documents', resolution(1, '2021-03-10'))).json();
    const r2 = (await send(officer, 'POST', '/api/reform/documents', resolution(2, '2021-05-11'))).json();
    await send(officer, 'POST', '/api/reform/documents', resolution(3, '2021-07-01'));
    const abolish = (await send(officer, 'POST', '/api/reform/documents', { ...resolution(4, '2021-06-01'), subject: 'Bãi bỏ Nghị quyết 01/2021/NQ-HĐND' })).json();

    // Only legal documents have an effect status.
    expect((await send(officer, 'POST', `/api/reform/documents/${(await send(officer, 'GET', '/api/reform/documents?docType=plan')).json().items[0].id}/effects`, { status: 'expired_whole', effectiveOn: '2021-06-01' })).statusCode).toBe(422);
    const expired = await send(officer, 'POST', `/api/reform/documents/${r1.id}/effects`, { status: 'expired_whole', effectiveOn: '2021-06-15', basisDocumentId: abolish.id });
    expect(expired.statusCode, expired.body).toBe(200);
    expect(expired.json().effects.map((e: { status: string }) => e.status)).toEqual(['in_force', 'expired_whole']);
    expect(expired.json().effects[1].basisLabel).toBe('04/2021/NQ-HĐND');
    // A retry records nothing more.
    await send(officer, 'POST', `/api/reform/documents/${r1.id}/effects`, { status: 'expired_whole', effectiveOn: '2021-06-15' });
    expect((await send(officer, 'GET', `/api/reform/documents/${r1.id}`)).json().effects).toHaveLength(2);

    const inForceOn = async (asOf: string) =>
      (await send(officer, 'GET', `/api/reform/documents?isLegal=true&effectStatus=in_force&asOf=${asOf}`)).json().items.map((i: { id: string }) => i.id);
    expect(await inForceOn('2021-06-14')).toContain(r1.id);
    expect(await inForceOn('2021-06-15')).not.toContain(r1.id);
    expect(await inForceOn('2021-04-01')).not.toContain(r2.id);

    const figures = await legalDocumentFigures(t.database.db, { from: '2021-01-01', to: '2021-06-30' });
    expect(figures).toEqual({ issuedResolutions: 3, issuedDecisions: 0, expiredWhole: 1, expiredPart: 0, suspended: 0 });
    const route = (await send(leader, 'GET', '/api/reform/documents/figures?from=2021-01-01&to=2021-06-30')).json();
    expect(route.legal).toEqual(figures);
    const cited = await listDocumentsIssued(t.database.db, { from: '2021-01-01', to: '2021-06-30', areas: ['institutions'] });
    expect(cited.map((d) => d.numberSymbol)).toEqual(['01/2021/NQ-HĐND', '02/2021/NQ-HĐND', '04/2021/NQ-HĐND']);
    expect((await send(officer, 'GET', '/api/reform/documents/figures?from=2021-06-30&to=2021-01-01')).statusCode).toBe(400);
  });

  it('records reviews of registry documents and of documents outside it', async () => {
    const doc = (await send(officer, 'GET', '/api/reform/documents?docType=resolution')).json().items[0];
    expect((await send(officer, 'POST', '/api/reform/document-reviews', { kind: 'self_inspection', reviewedOn: '2021-04-01', result: 'lawful' })).json().error.details.fields[0].message).toBe(
      'Chọn văn bản trong sổ hoặc ghi tên văn bản được kiểm tra',
    );
    const own = await send(officer, 'POST', '/api/reform/document-reviews', { documentId: doc.id, kind: 'self_inspection', reviewedOn: '2021-04-01', result: 'lawful' });
    expect(own.statusCode, own.body).toBe(201);
    const external = await send(officer, 'POST', '/api/reform/document-reviews', { subjectText: 'Nghị quyết HĐND huyện Thử', kind: 'authority_inspection', reviewedOn: '2021-05-01', result: 'lawful' });
    expect(external.json().subject).toBe('Nghị quyết HĐND huyện Thử');
    const figures = (await send(officer, 'GET', '/api/reform/documents/figures?from=2021-01-01&to=2021-06-30')).json();
    expect(figures.reviews).toEqual([
      { kind: 'authority_inspection', result: 'lawful', count: 1 },
      { kind: 'self_inspection', result: 'lawful', count: 1 },
    ]);
    expect((await send(officer, 'GET', `/api/reform/documents/${doc.id}`)).json().reviews).toHaveLength(1);
  });
});

async function sheet(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Văn bản');
  ws.addRow(DOCUMENT_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const xlsx = (client: Client, body: Buffer, query = '') =>
  t.app.inject({ method: 'POST', url: `/api/reform/documents/import${query}`, payload: body, headers: { ...client.headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });

describe('import', () => {
  const good = [
    ['20/KH-UBND', 'Kế hoạch', 'Ủy ban nhân dân tỉnh Thử', 'UBND tỉnh và cơ quan cấp tỉnh', '29/01/2021', '', '', 'về Tổng thể cải cách hành chính giai đoạn 2021 - 2030', 'Chỉ đạo, điều hành', '', 'Không', '', ''],
    ['01/2021/QĐ-UBND', 'Quyết định', 'Ủy ban nhân dân tỉnh Thử', 'provincial', '22/01/2021', 'Trần Văn A', 'Chủ tịch', 'ban hành định mức kinh tế kỹ thuật', 'Thể chế', '', 'Có', '01/02/2021', ''],
  ];

  it('rejects a file with a row and column report and writes nothing', async () => {
    const before = (await t.database.db.select().from(registryDocuments)).length;
    const res = await xlsx(officer, await sheet([...good, ['44/KH-UBND', 'Tờ trình', 'UBND', 'Tỉnh?', '31/02/2021', '', '', '', 'Thể thao', '', 'Có', '', '']]));
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.code).toBe('IMPORT_REJECTED');
    const lines: string[] = err.details.lines;
    expect(lines.some((l) => l.startsWith('Dòng 4, cột B «Loại văn bản»'))).toBe(true);
    expect(lines.some((l) => l.includes('«Cấp ban hành»'))).toBe(true);
    expect(lines.some((l) => l.includes('«Ngày ban hành»') && l.includes('không phải ngày có thật'))).toBe(true);
    expect(lines.some((l) => l.includes('«Trích yếu»') && l.includes('Không được để trống'))).toBe(true);
    expect(lines.some((l) => l.includes('«Lĩnh vực CCHC»'))).toBe(true);
    expect((await t.database.db.select().from(registryDocuments)).length).toBe(before);
  });

  it('imports, then reports the same file as unchanged; a dry run writes nothing', async () => {
    const file = await sheet(good);
    const dry = (await xlsx(officer, file, '?dryRun=true')).json();
    expect(dry).toMatchObject({ dryRun: true, created: 2 });
    const first = await xlsx(officer, file);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0 });
    const second = (await xlsx(officer, file)).json();
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const edited = good.map((r) => [...r]);
    edited[0]![7] = 'về Tổng thể CCHC nhà nước giai đoạn 2021 - 2030';
    expect((await xlsx(officer, await sheet(edited))).json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const decision = (await send(officer, 'GET', `/api/reform/documents?q=${encodeURIComponent('01/2021/QĐ-UBND')}`)).json().items[0];
    expect(decision).toMatchObject({ isLegal: true, areas: ['institutions'], docType: 'decision' });
    // The export is an import file: importing it back changes nothing.
    const exported = await t.app.inject({ method: 'GET', url: '/api/reform/documents/export?docType=decision', headers: officer.headers });
    expect(exported.statusCode).toBe(200);
    const back = (await xlsx(officer, exported.rawPayload)).json();
    expect(back).toMatchObject({ created: 0, updated: 0 });
    expect(back.unchanged).toBeGreaterThanOrEqual(1);
  });
});
