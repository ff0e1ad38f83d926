import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, reformTaskProgress } from '../../db/schema';
import { createTestApp, signIn, type Client, type TestContext } from '../../test/test-app';
import { createAgency, createCitizen, createStaff, type TestAgency } from '../../test/factories';
import { taskFigures } from './reform-plans.queries';

let t: TestContext;
let province: TestAgency;
let justice: TestAgency;
let health: TestAgency;
let officer: Client;
let justiceLeader: Client;
let healthLeader: Client;
let desk: Client;
let citizen: Client;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  province = await createAgency(db, { name: 'UBND tỉnh Thử' });
  const home = await createAgency(db, { parent: province, name: 'Sở Nội vụ' });
  justice = await createAgency(db, { parent: province, name: 'Sở Tư pháp' });
  health = await createAgency(db, { parent: province, name: 'Sở Y tế' });
  const sign = async (a: TestAgency, roles: Parameters<typeof createStaff>[2]) => {
    const u = await createStaff(db, a, roles);
    return signIn(t.app, u.login, u.password);
  };
  officer = await sign(home, ['reform_officer']);
  justiceLeader = await sign(justice, ['agency_leader']);
  healthLeader = await sign(health, ['agency_leader']);
  desk = await sign(justice, ['desk_officer']);
  const c = await createCitizen(db);
  citizen = await signIn(t.app, c.login, c.password);
});
afterAll(async () => t?.close());

const send = (client: Client | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, payload: payload as object, headers: client?.headers ?? {} });

describe('reform plans', () => {
  let planId: string;
  const tasks: Record<string, string> = {};

  it('guards: 401 before 400, 403 for desk officers, citizens and units creating plans', async () => {
    expect((await send(null, 'POST', '/api/reform/plans', {})).statusCode).toBe(401);
    expect((await send(citizen, 'GET', '/api/reform/plans')).statusCode).toBe(403);
    expect((await send(desk, 'GET', '/api/reform/plans')).statusCode).toBe(403);
    expect((await send(justiceLeader, 'POST', '/api/reform/plans', { agencyId: province.id, year: 2021, title: 'Kế hoạch' })).statusCode).toBe(403);
    const bad = await send(officer, 'POST', '/api/reform/plans', { agencyId: province.id, year: 1800, title: ' ' });
    expect(bad.statusCode).toBe(400);
    const messages = bad.json().error.details.fields.map((f: { message: string }) => f.message);
    expect(messages).toEqual(expect.arrayContaining(['Năm kế hoạch không hợp lệ', 'Tên kế hoạch không được để trống']));
  });

  it('creates the plan (one per agency and year) with tasks in order', async () => {
    const res = await send(officer, 'POST', '/api/reform/plans', { agencyId: province.id, year: 2021, title: 'Kế hoạch CCHC năm 2021' });
    expect(res.statusCode, res.body).toBe(201);
    planId = res.json().id;
    expect((await send(officer, 'POST', '/api/reform/plans', { agencyId: province.id, year: 2021, title: 'Lần nữa' })).json().error.code).toBe('REFORM_PLAN_EXISTS');
    const add = async (key: string, area: string, agency: TestAgency, dueOn: string) => {
      const r = await send(officer, 'POST', `/api/reform/plans/${planId}/tasks`, { area, title: `Nhiệm vụ ${key}`, responsibleAgencyId: agency.id, dueOn });
      expect(r.statusCode, r.body).toBe(201);
      tasks[key] = r.json().id;
      return r.json();
    };
    expect((await add('a', 'institutions', justice, '2021-03-31')).position).toBe(1);
    await add('b', 'institutions', justice, '2021-06-30');
    await add('c', 'civil_service', health, '2021-05-31');
    expect((await add('d', 'civil_service', health, '2021-12-31')).position).toBe(4);
    const badArea = await send(officer, 'POST', `/api/reform/plans/${planId}/tasks`, { area: 'sports', title: 'x', responsibleAgencyId: health.id, dueOn: '2021-12-31' });
    expect(badArea.statusCode).toBe(400);
  });

  it('a retried task creation with the same Idempotency-Key adds nothing; the key with another task is refused', async () => {
    const task = { area: 'organisation', title: 'Nhiệm vụ gửi lại', responsibleAgencyId: health.id, dueOn: '2021-09-30' };
    const post = (body: object, key: string) =>
      t.app.inject({ method: 'POST', url: `/api/reform/plans/${planId}/tasks`, payload: body, headers: { ...officer.headers, 'idempotency-key': key } });
    const first = await post(task, 'task-retry-0001');
    const again = await post(task, 'task-retry-0001');
    expect(first.statusCode, first.body).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const other = await post({ ...task, title: 'Nhiệm vụ khác' }, 'task-retry-0001');
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const plan = (await send(officer, 'GET', `/api/reform/plans/${planId}`)).json();
    expect(plan.tasks.filter((x: { title: string }) => x.title === 'Nhiệm vụ gửi lại')).toHaveLength(1);
    tasks.e = first.json().id;
  });

  it('units report progress only on their own tasks; retries record nothing; dates may not go back', async () => {
    expect((await send(healthLeader, 'POST', `/api/reform/tasks/${tasks.a}/progress`, { reportedOn: '2021-03-01', percent: 50 })).statusCode).toBe(403);
    const first = await send(justiceLeader, 'POST', `/api/reform/tasks/${tasks.a}/progress`, { reportedOn: '2021-03-01', percent: 50, note: 'Đang dự thảo' });
    expect(first.statusCode, first.body).toBe(200);
    await send(justiceLeader, 'POST', `/api/reform/tasks/${tasks.a}/progress`, { reportedOn: '2021-03-01', percent: 50, note: 'Đang dự thảo' });
    expect(await t.database.db.select().from(reformTaskProgress).where(eq(reformTaskProgress.taskId, tasks.a!))).toHaveLength(1);
    const back = await send(justiceLeader, 'POST', `/api/reform/tasks/${tasks.a}/progress`, { reportedOn: '2021-02-01', percent: 60 });
    expect(back.statusCode).toBe(422);
    expect(back.json().error.message).toBe('Ngày báo cáo không được trước lần báo cáo trước (01/03/2021)');
    expect((await send(justiceLeader, 'POST', `/api/reform/tasks/${tasks.a}/progress`, { reportedOn: '2021-03-20', percent: 101 })).json().error.details.fields[0].message).toBe('Tiến độ phải từ 0 đến 100%');

    const done = await send(justiceLeader, 'POST', `/api/reform/tasks/${tasks.a}/progress`, { reportedOn: '2021-03-25', percent: 100 });
    expect(done.json()).toMatchObject({ percent: 100, completedOn: '2021-03-25', state: 'done_on_time' });
    expect((await send(justiceLeader, 'POST', `/api/reform/tasks/${tasks.a}/progress`, { reportedOn: '2021-03-26', percent: 100, note: 'thêm' })).statusCode).toBe(422);
    // Task c is done late by the reform office.
    await send(officer, 'POST', `/api/reform/tasks/${tasks.c}/progress`, { reportedOn: '2021-06-10', percent: 100 });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, tasks.a!));
    expect(audits.map((a) => a.action).filter((a) => a === 'reform_task.progress_reported')).toHaveLength(2);
  });

  it('lists overdue tasks as of a date, province-wide or for the unit, and counts the period by area', async () => {
    const overdue = (await send(officer, 'GET', '/api/reform/tasks/overdue?asOf=2021-07-15')).json();
    expect(overdue.map((o: { id: string }) => o.id)).toEqual([tasks.b]);
    expect(overdue[0]).toMatchObject({ daysOverdue: 15, state: 'overdue' });
    expect((await send(healthLeader, 'GET', '/api/reform/tasks/overdue?asOf=2021-07-15')).json()).toEqual([]);
    // On 2021-06-05 task c was still open and past due.
    expect((await send(healthLeader, 'GET', '/api/reform/tasks/overdue?asOf=2021-06-05')).json().map((o: { id: string }) => o.id)).toEqual([tasks.c]);

    const plan = (await send(justiceLeader, 'GET', `/api/reform/plans/${planId}?asOf=2021-07-15`)).json();
    expect(plan.counts).toEqual({ done_on_time: 1, done_late: 1, overdue: 1, in_progress: 2 });
    expect(plan.abilities).toEqual({ update: false, add_task: false });

    const figures = await taskFigures(t.database.db, { from: '2021-01-01', to: '2021-06-30' });
    expect(figures).toEqual([
      { area: 'civil_service', planned: 2, dueInPeriod: 1, completedInPeriod: 1, completedOnTime: 0, overdueAtEnd: 0, completedByEnd: 1 },
      { area: 'institutions', planned: 2, dueInPeriod: 2, completedInPeriod: 1, completedOnTime: 1, overdueAtEnd: 1, completedByEnd: 1 },
      { area: 'organisation', planned: 1, dueInPeriod: 0, completedInPeriod: 0, completedOnTime: 0, overdueAtEnd: 0, completedByEnd: 0 },
    ]);
    // The first quarter sees only task a's completion, and nothing overdue yet on 31/03.
    const q1 = await taskFigures(t.database.db, { from: '2021-01-01', to: '2021-03-31', year: 2021 });
    expect(q1.find((f) => f.area === 'institutions')).toMatchObject({ completedInPeriod: 1, overdueAtEnd: 0 });
    expect((await send(officer, 'GET', '/api/reform/plans/figures?from=2021-01-01&to=2021-06-30')).json()).toEqual(figures);
  });
});
