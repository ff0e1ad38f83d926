/**
 * The provincial CCHC report on a small hand-built province, every figure worked out below from the records created
 * through the domain use cases (period 2021-H1: 15/12/2020–14/06/2021, default cut-offs = the period):
 *
 * Catalog (in force on 14/06/2021): P1 (createDossierWorld, online level 4), P2 (level 3, "5 tại chỗ", internal process
 *   approved by 15/QĐ-UBND on 10/03/2021), P3 (level 2) → 3 procedures, 1 on the spot, 1 level 3, 1 level 4, 1 other;
 *   1 approval decision for 1 procedure in the period. Publication decisions applied: signed 01/02/2021 (1 add) and
 *   05/05/2021 (2 amend), one signed 01/11/2020 outside the period → 2 decisions, 1 add, 2 amend.
 * Dossiers (P1 at the Sở, 5 working days): D1 rec 01/03 resolved 02/03 (early); D2 rec 01/03 resolved 20/04 (late);
 *   D3 rec 10/05 pending, due 17/05 → overdue on 14/06; D4 rec 11/06 pending, due 18/06 → within the deadline
 *   → received 4, resolved 2, on time 1 (50%), late 1, pending 2 (1 within, 1 overdue). No petitions.
 * Registry: 20/KH-UBND 29/01/2021 (direction) → footnote 1; 47/UBND-NCTH 10/01/2021 (covid) → footnote 2;
 *   01/2021/NQ-HĐND 10/03/2021 (legal, council) → footnote 3; 05/2021/QĐ-UBND 05/03/2021 (legal, committee)
 *   → footnote 4; 1996/KH-UBND 30/12/2020 is the plan's own document (cited in the text, no footnote);
 *   09/2019/QĐ-UBND (2019) expired in whole on 01/02/2021; 12/KH-UBND of 2020-11-01 is outside the period.
 *   Reviews: 2 self-inspections (lawful), 1 authority inspection (unlawful signs).
 * Plan 2021 of UBND tỉnh: 3 tasks — done 01/04 (due 30/04), due 01/05 not done (overdue), due 01/12 (in progress).
 * Staffing: quotas 2021 — Sở 40 civil servants + 300 public employees, UBND tỉnh 10 civil servants, 5/7/2 Decree-68
 *   contracts; head counts — Sở on 01/06/2021 (3 post-graduate, 20 university, 7 college; 2 senior, 5 intermediate
 *   theory; 12 education/health), a later count of 01/07/2021 ignored; retirements 2 (+1 outside the period),
 *   appointments 3; 1 restructuring scheme of the Sở approved 01/04/2021; autonomy on 14/06 — administrative bodies
 *   2 mandatory (1 applying) + 1 voluntary applying; units 2 mandatory applying (1 self-financing, 1 state-funded).
 * Inspections: the Sở (a department) on 10/05/2021 and a district committee on 20/05/2021 → 1 + 1, footnotes 3 and 4
 *   (the footnotes of the registry follow).
 * Unit reports, round 2021-H1 due 20/06/2021 for three units: Sở A sends on 18/06 (on time) and is accepted with its
 *   strengths written; Sở B sends on 25/06 (late); Sở C never sends (missing) → 3 expected, 2 sent, 1 on time, 1 late,
 *   1 missing; the strengths section is drafted from Sở A's text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { and, eq } from 'drizzle-orm';
import { Role } from '../../../shared/permissions';
import type { CchcReportView, ReportDocument } from '../../../shared/schemas/cchc-report';
import type { Actor } from '../../auth/actor';
import type { QuotaInput } from '../../../shared/schemas/staffing';
import { agencies, internalProcesses, procedureVersions, publicationDecisionItems, publicationDecisions, reformUnitReports } from '../../db/schema';
import { saveReportTemplate } from '../unit-reports/save-report-template';
import { openReportRound } from '../unit-reports/open-report-round';
import { acceptUnitReport, submitUnitReport } from '../unit-reports/unit-report-actions';
import { createAgency, createProcedure, createSignedInStaff, createStaff } from '../../test/factories';
import { recordInspection } from '../inspections/save-inspection';
import { createAutonomyUnit, recordPersonnelChange, recordRestructuringScheme, setQuota, setStaffCount } from '../staffing/save-staffing';
import { createTestApp, type TestContext } from '../../test/test-app';
import { actorOf, at, createDossierWorld, receive, STANDARD_STEPS, type DossierWorld } from '../dossiers/dossiers.test-support';
import { createDocument } from '../documents/save-document';
import { recordDocumentEffect, recordDocumentReview } from '../documents/record-document-effect';
import { addTask, createPlan } from '../reform-plans/save-plan';
import { reportTaskProgress } from '../reform-plans/report-task-progress';
import { resolveDossier } from '../statistics/statistics.test-support';
import { runCli } from '../../../cli/run-cli';

let t: TestContext;
let w: DossierWorld;
let officer: Awaited<ReturnType<typeof createSignedInStaff>>;
let reformActor: Actor;

const doc = (over: Partial<Parameters<typeof createDocument>[2]>) => ({
  docType: 'plan' as const,
  issuerName: 'Ủy ban nhân dân tỉnh Thử',
  issuerLevel: 'provincial' as const,
  subject: 'về công tác cải cách hành chính',
  areas: [] as never[],
  tags: [] as string[],
  isLegal: false,
  numberSymbol: '',
  issuedOn: '2021-01-01',
  ...over,
});

async function create(period = '2021-H1'): Promise<CchcReportView> {
  const res = await t.app.inject({ method: 'POST', url: '/api/cchc-reports', headers: officer.client.headers, payload: { period } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CchcReportView;
}
async function view(id: string): Promise<CchcReportView> {
  const res = await t.app.inject({ method: 'GET', url: `/api/cchc-reports/${id}`, headers: officer.client.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CchcReportView;
}
async function action(id: string, body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: `/api/cchc-reports/${id}/actions`, headers: officer.client.headers, payload: { actionId: randomUUID(), ...body } });
}
const figure = (d: ReportDocument, key: string) => {
  const f = d.figures.find((x) => x.key === key);
  if (!f) throw new Error(`no figure ${key}`);
  return f.value;
};
const text = (d: ReportDocument) =>
  d.sections
    .flatMap((s) => [...s.paragraphs.map((p) => p.parts.map((x) => (x.kind === 'footnote' ? `[${x.n}]` : x.text)).join('')), s.narrative?.text ?? ''])
    .join('\n');

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  w = await createDossierWorld(db);
  // The report is written by the Department of Home Affairs under the provincial committee.
  const home = await createAgency(db, { parent: w.province, name: 'Sở Nội vụ' });
  await db.update(agencies).set({ shortName: 'Sở Nội vụ' }).where(eq(agencies.id, home.id));
  officer = await createSignedInStaff(t.app, db, home, [Role.REFORM_OFFICER], 'Trần Cải Cách');
  await createStaff(db, home, [Role.AGENCY_LEADER], 'Võ Thành Chính');
  const provinceOfficer = await createStaff(db, w.province, [Role.REFORM_OFFICER], 'Cán bộ CCHC tỉnh');
  reformActor = await actorOf(db, provinceOfficer.id);

  // Catalog.
  const p2 = await createProcedure(db, { agencies: [w.department], onlineLevel: 3, steps: STANDARD_STEPS });
  await db.update(procedureVersions).set({ onTheSpot: true }).where(eq(procedureVersions.id, p2.versionId));
  await db.update(internalProcesses).set({ approvalDecisionNumber: '15/QĐ-UBND', approvalDecisionDate: '2021-03-10' }).where(eq(internalProcesses.procedureId, p2.id));
  await createProcedure(db, { agencies: [w.department], onlineLevel: 2, methods: ['in_person'] });
  const decisions: [string, string, ('add' | 'amend')[]][] = [
    ['10/QĐ-UBND', '2021-02-01', ['add']],
    ['99/QĐ-UBND', '2021-05-05', ['amend', 'amend']],
    ['500/QĐ-UBND', '2020-11-01', ['add']],
  ];
  for (const [number, signedOn, items] of decisions) {
    const [d] = await db
      .insert(publicationDecisions)
      .values({ publishingAgencyId: w.province.id, number, title: 'Công bố TTHC', signedOn, signerName: 'A', signerTitle: 'Chủ tịch', effectiveFrom: signedOn, status: 'applied' })
      .returning();
    await db.insert(publicationDecisionItems).values(items.map((action, position) => ({ decisionId: d!.id, position, action, procedureCode: w.procedure.code })));
  }

  // Dossiers.
  const d1 = await receive(db, w, at('2021-03-01', '09:00'));
  await resolveDossier(db, w, d1.dossierId, '2021-03-02');
  const d2 = await receive(db, w, at('2021-03-01', '09:30'));
  await resolveDossier(db, w, d2.dossierId, '2021-04-20');
  await receive(db, w, at('2021-05-10', '09:00'));
  await receive(db, w, at('2021-06-11', '09:00'));

  // Registry.
  await db.transaction(async (tx) => {
    await createDocument(tx, reformActor, doc({ numberSymbol: '20/KH-UBND', issuedOn: '2021-01-29', areas: ['direction'] as never[], subject: 'về Tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030' }));
    await createDocument(tx, reformActor, doc({ numberSymbol: '47/UBND-NCTH', docType: 'official_letter', issuedOn: '2021-01-10', areas: ['direction'] as never[], tags: ['covid'], subject: 'về việc tăng cường các biện pháp phòng, chống dịch Covid-19' }));
    await createDocument(tx, reformActor, doc({ numberSymbol: '01/2021/NQ-HĐND', docType: 'resolution', issuerName: 'Hội đồng nhân dân tỉnh Thử', issuerLevel: 'provincial_council', issuedOn: '2021-03-10', isLegal: true, effectiveFrom: '2021-03-20', areas: ['institutions'] as never[], subject: 'quy định mức chi bầu cử' }));
    await createDocument(tx, reformActor, doc({ numberSymbol: '05/2021/QĐ-UBND', docType: 'decision', issuedOn: '2021-03-05', isLegal: true, effectiveFrom: '2021-03-15', areas: ['institutions'] as never[], subject: 'bãi bỏ văn bản quy phạm pháp luật' }));
    await createDocument(tx, reformActor, doc({ numberSymbol: '12/KH-UBND', issuedOn: '2020-11-01', areas: ['direction'] as never[], subject: 'ngoài kỳ báo cáo' }));
    const old = await createDocument(tx, reformActor, doc({ numberSymbol: '09/2019/QĐ-UBND', docType: 'decision', issuedOn: '2019-05-01', isLegal: true, effectiveFrom: '2019-05-15', subject: 'quy định cũ' }));
    await recordDocumentEffect(tx, reformActor, old.id, { status: 'expired_whole', effectiveOn: '2021-02-01' });
    await recordDocumentReview(tx, reformActor, { documentId: old.id, kind: 'self_inspection', reviewedOn: '2021-03-01', result: 'lawful' });
    // A list published in the period of documents that expired the year before (the seed's 150/QĐ-UBND).
    const list = await createDocument(tx, reformActor, doc({ numberSymbol: '150/QĐ-UBND', docType: 'decision', issuedOn: '2021-01-25', tags: ['effect_list'], subject: 'công bố Danh mục văn bản QPPL hết hiệu lực năm 2020' }));
    for (const [numberSymbol, docType, issuerLevel, status] of [
      ['03/2018/NQ-HĐND', 'resolution', 'provincial_council', 'expired_whole'],
      ['07/2017/QĐ-UBND', 'decision', 'provincial', 'expired_whole'],
      ['11/2017/QĐ-UBND', 'decision', 'provincial', 'expired_whole'],
      ['15/2019/QĐ-UBND', 'decision', 'provincial', 'expired_part'],
    ] as const) {
      const listed = await createDocument(tx, reformActor, doc({ numberSymbol, docType, issuerLevel, issuedOn: `20${numberSymbol.slice(3, 5)}-06-01`, isLegal: true, effectiveFrom: `20${numberSymbol.slice(3, 5)}-06-15`, subject: 'văn bản đã hết hiệu lực' }));
      await recordDocumentEffect(tx, reformActor, listed.id, { status, effectiveOn: '2020-10-01', basisDocumentId: list.id });
    }
    await recordDocumentReview(tx, reformActor, { subjectText: 'Nghị quyết của HĐND huyện', kind: 'self_inspection', reviewedOn: '2021-04-01', result: 'lawful' });
    await recordDocumentReview(tx, reformActor, { subjectText: 'Quyết định của UBND huyện', kind: 'authority_inspection', reviewedOn: '2021-05-01', result: 'unlawful_signs' });
    const planDoc = await createDocument(tx, reformActor, doc({ numberSymbol: '1996/KH-UBND', issuedOn: '2020-12-30', areas: ['direction'] as never[], subject: 'về ban hành Kế hoạch cải cách hành chính nhà nước năm 2021' }));
    const planId = await createPlan(tx, reformActor, { agencyId: w.province.id, year: 2021, title: 'Kế hoạch CCHC năm 2021', documentId: planDoc.id });
    const done = await addTask(tx, reformActor, planId, { area: 'procedures', title: 'Rà soát TTHC', responsibleAgencyId: w.department.id, dueOn: '2021-04-30' });
    await addTask(tx, reformActor, planId, { area: 'institutions', title: 'Kiểm tra văn bản', responsibleAgencyId: w.department.id, dueOn: '2021-05-01' });
    await addTask(tx, reformActor, planId, { area: 'digital_government', title: 'Chuyển đổi số', responsibleAgencyId: w.department.id, dueOn: '2021-12-01' });
    await reportTaskProgress(tx, reformActor, done, { reportedOn: '2021-04-01', percent: 100 }, '2021-06-30');

    // Staffing and autonomy.
    const quotas: [string, QuotaInput['kind'], number][] = [
      [w.department.id, 'civil_servant', 40],
      [w.department.id, 'public_employee', 300],
      [w.province.id, 'civil_servant', 10],
      [w.department.id, 'contract68_admin', 5],
      [w.department.id, 'contract68_service_unit', 7],
      [w.department.id, 'contract68_association', 2],
    ];
    for (const [agencyId, kind, quota] of quotas) await setQuota(tx, reformActor, { agencyId, year: 2021, kind, quota });
    const counts = { postgraduate: 3, university: 20, collegeOrBelow: 7, theorySenior: 2, theoryIntermediate: 5, educationHealth: 12 };
    await setStaffCount(tx, reformActor, { agencyId: w.department.id, asOf: '2021-06-01', ...counts });
    await setStaffCount(tx, reformActor, { agencyId: w.department.id, asOf: '2021-07-01', ...counts, university: 99 });
    await recordPersonnelChange(tx, reformActor, { agencyId: w.department.id, kind: 'retirement', staffCategory: 'civil_servant', occurredOn: '2021-02-01', personCount: 2 });
    await recordPersonnelChange(tx, reformActor, { agencyId: w.department.id, kind: 'retirement', staffCategory: 'civil_servant', occurredOn: '2021-07-01', personCount: 1 });
    await recordPersonnelChange(tx, reformActor, { agencyId: w.department.id, kind: 'appointment', staffCategory: 'leader', occurredOn: '2021-03-01', personCount: 3 });
    await recordRestructuringScheme(tx, reformActor, { agencyId: w.department.id, title: 'Đề án sắp xếp Trung tâm', approvedOn: '2021-04-01' });
    const unit = (name: string, kind: 'administrative_body' | 'public_service_unit', mandatory: boolean, autonomyClass: 'self_financing' | 'state_funded' | null, autonomySince: string | null) =>
      createAutonomyUnit(tx, reformActor, { managingAgencyId: w.department.id, name, kind, mandatory, autonomyClass, autonomySince, validFrom: '2015-01-01' });
    await unit('Cơ quan A', 'administrative_body', true, null, '2016-01-01');
    await unit('Cơ quan B', 'administrative_body', true, null, null);
    await unit('Cơ quan C', 'administrative_body', false, null, '2018-01-01');
    await unit('Trung tâm D', 'public_service_unit', true, 'self_financing', '2017-01-01');
    await unit('Trung tâm E', 'public_service_unit', true, 'state_funded', '2017-01-01');

    // Inspections.
    const district = await createAgency(tx, { parent: w.province, kind: 'district_committee', name: 'Ủy ban nhân dân huyện Thử' });
    await recordInspection(tx, reformActor, { inspectedAgencyId: w.department.id, startedOn: '2021-05-10', areas: ['procedures'], kind: 'scheduled' });
    await recordInspection(tx, reformActor, { inspectedAgencyId: district.id, startedOn: '2021-05-20', areas: ['civil_service'], kind: 'scheduled' });
  });

  // Unit reports.
  const unitAgencies: Awaited<ReturnType<typeof createAgency>>[] = [];
  for (const name of ['Sở A', 'Sở B', 'Sở C']) unitAgencies.push(await createAgency(db, { parent: w.province, kind: 'department', name }));
  const manager = await actorOf(db, (await createStaff(db, home, [Role.REFORM_OFFICER])).id);
  const templateId = await db.transaction((tx) =>
    saveReportTemplate(tx, manager, {
      code: 'cchc_6_thang_thu',
      name: 'Báo cáo CCHC 6 tháng (thử)',
      periodType: 'half_year',
      content: {
        indicators: [{ code: 'civil_service.recruited', area: 'civil_service', label: 'Số công chức được tuyển dụng', unit: 'người', prefill: null, decimals: 0, help: null }],
        sections: [{ code: 'strengths', kind: 'strengths', area: null, title: 'III.1. Ưu điểm', guidance: null, required: false }],
      },
    }),
  );
  const roundId = await db.transaction((tx) => openReportRound(tx, manager, { templateId, period: { preset: 'reform_h1', year: 2021 }, agencyIds: unitAgencies.map((a) => a.id) }));
  const sends: [number, string][] = [
    [0, '2021-06-18T03:00:00Z'],
    [1, '2021-06-25T03:00:00Z'],
  ];
  for (const [i, when] of sends) {
    const reporter = await actorOf(db, (await createStaff(db, unitAgencies[i]!, [Role.AGENCY_LEADER])).id);
    const [row] = await db.select().from(reformUnitReports).where(and(eq(reformUnitReports.roundId, roundId), eq(reformUnitReports.agencyId, unitAgencies[i]!.id)));
    const content = { figures: [{ code: 'civil_service.recruited', value: 1 }], narrative: { strengths: `Ưu điểm của ${i === 0 ? 'Sở A' : 'Sở B'}.` } };
    await db.transaction((tx) => submitUnitReport(tx, reporter, row!.id, { version: row!.version, ...content }, new Date(when)));
    if (i === 0) await db.transaction((tx) => acceptUnitReport(tx, manager, row!.id, {}));
  }
}, 240_000);

afterAll(async () => {
  await t.close();
});

describe('the draft report of 2021-H1', () => {
  let report: CchcReportView;
  beforeAll(async () => {
    report = await create();
  });

  it('starts as a draft with the header of the issuing agency and the period', () => {
    expect(report.status).toBe('draft');
    expect(report.frozen).toBe(false);
    const d = report.document;
    expect(d.header).toMatchObject({ parentBody: 'UBND TỈNH THỬ', issuingBody: 'SỞ NỘI VỤ', symbol: 'BC-SNV', place: 'Thử', signerName: 'Võ Thành Chính' });
    expect(d.period).toMatchObject({ from: '2020-12-15', to: '2021-06-14', name: '6 tháng đầu năm 2021', nextName: '6 tháng cuối năm 2021' });
    expect(d.subject).toBe('Kết quả thực hiện công tác cải cách hành chính nhà nước 6 tháng đầu năm 2021 và phương hướng, nhiệm vụ 6 tháng cuối năm 2021');
    expect(d.placeDate).toBe('Thử, ngày 20 tháng 6 năm 2021');
    expect(report.abilities).toEqual({ edit: true, actions: ['submit'] });
  });

  it('computes the catalog figures', () => {
    const d = report.document;
    expect(figure(d, 'catalog.procedures')).toBe(3);
    expect(figure(d, 'catalog.onTheSpot')).toBe(1);
    expect(figure(d, 'catalog.online3')).toBe(1);
    expect(figure(d, 'catalog.online4')).toBe(1);
    expect(figure(d, 'catalog.onlineOther')).toBe(1);
    expect(figure(d, 'catalog.processDecisions')).toBe(1);
    expect(figure(d, 'catalog.processProcedures')).toBe(1);
    expect(figure(d, 'catalog.decisions')).toBe(2);
    expect(figure(d, 'catalog.items.add')).toBe(1);
    expect(figure(d, 'catalog.items.amend')).toBe(2);
    expect(d.figures.find((f) => f.key === 'catalog.procedures')!.source).toContain('14/06/2021');
  });

  it('computes the dossier and petition figures and writes them into the sentence', () => {
    const d = report.document;
    expect(figure(d, 'dossiers.received')).toBe(4);
    expect(figure(d, 'dossiers.resolved')).toBe(2);
    expect(figure(d, 'dossiers.onTime')).toBe(1);
    expect(figure(d, 'dossiers.onTimeRate')).toBe(50);
    expect(figure(d, 'dossiers.late')).toBe(1);
    expect(figure(d, 'dossiers.pending')).toBe(2);
    expect(figure(d, 'dossiers.pendingWithin')).toBe(1);
    expect(figure(d, 'dossiers.pendingOverdue')).toBe(1);
    expect(figure(d, 'petitions.received')).toBe(0);
    const body = text(d);
    expect(body).toContain('tổng số hồ sơ TTHC tiếp nhận trên địa bàn tỉnh là 4 hồ sơ');
    expect(body).toContain('đã giải quyết 2 hồ sơ, trong đó đúng hạn 1 hồ sơ (đạt 50%)');
    expect(body).toContain('chưa nhận được phản ánh, kiến nghị');
  });

  it('computes the registry and plan figures', () => {
    const d = report.document;
    expect(figure(d, 'docs.councilResolutions')).toBe(1);
    expect(figure(d, 'docs.committeeLegal')).toBe(1);
    expect(figure(d, 'legal.expiredWhole.committee')).toBe(1);
    // The list of 2020's expired documents, published in the period, is quoted with what it declares.
    expect(figure(d, 'legal.effectList1.expiredWhole.committee')).toBe(2);
    expect(figure(d, 'legal.effectList1.expiredWhole.council')).toBe(1);
    expect(figure(d, 'legal.effectList1.expiredPart.committee')).toBe(1);
    expect(figure(d, 'legal.effectList1.expiredPart.council')).toBe(0);
    expect(text(d)).toMatch(/Quyết định số 150\/QĐ-UBND .*công bố Danh mục văn bản QPPL hết hiệu lực năm 2020 \(02 quyết định của UBND tỉnh, 01 nghị quyết của HĐND tỉnh hết hiệu lực toàn bộ và 01 quyết định của UBND tỉnh, 0 nghị quyết của HĐND tỉnh hết hiệu lực một phần\)\./);
    expect(figure(d, 'legal.expiredWhole.council')).toBe(0);
    expect(figure(d, 'reviews.self')).toBe(2);
    expect(figure(d, 'reviews.authority')).toBe(1);
    expect(figure(d, 'reviews.unlawful')).toBe(1);
    expect(figure(d, 'plan.tasks')).toBe(3);
    expect(figure(d, 'plan.done')).toBe(1);
    expect(figure(d, 'plan.overdue')).toBe(1);
    expect(figure(d, 'plan.inProgress')).toBe(1);
    expect(text(d)).toContain('Tỉnh đã ban hành Kế hoạch số 1996/KH-UBND ngày 30 tháng 12 năm 2020 của Ủy ban nhân dân tỉnh Thử về ban hành Kế hoạch');
  });

  it('lists the documents issued in the period as footnotes, grouped as the seed does', () => {
    const d = report.document;
    expect(d.footnotes.map((f) => [f.n, f.group])).toEqual([
      [1, 'Văn bản chỉ đạo, triển khai nhiệm vụ CCHC'],
      [2, 'Ban hành nhiều văn bản triển khai thực hiện các biện pháp phòng, chống dịch Covid-19'],
      [3, 'Đơn vị cấp tỉnh được kiểm tra'],
      [4, 'Đơn vị cấp huyện được kiểm tra'],
      [5, 'Nghị quyết của HĐND tỉnh'],
      [6, 'Văn bản QPPL của UBND tỉnh'],
    ]);
    expect(d.footnotes[2]!.text).toBe('Sở Tư pháp Thử.');
    expect(d.footnotes[3]!.text).toBe('Ủy ban nhân dân huyện Thử.');
    expect(d.footnotes[0]!.text).toBe('Kế hoạch số 20/KH-UBND ngày 29 tháng 01 năm 2021 của Ủy ban nhân dân tỉnh Thử về Tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030.');
    expect(d.footnotes[1]!.text).toContain('Công văn số 47/UBND-NCTH ngày 10 tháng 01 năm 2021');
    expect(d.footnotes[4]!.text).toContain('Nghị quyết số 01/2021/NQ-HĐND ngày 10 tháng 3 năm 2021 của Hội đồng nhân dân tỉnh Thử');
    expect(d.footnotes[5]!.text).toContain('Quyết định số 05/2021/QĐ-UBND ngày 05 tháng 3 năm 2021');
    const all = d.footnotes.map((f) => f.text).join(' ');
    expect(all).not.toContain('12/KH-UBND');
    expect(all).not.toContain('1996/KH-UBND');
    expect(text(d)).toContain('tỉnh đã ban hành 01 Nghị quyết của HĐND tỉnh[5] và 01 văn bản QPPL của UBND tỉnh[6].');
  });

  it('computes the staffing, autonomy and inspection figures', () => {
    const d = report.document;
    expect(figure(d, 'quotas.civilServant')).toBe(50);
    expect(figure(d, 'quotas.publicEmployee')).toBe(300);
    expect(figure(d, 'quotas.contract68Admin')).toBe(5);
    expect(figure(d, 'quotas.contract68ServiceUnit')).toBe(7);
    expect(figure(d, 'quotas.contract68Association')).toBe(2);
    expect(figure(d, 'staff.total')).toBe(30);
    expect(figure(d, 'staff.postgraduate')).toBe(3);
    expect(figure(d, 'staff.postgraduateShare')).toBe(10);
    expect(figure(d, 'staff.university')).toBe(20);
    expect(figure(d, 'staff.universityShare')).toBe(66.7);
    expect(figure(d, 'staff.collegeOrBelowShare')).toBe(23.3);
    expect(figure(d, 'staff.educationHealthShare')).toBe(40);
    expect(figure(d, 'staff.theorySenior')).toBe(2);
    expect(figure(d, 'changes.retirement')).toBe(2);
    expect(figure(d, 'changes.appointment')).toBe(3);
    expect(figure(d, 'changes.resignation')).toBe(0);
    expect(figure(d, 'schemes.count')).toBe(1);
    expect(figure(d, 'autonomy.bodiesMandatory')).toBe(2);
    expect(figure(d, 'autonomy.bodiesApplying')).toBe(1);
    expect(figure(d, 'autonomy.bodiesVoluntary')).toBe(1);
    expect(figure(d, 'autonomy.unitsMandatory')).toBe(2);
    expect(figure(d, 'autonomy.selfFinancing')).toBe(1);
    expect(figure(d, 'autonomy.partlySelfFinancing')).toBe(0);
    expect(figure(d, 'autonomy.stateFunded')).toBe(1);
    expect(figure(d, 'inspections.province')).toBe(1);
    expect(figure(d, 'inspections.district')).toBe(1);
    expect(text(d)).toContain('đại học có 20 người, chiếm tỷ lệ 66,7%');
  });

  it('counts the units\' reports (completeness, timeliness) and drafts the narrative from the accepted one', () => {
    const d = report.document;
    expect(figure(d, 'unitReports.expected')).toBe(3);
    expect(figure(d, 'unitReports.submitted')).toBe(2);
    expect(figure(d, 'unitReports.onTime')).toBe(1);
    expect(figure(d, 'unitReports.late')).toBe(1);
    expect(figure(d, 'unitReports.missing')).toBe(1);
    const strengths = d.sections.find((s) => s.narrative?.key === 'strengths')!.narrative!;
    expect(strengths).toMatchObject({ origin: 'unit_reports', sources: [expect.stringMatching(/./)] });
    expect(strengths.text).toContain('Ưu điểm của Sở A.');
    expect(strengths.text).not.toContain('Sở B');
  });

  it('has every source, so no figure is missing', () => {
    expect(report.document.missingSources).toEqual([]);
    expect(report.document.figures.filter((f) => f.missing)).toEqual([]);
  });
});

describe('editing, workflow and freezing', () => {
  it('recomputes a draft when a record changes, never an issued report', async () => {
    const report = await create();
    const id = report.id;
    // An edited narrative is kept; the drafted one is replaced.
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/cchc-reports/${id}`,
      headers: officer.client.headers,
      payload: { version: report.version, narratives: { strengths: '- Ưu điểm do cán bộ viết.' }, header: { signerName: 'Võ Thành Chính' } },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const afterEdit = edited.json() as CchcReportView;
    expect(afterEdit.document.sections.find((s) => s.narrative?.key === 'strengths')!.narrative).toMatchObject({ text: '- Ưu điểm do cán bộ viết.', origin: 'edited' });
    // A stale version is refused.
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/cchc-reports/${id}`, headers: officer.client.headers, payload: { version: report.version, narratives: { tasks: 'x' } } });
    expect(stale.statusCode).toBe(409);

    // One more dossier changes the draft.
    await receive(t.database.db, w, at('2021-06-01', '09:00'));
    const before = figure(afterEdit.document, 'dossiers.received')!;
    const draft = await view(id);
    expect(figure(draft.document, 'dossiers.received')).toBe(before + 1);

    // Through the workflow to issue.
    expect((await action(id, { action: 'issue' })).statusCode).toBe(409);
    expect((await action(id, { action: 'submit' })).statusCode).toBe(200);
    const noEdit = await t.app.inject({ method: 'PATCH', url: `/api/cchc-reports/${id}`, headers: officer.client.headers, payload: { version: draft.version + 1, narratives: { tasks: 'x' } } });
    expect(noEdit.statusCode).toBe(409);
    expect((await action(id, { action: 'approve' })).statusCode).toBe(200);
    const issueId = randomUUID();
    const issued = await t.app.inject({ method: 'POST', url: `/api/cchc-reports/${id}/actions`, headers: officer.client.headers, payload: { action: 'issue', actionId: issueId, number: 123, issuedOn: '2021-06-18' } });
    expect(issued.statusCode, issued.body).toBe(200);
    const frozen = issued.json() as CchcReportView;
    expect(frozen).toMatchObject({ status: 'issued', numberText: '123/BC-SNV', reportDate: '2021-06-18', frozen: true });
    expect(frozen.document.numberText).toBe('123/BC-SNV');
    expect(frozen.document.placeDate).toBe('Thử, ngày 18 tháng 6 năm 2021');
    expect(frozen.history.map((h) => h.action)).toEqual(['submit', 'approve', 'issue']);
    // A retried issue is applied once.
    const retry = await t.app.inject({ method: 'POST', url: `/api/cchc-reports/${id}/actions`, headers: officer.client.headers, payload: { action: 'issue', actionId: issueId, number: 123 } });
    expect(retry.statusCode).toBe(200);
    expect((retry.json() as CchcReportView).history).toHaveLength(3);

    const docx1 = await t.app.inject({ method: 'GET', url: `/api/cchc-reports/${id}/report.docx`, headers: officer.client.headers });
    const pdf1 = await t.app.inject({ method: 'GET', url: `/api/cchc-reports/${id}/report.pdf`, headers: officer.client.headers });
    expect(docx1.statusCode).toBe(200);
    expect(createHash('sha256').update(docx1.rawPayload).digest('hex')).toBe(frozen.docx!.sha256);
    expect(createHash('sha256').update(pdf1.rawPayload).digest('hex')).toBe(frozen.pdf!.sha256);

    // Data changes after issue: the issued report does not move.
    await receive(t.database.db, w, at('2021-06-02', '09:00'));
    const later = await view(id);
    expect(later.document).toEqual(frozen.document);
    expect(figure(later.document, 'dossiers.received')).toBe(before + 1);
    const docx2 = await t.app.inject({ method: 'GET', url: `/api/cchc-reports/${id}/report.docx`, headers: officer.client.headers });
    expect(Buffer.compare(docx1.rawPayload, docx2.rawPayload)).toBe(0);
    // A new draft of the same period sees the new dossier.
    const fresh = await create();
    expect(figure(fresh.document, 'dossiers.received')).toBe(before + 2);

    // The same number cannot be issued twice by the agency.
    await action(fresh.id, { action: 'submit' });
    await action(fresh.id, { action: 'approve' });
    const dup = await action(fresh.id, { action: 'issue', number: 123 });
    expect(dup.statusCode).toBe(409);
  });

  it('refuses staff without reform.manage, and hides another agency subtree', async () => {
    const report = await create();
    const desk = await createSignedInStaff(t.app, t.database.db, w.department, [Role.DESK_OFFICER]);
    expect((await t.app.inject({ method: 'GET', url: `/api/cchc-reports/${report.id}`, headers: desk.client.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/cchc-reports/${report.id}` })).statusCode).toBe(401);
    const other = await createSignedInStaff(t.app, t.database.db, w.department, [Role.REFORM_OFFICER]);
    expect((await t.app.inject({ method: 'GET', url: `/api/cchc-reports/${report.id}`, headers: other.client.headers })).statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'POST', url: '/api/cchc-reports', headers: officer.client.headers, payload: { period: '2021-H3' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the DOCX file', () => {
  let docx: Buffer;
  let xml: string;
  beforeAll(async () => {
    const report = await create();
    const res = await t.app.inject({ method: 'GET', url: `/api/cchc-reports/${report.id}/report.docx`, headers: officer.client.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    docx = res.rawPayload;
    xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  });

  it('carries the NĐ 30/2020 page settings: A4 portrait, margins, title page without number', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
    const attr = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margins)![1]);
    const mm = (twips: number) => (twips * 25.4) / 1440;
    expect(mm(attr('top'))).toBeGreaterThanOrEqual(20);
    expect(mm(attr('top'))).toBeLessThanOrEqual(25);
    expect(mm(attr('bottom'))).toBeGreaterThanOrEqual(20);
    expect(mm(attr('bottom'))).toBeLessThanOrEqual(25);
    expect(mm(attr('left'))).toBeGreaterThanOrEqual(30);
    expect(mm(attr('left'))).toBeLessThanOrEqual(35);
    expect(mm(attr('right'))).toBeGreaterThanOrEqual(15);
    expect(mm(attr('right'))).toBeLessThanOrEqual(20);
    expect(xml).toContain('<w:titlePg/>');
  });

  it('uses Times New Roman at the NĐ 30/2020 sizes, with the header blocks', () => {
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).not.toMatch(/w:ascii="(?!Times New Roman)/);
    const runOf = (t: string) => {
      const i = xml.indexOf(`>${t}</w:t>`);
      expect(i, t).toBeGreaterThan(0);
      return xml.slice(xml.lastIndexOf('<w:r>', i), i);
    };
    const size = (r: string) => Number(/<w:sz w:val="(\d+)"\/>/.exec(r)![1]) / 2;
    const nation = runOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(nation).toContain('<w:b/>');
    expect(size(nation)).toBeGreaterThanOrEqual(12);
    expect(size(nation)).toBeLessThanOrEqual(13);
    const motto = runOf('Độc lập - Tự do - Hạnh phúc');
    expect(motto).toContain('<w:b/>');
    expect(motto).toMatch(/<w:u w:val="single"\/>/);
    expect(size(motto)).toBeGreaterThanOrEqual(13);
    const parent = runOf('UBND TỈNH THỬ');
    expect(parent).not.toContain('<w:b/>');
    expect(runOf('SỞ NỘI VỤ')).toContain('<w:b/>');
    expect(xml).toContain('>Số:        /BC-SNV</w:t>');
    const date = runOf('Thử, ngày 20 tháng 6 năm 2021');
    expect(date).toContain('<w:i/>');
    expect(runOf('BÁO CÁO')).toContain('<w:b/>');
    const sig = runOf('KT. GIÁM ĐỐC');
    expect(sig).toContain('<w:b/>');
    expect(runOf('PHÓ GIÁM ĐỐC')).toContain('<w:b/>');
    expect(runOf('Võ Thành Chính')).toContain('<w:b/>');
    const recipients = runOf('Nơi nhận:');
    expect(recipients).toContain('<w:b/>');
    expect(recipients).toContain('<w:i/>');
    expect(size(recipients)).toBe(12);
    expect(size(runOf('- Bộ Nội vụ;'))).toBe(11);
    expect(xml).toContain('>- Lưu: VT, CCHC.</w:t>');
  });

  it('sets the body justified, 14 pt, first-line indent 1.27 cm, 6 pt before, line spacing 1.15', () => {
    const i = xml.indexOf('tổng số hồ sơ TTHC tiếp nhận');
    const para = xml.slice(xml.lastIndexOf('<w:p>', i), i);
    expect(para).toContain('<w:jc w:val="both"/>');
    expect(para).toMatch(/<w:ind w:firstLine="720"\/>/);
    const spacing = /<w:spacing ([^>]*)\/>/.exec(para)![1]!;
    expect(spacing).toContain('w:before="120"');
    expect(spacing).toContain('w:line="276"');
    expect(spacing).toContain('w:lineRule="auto"');
    expect(para).toContain('<w:sz w:val="28"/>');
  });

  it('has real Word footnotes and page numbers in the header', async () => {
    const zip = await JSZip.loadAsync(docx);
    const notes = await zip.file('word/footnotes.xml')!.async('string');
    expect(notes).toContain('20/KH-UBND');
    expect(notes).toContain('01/2021/NQ-HĐND');
    expect((xml.match(/<w:footnoteReference w:id="\d+"\/>/g) ?? []).length).toBe(6);
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^word\/header\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    expect(headers.some((h) => h.includes('PAGE') && h.includes('<w:jc w:val="center"/>'))).toBe(true);
    expect(xml).toMatch(/<w:headerReference w:type="first"/);
  });

  it('opens in LibreOffice and converts to a PDF with the report text', () => {
    const hasLibreOffice = spawnSync('libreoffice', ['--version']).error === undefined;
    if (!hasLibreOffice) {
      if (process.env.CI === 'true') throw new Error('libreoffice is required under CI (apt-get install libreoffice-writer-nogui)');
      console.warn('SKIPPED: libreoffice is not installed; the DOCX was not opened in LibreOffice');
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'cchc-report-'));
    const input = path.join(dir, 'bao-cao.docx');
    writeFileSync(input, docx);
    execFileSync('libreoffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, input], { timeout: 120_000 });
    const pdf = readFileSync(path.join(dir, 'bao-cao.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = spawnSync('pdfinfo', [path.join(dir, 'bao-cao.pdf')]);
    if (info.error === undefined) {
      const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout.toString())![1]);
      expect(pages).toBeGreaterThanOrEqual(3);
      const pageSize = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info.stdout.toString())!;
      expect(Math.round(Number(pageSize[1]))).toBe(595);
      expect(Math.round(Number(pageSize[2]))).toBe(842);
    }
    const txt = spawnSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'bao-cao.pdf'), '-']);
    if (txt.error === undefined) {
      const out = txt.stdout.toString('utf8').normalize('NFC').replace(/\s+/g, ' ');
      expect(out).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(out).toContain('Kết quả thực hiện công tác cải cách hành chính nhà nước 6 tháng đầu năm 2021');
      expect(out).toContain('II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC');
      expect(out).toContain('Kế hoạch số 20/KH-UBND');
    }
  }, 180_000);
});

describe('motcua report cchc', () => {
  it('writes the DOCX and the PDF of a period', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cchc-cli-'));
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), database: t.database, env: { ...process.env, DATA_DIR: t.config.dataDir } };
    expect(await runCli(['report', 'cchc', '--period', '2021-Q3', '--out', path.join(dir, 'q3.docx')], io)).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, 'q3.docx')));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('quý III năm 2021');
    expect(await runCli(['report', 'cchc', '--period', '2021-Q3', '--pdf', '--out', path.join(dir, 'q3.pdf')], io)).toBe(0);
    expect(readFileSync(path.join(dir, 'q3.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await runCli(['report', 'cchc', '--period', '2021-H9', '--out', path.join(dir, 'x.docx')], io)).toBe(2);
  });
});
