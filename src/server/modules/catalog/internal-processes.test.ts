import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { internalProcesses } from '../../db/schema';
import { createTestApp, type Client, type TestContext } from '../../test/test-app';
import { auditActions, catalogCounts, createProvince, decisionBody, ensureField, newCode, procedureContent, publish, signedInStaff, type TestProvince } from './catalog.test-support';

let t: TestContext;
let province: TestProvince;
let officer: Client;
let procedureId: string;

const step = (name: string, responsibleRole: string, hours: number, extra: Record<string, unknown> = {}) => ({ name, responsibleRole, hours, ...extra });

beforeAll(async () => {
  t = await createTestApp();
  province = await createProvince(t.database.db);
  await ensureField(t.database.db);
  officer = await signedInStaff(t, province.committee, ['reform_officer']);
  // 3 working days = 24 working hours.
  const applied = await publish(t, officer, decisionBody([{ action: 'add', procedureCode: newCode(), content: procedureContent({ time: { value: 3, unit: 'working_days' } }) }]));
  procedureId = applied.decision.items[0]!.resultProcedureId;
});
afterAll(async () => t?.close());

function processBody(agencyId: string, steps: ReturnType<typeof step>[], extra: Record<string, unknown> = {}) {
  return { procedureId, agencyId, approvalDecisionNumber: '1024/QĐ-UBND', approvalDecisionDate: '2021-04-20', validFrom: '2021-05-01', steps, ...extra };
}

describe('internal processes', () => {
  it('rejects steps whose total exceeds the legal time, saying both totals, and writes nothing', async () => {
    const before = await catalogCounts(t.database.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/internal-processes',
      headers: officer.headers,
      payload: processBody(province.communes[0]!.id, [step('Tiếp nhận', 'desk', 4), step('Thẩm định', 'specialist', 16), step('Ký', 'leader', 4.25)]),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'INTERNAL_PROCESS_TOO_LONG', details: { totalHours: 24.25, legalHours: 24 } });
    expect(res.json().error.message).toBe('Tổng thời gian các bước (24,25 giờ làm việc) vượt thời hạn giải quyết 03 ngày làm việc (24 giờ làm việc)');
    expect(await catalogCounts(t.database.db)).toEqual(before);
  });

  it('records a process within the legal time with its time cut, shown on the procedure', async () => {
    const commune = province.communes[0]!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/internal-processes',
      headers: officer.headers,
      payload: processBody(commune.id, [
        step('Bộ phận Một cửa tiếp nhận, chuyển hồ sơ', 'desk', 1, { departmentId: commune.deskDepartmentId }),
        step('Công chức tư pháp - hộ tịch thẩm định', 'specialist', 10, { departmentId: commune.departmentId }),
        step('Chi cục Thuế xác định nghĩa vụ tài chính', 'other_agency', 3, { responsibleLabel: 'Chi cục Thuế khu vực' }),
        step('Chủ tịch UBND xã ký', 'leader', 2),
      ]),
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ totalHours: 16, legalHours: 24, cutPercent: 33.3, withinLegalTime: true, stepCount: 4 });
    expect(body.steps.map((s: { responsibleLabel: string; interAgency: boolean }) => [s.responsibleLabel, s.interAgency])).toEqual([
      ['Bộ phận Một cửa', false],
      ['Phòng Chuyên môn', false],
      ['Chi cục Thuế khu vực', true],
      ['Lãnh đạo cơ quan', false],
    ]);
    const detail = await t.app.inject({ method: 'GET', url: `/api/catalog/procedures/${procedureId}` });
    const summary = detail.json().internalProcesses.find((p: { agency: { id: string } }) => p.agency.id === commune.id);
    expect(summary).toMatchObject({ cutPercent: 33.3, totalHours: 16, approvalDecisionNumber: '1024/QĐ-UBND' });
    expect(await auditActions(t.database.db, body.id)).toEqual(['catalog.internal_process_approved']);
  });

  it('ends the previous process of the same agency when a new one is approved', async () => {
    const commune = province.communes[1]!;
    const first = await t.app.inject({ method: 'POST', url: '/api/catalog/internal-processes', headers: officer.headers, payload: processBody(commune.id, [step('Xử lý', 'specialist', 20)]) });
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/internal-processes',
      headers: officer.headers,
      payload: processBody(commune.id, [step('Xử lý', 'specialist', 12)], { approvalDecisionNumber: '2001/QĐ-UBND', approvalDecisionDate: '2022-01-10', validFrom: '2022-01-15' }),
    });
    expect(second.statusCode).toBe(201);
    const [old] = await t.database.db.select().from(internalProcesses).where(eq(internalProcesses.id, first.json().id));
    expect(old!.validTo).toBe('2022-01-14');
    const asOf2021 = await t.app.inject({ method: 'GET', url: `/api/catalog/procedures/${procedureId}/internal-processes?agencyId=${commune.id}&asOf=2021-12-31` });
    const asOf2022 = await t.app.inject({ method: 'GET', url: `/api/catalog/procedures/${procedureId}/internal-processes?agencyId=${commune.id}&asOf=2022-02-01` });
    expect(asOf2021.json().items.map((p: { totalHours: number }) => p.totalHours)).toEqual([20]);
    expect(asOf2022.json().items.map((p: { totalHours: number }) => p.totalHours)).toEqual([12]);
    // The same start date again is refused.
    const again = await t.app.inject({ method: 'POST', url: '/api/catalog/internal-processes', headers: officer.headers, payload: processBody(commune.id, [step('Xử lý', 'specialist', 8)], { validFrom: '2022-01-15' }) });
    expect(again.statusCode).toBe(400);
  });

  it('refuses an agency that does not apply the procedure, a department of another agency and quarter-hour violations', async () => {
    const notApplying = await t.app.inject({ method: 'POST', url: '/api/catalog/internal-processes', headers: officer.headers, payload: processBody(province.department.id, [step('Xử lý', 'specialist', 8)]) });
    expect(notApplying.statusCode).toBe(400);
    expect(notApplying.json().error.details.fields[0].message).toMatch(/không thực hiện thủ tục này/);
    const foreignDepartment = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/internal-processes',
      headers: officer.headers,
      payload: processBody(province.communes[2]!.id, [step('Xử lý', 'specialist', 8, { departmentId: province.communes[3]!.departmentId })]),
    });
    expect(foreignDepartment.statusCode).toBe(400);
    expect(foreignDepartment.json().error.details.fields[0].path).toBe('body.steps.0.departmentId');
    const oddHours = await t.app.inject({ method: 'POST', url: '/api/catalog/internal-processes', headers: officer.headers, payload: processBody(province.communes[2]!.id, [step('Xử lý', 'specialist', 1.1)]) });
    expect(oddHours.statusCode).toBe(400);
    expect(oddHours.json().error.details.fields[0].message).toBe('Thời gian tính theo bội số của 0,25 giờ (15 phút)');
  });

  it('lets a district reform officer approve the process of a commune in the district, but not elsewhere', async () => {
    const districtOfficer = await signedInStaff(t, province.districts[1]!, ['reform_officer']);
    const ownCommune = province.communes[3]!;
    const otherCommune = province.communes[0]!;
    const ok = await t.app.inject({ method: 'POST', url: '/api/catalog/internal-processes', headers: districtOfficer.headers, payload: processBody(ownCommune.id, [step('Xử lý', 'specialist', 8)]) });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().abilities.approve).toBe(true);
    const denied = await t.app.inject({ method: 'POST', url: '/api/catalog/internal-processes', headers: districtOfficer.headers, payload: processBody(otherCommune.id, [step('Xử lý', 'specialist', 8)], { validFrom: '2023-01-01' }) });
    expect(denied.statusCode).toBe(403);
  });
});
