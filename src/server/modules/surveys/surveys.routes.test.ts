import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { auditLog, notifications, surveyResponses } from '../../db/schema';
import { createTestApp, signIn, type Client, type TestContext } from '../../test/test-app';
import { createAgency, createCitizen, createStaff, type TestAgency } from '../../test/factories';
import { addCalendarDays, toLocalDate } from '../../../shared/calendar';
import { createDossierWorld, receive } from '../dossiers/dossiers.test-support';
import { dossierThroughWorkflow } from '../ratings/ratings.test-support';

let t: TestContext;
let homeAffairs: TestAgency;
let justice: TestAgency;
let district: TestAgency;
let notSurveyed: TestAgency;
let organiser: Client;
let otherOrganiser: Client;
let citizen: Client;

const today = toLocalDate(new Date());

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const province = await createAgency(db);
  homeAffairs = await createAgency(db, { parent: province, name: 'Sở Nội vụ' });
  justice = await createAgency(db, { parent: province, name: 'Sở Tư pháp' });
  district = await createAgency(db, { parent: province, name: 'Ủy ban nhân dân huyện Châu Thành' });
  notSurveyed = await createAgency(db, { parent: province, name: 'Sở Y tế' });
  const o = await createStaff(db, homeAffairs, ['reform_officer']);
  const oo = await createStaff(db, justice, ['reform_officer']);
  const c = await createCitizen(db);
  organiser = await signIn(t.app, o.login, o.password);
  otherOrganiser = await signIn(t.app, oo.login, oo.password);
  citizen = await signIn(t.app, c.login, c.password);
});
afterAll(async () => t?.close());

const post = (client: Client | null, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: client?.headers ?? {} });
const get = (client: Client | null, url: string) => t.app.inject({ method: 'GET', url, headers: client?.headers ?? {} });

const questionnaire = () => ({
  title: 'Khảo sát sự hài lòng năm 2026',
  targetAgencyIds: [justice.id, district.id],
  opensOn: today,
  closesOn: addCalendarDays(today, 30),
  questions: [
    { element: 'access', text: 'Việc tìm hiểu thông tin về thủ tục có thuận tiện không?' },
    { element: 'access', text: 'Nơi tiếp nhận hồ sơ có đủ tiện nghi không?' },
    { element: 'civil_servants', text: 'Công chức có thái độ lịch sự không?', scale: 3 },
    { element: 'result', text: 'Kết quả có đúng quy định không?', required: false },
    { element: 'feedback_handling', text: 'Góp ý của Ông/Bà', kind: 'text', required: false },
  ],
});

async function openCampaign() {
  const created = await post(organiser, '/api/surveys', questionnaire());
  expect(created.statusCode, created.body).toBe(201);
  const opened = await post(organiser, `/api/surveys/${created.json().id}/open`, {});
  expect(opened.json().status).toBe('open');
  return opened.json() as { id: string; openLink: { token: string }; questions: { id: string; kind: string }[] };
}

describe('route guards', () => {
  it('401 before 400, 403 without the reform permission, 404 for another organiser', async () => {
    expect((await post(null, '/api/surveys', {})).statusCode).toBe(401);
    expect((await post(citizen, '/api/surveys', {})).statusCode).toBe(403);
    const bad = await post(organiser, '/api/surveys', { ...questionnaire(), questions: [], closesOn: '2020-01-01' });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.questions']));
    const created = await post(organiser, '/api/surveys', questionnaire());
    expect((await get(otherOrganiser, `/api/surveys/${created.json().id}`)).statusCode).toBe(404);
    expect((await get(otherOrganiser, `/api/surveys/${created.json().id}/results`)).statusCode).toBe(404);
    expect((await get(otherOrganiser, '/api/surveys')).json().map((c: { id: string }) => c.id)).not.toContain(created.json().id);
  });
});

describe('campaign life cycle', () => {
  it('a draft is editable and not answerable; an open campaign is not editable; a closed one takes no answers', async () => {
    const created = (await post(organiser, '/api/surveys', questionnaire())).json();
    expect(created.abilities).toMatchObject({ update: true, open: true, close: false });
    expect((await get(null, `/api/public/surveys/${created.openLink.token}`)).statusCode).toBe(404);
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/surveys/${created.id}`,
      headers: organiser.headers,
      payload: { ...questionnaire(), title: 'Khảo sát đã sửa', questions: questionnaire().questions.slice(0, 2) },
    });
    expect(edited.json()).toMatchObject({ title: 'Khảo sát đã sửa', openLink: { token: created.openLink.token } });
    expect(edited.json().questions).toHaveLength(2);

    await post(organiser, `/api/surveys/${created.id}/open`, {});
    const locked = await t.app.inject({ method: 'PUT', url: `/api/surveys/${created.id}`, headers: organiser.headers, payload: questionnaire() });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('SURVEY_NOT_EDITABLE');

    const form = await get(null, `/api/public/surveys/${created.openLink.token}`);
    expect(form.statusCode).toBe(200);
    expect(form.json().agencies.map((a: { id: string }) => a.id)).toEqual([justice.id, district.id]);
    expect(form.json().questions[0].levels).toHaveLength(5);

    await post(organiser, `/api/surveys/${created.id}/close`, {});
    const late = await post(null, `/api/public/surveys/${created.openLink.token}/responses`, {
      agencyId: justice.id,
      answers: form.json().questions.map((q: { id: string }) => ({ questionId: q.id, score: 4 })),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('SURVEY_NOT_OPEN');

    const audit = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, created.id)).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['survey.created', 'survey.updated', 'survey.opened', 'survey.closed']);
  });

  it('refuses incomplete or malformed answers and agencies outside the campaign, writing nothing', async () => {
    const c = await openCampaign();
    const [q0, q1, q2, , q4] = c.questions;
    const url = `/api/public/surveys/${c.openLink.token}/responses`;
    const missing = await post(null, url, { agencyId: justice.id, answers: [{ questionId: q0!.id, score: 4 }] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields.map((f: { message: string }) => f.message)).toEqual(['Câu hỏi số 2 chưa được trả lời', 'Câu hỏi số 3 chưa được trả lời']);
    const outOfScale = await post(null, url, {
      agencyId: justice.id,
      answers: [{ questionId: q0!.id, score: 4 }, { questionId: q1!.id, score: 4 }, { questionId: q2!.id, score: 5 }, { questionId: q4!.id, score: 1 }],
    });
    expect(outOfScale.statusCode).toBe(400);
    expect(outOfScale.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(['body.answers.2.score', 'body.answers.3.score']);
    const wrongAgency = await post(null, url, {
      agencyId: notSurveyed.id,
      answers: [{ questionId: q0!.id, score: 4 }, { questionId: q1!.id, score: 4 }, { questionId: q2!.id, score: 2 }],
    });
    expect(wrongAgency.statusCode).toBe(422);
    expect(wrongAgency.json().error.code).toBe('SURVEY_AGENCY_INVALID');
    expect(await t.database.db.$count(surveyResponses, eq(surveyResponses.campaignId, c.id))).toBe(0);
    expect((await get(null, '/api/public/surveys/khong-co-duong-dan-nay')).statusCode).toBe(404);
  });
});

describe('results by element and agency', () => {
  it('are computed from a hand-built set of responses', async () => {
    const c = await openCampaign();
    const [q0, q1, q2, q3, q4] = c.questions.map((q) => q.id);
    const respond = async (agencyId: string, scores: Record<string, number>, text?: string) => {
      const answers: { questionId: string; score?: number; text?: string }[] = Object.entries(scores).map(([questionId, score]) => ({ questionId, score }));
      if (text) answers.push({ questionId: q4!, text });
      const key = randomUUID();
      const res = await post(null, `/api/public/surveys/${c.openLink.token}/responses`, { agencyId, answers, submissionKey: key });
      expect(res.statusCode, res.body).toBe(201);
      // A retry with the same key records nothing more.
      expect((await post(null, `/api/public/surveys/${c.openLink.token}/responses`, { agencyId, answers, submissionKey: key })).json()).toEqual(res.json());
    };
    // Access and result questions are on a 5-level scale (satisfied from 4), civil servants on 3 levels (from 2).
    await respond(justice.id, { [q0!]: 5, [q1!]: 4, [q2!]: 3, [q3!]: 2 });
    await respond(justice.id, { [q0!]: 3, [q1!]: 5, [q2!]: 1 });
    await respond(district.id, { [q0!]: 2, [q1!]: 1, [q2!]: 2, [q3!]: 5 }, 'Cần thêm ghế chờ');

    const res = await get(organiser, `/api/surveys/${c.id}/results`);
    expect(res.statusCode).toBe(200);
    const results = res.json();
    expect(results.responses).toBe(3);
    const element = (list: { element: string }[], name: string) => list.find((e) => e.element === name);

    const [justiceRow, districtRow] = results.byAgency;
    expect(justiceRow.agency.id).toBe(justice.id);
    expect(justiceRow.responses).toBe(2);
    // Access: 5, 4, 3, 5 of 5 → mean 0.85; 3 of 4 at 4 or more.
    expect(element(justiceRow.elements, 'access')).toMatchObject({ answers: 4, averagePercent: 85, satisfiedRate: 75 });
    // Civil servants: 3 and 1 of 3 → mean 0.667; 1 of 2 at 2 or more.
    expect(element(justiceRow.elements, 'civil_servants')).toMatchObject({ answers: 2, averagePercent: 66.7, satisfiedRate: 50 });
    expect(element(justiceRow.elements, 'result')).toMatchObject({ answers: 1, averagePercent: 40, satisfiedRate: 0 });
    expect(element(justiceRow.elements, 'procedure')).toMatchObject({ answers: 0, averagePercent: null, satisfiedRate: null });
    // The text answer is kept but not scored.
    expect(element(justiceRow.elements, 'feedback_handling')).toMatchObject({ answers: 0 });
    // Overall: (1 + 0.8 + 0.6 + 1 + 1 + 1/3 + 0.4) / 7; satisfied 4 of 7.
    expect(justiceRow.overall).toEqual({ answers: 7, averagePercent: 73.3, satisfiedRate: 57.1 });

    expect(districtRow.responses).toBe(1);
    expect(element(districtRow.elements, 'access')).toMatchObject({ answers: 2, averagePercent: 30, satisfiedRate: 0 });
    expect(element(districtRow.elements, 'civil_servants')).toMatchObject({ answers: 1, averagePercent: 66.7, satisfiedRate: 100 });
    expect(districtRow.overall).toEqual({ answers: 4, averagePercent: 56.7, satisfiedRate: 50 });

    expect(element(results.byElement, 'access')).toMatchObject({ answers: 6, averagePercent: 66.7, satisfiedRate: 50 });
    expect(element(results.byElement, 'civil_servants')).toMatchObject({ answers: 3, averagePercent: 66.7, satisfiedRate: 66.7 });
    expect(element(results.byElement, 'result')).toMatchObject({ answers: 2, averagePercent: 70, satisfiedRate: 50 });
    // (4.0 + 2.0 + 1.4) / 11; satisfied 6 of 11.
    expect(results.overall).toEqual({ answers: 11, averagePercent: 67.3, satisfiedRate: 54.5 });
    expect(results.formulas.satisfiedRate).toContain('Hài lòng');

    const audit = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, c.id));
    expect(audit.filter((a) => a.action === 'survey.responded')).toHaveLength(3);
  });
});

describe('a sample of returned dossiers', () => {
  it('invites only returned dossiers of the agencies surveyed, once each, and takes one answer per invitation', async () => {
    const db = t.database.db;
    const w = await createDossierWorld(db);
    const returned = async () => (await dossierThroughWorkflow(db, w)).code;
    const codes = [await returned(), await returned()];
    await receive(db, w, new Date()); // still in progress: never sampled
    const reform = await createStaff(db, w.province, ['reform_officer']);
    const officer = await signIn(t.app, reform.login, reform.password);
    const created = await post(officer, '/api/surveys', { ...questionnaire(), targetAgencyIds: [w.department.id], openLink: false });
    expect(created.json().openLink).toBeNull();
    const id = created.json().id as string;
    await post(officer, `/api/surveys/${id}/open`, {});

    const sample = await post(officer, `/api/surveys/${id}/sample`, { size: 10, returnedFrom: today, returnedTo: today });
    expect(sample.statusCode, sample.body).toBe(200);
    expect(sample.json().invited).toBe(2);
    expect(sample.json().invitations.map((i: { dossierCode: string }) => i.dossierCode).sort()).toEqual([...codes].sort());
    expect((await post(officer, `/api/surveys/${id}/sample`, { size: 10, returnedFrom: today, returnedTo: today })).json().invited).toBe(0);
    expect((await post(officer, `/api/surveys/${id}/sample`, { size: 10, returnedFrom: '2021-01-01', returnedTo: '2021-12-31' })).json().invited).toBe(0);

    const invitation = sample.json().invitations[0] as { id: string; url: string };
    const sent = await db.select().from(notifications).where(eq(notifications.relatedId, invitation.id));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toContain(invitation.url);

    const token = new URL(invitation.url).searchParams.get('khoa')!;
    expect((await get(null, `/api/public/survey-invitations/${invitation.id}?token=${'x'.repeat(24)}`)).statusCode).toBe(404);
    const form = await get(null, `/api/public/survey-invitations/${invitation.id}?token=${token}`);
    expect(form.json().agency).toEqual({ id: w.department.id, name: 'Sở Tư pháp Thử' });
    const answers = form.json().questions.filter((q: { kind: string }) => q.kind === 'scale').map((q: { id: string }) => ({ questionId: q.id, score: 2 }));
    const url = `/api/public/survey-invitations/${invitation.id}/responses?token=${token}`;
    expect((await post(null, url, { answers })).statusCode).toBe(201);
    const again = await post(null, url, { answers });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SURVEY_ALREADY_ANSWERED');

    const results = (await get(officer, `/api/surveys/${id}/results`)).json();
    expect(results.responses).toBe(1);
    expect(results.byAgency[0]).toMatchObject({ agency: { id: w.department.id }, responses: 1 });
    expect((await get(officer, `/api/surveys/${id}`)).json().counts).toEqual({ invitations: 2, responses: 1 });
  });
});
