import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { auditLog, procedureFields } from '../../db/schema';
import { createTestApp, signIn, type Client, type TestContext } from '../../test/test-app';
import { createCitizen } from '../../test/factories';
import { findProcedureVersionAsOfByCode, versionAgencyIds } from './catalog.queries';
import { CATALOG_COLUMNS, writeCsv, type CatalogColumnKey } from './catalog-file';
import { catalogCounts, createProvince, ensureField, newCode, signedInStaff, type TestProvince } from './catalog.test-support';

let t: TestContext;
let province: TestProvince;
let other: TestProvince;
let officer: Client;

beforeAll(async () => {
  t = await createTestApp();
  province = await createProvince(t.database.db);
  other = await createProvince(t.database.db);
  await ensureField(t.database.db);
  officer = await signedInStaff(t, province.committee, ['reform_officer']);
});
afterAll(async () => t?.close());

type Row = Partial<Record<CatalogColumnKey, string>>;

function row(overrides: Row = {}): Row {
  return {
    code: newCode(),
    name: 'Đăng ký khai sinh',
    fieldCode: 'HOTICH',
    fieldName: 'Hộ tịch',
    level: 'Xã',
    timeValue: '3',
    timeUnit: 'ngày làm việc',
    onlineLevel: '4',
    onlineScope: 'Toàn trình',
    onTheSpot: 'Không',
    interAgency: 'Không',
    postalReturn: 'Có',
    methods: 'Trực tiếp\nTrực tuyến\nBưu chính',
    subjects: 'Cá nhân',
    steps: 'Nộp hồ sơ tại Bộ phận Một cửa.\nCông chức tư pháp - hộ tịch kiểm tra; trình Chủ tịch ký.\nTrả kết quả.',
    documents: 'Tờ khai đăng ký khai sinh | 1 | 0 | Mẫu tờ khai theo Thông tư 04/2020/TT-BTP\nGiấy chứng sinh | 1 | 0',
    sets: '1',
    result: 'Giấy khai sinh',
    fees: '',
    legalBasis: '60/2014/QH13 | Luật Hộ tịch | 20/11/2014',
    validFrom: '01/01/2021',
    ...overrides,
  };
}

function csv(rows: Row[], columns: readonly { key: CatalogColumnKey; header: string }[] = CATALOG_COLUMNS): Buffer {
  return writeCsv([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => r[c.key] ?? ''))]);
}

function importFile(file: Buffer, type: string, client: Client = officer, query = '') {
  return t.app.inject({ method: 'POST', url: `/api/catalog/import${query}`, headers: { ...client.headers, 'content-type': type }, payload: file });
}

describe('catalog import', () => {
  it('rejects a bad file with a row-by-row, column-by-column Vietnamese report and writes nothing', async () => {
    const duplicate = newCode();
    const file = csv([
      row({ code: duplicate }),
      row({ level: 'Huyen x', timeValue: 'ba ngày', onlineLevel: '3', onlineScope: '' }),
      row({ code: '12345', name: '', legalBasis: 'Luật Hộ tịch', validFrom: '31/02/2021' }),
      row({ code: duplicate, fees: 'Lệ phí | mười nghìn', agencies: '000.99.99.H99' }),
      row({ fieldCode: 'MOI', fieldName: '' }),
    ]);
    const before = await catalogCounts(t.database.db);
    const res = await importFile(file, 'text/csv');
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('IMPORT_REJECTED');
    const report = (error.details.errors as { row: number; column: string; header: string; message: string }[]).map((e) => [e.row, e.column, e.header, e.message]);
    expect(report).toEqual([
      [3, 'E', 'Cấp thực hiện', '«Huyen x» không phải cấp thực hiện; ghi Tỉnh, Huyện hoặc Xã'],
      [3, 'H', 'Thời hạn giải quyết', 'Thời hạn «ba ngày» không phải số'],
      [4, 'A', 'Mã thủ tục', 'Mã thủ tục phải theo mẫu của Cơ sở dữ liệu quốc gia, ví dụ 1.000948.H38 hoặc 2.000635'],
      [4, 'B', 'Tên thủ tục', 'Không được để trống'],
      [4, 'Z', 'Căn cứ pháp lý', 'Dòng 1 «Luật Hộ tịch»: ghi Số hiệu | Trích yếu'],
      [4, 'AA', 'Ngày có hiệu lực', 'Ngày có hiệu lực «31/02/2021» không phải ngày có thật'],
      [5, 'X', 'Phí, lệ phí', 'Mức thu «mười nghìn» không hợp lệ; ghi số đồng, ví dụ 1.500.000'],
      [6, 'D', 'Tên lĩnh vực', 'Lĩnh vực mã MOI chưa có; ghi Tên lĩnh vực để tạo mới'],
    ]);
    expect(error.details.lines[0]).toBe('Dòng 3, cột E «Cấp thực hiện»: «Huyen x» không phải cấp thực hiện; ghi Tỉnh, Huyện hoặc Xã');
    expect(error.message).toBe(`Tệp nhập có ${report.length} lỗi, không có dữ liệu nào được ghi`);
    expect(await catalogCounts(t.database.db)).toEqual(before);
  });

  it('reports database problems too: unknown agencies, duplicates, another province’s procedure', async () => {
    const code = newCode();
    const res = await importFile(csv([row({ code }), row({ code, agencies: 'KHONGCO' }), row({ level: 'Tỉnh', agencies: other.department.identifierCode })]), 'text/csv');
    expect(res.statusCode).toBe(422);
    const messages = (res.json().error.details.errors as { row: number; message: string }[]).map((e) => [e.row, e.message]);
    expect(messages).toEqual([
      [3, `Mã thủ tục ${code} đã có ở dòng 2`],
      [3, 'Không có cơ quan «KHONGCO» trong tỉnh công bố'],
      [4, `Không có cơ quan «${other.department.identifierCode}» trong tỉnh công bố`],
    ]);
  });

  it('applies a good file in one transaction, creates missing fields, and changes nothing when imported again', async () => {
    const codes = [newCode(), newCode(), newCode()];
    const file = csv([
      row({ code: codes[0] }),
      row({ code: codes[1], name: 'Cấp Giấy phép kinh doanh karaoke', fieldCode: 'VANHOA', fieldName: 'Văn hóa cơ sở', level: 'Tỉnh', agencies: province.department.identifierCode, fees: 'Phí thẩm định | 4.000.000 | Đến 03 phòng' }),
      row({ code: codes[2], name: 'Cấp giấy phép xây dựng', level: 'Huyện', timeValue: '15', timeUnit: 'ngày', onlineLevel: '3', onlineScope: 'Một phần' }),
    ]);
    const first = await importFile(file, 'text/csv');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ dryRun: false, rows: 3, created: 3, amended: 0, unchanged: 0, fieldsCreated: 1 });
    const db = t.database.db;
    const karaoke = await findProcedureVersionAsOfByCode(db, codes[1]!, '2021-01-01');
    expect(karaoke).toMatchObject({ name: 'Cấp Giấy phép kinh doanh karaoke', level: 'province', fees: [{ name: 'Phí thẩm định', amount: 4000000, note: 'Đến 03 phòng' }] });
    expect(await versionAgencyIds(db, karaoke!.id)).toEqual([province.department.id]);
    const building = await findProcedureVersionAsOfByCode(db, codes[2]!, '2021-01-01');
    expect(await versionAgencyIds(db, building!.id)).toEqual(province.districts.map((d) => d.id).sort());
    expect(building!.steps).toEqual(['Nộp hồ sơ tại Bộ phận Một cửa.', 'Công chức tư pháp - hộ tịch kiểm tra; trình Chủ tịch ký.', 'Trả kết quả.']);
    const [field] = await db.select().from(procedureFields).where(eq(procedureFields.code, 'VANHOA'));
    expect(field!.name).toBe('Văn hóa cơ sở');
    expect((await db.select().from(auditLog).where(eq(auditLog.action, 'catalog.imported'))).length).toBe(1);

    const before = await catalogCounts(db);
    const second = await importFile(file, 'text/csv');
    expect(second.json()).toMatchObject({ created: 0, amended: 0, corrected: 0, unchanged: 3, fieldsCreated: 0 });
    expect(await catalogCounts(db)).toEqual(before);
  });

  it('exports XLSX that imports back unchanged, and turns an edited row with a later date into a new version', async () => {
    const code = newCode();
    await importFile(csv([row({ code, name: 'Đăng ký kết hôn', timeValue: '5' })]), 'text/csv');
    const exported = await t.app.inject({ method: 'GET', url: `/api/catalog/export?format=xlsx&publishingAgencyId=${province.committee.id}`, headers: officer.headers });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const before = await catalogCounts(t.database.db);
    const again = await importFile(exported.rawPayload, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(again.statusCode).toBe(200);
    expect(again.json().unchanged).toBe(again.json().rows);
    expect(again.json().rows).toBeGreaterThan(1);
    expect(await catalogCounts(t.database.db)).toEqual(before);

    // Edit the exported workbook as an officer would: shorter time from 01/07/2021.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as never);
    const sheet = workbook.getWorksheet('Thủ tục')!;
    const col = (key: CatalogColumnKey) => CATALOG_COLUMNS.findIndex((c) => c.key === key) + 1;
    sheet.eachRow((r, n) => {
      if (n > 1 && r.getCell(col('code')).text === code) {
        r.getCell(col('timeValue')).value = '3';
        r.getCell(col('validFrom')).value = new Date(Date.UTC(2021, 6, 1));
      }
    });
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const amended = await importFile(edited, 'application/octet-stream');
    expect(amended.json()).toMatchObject({ amended: 1, created: 0 });
    const db = t.database.db;
    expect((await findProcedureVersionAsOfByCode(db, code, '2021-06-30'))!.timeValue).toBe(5);
    expect((await findProcedureVersionAsOfByCode(db, code, '2021-07-01'))!).toMatchObject({ timeValue: 3, versionNo: 2, origin: 'import' });
    const twice = await importFile(edited, 'application/octet-stream');
    expect(twice.json().amended).toBe(0);
  });

  it('accepts a multipart upload and a semicolon CSV, validates without writing on a dry run', async () => {
    const header = CATALOG_COLUMNS.map((c) => c.header).join(';');
    const values = row();
    const line = CATALOG_COLUMNS.map((c) => `"${(values[c.key] ?? '').replace(/"/g, '""')}"`).join(';');
    const semicolon = Buffer.from(`${header}\r\n${line}\r\n`, 'utf8');
    const before = await catalogCounts(t.database.db);
    const dry = await importFile(semicolon, 'text/csv', officer, '?dryRun=true');
    expect(dry.json()).toMatchObject({ dryRun: true, created: 1 });
    expect(await catalogCounts(t.database.db)).toEqual(before);

    const boundary = '----motcua';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="danh-muc.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      semicolon,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await importFile(body, `multipart/form-data; boundary=${boundary}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().created).toBe(1);
  });

  it('is refused to a citizen and to a reform officer of another province, and a missing column is named', async () => {
    const c = await createCitizen(t.database.db);
    const citizen = await signIn(t.app, c.login, c.password);
    expect((await importFile(csv([row()]), 'text/csv', citizen)).statusCode).toBe(403);
    const foreign = await signedInStaff(t, other.committee, ['reform_officer']);
    expect((await importFile(csv([row()]), 'text/csv', foreign, `?publishingAgencyId=${province.committee.id}`)).statusCode).toBe(403);
    const missing = await importFile(csv([row()], CATALOG_COLUMNS.filter((c) => c.key !== 'legalBasis')), 'text/csv');
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details.errors).toEqual([{ row: 1, column: null, header: null, message: 'Thiếu cột «Căn cứ pháp lý»' }]);
  });
});
