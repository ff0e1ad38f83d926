/**
 * The dossier API over HTTP: guard order (401 → 403 → 400 → 404), intake with Idempotency-Key, actions with 409
 * and retried action ids, queues and search with masked ID numbers, the applicant's own dossiers, documents and
 * reuse, and public tracking without personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { createTestApp, signIn, type Client, type TestContext } from '../../test/test-app';
import { createSignedInStaff, testIdNumber } from '../../test/factories';
import { Role } from '../../../shared/permissions';
import { multipartFile, pdfBytes } from '../files/files.test-support';
import { TRACKING_LIMITS } from './tracking.routes';
import { createDossierWorld, deskInput, type DossierWorld } from './dossiers.test-support';

let t: TestContext;
let dataDir: string;
let w: DossierWorld;
const clients = {} as Record<'desk' | 'specialist' | 'head' | 'citizen' | 'otherCitizen' | 'outsider', Client>;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'motcua-dossiers-'));
  t = await createTestApp({ dataDir });
  w = await createDossierWorld(t.database.db);
  for (const key of ['desk', 'specialist', 'head', 'outsider'] as const) clients[key] = await signIn(t.app, w.staff[key].login, w.staff[key].password);
  clients.citizen = await signIn(t.app, w.citizen.login, w.citizen.password);
  clients.otherCitizen = await signIn(t.app, w.otherCitizen.login, w.otherCitizen.password);
});
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, client?: Client, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, payload: payload as never, headers: { ...(client?.headers ?? {}), ...headers } });

async function upload(client: Client): Promise<string> {
  const body = multipartFile('ho-so.pdf', pdfBytes());
  const res = await t.app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...client.headers, ...body.headers } });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

async function deskIntake(overrides = {}) {
  const res = await inject('POST', '/api/dossiers', clients.desk, deskInput(w, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { dossier: { id: string; code: string; applicant: { idNumber: string } }; trackingSecret: string };
}

async function onlineSubmission(client = clients.citizen) {
  const file = await upload(client);
  const res = await inject('POST', '/api/dossiers/online', client, {
    procedureId: w.procedure.id,
    documents: [
      { index: 0, fileIds: [file] },
      { index: 1, fileIds: [file] },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { dossier: { id: string; code: string; documents: { id: string; file: { id: string } | null }[] }; trackingSecret: string };
}

describe('guards run before validation', () => {
  it('answers 401, then 403, then 400 on intake', async () => {
    expect((await inject('POST', '/api/dossiers', undefined, { nonsense: true })).statusCode).toBe(401);
    expect((await inject('POST', '/api/dossiers', clients.citizen, deskInput(w))).statusCode).toBe(403);
    const bad = await inject('POST', '/api/dossiers', clients.desk, { ...deskInput(w), applicant: { fullName: ' ', idNumber: '123' } });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.applicant.fullName', 'body.applicant.idNumber']));
  });

  it('answers 401 on actions, 400 on a bad body, 404 for a dossier the actor may not see', async () => {
    const { dossier } = await deskIntake();
    const url = `/api/dossiers/${dossier.id}/actions`;
    expect((await inject('POST', url, undefined, { action: 'forward' })).statusCode).toBe(401);
    const bad = await inject('POST', url, clients.head, { actionId: randomUUID(), action: 'refuse' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { path: string }) => f.path)).toContain('body.reason');
    expect((await inject('POST', url, clients.outsider, { actionId: randomUUID(), action: 'forward' })).statusCode).toBe(404);
    expect((await inject('GET', `/api/dossiers/${dossier.id}`, clients.otherCitizen)).statusCode).toBe(404);
    expect((await inject('GET', `/api/dossiers/${randomUUID()}`, clients.desk)).statusCode).toBe(404);
  });
});

describe('intake and actions over HTTP', () => {
  it('returns the same dossier for a retried Idempotency-Key', async () => {
    const input = deskInput(w);
    const key = `intake-${randomUUID()}`;
    const first = await inject('POST', '/api/dossiers', clients.desk, input, { 'idempotency-key': key });
    const second = await inject('POST', '/api/dossiers', clients.desk, input, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().dossier.id).toBe(first.json().dossier.id);
    expect(second.json().trackingSecret).toBe(first.json().trackingSecret);
    const reused = await inject('POST', '/api/dossiers', clients.desk, { ...input, summary: 'Khác' }, { 'idempotency-key': key });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await inject('POST', '/api/dossiers', clients.desk, input, { 'idempotency-key': 'ngắn' })).statusCode).toBe(400);
  });

  it('shows the actor’s allowed actions, refuses others with 409, and recognises a retried action id', async () => {
    const { dossier } = await deskIntake();
    const detail = (await inject('GET', `/api/dossiers/${dossier.id}`, clients.desk)).json();
    expect(detail.allowedActions).toEqual(['request_supplement', 'forward', 'refuse', 'stop']);
    expect((await inject('GET', `/api/dossiers/${dossier.id}`, clients.head)).json().allowedActions).toEqual(['forward', 'assign', 'apologise_extend']);
    expect(detail.abilities).toMatchObject({ read: true, act: true });
    expect((await inject('GET', `/api/dossiers/${dossier.id}`, clients.specialist)).json().allowedActions).toEqual(['forward']);

    const refused = await inject('POST', `/api/dossiers/${dossier.id}/actions`, clients.desk, { actionId: randomUUID(), action: 'approve' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'ACTION_NOT_ALLOWED', message: 'Thao tác không được phép ở trạng thái hiện tại', details: { status: 'received', allowedActions: detail.allowedActions } });

    const body = { actionId: randomUUID(), action: 'forward', comment: 'Chuyển phòng chuyên môn' };
    const first = await inject('POST', `/api/dossiers/${dossier.id}/actions`, clients.desk, body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'in_progress', currentStep: 1, currentStepName: 'Chuyên viên thẩm định' });
    const retry = await inject('POST', `/api/dossiers/${dossier.id}/actions`, clients.desk, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().timeline).toHaveLength(2);
    expect(retry.json().timeline[1]).toMatchObject({ action: 'forward', actionLabel: 'Chuyển bước xử lý', comment: 'Chuyển phòng chuyên môn', fromStatus: 'received', toStatus: 'in_progress' });
  });

  it('reveals the full ID number only to whom may read personal data, auditing staff views', async () => {
    const idNumber = testIdNumber();
    const { dossier } = await deskIntake({ applicant: { kind: 'individual', userId: w.citizen.id, fullName: 'Nguyễn Thị Hồng Nhung', idNumber, phone: '0912345678' } });
    expect((await inject('GET', `/api/dossiers/${dossier.id}`, clients.citizen)).json().applicant.idNumber).toBe(idNumber);
    const staffView = await inject('GET', `/api/dossiers/${dossier.id}`, clients.desk);
    expect(staffView.json().applicant.idNumber).toBe(idNumber);
    expect(staffView.json().applicantIdNumberMasked).toBe(`${idNumber.slice(0, 4)}******${idNumber.slice(-2)}`);
    const views = await t.database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, dossier.id), eq(auditLog.action, 'personal_data.viewed')));
    expect(views).toHaveLength(1);
    // The clerk has no personal-data permission: masked.
    const clerk = await signIn(t.app, w.staff.clerk.login, w.staff.clerk.password);
    expect((await inject('GET', `/api/dossiers/${dossier.id}`, clerk)).json().applicant.idNumber).toBe(`${idNumber.slice(0, 4)}******${idNumber.slice(-2)}`);
  });
});

describe('applicant lookup and online supplements', () => {
  it('prefills the desk form from the citizen account by ID number, auditing the lookup', async () => {
    const res = await inject('GET', `/api/dossiers/applicants?idNumber=${w.citizen.idNumber}`, clients.desk);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ found: true, applicant: { userId: w.citizen.id, fullName: 'Nguyễn Thị Hồng Nhung' } });
    expect((await inject('GET', `/api/dossiers/applicants?idNumber=${testIdNumber()}`, clients.desk)).json()).toEqual({ found: false, applicant: null });
    expect((await inject('GET', '/api/dossiers/applicants?idNumber=123', clients.desk)).statusCode).toBe(400);
    expect((await inject('GET', `/api/dossiers/applicants?idNumber=${w.citizen.idNumber}`, clients.citizen)).statusCode).toBe(403);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'applicant'), eq(auditLog.action, 'personal_data.viewed')));
    expect(audits.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(audits)).not.toContain(w.citizen.idNumber!);
  });

  it('lets the applicant complete an online dossier the desk sent back, and the desk then accept it', async () => {
    const online = await onlineSubmission();
    const url = `/api/dossiers/${online.dossier.id}/actions`;
    const asked = await inject('POST', url, clients.desk, { actionId: randomUUID(), action: 'request_supplement', items: [{ index: 0, name: 'Tờ khai', reason: 'Thiếu chữ ký của người khai' }] });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({ status: 'waiting_for_supplement', acceptDueAt: null });
    expect((await inject('GET', `/api/dossiers/${online.dossier.id}`, clients.citizen)).json().allowedActions).toEqual(['provide_supplement', 'stop']);
    const file = await upload(clients.citizen);
    const provided = await inject('POST', url, clients.citizen, { actionId: randomUUID(), action: 'provide_supplement', documents: [{ index: 0, fileIds: [file] }] });
    expect(provided.statusCode).toBe(200);
    expect(provided.json().status).toBe('pending_acceptance');
    expect(provided.json().acceptDueAt).toBeTruthy();
    expect(provided.json().documents.filter((d: { kind: string }) => d.kind === 'supplement')).toHaveLength(1);
    const accepted = await inject('POST', url, clients.desk, { actionId: randomUUID(), action: 'accept' });
    expect(accepted.json()).toMatchObject({ status: 'received' });
    expect(accepted.json().receivedAt).toBeTruthy();
  });
});

describe('queues and search', () => {
  it('finds dossiers by name without diacritics, by ID number and by code, masking ID numbers', async () => {
    const idNumber = testIdNumber();
    const { dossier } = await deskIntake({ applicant: { kind: 'individual', fullName: 'Đỗ Thị Phương Thảo', idNumber, phone: '0987654321' } });
    for (const q of ['do thi phuong thao', 'PHƯƠNG THẢO', idNumber, dossier.code]) {
      const res = await inject('GET', `/api/dossiers?q=${encodeURIComponent(q)}`, clients.desk);
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { id: string; applicantIdNumberMasked: string }[];
      expect(items.map((i) => i.id), q).toContain(dossier.id);
      expect(JSON.stringify(res.json())).not.toContain(idNumber);
    }
    // Staff of another province see nothing of it.
    const outside = await inject('GET', `/api/dossiers?q=${encodeURIComponent(dossier.code)}`, clients.outsider);
    expect(outside.json().items).toEqual([]);
    expect((await inject('GET', '/api/dossiers', clients.citizen)).statusCode).toBe(403);
  });

  it('counts each queue as its list does, and lists online dossiers waiting for acceptance with both deadlines', async () => {
    const online = await onlineSubmission();
    const summary = (await inject('GET', '/api/dossiers/queues/summary', clients.desk)).json().counts as Record<string, number>;
    for (const queue of ['mine', 'department', 'due_soon', 'overdue', 'waiting_for_supplement', 'pending_acceptance', 'result_ready', 'all']) {
      const list = (await inject('GET', `/api/dossiers?queue=${queue}&pageSize=200`, clients.desk)).json();
      expect(list.total, queue).toBe(summary[queue]);
      if (list.total <= 200) expect(list.items.length, queue).toBe(list.total);
    }
    // "All" pages newest first from the queue index, without repeating a dossier across pages.
    const all = (await inject('GET', '/api/dossiers?queue=all&pageSize=200', clients.desk)).json().items as { id: string; submittedAt: string }[];
    expect(all.map((i) => i.submittedAt)).toEqual([...all.map((i) => i.submittedAt)].sort().reverse());
    const pages = await Promise.all([1, 2, 3].map(async (page) => (await inject('GET', `/api/dossiers?queue=all&page=${page}&pageSize=2`, clients.desk)).json().items as { id: string }[]));
    expect(pages.flat().map((i) => i.id)).toEqual(all.slice(0, 6).map((i) => i.id));

    // An officer of the province's People's Committee sees its whole subtree (the department, the centre, the partner),
    // each dossier once, and the same totals on the cards as in the lists.
    const province = (await createSignedInStaff(t.app, t.database.db, w.province, [Role.SPECIALIST], 'Cán bộ Văn phòng UBND tỉnh')).client;
    const provinceCounts = (await inject('GET', '/api/dossiers/queues/summary', province)).json().counts as Record<string, number>;
    for (const queue of ['waiting_for_supplement', 'pending_acceptance', 'result_ready', 'all']) {
      expect((await inject('GET', `/api/dossiers?queue=${queue}&pageSize=200`, province)).json().total, queue).toBe(provinceCounts[queue]);
    }
    const provinceAll = (await inject('GET', '/api/dossiers?queue=all&pageSize=200', province)).json().items as { id: string }[];
    expect(new Set(provinceAll.map((i) => i.id)).size).toBe(provinceAll.length);
    expect(provinceAll.map((i) => i.id)).toEqual(expect.arrayContaining(all.map((i) => i.id)));
    expect(provinceCounts.all).toBeGreaterThanOrEqual(summary.all!);
    const pending = (await inject('GET', '/api/dossiers?queue=pending_acceptance&pageSize=200', clients.desk)).json().items as { id: string; acceptAlertAt: string; acceptDueAt: string }[];
    const item = pending.find((i) => i.id === online.dossier.id)!;
    expect(item.acceptAlertAt).toBeTruthy();
    expect(item.acceptDueAt).toBeTruthy();
    const mine = (await inject('GET', '/api/dossiers/mine', clients.citizen)).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(online.dossier.id);
    expect((await inject('GET', '/api/dossiers/mine', clients.otherCitizen)).json().items.map((i: { id: string }) => i.id)).not.toContain(online.dossier.id);
  });
});

describe('documents', () => {
  it('serves a document’s file to those who may read the dossier, and lets the applicant reuse a digitised one', async () => {
    const online = await onlineSubmission();
    const doc = online.dossier.documents.find((d) => d.file)!;
    const own = await inject('GET', `/api/dossiers/${online.dossier.id}/documents/${doc.id}/content`, clients.citizen);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await inject('GET', `/api/dossiers/${online.dossier.id}/documents/${doc.id}/content`, clients.otherCitizen)).statusCode).toBe(404);
    expect((await inject('GET', `/api/dossiers/${online.dossier.id}/documents/${doc.id}/content`, clients.desk)).statusCode).toBe(200);

    expect((await inject('GET', '/api/dossiers/reusable-documents', clients.citizen)).json().items.map((d: { id: string }) => d.id)).not.toContain(doc.id);
    expect((await inject('PATCH', `/api/dossiers/${online.dossier.id}/documents/${doc.id}`, clients.citizen, { reusable: true })).statusCode).toBe(403);
    const marked = await inject('PATCH', `/api/dossiers/${online.dossier.id}/documents/${doc.id}`, clients.desk, { reusable: true });
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toMatchObject({ id: doc.id, digitised: true, reusable: true });
    const reusable = (await inject('GET', '/api/dossiers/reusable-documents', clients.citizen)).json().items;
    expect(reusable.map((d: { id: string }) => d.id)).toContain(doc.id);
    expect((await inject('GET', '/api/dossiers/reusable-documents', clients.otherCitizen)).json().items).toEqual([]);

    // The next dossier reuses it instead of a new upload; another citizen cannot.
    const file = await upload(clients.citizen);
    const next = await inject('POST', '/api/dossiers/online', clients.citizen, {
      procedureId: w.procedure.id,
      documents: [{ index: 0, reuseDocumentId: doc.id }, { index: 1, fileIds: [file] }],
    });
    expect(next.statusCode, next.body).toBe(201);
    const reused = next.json().dossier.documents.find((d: { index: number }) => d.index === 0);
    expect(reused).toMatchObject({ reusedFromDocumentId: doc.id, file: { id: doc.file!.id } });
    const stranger = await inject('POST', '/api/dossiers/online', clients.otherCitizen, {
      procedureId: w.procedure.id,
      documents: [{ index: 0, reuseDocumentId: doc.id }, { index: 1, reuseDocumentId: doc.id }],
    });
    expect(stranger.statusCode).toBe(400);
  });
});

describe('public tracking', () => {
  it('shows status, timeline and due date by code and secret (or phone), without personal data', async () => {
    const idNumber = testIdNumber();
    const { dossier, trackingSecret } = await deskIntake({ applicant: { kind: 'individual', fullName: 'Phan Văn Riêng Tư', idNumber, phone: '0977111222', email: 'rieng.tu@example.vn', address: 'Số 9 đường Bí Mật' } });
    const res = await inject('GET', `/api/tracking/${encodeURIComponent(dossier.code)}?secret=${trackingSecret.toLowerCase()}`, undefined, undefined);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ code: dossier.code, status: 'received', statusLabel: 'Đã tiếp nhận' });
    expect(body.dueAt).toBeTruthy();
    expect(body.timeline.map((e: { action: string }) => e.action)).toEqual(['receive']);
    for (const secret of ['Phan Văn Riêng Tư', idNumber, '0977111222', 'rieng.tu@example.vn', 'Bí Mật', w.staff.desk.id]) expect(JSON.stringify(body)).not.toContain(secret);
    expect((await inject('GET', `/api/tracking/${encodeURIComponent(dossier.code)}?phone=0977%20111%20222`)).statusCode).toBe(200);

    const wrong = await inject('GET', `/api/tracking/${encodeURIComponent(dossier.code)}?secret=AAAAAAAA`);
    const unknown = await inject('GET', `/api/tracking/${encodeURIComponent(`${dossier.code}9`)}?secret=${trackingSecret}`);
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json()).toEqual(unknown.json());
    expect((await inject('GET', `/api/tracking/${encodeURIComponent(dossier.code)}`)).statusCode).toBe(400);
  });

  it('replaces a lost secret: the new one works, the old one no longer does', async () => {
    const { dossier, trackingSecret } = await deskIntake();
    const res = await inject('POST', `/api/dossiers/${dossier.id}/tracking-secret`, clients.desk);
    expect(res.statusCode).toBe(200);
    const fresh = res.json().trackingSecret;
    expect(fresh).not.toBe(trackingSecret);
    expect((await inject('GET', `/api/tracking/${encodeURIComponent(dossier.code)}?secret=${fresh}`)).statusCode).toBe(200);
    expect((await inject('GET', `/api/tracking/${encodeURIComponent(dossier.code)}?secret=${trackingSecret}`)).statusCode).toBe(404);
    expect((await inject('POST', `/api/dossiers/${dossier.id}/tracking-secret`, clients.otherCitizen)).statusCode).toBe(404);
  });

  it('limits lookups per address', async () => {
    // Fixed one-minute windows: 2 × limit + 1 lookups span at most two windows (they take about a second), so at
    // least one is refused, and never before `limit` lookups were answered.
    const limit = TRACKING_LIMITS.perIpPerMinute;
    const statuses: number[] = [];
    for (let i = 0; i < 2 * limit + 1; i++) {
      const res = await t.app.inject({ method: 'GET', url: `/api/tracking/KHONG-CO-${i}?secret=ABCDEFGH`, remoteAddress: '10.20.30.40' });
      statuses.push(res.statusCode);
    }
    expect(statuses.every((s) => s === 404 || s === 429)).toBe(true);
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(limit);
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(2 * limit);
    const other = await t.app.inject({ method: 'GET', url: '/api/tracking/KHONG-CO?secret=ABCDEFGH', remoteAddress: '10.20.30.41' });
    expect(other.statusCode).toBe(404);
  });
});
