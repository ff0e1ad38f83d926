import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, notifications } from '../../db/schema';
import { createTestApp, signIn, type Client, type TestContext } from '../../test/test-app';
import { createAgency, createCitizen, createProcedure, createStaff, type TestAgency } from '../../test/factories';

let t: TestContext;
let department: TestAgency;
let otherDepartment: TestAgency;
let officer: Client;
let otherOfficer: Client;
let deskOfficer: Client;
let citizen: Client;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const province = await createAgency(db);
  department = await createAgency(db, { parent: province, name: 'Sở Tư pháp' });
  otherDepartment = await createAgency(db, { parent: province, name: 'Sở Xây dựng' });
  const o = await createStaff(db, department, ['reform_officer']);
  const oo = await createStaff(db, otherDepartment, ['administrator']);
  const d = await createStaff(db, department, ['desk_officer']);
  const c = await createCitizen(db, 'Trương Văn Hỏi');
  officer = await signIn(t.app, o.login, o.password);
  otherOfficer = await signIn(t.app, oo.login, oo.password);
  deskOfficer = await signIn(t.app, d.login, d.password);
  citizen = await signIn(t.app, c.login, c.password);
});
afterAll(async () => t?.close());

const post = (client: Client | null, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: client?.headers ?? {} });
const get = (client: Client | null, url: string) => t.app.inject({ method: 'GET', url, headers: client?.headers ?? {} });
const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

async function createEntry(question: string, answer: string, publish = true, client = officer) {
  const res = await post(client, '/api/faq', { question, answer, publish });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string };
}

describe('route guards', () => {
  it('401 before 400, 403 for citizens and desk officers, 404 outside the agency', async () => {
    expect((await post(null, '/api/faq', {})).statusCode).toBe(401);
    expect((await post(citizen, '/api/faq', {})).statusCode).toBe(403);
    expect((await post(deskOfficer, '/api/faq', {})).statusCode).toBe(403);
    const bad = await post(officer, '/api/faq', { question: '', answer: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].path).toBe('body.question');
    const own = await createEntry('Câu hỏi nội bộ?', 'Trả lời.', false);
    expect((await get(otherOfficer, `/api/faq/${own.id}`)).statusCode).toBe(404);
    expect((await post(otherOfficer, `/api/faq/${own.id}/publish`, {})).statusCode).toBe(404);
    expect((await get(null, `/api/public/faq/${own.id}`)).statusCode).toBe(404);
  });
});

describe('published FAQ searchable ignoring diacritics', () => {
  it('finds entries whatever the accents, and only published ones', async () => {
    const marriage = await createEntry('Đăng ký kết hôn cần những giấy tờ gì?', 'Tờ khai đăng ký kết hôn và giấy xác nhận tình trạng hôn nhân.');
    const birth = await createEntry('Làm giấy khai sinh cho con ở đâu?', 'Tại Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ.');
    const hidden = await createEntry('Đăng ký kết hôn có mất phí không?', 'Miễn lệ phí.', false);

    for (const q of ['dang ky ket hon', 'ĐĂNG KÝ KẾT HÔN', 'ket hon', 'Kết hôn giấy tờ']) {
      const found = ids(await get(null, `/api/public/faq?q=${encodeURIComponent(q)}`));
      expect(found, q).toContain(marriage.id);
      expect(found, q).not.toContain(birth.id);
      expect(found, q).not.toContain(hidden.id);
    }
    // The answer is searched too.
    expect(ids(await get(null, `/api/public/faq?q=${encodeURIComponent('uy ban nhan dan cap xa')}`))).toContain(birth.id);
    expect(ids(await get(null, `/api/public/faq?q=${encodeURIComponent('giay phep lai xe')}`))).toEqual([]);
  });

  it('filters by procedure, with the field taken from the procedure', async () => {
    const procedure = await createProcedure(t.database.db, { agencies: [department], name: 'Cấp phiếu lý lịch tư pháp' });
    const res = await post(officer, '/api/faq', { question: 'Bao lâu thì có phiếu lý lịch tư pháp?', answer: 'Không quá 10 ngày.', procedureId: procedure.id, publish: true });
    expect(res.statusCode).toBe(201);
    expect(res.json().procedure).toMatchObject({ id: procedure.id, name: 'Cấp phiếu lý lịch tư pháp' });
    expect(res.json().field.name).toBe('Lĩnh vực thử nghiệm');
    const list = await get(null, `/api/public/faq?procedureId=${procedure.id}`);
    expect(ids(list)).toEqual([res.json().id]);
    const byField = await get(null, `/api/public/faq?fieldId=${res.json().field.id}`);
    expect(ids(byField)).toEqual([res.json().id]);
  });
});

describe('citizens ask, officers answer and publish', () => {
  it('an anonymous question is triaged, answered, published without the asker, and the asker is told', async () => {
    const asked = await post(null, '/api/public/faq', { question: 'Chứng thực bản sao có cần mang bản chính không?', askerName: 'Lê Văn Ẩn', askerEmail: 'an.danh@example.vn' });
    expect(asked.statusCode).toBe(201);
    const { id } = asked.json();
    expect((await get(null, `/api/public/faq/${id}`)).statusCode).toBe(404);
    const pending = await get(officer, '/api/faq?status=asked&pageSize=100');
    const item = pending.json().items.find((i: { id: string }) => i.id === id);
    expect(item.asker).toEqual({ name: 'Lê Văn Ẩn', email: 'an.danh@example.vn', hasAccount: false });
    expect(item.abilities).toMatchObject({ answer: true, decline: true, publish: false });

    const early = await post(officer, `/api/faq/${id}/publish`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.allowedActions).toEqual(['answer', 'update', 'decline']);

    const answered = await post(officer, `/api/faq/${id}/answer`, { answer: 'Có, để đối chiếu.', publish: true });
    expect(answered.json().status).toBe('published');
    const shown = await get(null, `/api/public/faq/${id}`);
    expect(shown.json()).toMatchObject({ question: 'Chứng thực bản sao có cần mang bản chính không?', answer: 'Có, để đối chiếu.' });
    expect(shown.body).not.toContain('Lê Văn Ẩn');
    expect(shown.body).not.toContain('an.danh@example.vn');
    const mail = await t.database.db.select().from(notifications).where(eq(notifications.relatedId, id));
    expect(mail.map((m) => m.recipient)).toEqual(['an.danh@example.vn']);

    const audit = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, id)).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['faq.asked', 'faq.answered']);

    expect((await post(officer, `/api/faq/${id}/unpublish`, {})).json().status).toBe('answered');
    expect((await get(null, `/api/public/faq/${id}`)).statusCode).toBe(404);
  });

  it('a signed-in citizen follows their own questions', async () => {
    const asked = await post(citizen, '/api/public/faq', { question: 'Tôi có thể nộp hồ sơ trực tuyến vào ngày nghỉ không?' });
    const declinedAsk = await post(citizen, '/api/public/faq', { question: 'Câu hỏi trùng lặp?' });
    await post(officer, `/api/faq/${asked.json().id}/answer`, { answer: 'Có, hồ sơ được tiếp nhận vào ngày làm việc tiếp theo.' });
    await post(officer, `/api/faq/${declinedAsk.json().id}/decline`, { reason: 'Trùng với câu hỏi đã công khai.' });
    const mine = (await get(citizen, '/api/faq/mine')).json();
    expect(mine.find((q: { id: string }) => q.id === asked.json().id)).toMatchObject({ status: 'answered', answer: 'Có, hồ sơ được tiếp nhận vào ngày làm việc tiếp theo.' });
    expect(mine.find((q: { id: string }) => q.id === declinedAsk.json().id)).toMatchObject({ status: 'declined', declineReason: 'Trùng với câu hỏi đã công khai.' });
    expect((await get(null, '/api/faq/mine')).statusCode).toBe(401);
  });

  it('editing a published entry keeps it published with the new wording', async () => {
    const e = await createEntry('Lệ phí cấp bản sao trích lục?', '8.000 đồng/bản.');
    const res = await t.app.inject({ method: 'PUT', url: `/api/faq/${e.id}`, headers: officer.headers, payload: { answer: '8.000 đ/bản; miễn cho người có công.' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('published');
    expect((await get(null, `/api/public/faq/${e.id}`)).json().answer).toBe('8.000 đ/bản; miễn cho người có công.');
  });
});
