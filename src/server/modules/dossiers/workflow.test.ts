/**
 * The workflow on a real database: every transition through the use cases, refusals (409) with the allowed
 * actions, retried action ids, access (404 for other people's dossiers), due dates after supplements, the
 * apology, inter-agency periods, outcomes, and the log/projection invariant. Times are local (Vietnam) and every
 * expected due instant is worked out by hand in a comment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { DossierActionInput } from '../../../shared/schemas/dossiers';
import { replayDossier } from '../../../shared/workflow/dossier-state';
import { ALL_DOSSIER_ACTIONS, SYSTEM_ONLY_ACTIONS, CREATION_ACTIONS } from '../../../shared/workflow/dossier-workflow';
import { auditLog, dossierActions, dossierAgencyPeriods, dossierSteps, dossiers, notifications } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../test/test-database';
import { createProcedure } from '../../test/factories';
import { submitDossierOnline } from './create-dossier';
import { act, at, createDossierWorld, receive, type DossierWorld } from './dossiers.test-support';
import { loadEvents, stateOfRow } from './dossier-records';
import { actionsFor, performDossierAction, subjectOf } from './perform-action';

let db: TestDatabase;
let w: DossierWorld;
beforeAll(async () => {
  db = await createTestDatabase();
  w = await createDossierWorld(db.db);
});
afterAll(async () => db?.close());

async function row(id: string) {
  const [r] = await db.db.select().from(dossiers).where(eq(dossiers.id, id));
  return r!;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, 'expected the action to be refused').toBeInstanceOf(AppError);
  return err as AppError;
}

/** Received Mon 01/03/2021 09:00 (due Mon 08/03 09:00) and forwarded to the specialist. */
async function atSpecialist(overrides = {}) {
  const { dossierId } = await receive(db.db, w, at('2021-03-01', '09:00'), overrides);
  await act(db.db, w.actors.desk, dossierId, { action: 'forward' }, at('2021-03-01', '09:30'));
  await act(db.db, w.actors.head, dossierId, { action: 'assign', assigneeId: w.staff.specialist.id }, at('2021-03-01', '10:00'));
  return dossierId;
}

const REQUESTABLE = ALL_DOSSIER_ACTIONS.filter((a) => !CREATION_ACTIONS.includes(a) && !SYSTEM_ONLY_ACTIONS.includes(a));

/** A minimal valid body for each action, so refusals come from the workflow and not from validation. */
function bodyOf(action: (typeof REQUESTABLE)[number]): DossierActionInput {
  const base = { actionId: randomUUID(), fileIds: [] as string[] };
  switch (action) {
    case 'request_supplement':
      return { ...base, action, items: [{ name: 'Tờ khai', reason: 'Thiếu chữ ký' }] };
    case 'provide_supplement':
      return { ...base, action, documents: [{ index: 0, originals: 1, copies: 0, fileIds: [] }] };
    case 'assign':
      return { ...base, action, assigneeId: w.staff.specialist.id };
    case 'send_to_agency':
      return { ...base, action, agencyId: w.partner.id };
    case 'issue':
      return { ...base, action, documentNumber: '1/GCN' };
    case 'return_result':
      return { ...base, action, method: 'at_desk' };
    case 'refuse':
    case 'stop':
      return { ...base, action, reason: 'Lý do' };
    case 'apologise_extend':
      return { ...base, action, newDueDate: '2021-03-12', reason: 'Lý do' };
    default:
      return { ...base, action } as DossierActionInput;
  }
}

describe('a dossier through every step', () => {
  it('goes from receipt to the return of its result, each step recorded, audited and told to the applicant', async () => {
    const id = await atSpecialist();
    let r = await row(id);
    // Steps planned from Mon 09:00: desk 1 h → 10:00; specialist 20 h → Wed 03/03 16:00.
    expect(r).toMatchObject({ status: 'in_progress', currentStep: 1, currentAgencyId: w.department.id, currentDepartmentId: w.department.departmentId, assigneeId: w.staff.specialist.id });
    expect(r.stepDueAt).toEqual(at('2021-03-03', '16:00'));

    await act(db.db, w.actors.specialist, id, { action: 'forward', comment: 'Đủ điều kiện, trình trưởng phòng' }, at('2021-03-02', '10:00'));
    await act(db.db, w.actors.head, id, { action: 'forward' }, at('2021-03-02', '14:00'));
    r = await row(id);
    expect(r).toMatchObject({ currentStep: 3, assigneeId: null });
    await act(db.db, w.actors.leader, id, { action: 'approve' }, at('2021-03-03', '08:00'));
    expect((await row(id)).status).toBe('approved');
    await act(db.db, w.actors.leader, id, { action: 'sign' }, at('2021-03-03', '08:05'));
    r = await row(id);
    expect(r).toMatchObject({ status: 'signed', currentStep: 4 });
    await act(db.db, w.actors.clerk, id, { action: 'issue', documentNumber: '125/GCN-STP' }, at('2021-03-03', '09:00'));
    r = await row(id);
    // Finished Wed 03/03, due Mon 08/03: early.
    expect(r).toMatchObject({ status: 'result_ready', documentNumber: '125/GCN-STP', outcome: 'early', deliveryState: 'ready' });
    expect(r.finishedAt).toEqual(at('2021-03-03', '09:00'));
    await act(db.db, w.actors.desk, id, { action: 'return_result', method: 'at_desk', receiverName: 'Nguyễn Thị Hồng Nhung' }, at('2021-03-04', '08:00'));
    r = await row(id);
    expect(r).toMatchObject({ status: 'returned', deliveryState: 'delivered' });

    const steps = await db.db.select().from(dossierSteps).where(eq(dossierSteps.dossierId, id)).orderBy(dossierSteps.position);
    expect(steps.map((s) => [s.startedAt?.toISOString() ?? null, s.finishedAt?.toISOString() ?? null])).toEqual([
      [at('2021-03-01', '09:00').toISOString(), at('2021-03-01', '09:30').toISOString()],
      [at('2021-03-01', '09:30').toISOString(), at('2021-03-02', '10:00').toISOString()],
      [at('2021-03-02', '10:00').toISOString(), at('2021-03-02', '14:00').toISOString()],
      [at('2021-03-02', '14:00').toISOString(), at('2021-03-03', '08:05').toISOString()],
      [at('2021-03-03', '08:05').toISOString(), at('2021-03-03', '09:00').toISOString()],
    ]);
    const [period] = await db.db.select().from(dossierAgencyPeriods).where(eq(dossierAgencyPeriods.dossierId, id));
    expect(period).toMatchObject({ role: 'competent', outcome: 'early', finishedAt: at('2021-03-03', '09:00') });

    const log = await db.db.select().from(dossierActions).where(eq(dossierActions.dossierId, id)).orderBy(dossierActions.seq);
    expect(log.map((a) => a.action)).toEqual(['receive', 'forward', 'assign', 'forward', 'forward', 'approve', 'sign', 'issue', 'return_result']);
    expect(log.map((a) => a.seq)).toEqual(log.map((_, i) => i + 1));
    const audit = await db.db.select().from(auditLog).where(eq(auditLog.subjectId, id));
    expect(audit.map((a) => a.action).sort()).toEqual(log.map((a) => `dossier.${a.action}`).sort());
    // One message per status change: received, in progress, approved, signed, result ready, returned.
    const statusChanges = log.filter((a) => a.fromStatus !== a.toStatus).length;
    const messages = await db.db.select().from(notifications).where(and(eq(notifications.relatedId, id), eq(notifications.recipient, 'nhung@example.vn')));
    expect(messages).toHaveLength(statusChanges);
    expect(replayDossier(await loadEvents(db.db, id))).toEqual(stateOfRow(r));
  });

  it('forwards to the first step when the internal process has no desk step of its own', async () => {
    const proc = await createProcedure(db.db, { agencies: [w.department], steps: [{ name: 'Chuyên viên thẩm định', role: 'specialist', minutes: 480 }, { name: 'Lãnh đạo ký', role: 'leader', minutes: 240 }] });
    const { dossierId } = await receive(db.db, w, at('2021-03-01', '09:00'), { procedureId: proc.id });
    expect(await row(dossierId)).toMatchObject({ status: 'received', currentStep: null, stepDueAt: null });
    await act(db.db, w.actors.desk, dossierId, { action: 'forward' }, at('2021-03-01', '09:30'));
    const r = await row(dossierId);
    // 8 h from Mon 09:00: Mon 6 h, Tue 2 h → 09:00.
    expect(r).toMatchObject({ status: 'in_progress', currentStep: 0 });
    expect(r.stepDueAt).toEqual(at('2021-03-02', '09:00'));
  });

  it('refuses, with 409 and the allowed actions, every action the workflow does not allow, recording nothing', async () => {
    const id = await atSpecialist();
    const subject = await subjectOf(db.db, await row(id));
    for (const actor of [w.actors.desk, w.actors.specialist, w.actors.clerk]) {
      const allowed = actionsFor(actor, subject, 'in_progress');
      for (const action of REQUESTABLE.filter((a) => !allowed.includes(a))) {
        const err = await refusal(db.db.transaction((tx) => performDossierAction(tx, actor, id, bodyOf(action), at('2021-03-01', '11:00'))));
        expect(err.code, `${action} by ${actor.fullName}`).toBe('ACTION_NOT_ALLOWED');
        expect(err.status).toBe(409);
        expect((err.details as { allowedActions: string[] }).allowedActions).toEqual(allowed);
      }
    }
    expect(actionsFor(w.actors.clerk, subject, 'in_progress')).toEqual([]);
    expect(actionsFor(w.actors.specialist, subject, 'in_progress')).toEqual(['request_supplement', 'forward', 'send_to_agency']);
    expect((await row(id)).lastSeq).toBe(3);
  });

  it('allows nothing on a finished dossier', async () => {
    const id = await atSpecialist();
    await act(db.db, w.actors.head, id, { action: 'refuse', reason: 'Không đủ điều kiện theo quy định' }, at('2021-03-02', '09:00'));
    const r = await row(id);
    // A refusal after receipt is a resolution: counted against the due date (Tue 02/03 < Mon 08/03: early).
    expect(r).toMatchObject({ status: 'refused', outcome: 'early' });
    for (const action of REQUESTABLE) {
      const err = await refusal(db.db.transaction((tx) => performDossierAction(tx, w.actors.desk, id, bodyOf(action), at('2021-03-02', '10:00'))));
      expect(err.code).toBe('ACTION_NOT_ALLOWED');
      expect((err.details as { allowedActions: string[] }).allowedActions).toEqual([]);
    }
  });
});

describe('retries and access', () => {
  it('applies an action id once: a retry returns the earlier result, another action with the same id is refused', async () => {
    const { dossierId } = await receive(db.db, w, at('2021-03-01', '09:00'));
    const actionId = randomUUID();
    const first = await act(db.db, w.actors.desk, dossierId, { action: 'forward', actionId }, at('2021-03-01', '09:30'));
    const retry = await act(db.db, w.actors.desk, dossierId, { action: 'forward', actionId }, at('2021-03-01', '09:31'));
    expect(first).toEqual({ dossierId, replayed: false, status: 'in_progress' });
    expect(retry).toEqual({ dossierId, replayed: true, status: 'in_progress' });
    expect(await db.db.$count(dossierActions, eq(dossierActions.dossierId, dossierId))).toBe(2);
    const err = await refusal(act(db.db, w.actors.head, dossierId, { action: 'assign', assigneeId: w.staff.specialist.id, actionId }, at('2021-03-01', '09:32')));
    expect(err.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Concurrent retries of one action: one is applied, the others are recognised as retries.
    const concurrentId = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => act(db.db, w.actors.head, dossierId, { action: 'assign', assigneeId: w.staff.specialist.id, actionId: concurrentId }, at('2021-03-01', '10:00'))),
    );
    expect(results.filter((x) => !x.replayed)).toHaveLength(1);
    expect(await db.db.$count(dossierActions, eq(dossierActions.actionId, concurrentId))).toBe(1);
  });

  it('hides a dossier from other citizens and from staff outside its agencies (not found)', async () => {
    const { dossierId } = await receive(db.db, w, at('2021-03-01', '09:00'), { applicant: { kind: 'individual', userId: w.citizen.id, fullName: 'Nguyễn Thị Hồng Nhung', phone: '0912345678' } });
    for (const actor of [w.actors.otherCitizen, w.actors.outsider, w.actors.partner]) {
      const err = await refusal(act(db.db, actor, dossierId, { action: 'stop', reason: 'Thử' }, at('2021-03-01', '10:00')));
      expect(err.code).toBe('NOT_FOUND');
    }
    // The applicant may ask to stop processing (NĐ 118 Điều 21).
    await act(db.db, w.actors.citizen, dossierId, { action: 'stop', reason: 'Tôi không còn nhu cầu' }, at('2021-03-01', '10:00'));
    expect(await row(dossierId)).toMatchObject({ status: 'stopped', outcome: null });
  });

  it('keeps the log append-only', async () => {
    const { dossierId } = await receive(db.db, w, at('2021-03-01', '09:00'));
    const failure = (q: Promise<unknown>) => q.then(() => '', (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`);
    expect(await failure(db.db.execute(sql`UPDATE dossier_actions SET comment = 'sửa' WHERE dossier_id = ${dossierId}`))).toMatch(/append-only \(UPDATE refused\)/);
    expect(await failure(db.db.execute(sql`DELETE FROM dossier_actions WHERE dossier_id = ${dossierId}`))).toMatch(/append-only \(DELETE refused\)/);
  });
});

describe('supplements (NĐ 118 Điều 19.5)', () => {
  it('restarts the processing time from the complete supplement', async () => {
    const id = await atSpecialist();
    await act(db.db, w.actors.specialist, id, { action: 'request_supplement', items: [{ index: 1, name: 'Bản sao giấy khai sinh', reason: 'Bản sao không rõ nét' }, { name: 'Xác nhận cư trú', reason: 'Chưa có' }] }, at('2021-03-02', '10:00'));
    let r = await row(id);
    expect(r).toMatchObject({ status: 'waiting_for_supplement', dueAt: null });
    const [mail] = await db.db.select().from(notifications).where(and(eq(notifications.relatedId, id), eq(notifications.template, 'dossier.supplement_requested')));
    expect(mail!.body).toContain('1. Bản sao giấy khai sinh: Bản sao không rõ nét');
    expect(mail!.body).toContain('2. Xác nhận cư trú: Chưa có');

    await act(db.db, w.actors.desk, id, { action: 'provide_supplement', documents: [{ index: 1, originals: 0, copies: 1, fileIds: [] }, { name: 'Xác nhận cư trú', originals: 1, copies: 0, fileIds: [] }] }, at('2021-04-20', '15:00'));
    r = await row(id);
    // From Tue 20/04 15:00, 40 h: Tue 2; Wed 21 Giỗ Tổ; Thu–Tue 32; Wed 28/04 the last 6 h → 15:00.
    expect(r).toMatchObject({ status: 'in_progress', currentStep: 1 });
    expect(r.dueAt).toEqual(at('2021-04-28', '15:00'));
    expect(r.originalDueAt).toEqual(at('2021-04-28', '15:00'));
    expect(r.processingStartedAt).toEqual(at('2021-04-20', '15:00'));
    // The specialist's 20 h planned again from Tue 20/04 15:00: Tue 2, Thu 8, Fri 8, Mon 26 2 → 09:00.
    expect(r.stepDueAt).toEqual(at('2021-04-26', '09:00'));
    expect(r.suspensions).toEqual([{ from: at('2021-03-02', '10:00').toISOString(), to: at('2021-04-20', '15:00').toISOString() }]);
    // Only one request per stage.
    expect((await refusal(act(db.db, w.actors.specialist, id, { action: 'request_supplement', items: [{ name: 'Tờ khai', reason: 'Sai' }] }, at('2021-04-21', '08:00')))).code).toBe('SUPPLEMENT_LIMIT_REACHED');
    expect(replayDossier(await loadEvents(db.db, id))).toEqual(stateOfRow(r));
  });

  it('refuses a request during appraisal after 3 working days from receipt', async () => {
    const id = await atSpecialist();
    // Received Mon 01/03: the window ends Thu 04/03.
    const err = await refusal(act(db.db, w.actors.specialist, id, { action: 'request_supplement', items: [{ name: 'Tờ khai', reason: 'Sai' }] }, at('2021-03-05', '08:00')));
    expect(err.code).toBe('SUPPLEMENT_WINDOW_PASSED');
    expect(err.message).toContain('04/03/2021');
    await act(db.db, w.actors.specialist, id, { action: 'request_supplement', items: [{ name: 'Tờ khai', reason: 'Sai' }] }, at('2021-03-04', '16:00'));
  });

  it('resumes with the time left under the pause rule, when the regime says so', async () => {
    await db.db.execute(sql`UPDATE dossier_rule_sets SET rules = jsonb_set(rules, '{supplementRule}', '"pause"') WHERE id = 'nd61_2018'`);
    try {
      const id = await atSpecialist();
      expect((await row(id)).rules.supplementRule).toBe('pause');
      await act(db.db, w.actors.specialist, id, { action: 'request_supplement', items: [{ name: 'Tờ khai', reason: 'Sai' }] }, at('2021-03-02', '10:00'));
      await act(db.db, w.actors.desk, id, { action: 'provide_supplement', documents: [{ index: 0, originals: 1, copies: 0, fileIds: [] }] }, at('2021-04-20', '15:00'));
      // Used Mon 6 h + Tue 3 h = 9 h; 31 h left from Tue 20/04 15:00 → Tue 27/04 14:00.
      expect((await row(id)).dueAt).toEqual(at('2021-04-27', '14:00'));
    } finally {
      await db.db.execute(sql`UPDATE dossier_rule_sets SET rules = jsonb_set(rules, '{supplementRule}', '"restart"') WHERE id = 'nd61_2018'`);
    }
  });
});

describe('late dossiers (NĐ 118 Điều 19.6)', () => {
  it('accepts one apology with a new date until the day before the due date; statistics keep the original date', async () => {
    const id = await atSpecialist();
    // Due Mon 08/03 09:00: the apology must be sent by Sun 07/03.
    expect((await refusal(act(db.db, w.actors.head, id, { action: 'apologise_extend', newDueDate: '2021-03-12', reason: 'Cần xác minh' }, at('2021-03-08', '08:00')))).code).toBe('EXTENSION_TOO_LATE');
    const weekend = await refusal(act(db.db, w.actors.head, id, { action: 'apologise_extend', newDueDate: '2021-03-06', reason: 'Cần xác minh' }, at('2021-03-05', '10:00')));
    expect(weekend.code).toBe('VALIDATION_FAILED');
    await act(db.db, w.actors.head, id, { action: 'apologise_extend', newDueDate: '2021-03-12', reason: 'Cần xác minh thực địa' }, at('2021-03-05', '10:00'));
    const r = await row(id);
    expect(r.dueAt).toEqual(at('2021-03-12', '17:00'));
    expect(r.originalDueAt).toEqual(at('2021-03-08', '09:00'));
    expect(r.status).toBe('in_progress');
    const [apology] = await db.db.select().from(notifications).where(and(eq(notifications.relatedId, id), eq(notifications.template, 'dossier.apology')));
    expect(apology!.body).toContain('Cần xác minh thực địa');
    expect(apology!.body).toContain('12/03/2021');
    expect((await refusal(act(db.db, w.actors.head, id, { action: 'apologise_extend', newDueDate: '2021-03-15', reason: 'Lần hai' }, at('2021-03-05', '11:00')))).code).toBe('EXTENSION_ALREADY_USED');

    await act(db.db, w.actors.specialist, id, { action: 'forward' }, at('2021-03-09', '08:00'));
    await act(db.db, w.actors.head, id, { action: 'forward' }, at('2021-03-09', '09:00'));
    await act(db.db, w.actors.leader, id, { action: 'approve' }, at('2021-03-10', '08:00'));
    await act(db.db, w.actors.leader, id, { action: 'sign' }, at('2021-03-10', '08:01'));
    await act(db.db, w.actors.clerk, id, { action: 'issue', documentNumber: '9/GCN' }, at('2021-03-10', '09:00'));
    // Wed 10/03 is after the original Mon 08/03 (late), though before the extended Fri 12/03.
    expect((await row(id)).outcome).toBe('late');
  });
});

describe('inter-agency flow', () => {
  it('records the partner agency’s own time and lets it act while it holds the dossier', async () => {
    const id = await atSpecialist();
    // Before the hand-off the partner cannot even see the dossier.
    expect((await refusal(act(db.db, w.actors.partner, id, { action: 'receive_from_agency' }, at('2021-03-02', '08:00')))).code).toBe('NOT_FOUND');
    await act(db.db, w.actors.specialist, id, { action: 'send_to_agency', agencyId: w.partner.id, dueDate: '2021-03-03', comment: 'Đề nghị xác nhận nghĩa vụ tài chính' }, at('2021-03-02', '08:00'));
    let r = await row(id);
    expect(r).toMatchObject({ status: 'at_other_agency', currentAgencyId: w.partner.id });
    expect(r.agencyIds).toContain(w.partner.id);
    // The partner answers on Thu 04/03, a day after its own due date (Wed 03/03 17:00): late for the partner.
    await act(db.db, w.actors.partner, id, { action: 'receive_from_agency', comment: 'Đã xác nhận' }, at('2021-03-04', '08:00'));
    r = await row(id);
    expect(r).toMatchObject({ status: 'in_progress', currentAgencyId: w.department.id });
    const periods = await db.db.select().from(dossierAgencyPeriods).where(eq(dossierAgencyPeriods.dossierId, id)).orderBy(dossierAgencyPeriods.id);
    expect(periods.map((p) => [p.role, p.agencyId, p.outcome])).toEqual([
      ['competent', w.department.id, null],
      ['participating', w.partner.id, 'late'],
    ]);
    expect(periods[1]!.dueAt).toEqual(at('2021-03-03', '17:00'));
    // The dossier still counts once, at its competent agency.
    expect(r.competentAgencyId).toBe(w.department.id);
  });
  it('closes the partner’s period without an outcome when the applicant stops the dossier while the partner holds it', async () => {
    const id = await atSpecialist({ applicant: { kind: 'individual', userId: w.citizen.id, fullName: 'Nguyễn Thị Hồng Nhung', phone: '0912345678' } });
    await act(db.db, w.actors.specialist, id, { action: 'send_to_agency', agencyId: w.partner.id }, at('2021-03-02', '08:00'));
    await act(db.db, w.actors.citizen, id, { action: 'stop', reason: 'Không còn nhu cầu' }, at('2021-03-02', '09:00'));
    const periods = await db.db.select().from(dossierAgencyPeriods).where(eq(dossierAgencyPeriods.dossierId, id)).orderBy(dossierAgencyPeriods.id);
    expect(periods.map((p) => [p.role, p.finishedAt?.toISOString(), p.outcome])).toEqual([
      ['competent', at('2021-03-02', '09:00').toISOString(), null],
      ['participating', at('2021-03-02', '09:00').toISOString(), null],
    ]);
  });
});

describe('online dossiers', () => {
  async function submitted(now: Date) {
    const [file] = await db.db.execute(sql`INSERT INTO files (sha256, size, mime_type, file_name, uploaded_by_id) VALUES (${'b'.repeat(64)}, 10, 'application/pdf', 'a.pdf', ${w.citizen.id}) RETURNING id`).then((x) => (x as unknown as { rows: { id: string }[] }).rows);
    const docs = [0, 1].map((index) => ({ index, originals: 0, copies: 0, fileIds: [file!.id] }));
    const { result } = await db.db.transaction((tx) => submitDossierOnline(tx, w.actors.citizen, { procedureId: w.procedure.id, documents: docs }, now));
    return result.dossierId;
  }

  it('starts the clock when the desk accepts, and returns the result online', async () => {
    const id = await submitted(at('2021-03-01', '20:00'));
    await act(db.db, w.actors.desk, id, { action: 'accept' }, at('2021-03-02', '08:00'));
    const r = await row(id);
    // Accepted Tue 02/03 08:00, 5 working days → Tue 09/03 08:00.
    expect(r.receivedAt).toEqual(at('2021-03-02', '08:00'));
    expect(r.dueAt).toEqual(at('2021-03-09', '08:00'));
    expect(r).toMatchObject({ status: 'received', acceptDueAt: null, receivedById: w.staff.desk.id });
    await act(db.db, w.actors.desk, id, { action: 'forward' }, at('2021-03-02', '08:10'));
    await act(db.db, w.actors.specialist, id, { action: 'forward' }, at('2021-03-02', '09:00'));
    await act(db.db, w.actors.head, id, { action: 'forward' }, at('2021-03-02', '10:00'));
    await act(db.db, w.actors.leader, id, { action: 'approve' }, at('2021-03-02', '11:00'));
    await act(db.db, w.actors.leader, id, { action: 'sign' }, at('2021-03-02', '11:01'));
    await act(db.db, w.actors.clerk, id, { action: 'issue', documentNumber: '7/GCN' }, at('2021-03-02', '14:00'));
    // Only the applicant acknowledges an online result.
    expect((await refusal(act(db.db, w.actors.otherCitizen, id, { action: 'acknowledge_result' }, at('2021-03-02', '15:00')))).code).toBe('NOT_FOUND');
    await act(db.db, w.actors.citizen, id, { action: 'acknowledge_result' }, at('2021-03-02', '15:00'));
    expect(await row(id)).toMatchObject({ status: 'returned', deliveryState: 'delivered', outcome: 'early' });
  });

  it('lets the applicant withdraw before acceptance, and the desk refuse it (not counted as resolved)', async () => {
    const a = await submitted(at('2021-03-01', '08:00'));
    await act(db.db, w.actors.citizen, a, { action: 'withdraw' }, at('2021-03-01', '09:00'));
    expect(await row(a)).toMatchObject({ status: 'withdrawn', outcome: null });
    const b = await submitted(at('2021-03-01', '08:00'));
    await act(db.db, w.actors.desk, b, { action: 'refuse', reason: 'Không thuộc thẩm quyền giải quyết' }, at('2021-03-01', '09:00'));
    expect(await row(b)).toMatchObject({ status: 'refused', outcome: null, receivedAt: null });
  });
});

describe('queue index (dossier_scopes)', () => {
  it('holds exactly one row per agency of every dossier, with its current status, after all the flows above', async () => {
    // Run last in this file: by now dossiers were received, handed to another agency and back, stopped, returned.
    const id = await atSpecialist();
    await act(db.db, w.actors.specialist, id, { action: 'send_to_agency', agencyId: w.partner.id }, at('2021-03-02', '08:00'));
    const diff = await db.db.execute(sql`
      SELECT count(*)::int AS n FROM (
        (SELECT a AS agency_id, d.id AS dossier_id, d.status, d.submitted_at, dossier_search_text(d.applicant_name, d.organisation_name) AS search_text
         FROM dossiers d, unnest(d.agency_ids) AS a
         EXCEPT SELECT agency_id, dossier_id, status, submitted_at, search_text FROM dossier_scopes)
        UNION ALL
        (SELECT agency_id, dossier_id, status, submitted_at, search_text FROM dossier_scopes
         EXCEPT SELECT a, d.id, d.status, d.submitted_at, dossier_search_text(d.applicant_name, d.organisation_name) FROM dossiers d, unnest(d.agency_ids) AS a)) x`);
    expect(Number((diff as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBe(0);
    const scopes = await db.db.execute(sql`SELECT agency_id, status FROM dossier_scopes WHERE dossier_id = ${id} ORDER BY agency_id`);
    const rows = (scopes as unknown as { rows: { agency_id: string; status: string }[] }).rows;
    expect(rows.map((r) => r.agency_id).sort()).toEqual([...new Set((await row(id)).agencyIds)].sort());
    expect(rows.every((r) => r.status === 'at_other_agency')).toBe(true);
    expect(rows.some((r) => r.agency_id === w.partner.id)).toBe(true);
    // Names are folded as the search folds them: lower case, no diacritics, applicant and organisation on two lines.
    const [folded] = (await db.db.execute(sql`SELECT dossier_search_text('Nguyễn Thị Hồng Nhung', 'Công ty TNHH Đại Phát') AS t`) as unknown as { rows: { t: string }[] }).rows;
    expect(folded!.t).toBe('nguyen thi hong nhung\ncong ty tnhh dai phat');
  });
});
