import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { auditLog, notifications, reformUnitReportActions } from '../../db/schema';
import { createTestApp, signIn, type Client, type TestContext } from '../../test/test-app';
import { createAgency, createCitizen, createProcedure, createStaff, type TestAgency } from '../../test/factories';
import { addCalendarDays, toLocalDate } from '../../../shared/calendar';
import type { ReportRound, ReportTemplate, RoundCompleteness, UnitReportDetail, UnitReportList } from '../../../shared/schemas/unit-reports';

let t: TestContext;
let province: TestAgency;
let homeAffairs: TestAgency;
let justice: TestAgency;
let district: TestAgency;
let manager: Client;
let justiceReporter: Client;
let districtReporter: Client;
let specialist: Client;
let citizen: Client;
let template: ReportTemplate;
let round: ReportRound;
let justiceProcedures: number;

const today = toLocalDate(new Date());

const templateBody = {
  code: 'cchc_thu',
  name: 'Báo cáo CCHC thử nghiệm',
  periodType: 'custom',
  content: {
    indicators: [
      { code: 'procedures.in_force', area: 'procedures', label: 'Số TTHC đang thực hiện', unit: 'thủ tục', prefill: 'catalog.procedures_in_force' },
      { code: 'civil_service.recruited', area: 'civil_service', label: 'Số công chức được tuyển dụng', unit: 'người' },
    ],
    sections: [
      { code: 'direction', kind: 'direction', area: 'direction', title: 'I. Công tác chỉ đạo', required: true },
      { code: 'next_tasks', kind: 'next_tasks', title: 'IV. Nhiệm vụ kỳ tới', required: true },
    ],
  },
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  province = await createAgency(db, { name: 'Ủy ban nhân dân tỉnh Thử' });
  homeAffairs = await createAgency(db, { parent: province, name: 'Sở Nội vụ', kind: 'department' });
  justice = await createAgency(db, { parent: province, name: 'Sở Tư pháp', kind: 'department' });
  district = await createAgency(db, { parent: province, name: 'Ủy ban nhân dân huyện Thử', kind: 'district_committee' });
  const m = await createStaff(db, homeAffairs, ['reform_officer'], 'Lê Thị Nội Vụ');
  const j = await createStaff(db, justice, ['agency_leader'], 'Trần Văn Tư Pháp');
  const d = await createStaff(db, district, ['agency_leader'], 'Phạm Văn Huyện');
  const s = await createStaff(db, justice, ['specialist'], 'Nguyễn Chuyên Viên');
  const c = await createCitizen(db);
  manager = await signIn(t.app, m.login, m.password);
  justiceReporter = await signIn(t.app, j.login, j.password);
  districtReporter = await signIn(t.app, d.login, d.password);
  specialist = await signIn(t.app, s.login, s.password);
  citizen = await signIn(t.app, c.login, c.password);
  const made = [await createProcedure(db, { agencies: [justice] }), await createProcedure(db, { agencies: [justice, district] })];
  justiceProcedures = made.length;
  // A procedure no longer in force on the cut-off day does not count.
  await createProcedure(db, { agencies: [justice], validFrom: '2018-01-01', validTo: addCalendarDays(today, -90) });
});
afterAll(async () => t?.close());

const send = (client: Client | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: client?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });

async function reportOf(client: Client, agencyName: string): Promise<UnitReportDetail> {
  const list = (await send(client, 'GET', `/api/unit-reports?roundId=${round.id}`)).json() as UnitReportList;
  const item = list.items.find((i) => i.agency.name === agencyName)!;
  return (await send(client, 'GET', `/api/unit-reports/${item.id}`)).json() as UnitReportDetail;
}

describe('templates and rounds', () => {
  it('refuses anonymous users (401) and staff without reform permissions (403)', async () => {
    expect((await send(null, 'GET', '/api/unit-reports/rounds')).statusCode).toBe(401);
    expect((await send(null, 'POST', '/api/unit-reports/templates', templateBody)).statusCode).toBe(401);
    expect((await send(specialist, 'GET', '/api/unit-reports/rounds')).statusCode).toBe(403);
    expect((await send(citizen, 'GET', '/api/unit-reports')).statusCode).toBe(403);
    expect((await send(justiceReporter, 'POST', '/api/unit-reports/templates', templateBody)).statusCode).toBe(403);
  });

  it('rejects a template naming an unknown prefill source, in Vietnamese, and stores nothing', async () => {
    const bad = structuredClone(templateBody);
    bad.content.indicators[0]!.prefill = 'khong.ton.tai';
    const res = await send(manager, 'POST', '/api/unit-reports/templates', bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('REPORT_TEMPLATE_INVALID');
    expect(res.json().error.message).toContain('Nguồn số liệu hệ thống');
    expect(((await send(manager, 'GET', '/api/unit-reports/templates?code=cchc_thu')).json() as unknown[]).length).toBe(0);
  });

  it('saves templates as versions', async () => {
    const first = await send(manager, 'POST', '/api/unit-reports/templates', templateBody);
    expect(first.statusCode).toBe(201);
    const second = await send(manager, 'POST', '/api/unit-reports/templates', { ...templateBody, name: 'Báo cáo CCHC thử nghiệm (sửa đổi)' });
    expect(second.json().version).toBe(first.json().version + 1);
    template = second.json() as ReportTemplate;
    const versions = (await send(manager, 'GET', '/api/unit-reports/templates?code=cchc_thu')).json() as ReportTemplate[];
    expect(versions.map((v) => [v.version, v.isLatest])).toEqual([
      [template.version, true],
      [template.version - 1, false],
    ]);
  });

  it('validates the round before opening it (custom period without a due day, bad units)', async () => {
    const noDue = await send(manager, 'POST', '/api/unit-reports/rounds', { templateId: template.id, period: { preset: 'custom', from: '2021-01-01', to: '2021-06-14' } });
    expect(noDue.statusCode).toBe(422);
    expect(noDue.json().error.code).toBe('REPORT_ROUND_DUE_INVALID');
    const badPeriod = await send(manager, 'POST', '/api/unit-reports/rounds', { templateId: template.id, period: { preset: 'custom', from: '2021-06-14', to: '2021-01-01' }, dueOn: '2021-06-20' });
    expect(badPeriod.json().error.code).toBe('REPORT_ROUND_PERIOD_INVALID');
    const badUnits = await send(manager, 'POST', '/api/unit-reports/rounds', {
      templateId: template.id,
      period: { preset: 'reform_h1', year: 2021 },
      agencyIds: [province.id],
    });
    expect(badUnits.statusCode).toBe(422);
    expect(badUnits.json().error.code).toBe('REPORT_ROUND_UNITS_INVALID');
    expect((await send(manager, 'GET', '/api/unit-reports/rounds')).json()).toEqual([]);
  });

  it('takes the reform cut-off and due day of a preset (H1: 15/12–14/6, due 20/6)', async () => {
    const res = await send(manager, 'POST', '/api/unit-reports/rounds', { templateId: template.id, period: { preset: 'reform_h1', year: 2021 }, agencyIds: [justice.id] });
    expect(res.statusCode).toBe(201);
    const r = res.json() as ReportRound;
    expect([r.periodFrom, r.periodTo, r.dueOn]).toEqual(['2020-12-15', '2021-06-14', '2021-06-20']);
    expect(r.counts.expected).toBe(1);
    const again = await send(manager, 'POST', '/api/unit-reports/rounds', { templateId: template.id, period: { preset: 'reform_h1', year: 2021 }, agencyIds: [justice.id] });
    expect(again.json().error.code).toBe('REPORT_ROUND_EXISTS');
  });

  it('opens a round for every department and district committee of the province, one report each', async () => {
    const res = await send(manager, 'POST', '/api/unit-reports/rounds', {
      templateId: template.id,
      period: { preset: 'custom', from: addCalendarDays(today, -60), to: addCalendarDays(today, -1) },
      dueOn: addCalendarDays(today, 10),
    });
    expect(res.statusCode).toBe(201);
    round = res.json() as ReportRound;
    expect(round.counts.expected).toBe(3);
    expect(round.counts.notDue).toBe(3);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'report_round'), eq(auditLog.subjectId, round.id)));
    expect(audit.map((a) => a.action)).toEqual(['reform_report_round.opened']);
  });
});

describe('filling, scope and review', () => {
  it('a unit sees only its own report; another unit gets 404', async () => {
    const list = (await send(justiceReporter, 'GET', `/api/unit-reports?roundId=${round.id}`)).json() as UnitReportList;
    expect(list.items.map((i) => i.agency.name)).toEqual(['Sở Tư pháp']);
    const own = list.items[0]!;
    expect((await send(districtReporter, 'GET', `/api/unit-reports/${own.id}`)).statusCode).toBe(404);
    const roundView = (await send(justiceReporter, 'GET', `/api/unit-reports/rounds/${round.id}`)).json() as RoundCompleteness;
    expect(roundView.units.map((u) => u.agency.name)).toEqual(['Sở Tư pháp']);
    const managerList = (await send(manager, 'GET', `/api/unit-reports?roundId=${round.id}`)).json() as UnitReportList;
    expect(managerList.total).toBe(3);
  });

  it('prefills the figures the system knows and marks them as system figures', async () => {
    const report = await reportOf(justiceReporter, 'Sở Tư pháp');
    const inForce = report.figures.find((f) => f.code === 'procedures.in_force')!;
    expect(inForce).toMatchObject({ value: justiceProcedures, source: 'system', systemValue: justiceProcedures });
    expect(report.figures.find((f) => f.code === 'civil_service.recruited')).toMatchObject({ value: null, source: 'unit' });
    const districtReport = await reportOf(districtReporter, 'Ủy ban nhân dân huyện Thử');
    expect(districtReport.figures.find((f) => f.code === 'procedures.in_force')!.value).toBe(1);
    expect(report.abilities).toMatchObject({ save_draft: true, submit: true, return: false, accept: false });
  });

  it('needs a reason to override a system figure (Vietnamese error, nothing saved), and records it', async () => {
    const report = await reportOf(justiceReporter, 'Sở Tư pháp');
    const noReason = await send(justiceReporter, 'PUT', `/api/unit-reports/${report.id}/draft`, {
      version: report.version,
      figures: [{ code: 'procedures.in_force', value: justiceProcedures + 5 }],
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.code).toBe('UNIT_REPORT_OVERRIDE_REASON_REQUIRED');
    expect(noReason.json().error.message).toContain('lý do');
    expect((await reportOf(justiceReporter, 'Sở Tư pháp')).version).toBe(report.version);

    const saved = await send(justiceReporter, 'PUT', `/api/unit-reports/${report.id}/draft`, {
      version: report.version,
      figures: [
        { code: 'procedures.in_force', value: justiceProcedures + 5, overrideReason: 'Gồm 5 thủ tục nội bộ chưa nhập vào hệ thống' },
        { code: 'civil_service.recruited', value: 4 },
      ],
      narrative: { direction: 'Ban hành kế hoạch CCHC năm của Sở.' },
    });
    expect(saved.statusCode).toBe(200);
    const body = saved.json() as UnitReportDetail;
    expect(body.status).toBe('draft');
    expect(body.version).toBe(report.version + 1);
    expect(body.figures.find((f) => f.code === 'procedures.in_force')).toMatchObject({
      value: justiceProcedures + 5,
      source: 'unit',
      systemValue: justiceProcedures,
      overrideReason: 'Gồm 5 thủ tục nội bộ chưa nhập vào hệ thống',
    });
    const [logged] = await t.database.db.select().from(reformUnitReportActions).where(and(eq(reformUnitReportActions.reportId, report.id), eq(reformUnitReportActions.action, 'save_draft')));
    expect(logged!.payload).toMatchObject({ overrides: [{ code: 'procedures.in_force', systemValue: justiceProcedures }] });
  });

  it('refuses a save based on a stale version (optimistic concurrency)', async () => {
    const report = await reportOf(justiceReporter, 'Sở Tư pháp');
    const stale = await send(justiceReporter, 'PUT', `/api/unit-reports/${report.id}/draft`, { version: report.version - 1, narrative: { direction: 'Ghi đè' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('UNIT_REPORT_VERSION_CONFLICT');
    expect(stale.json().error.details.currentVersion).toBe(report.version);
    expect((await reportOf(justiceReporter, 'Sở Tư pháp')).narrative.direction).toBe('Ban hành kế hoạch CCHC năm của Sở.');
  });

  it('refuses to submit an incomplete report, listing what is missing', async () => {
    const report = await reportOf(justiceReporter, 'Sở Tư pháp');
    const res = await send(justiceReporter, 'POST', `/api/unit-reports/${report.id}/submit`, { version: report.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('UNIT_REPORT_INCOMPLETE');
    expect(res.json().error.details).toEqual({ figures: [], sections: ['next_tasks'] });
  });

  it('submits, the reviewer returns with a comment, the unit corrects and resubmits, the reviewer accepts', async () => {
    let report = await reportOf(justiceReporter, 'Sở Tư pháp');
    const submitted = await send(justiceReporter, 'POST', `/api/unit-reports/${report.id}/submit`, { version: report.version, narrative: { next_tasks: 'Tiếp tục rà soát TTHC.' } });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', timeliness: 'on_time' });
    // The unit can no longer change it; the other unit cannot review it.
    expect((await send(justiceReporter, 'PUT', `/api/unit-reports/${report.id}/draft`, { version: submitted.json().version })).json().error.code).toBe('ACTION_NOT_ALLOWED');
    expect((await send(justiceReporter, 'POST', `/api/unit-reports/${report.id}/accept`, {})).statusCode).toBe(403);

    const emptyComment = await send(manager, 'POST', `/api/unit-reports/${report.id}/return`, { comment: '   ' });
    expect(emptyComment.statusCode).toBe(400);
    const actionId = randomUUID();
    const returned = await send(manager, 'POST', `/api/unit-reports/${report.id}/return`, { comment: 'Bổ sung kết quả kiểm tra CCHC', actionId });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewComment: 'Bổ sung kết quả kiểm tra CCHC' });
    // A retried return with the same action id changes nothing.
    const retried = await send(manager, 'POST', `/api/unit-reports/${report.id}/return`, { comment: 'Bổ sung kết quả kiểm tra CCHC', actionId });
    expect(retried.json().version).toBe(returned.json().version);

    report = await reportOf(justiceReporter, 'Sở Tư pháp');
    expect(report.abilities.submit).toBe(true);
    const resubmitted = await send(justiceReporter, 'POST', `/api/unit-reports/${report.id}/submit`, { version: report.version, narrative: { direction: 'Ban hành kế hoạch CCHC; kiểm tra 02 phòng chuyên môn.' } });
    expect(resubmitted.json().status).toBe('submitted');
    const accepted = await send(manager, 'POST', `/api/unit-reports/${report.id}/accept`, { comment: 'Đạt yêu cầu' });
    expect(accepted.json().status).toBe('accepted');
    expect(accepted.json().actions.map((a: { action: string }) => a.action)).toEqual(['save_draft', 'submit', 'return', 'submit', 'accept']);

    const mails = await t.database.db.select().from(notifications).where(and(eq(notifications.relatedType, 'unit_report'), eq(notifications.relatedId, report.id)));
    expect(mails.map((m) => m.template).sort()).toEqual(['unit_report.accept', 'unit_report.return', 'unit_report.submitted', 'unit_report.submitted']);
    const audits = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.subjectType, 'unit_report'), eq(auditLog.subjectId, report.id)));
    expect(audits.map((a) => a.action)).toEqual(['unit_report.save_draft', 'unit_report.submit', 'unit_report.return', 'unit_report.submit', 'unit_report.accept']);
  });

  it('counts the round for the organiser and a unit over its rounds', async () => {
    const view = (await send(manager, 'GET', `/api/unit-reports/rounds/${round.id}`)).json() as RoundCompleteness;
    expect(view.round.counts).toMatchObject({ expected: 3, submitted: 1, onTime: 1, late: 0, missing: 0, notDue: 2, accepted: 1 });
    const justiceRow = view.units.find((u) => u.agency.name === 'Sở Tư pháp')!;
    expect(justiceRow).toMatchObject({ status: 'accepted', timeliness: 'on_time', returnCount: 1 });
    const history = (await send(justiceReporter, 'GET', '/api/unit-reports/unit-history')).json();
    expect(history.counts).toMatchObject({ expected: 2, submitted: 1, onTime: 1, missing: 1 });
    expect((await send(districtReporter, 'GET', `/api/unit-reports/unit-history?agencyId=${justice.id}`)).statusCode).toBe(404);
    expect((await send(manager, 'GET', `/api/unit-reports/unit-history?agencyId=${justice.id}`)).statusCode).toBe(200);
  });

  it('closing the round freezes its reports', async () => {
    expect((await send(justiceReporter, 'POST', `/api/unit-reports/rounds/${round.id}/close`, {})).statusCode).toBe(403);
    const closed = await send(manager, 'POST', `/api/unit-reports/rounds/${round.id}/close`, {});
    expect(closed.json().status).toBe('closed');
    const report = await reportOf(districtReporter, 'Ủy ban nhân dân huyện Thử');
    expect(report.abilities).toMatchObject({ save_draft: false, submit: false });
    const refused = await send(districtReporter, 'PUT', `/api/unit-reports/${report.id}/draft`, { version: report.version, narrative: { direction: 'Muộn' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('REPORT_ROUND_CLOSED');
  });
});
