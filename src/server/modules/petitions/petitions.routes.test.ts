import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { auditLog, notifications, petitionActions, petitions } from '../../db/schema';
import { createTestApp, signIn, type Client, type TestContext } from '../../test/test-app';
import { createAgency, createCitizen, createStaff, type TestAgency } from '../../test/factories';
import { toLocalDate } from '../../../shared/calendar';
import { multipartFile, pdfBytes } from '../files/files.test-support';

let t: TestContext;
let province: TestAgency;
let department: TestAgency;
let otherDepartment: TestAgency;
let handler: Client;
let otherHandler: Client;
let specialist: Client;
let citizen: Client;
let otherCitizen: Client;
let citizenIdNumber: string;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'motcua-petitions-'));
  t = await createTestApp({ dataDir });
  const db = t.database.db;
  province = await createAgency(db, { name: 'Ủy ban nhân dân tỉnh Thử' });
  department = await createAgency(db, { parent: province, name: 'Sở Tư pháp' });
  otherDepartment = await createAgency(db, { parent: province, name: 'Sở Nội vụ' });
  const h = await createStaff(db, department, ['reform_officer'], 'Trần Văn Xử');
  const oh = await createStaff(db, otherDepartment, ['reform_officer'], 'Lê Thị Khác');
  const sp = await createStaff(db, department, ['specialist'], 'Phạm Chuyên Viên');
  const c = await createCitizen(db, 'Nguyễn Văn Phản');
  const oc = await createCitizen(db, 'Hoàng Thị Khác');
  citizenIdNumber = c.idNumber!;
  handler = await signIn(t.app, h.login, h.password);
  otherHandler = await signIn(t.app, oh.login, oh.password);
  specialist = await signIn(t.app, sp.login, sp.password);
  citizen = await signIn(t.app, c.login, c.password);
  otherCitizen = await signIn(t.app, oc.login, oc.password);
});
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const submission = (overrides: Record<string, unknown> = {}) => ({
  agencyId: department.id,
  title: 'Thủ tục đăng ký khai sinh yêu cầu quá nhiều giấy tờ',
  content: 'Tôi đề nghị bỏ yêu cầu nộp bản sao sổ hộ khẩu khi đăng ký khai sinh.\n\nXin cảm ơn.',
  ...overrides,
});

const letter = (overrides: Record<string, unknown> = {}) => ({
  channel: 'letter',
  receivedAt: new Date().toISOString(),
  title: 'Kiến nghị về thời hạn cấp giấy phép xây dựng',
  content: 'Đề nghị rút ngắn thời hạn giải quyết.',
  petitioner: { fullName: 'Đỗ Văn Thư', address: 'Phường 1, thành phố Vị Thanh', phone: '0987654321' },
  ...overrides,
});

async function post(client: Client | null, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, payload: payload as object, headers: client?.headers ?? {} });
}
async function get(client: Client | null, url: string) {
  return t.app.inject({ method: 'GET', url, headers: client?.headers ?? {} });
}
async function submitAsCitizen(overrides: Record<string, unknown> = {}) {
  const res = await post(citizen, '/api/petitions', submission(overrides));
  expect(res.statusCode).toBe(201);
  return res.json().petition as { id: string; code: string; forwardDueOn: string; answerDueOn: string };
}
async function registerLetter(overrides: Record<string, unknown> = {}) {
  const res = await post(handler, '/api/petitions/register', letter(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { petition: { id: string; code: string; forwardDueOn: string; answerDueOn: string }; trackingToken: string };
}

describe('route guards: 401 before 400, 403 for the wrong role, 404 for another agency or petitioner', () => {
  it('registering a letter', async () => {
    expect((await post(null, '/api/petitions/register', {})).statusCode).toBe(401);
    expect((await post(citizen, '/api/petitions/register', {})).statusCode).toBe(403);
    expect((await post(specialist, '/api/petitions/register', {})).statusCode).toBe(403);
    const bad = await post(handler, '/api/petitions/register', { ...letter(), petitioner: { fullName: 'A' } });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.petitioner.address']));
  });

  it('acting on a petition', async () => {
    const p = await submitAsCitizen();
    const url = `/api/petitions/${p.id}/answer`;
    expect((await post(null, url, {})).statusCode).toBe(401);
    expect((await post(citizen, url, { answer: 'x' })).statusCode).toBe(403);
    expect((await post(handler, url, {})).statusCode).toBe(400);
    expect((await post(otherHandler, url, { answer: 'Trả lời' })).statusCode).toBe(404);
    // Not yet classified and assigned: the workflow refuses and lists what is allowed.
    const early = await post(handler, url, { answer: 'Trả lời' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('ACTION_NOT_ALLOWED');
    expect(early.json().error.details.allowedActions).toEqual(['classify', 'forward', 'reject']);
    expect((await post(handler, `/api/petitions/${randomUUID()}/classify`, { category: 'procedure' })).statusCode).toBe(404);
  });
});

describe('receiving and registering', () => {
  it('a signed-in citizen files online: code, deadlines, contact from the account, audit and acknowledgement', async () => {
    const res = await post(citizen, '/api/petitions', submission({ publishConsent: true }));
    expect(res.statusCode).toBe(201);
    const { petition } = res.json();
    const today = toLocalDate(new Date());
    expect(petition.code).toMatch(new RegExp(`^PAKN-${today.slice(2, 4)}${today.slice(5, 7)}${today.slice(8, 10)}-\\d{4}$`));
    expect(petition.status).toBe('received');
    expect(petition.channel).toBe('online');
    expect(petition.petitioner.fullName).toBe('Nguyễn Văn Phản');
    expect(petition.petitioner.idNumberMasked).toMatch(/^\d{4}\*{6}\d{2}$/);
    expect(petition.petitioner.hasAccount).toBe(true);
    expect(petition.content).toBe('Tôi đề nghị bỏ yêu cầu nộp bản sao sổ hộ khẩu khi đăng ký khai sinh.\n\nXin cảm ơn.');
    expect(petition.forwardDueOn > today).toBe(true);
    expect(petition.answerDueOn > petition.forwardDueOn).toBe(true);
    expect(petition.abilities.withdraw).toBe(true);
    expect(petition.abilities.classify).toBe(false);

    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, petition.id));
    expect(audit.map((a) => a.action)).toEqual(['petition.registered']);
    expect(JSON.stringify(audit)).not.toContain(citizenIdNumber);
    const sent = await t.database.db.select().from(notifications).where(eq(notifications.relatedId, petition.id));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toContain(petition.code);
  });

  it('codes count per day without gaps or repeats', async () => {
    const a = await submitAsCitizen();
    const b = await submitAsCitizen();
    const n = (code: string) => Number(code.slice(-4));
    expect(n(b.code)).toBe(n(a.code) + 1);
    expect(a.code.slice(0, 11)).toBe(b.code.slice(0, 11));
  });

  it('anyone may file with contact details; without them the request is refused and nothing is written', async () => {
    const before = await t.database.db.$count(petitions);
    const missing = await post(null, '/api/petitions', submission());
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields[0].path).toBe('body.petitioner');
    const noContact = await post(null, '/api/petitions', submission({ petitioner: { fullName: 'Vô Danh', address: 'Xã A' } }));
    expect(noContact.statusCode).toBe(400);
    expect(await t.database.db.$count(petitions)).toBe(before);

    const res = await post(null, '/api/petitions', submission({ petitioner: { fullName: 'Vô Danh', address: 'Xã A', email: 'vodanh@example.vn' } }));
    expect(res.statusCode).toBe(201);
    const { petition, trackingToken } = res.json();
    expect(petition.petitioner.hasAccount).toBe(false);

    const tracked = await post(null, '/api/public/petitions/track', { code: petition.code, token: trackingToken });
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json().id).toBe(petition.id);
    expect(tracked.json().abilities.withdraw).toBe(true);
    const wrong = await post(null, '/api/public/petitions/track', { code: petition.code, token: 'x'.repeat(24) });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('PETITION_TRACKING_INVALID');
    // The acknowledgement carries the tracking link, since there is no account to sign in to.
    const [mail] = await t.database.db.select().from(notifications).where(eq(notifications.relatedId, petition.id));
    expect(mail!.channel).toBe('email');
    expect(mail!.body).toContain(trackingToken);
  });

  it('a retried submission with the same key returns the same petition', async () => {
    const key = randomUUID();
    const first = await post(citizen, '/api/petitions', submission({ submissionKey: key }));
    const again = await post(citizen, '/api/petitions', submission({ submissionKey: key }));
    expect(again.statusCode).toBe(201);
    expect(again.json().petition.id).toBe(first.json().petition.id);
    expect(await t.database.db.$count(petitions, eq(petitions.submissionKey, key))).toBe(1);
    const stolen = await post(otherCitizen, '/api/petitions', submission({ submissionKey: key }));
    expect(stolen.statusCode).toBe(422);

    // The Idempotency-Key header works the same way.
    const headerKey = `pakn-${randomUUID()}`;
    const send = () => t.app.inject({ method: 'POST', url: '/api/petitions', payload: submission(), headers: { ...citizen.headers, 'idempotency-key': headerKey } });
    const a = await send();
    const b = await send();
    expect(b.json().petition.id).toBe(a.json().petition.id);
    expect(b.json().petition.code).toBe(a.json().petition.code);
  });

  it('a letter cannot be dated in the future', async () => {
    const res = await post(handler, '/api/petitions/register', letter({ receivedAt: new Date(Date.now() + 86_400_000).toISOString() }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('PETITION_RECEIVED_AT_INVALID');
  });

  it('a letter from a citizen with an account shows among their own petitions', async () => {
    const { petition } = await registerLetter({ petitioner: { fullName: 'Nguyễn Văn Phản', idNumber: citizenIdNumber, address: 'Xã B', phone: '0912345678' } });
    const mine = await get(citizen, '/api/petitions/mine?pageSize=200');
    expect(mine.json().items.map((p: { id: string }) => p.id)).toContain(petition.id);
  });
});

describe('a petitioner sees only their own petitions', () => {
  it('another citizen gets 404 and an empty list; staff of another agency get 404', async () => {
    const p = await submitAsCitizen();
    expect((await get(citizen, `/api/petitions/${p.id}`)).statusCode).toBe(200);
    const other = await get(otherCitizen, `/api/petitions/${p.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');
    expect((await get(otherHandler, `/api/petitions/${p.id}`)).statusCode).toBe(404);
    expect((await get(specialist, `/api/petitions/${p.id}`)).statusCode).toBe(404);
    const list = await get(otherCitizen, '/api/petitions/mine');
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(p.id);
    // Their actions are refused the same way.
    expect((await post(otherCitizen, `/api/petitions/${p.id}/withdraw`, {})).statusCode).toBe(404);
    // Staff list of the other agency does not contain it either.
    const staffList = await get(otherHandler, '/api/petitions?pageSize=200');
    expect(staffList.json().items.map((i: { id: string }) => i.id)).not.toContain(p.id);
  });
});

describe('forwarding within 5 working days', () => {
  it('counts the deadline in working days across the 30/4 – 1/5 holiday and flags a late forward', async () => {
    // Tuesday 28/04/2026: Wed 29 (1), Thu 30/4 and Fri 1/5 off, weekend, Mon 4 (2), Tue 5 (3), Wed 6 (4), Thu 7 (5).
    const { petition } = await registerLetter({ receivedAt: '2026-04-28T09:00:00+07:00' });
    expect(petition.forwardDueOn).toBe('2026-05-07');
    // 10 working days for the answer by default: Fri 8 (6), Mon 11 … Thu 14 (10).
    expect(petition.answerDueOn).toBe('2026-05-14');

    const res = await post(handler, `/api/petitions/${petition.id}/forward`, { toAgencyId: otherDepartment.id, note: 'Thuộc thẩm quyền Sở Nội vụ' });
    expect(res.statusCode).toBe(200);
    const forwarded = res.json();
    expect(forwarded.status).toBe('received');
    expect(forwarded.agency.id).toBe(otherDepartment.id);
    expect(forwarded.forwarding.late).toBe(true);
    expect(forwarded.forwarding.fromAgency.id).toBe(department.id);
    // The competent agency's own deadlines run from the day it received the petition.
    const today = toLocalDate(new Date());
    expect(forwarded.forwardDueOn > today).toBe(true);
    expect(forwarded.answerDueOn > forwarded.forwardDueOn).toBe(true);
    // The forwarding agency keeps read access, the receiving one may act.
    expect((await get(handler, `/api/petitions/${petition.id}`)).json().abilities.classify).toBe(false);
    expect((await get(otherHandler, `/api/petitions/${petition.id}`)).json().abilities.classify).toBe(true);
  });

  it('a forward on the day of receipt is on time; forwarding outside the system closes the petition here', async () => {
    const { petition } = await registerLetter();
    const res = await post(handler, `/api/petitions/${petition.id}/forward`, { toExternalAgency: 'Bộ Tư pháp', note: 'Thuộc thẩm quyền của Bộ' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('forwarded');
    expect(res.json().forwarding).toMatchObject({ late: false, toExternal: 'Bộ Tư pháp' });
    expect(res.json().abilities.answer).toBe(false);
  });

  it('refuses both or neither target, and forwarding to itself', async () => {
    const { petition } = await registerLetter();
    expect((await post(handler, `/api/petitions/${petition.id}/forward`, { note: 'x' })).statusCode).toBe(400);
    const self = await post(handler, `/api/petitions/${petition.id}/forward`, { toAgencyId: department.id, note: 'x' });
    expect(self.statusCode).toBe(422);
    expect(self.json().error.code).toBe('PETITION_FORWARD_TARGET_INVALID');
  });
});

describe('handling, answering, publishing and rating', () => {
  it('runs the workflow with an audit row and a log entry for every change', async () => {
    const p = await submitAsCitizen({ publishConsent: true });
    const url = (a: string) => `/api/petitions/${p.id}/${a}`;
    expect((await post(handler, url('classify'), { category: 'procedure' })).statusCode).toBe(200);
    const handlers = await get(handler, `/api/petitions/${p.id}/handlers`);
    expect(handlers.json().map((h: { fullName: string }) => h.fullName)).toContain('Trần Văn Xử');
    expect(handlers.json().map((h: { fullName: string }) => h.fullName)).not.toContain('Phạm Chuyên Viên');
    const badAssignee = await post(handler, url('assign'), { assigneeId: specialist.userId });
    expect(badAssignee.statusCode).toBe(422);
    expect((await post(handler, url('assign'), { assigneeId: handler.userId })).json().status).toBe('in_progress');
    const answered = await post(handler, url('answer'), { answer: 'Sở đã đề nghị bãi bỏ yêu cầu này.' });
    expect(answered.json().status).toBe('answered');
    expect(answered.json().answer.late).toBe(false);
    expect(answered.json().deadlineState).toBe('answered_on_time');
    expect((await post(handler, url('publish'), {})).json().status).toBe('published');
    const rated = await post(citizen, url('rate'), { level: 3, comment: 'Trả lời rõ ràng' });
    expect(rated.json().answerRating).toMatchObject({ scale: 3, level: 3, label: 'Rất hài lòng', satisfied: true });

    const audit = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, p.id)).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual([
      'petition.registered',
      'petition.classified',
      'petition.assigned',
      'petition.answered',
      'petition.published',
      'petition.answer_rated',
    ]);
    const detail = (await get(citizen, `/api/petitions/${p.id}`)).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['register', 'classify', 'assign', 'answer', 'publish', 'rate_answer']);
    // The answer reached the petitioner.
    const sent = await t.database.db.select().from(notifications).where(and(eq(notifications.relatedId, p.id), eq(notifications.template, 'petition.answered')));
    expect(sent).toHaveLength(1);
  });

  it('a repeated action id applies the action once', async () => {
    const p = await submitAsCitizen();
    const actionId = randomUUID();
    const first = await post(handler, `/api/petitions/${p.id}/classify`, { category: 'other', actionId });
    const again = await post(handler, `/api/petitions/${p.id}/classify`, { category: 'other', actionId });
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    const rows = await t.database.db.select().from(petitionActions).where(and(eq(petitionActions.petitionId, p.id), eq(petitionActions.action, 'classify')));
    expect(rows).toHaveLength(1);
    const reused = await post(handler, `/api/petitions/${p.id}/reject`, { reason: 'Trùng', actionId });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('only the petitioner withdraws or rates; a rating beyond the scale is refused', async () => {
    const p = await submitAsCitizen();
    expect((await post(handler, `/api/petitions/${p.id}/withdraw`, {})).statusCode).toBe(403);
    await post(handler, `/api/petitions/${p.id}/classify`, { category: 'procedure' });
    await post(handler, `/api/petitions/${p.id}/assign`, { assigneeId: handler.userId });
    await post(handler, `/api/petitions/${p.id}/answer`, { answer: 'Đã tiếp thu.' });
    expect((await post(handler, `/api/petitions/${p.id}/rate`, { level: 1 })).statusCode).toBe(403);
    const tooHigh = await post(citizen, `/api/petitions/${p.id}/rate`, { level: 5 });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().error.details.fields[0].path).toBe('body.level');
    expect((await post(citizen, `/api/petitions/${p.id}/withdraw`, {})).statusCode).toBe(409);
  });
});

describe('the published answer keeps the petitioner anonymous', () => {
  it('needs consent, removes personal data and is searchable without diacritics', async () => {
    const person = { fullName: 'Lý Thị Riêng Tư', address: '12 đường Trần Hưng Đạo, phường 5', phone: '0938123456', email: 'rieng.tu@example.vn', idNumber: '093190123456' };
    const { petition, trackingToken } = await registerLetter({
      title: 'Phản ánh về thủ tục chứng thực bản sao',
      content: `Tôi là ${person.fullName}, CCCD ${person.idNumber}, điện thoại ${person.phone}, ở ${person.address}. Thủ tục chứng thực bản sao phải chờ quá lâu.`,
      petitioner: person,
    });
    const url = (a: string) => `/api/petitions/${petition.id}/${a}`;
    await post(handler, url('classify'), { category: 'procedure' });
    await post(handler, url('assign'), { assigneeId: handler.userId });
    await post(handler, url('answer'), { answer: `Trả lời bà ${person.fullName}: Sở đã bố trí thêm cán bộ chứng thực.` });

    const refused = await post(handler, url('publish'), {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('PETITION_PUBLISH_CONSENT_MISSING');
    expect((await get(handler, `/api/petitions/${petition.id}`)).json().abilities.publish).toBe(false);

    // The petitioner (no account) agrees through the tracking token.
    const consent = await post(null, '/api/public/petitions/track/consent', { code: petition.code, token: trackingToken, publishConsent: true });
    expect(consent.statusCode).toBe(200);
    expect((await post(handler, url('publish'), {})).statusCode).toBe(200);

    const search = await get(null, `/api/public/petitions?q=${encodeURIComponent('chung thuc ban sao')}`);
    expect(search.statusCode).toBe(200);
    const found = search.json().items.find((i: { id: string }) => i.id === petition.id);
    expect(found).toBeDefined();
    expect(found.question).toContain('Thủ tục chứng thực bản sao phải chờ quá lâu.');
    expect(found.answer).toContain('Sở đã bố trí thêm cán bộ chứng thực.');
    const published = JSON.stringify(search.json()) + (await get(null, `/api/public/petitions/${petition.id}`)).body;
    for (const value of [person.fullName, person.address, person.phone, person.email, person.idNumber, 'Riêng Tư']) {
      expect(published).not.toContain(value);
    }
    expect(published).not.toMatch(/petitioner/i);
    expect((await get(null, `/api/public/petitions?q=${encodeURIComponent('khong lien quan gi ca')}`)).json().items.map((i: { id: string }) => i.id)).not.toContain(petition.id);

    // The petitioner without an account rates the answer with the same token.
    const rated = await post(null, '/api/public/petitions/track/rate', { code: petition.code, token: trackingToken, level: 2 });
    expect(rated.json().answerRating).toMatchObject({ level: 2, label: 'Hài lòng', satisfied: true });
    expect((await post(null, '/api/public/petitions/track/rate', { code: petition.code, token: 'z'.repeat(24), level: 1 })).statusCode).toBe(404);

    // Withdrawing consent takes the answer down at once.
    await post(null, '/api/public/petitions/track/consent', { code: petition.code, token: trackingToken, publishConsent: false });
    expect((await get(null, `/api/public/petitions/${petition.id}`)).statusCode).toBe(404);
  });

  it('an unpublished petition is not on the portal', async () => {
    const p = await submitAsCitizen({ publishConsent: true });
    expect((await get(null, `/api/public/petitions/${p.id}`)).statusCode).toBe(404);
  });
});

describe('figures: received, handled on time or late, pending, satisfaction', () => {
  it('counts each petition once at its agency, answers and forwards against their deadlines', async () => {
    const db = t.database.db;
    const province2 = await createAgency(db, { name: 'Ủy ban nhân dân tỉnh Số liệu' });
    const unit = await createAgency(db, { parent: province2, name: 'Sở Số liệu' });
    const officer = await signIn(t.app, ...(await createStaff(db, unit, ['reform_officer']).then((u) => [u.login, u.password] as const)));
    const petitioner = await signIn(t.app, ...(await createCitizen(db, 'Người Dân Số Liệu').then((u) => [u.login, u.password] as const)));
    const online = async () => {
      const res = await post(petitioner, '/api/petitions', submission({ agencyId: unit.id }));
      return res.json().petition.id as string;
    };
    const byLetter = async (receivedAt: string) => {
      const res = await post(officer, '/api/petitions/register', letter({ receivedAt }));
      expect(res.statusCode, res.body).toBe(201);
      return res.json().petition.id as string;
    };
    const answer = async (id: string) => {
      await post(officer, `/api/petitions/${id}/classify`, { category: 'regulation_content' });
      await post(officer, `/api/petitions/${id}/assign`, { assigneeId: officer.userId });
      const res = await post(officer, `/api/petitions/${id}/answer`, { answer: 'Đã xem xét và trả lời.' });
      expect(res.statusCode, res.body).toBe(200);
    };

    const lateAnswer = await byLetter('2026-04-28T09:00:00+07:00'); // answer due 14/05/2026
    await answer(lateAnswer);
    const onTime = await online();
    await answer(onTime);
    await post(petitioner, `/api/petitions/${onTime}/rate`, { level: 3 });
    const onTimeUnhappy = await online();
    await answer(onTimeUnhappy);
    await post(petitioner, `/api/petitions/${onTimeUnhappy}/rate`, { level: 1 });
    await byLetter('2026-05-04T09:00:00+07:00'); // still open, answer due 18/05/2026: overdue
    await online(); // still open, within its deadline
    const lateForward = await byLetter('2026-04-28T10:00:00+07:00');
    await post(officer, `/api/petitions/${lateForward}/forward`, { toExternalAgency: 'Bộ Xây dựng', note: 'Thẩm quyền của Bộ' });
    const onTimeForward = await online();
    await post(officer, `/api/petitions/${onTimeForward}/forward`, { toExternalAgency: 'Bộ Xây dựng', note: 'Thẩm quyền của Bộ' });
    const rejected = await online();
    await post(officer, `/api/petitions/${rejected}/reject`, { reason: 'Nội dung là khiếu nại, xử lý theo Luật Khiếu nại' });

    const today = toLocalDate(new Date());
    const res = await get(officer, `/api/petitions/figures?from=2026-04-01&to=${today}&agencyId=${unit.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const figures = res.json();
    expect(figures.byAgency.map((r: { agencyId: string }) => r.agencyId)).toEqual([unit.id]);
    expect(figures.total).toMatchObject({
      received: 8,
      receivedOnline: 5,
      answered: 3,
      answeredOnTime: 2,
      answeredLate: 1,
      forwarded: 2,
      forwardedLate: 1,
      rejected: 1,
      withdrawn: 0,
      pendingWithinDeadline: 1,
      pendingOverdue: 1,
      // (2 answered on time + 1 forwarded on time) / (3 answered + 2 forwarded)
      handledOnTimeRate: 60,
      rated: 2,
      satisfied: 1,
      satisfactionRate: 50,
    });

    // At the end of April only the two letters had arrived, both still within their deadlines then.
    const april = (await get(officer, `/api/petitions/figures?from=2026-04-01&to=2026-04-30&agencyId=${unit.id}`)).json();
    expect(april.total).toMatchObject({ received: 2, answered: 0, forwarded: 0, pendingWithinDeadline: 2, pendingOverdue: 0, handledOnTimeRate: null, satisfactionRate: null });

    // Figures stay within the officer's scope.
    expect((await get(officer, `/api/petitions/figures?from=2026-04-01&to=${today}&agencyId=${department.id}`)).statusCode).toBe(403);
    expect((await get(citizen, `/api/petitions/figures?from=2026-04-01&to=${today}`)).statusCode).toBe(403);
    expect((await get(officer, `/api/petitions/figures?from=${today}&to=2026-04-01`)).statusCode).toBe(400);
  });
});

describe('attachments', () => {
  const upload = async (client: Client, content: Buffer, fileName = 'don-kien-nghi.pdf') => {
    const body = multipartFile(fileName, content);
    const res = await t.app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...client.headers, ...body.headers } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  it('the petitioner attaches their uploads, the officer the answer letter; others get 404', async () => {
    const content = pdfBytes();
    const fileId = await upload(citizen, content);
    const foreign = await upload(otherCitizen, pdfBytes());
    const refused = await post(citizen, '/api/petitions', submission({ fileIds: [foreign] }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.fields[0].path).toBe('body.fileIds');

    const res = await post(citizen, '/api/petitions', submission({ fileIds: [fileId] }));
    expect(res.statusCode).toBe(201);
    const p = res.json().petition;
    expect(p.attachments).toMatchObject([{ fileId, fileName: 'don-kien-nghi.pdf', kind: 'petition', mimeType: 'application/pdf' }]);

    const url = `/api/petitions/${p.id}/attachments/${fileId}`;
    const download = await get(handler, url);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
    expect((await get(otherCitizen, url)).statusCode).toBe(404);
    expect((await get(otherHandler, url)).statusCode).toBe(404);
    expect((await get(citizen, `/api/petitions/${p.id}/attachments/${foreign}`)).statusCode).toBe(404);

    await post(handler, `/api/petitions/${p.id}/classify`, { category: 'procedure' });
    await post(handler, `/api/petitions/${p.id}/assign`, { assigneeId: handler.userId });
    const letterId = await upload(handler, pdfBytes(), 'cong-van-tra-loi.pdf');
    const answered = await post(handler, `/api/petitions/${p.id}/answer`, { answer: 'Xem công văn đính kèm.', fileIds: [letterId] });
    expect(answered.json().attachments.map((a: { kind: string }) => a.kind)).toEqual(['petition', 'answer']);
    expect((await get(citizen, `/api/petitions/${p.id}/attachments/${letterId}`)).statusCode).toBe(200);
  });

  it('a petitioner without an account downloads the answer with the tracking token', async () => {
    const { petition, trackingToken } = await registerLetter();
    await post(handler, `/api/petitions/${petition.id}/classify`, { category: 'other' });
    await post(handler, `/api/petitions/${petition.id}/assign`, { assigneeId: handler.userId });
    const letterId = await upload(handler, pdfBytes(), 'tra-loi.pdf');
    await post(handler, `/api/petitions/${petition.id}/answer`, { answer: 'Trả lời bằng văn bản đính kèm.', fileIds: [letterId] });
    const url = `/api/public/petitions/track/attachments/${letterId}?code=${petition.code}`;
    expect((await get(null, `${url}&token=${trackingToken}`)).statusCode).toBe(200);
    expect((await get(null, `${url}&token=${'y'.repeat(24)}`)).statusCode).toBe(404);
  });
});
