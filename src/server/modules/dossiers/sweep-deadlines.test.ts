/**
 * The deadline sweep with a given clock, under the NĐ 118/2025 rules (2026 dates; March 2026 has no day off
 * besides weekends). Due instants are worked out by hand in the comments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { dossierActions, dossiers, notifications } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../test/test-database';
import { submitDossierOnline } from './create-dossier';
import { act, at, createDossierWorld, receive, type DossierWorld } from './dossiers.test-support';
import { queueCounts } from './dossiers.queries';
import { derivedActionId, sweepDossierDeadlines } from './sweep-deadlines';

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
const marks = (id: string, action: string) => db.db.$count(dossierActions, and(eq(dossierActions.dossierId, id), eq(dossierActions.action, action)));
const mailsTo = (id: string, userId: string, template: string) =>
  db.db.$count(notifications, and(eq(notifications.relatedId, id), eq(notifications.userId, userId), eq(notifications.template, template)));

describe('sweepDossierDeadlines', () => {
  it('marks a dossier due soon one working day ahead, then overdue, once each, telling its assignee', async () => {
    // Received Mon 02/03/2026 09:00, 5 working days → Mon 09/03 09:00.
    const { dossierId: id } = await receive(db.db, w, at('2026-03-02', '09:00'));
    await act(db.db, w.actors.desk, id, { action: 'forward', assigneeId: w.staff.specialist.id }, at('2026-03-02', '09:30'));
    expect((await row(id)).rules.ruleSetId).toBe('nd118_2025');

    // Thu 05/03 10:00 + 8 working hours = Fri 06/03 10:00: not yet due soon.
    await sweepDossierDeadlines(db.db, at('2026-03-05', '10:00'));
    expect((await row(id)).deadlineAlert).toBeNull();
    // Fri 06/03 10:00 + 8 working hours = Mon 09/03 10:00, past the due instant: due soon.
    await sweepDossierDeadlines(db.db, at('2026-03-06', '10:00'));
    await sweepDossierDeadlines(db.db, at('2026-03-06', '10:05'));
    expect((await row(id)).deadlineAlert).toBe('due_soon');
    expect(await marks(id, 'mark_due_soon')).toBe(1);
    expect(await mailsTo(id, w.staff.specialist.id, 'dossier.deadline_alert')).toBe(1);
    expect((await queueCounts(db.db, w.actors.specialist, at('2026-03-06', '10:05'))).due_soon).toBeGreaterThanOrEqual(1);

    await sweepDossierDeadlines(db.db, at('2026-03-09', '09:00'));
    expect((await row(id)).deadlineAlert).toBe('due_soon');
    // Two instances sweeping at once record the overdue mark once.
    await Promise.all([sweepDossierDeadlines(db.db, at('2026-03-09', '10:00')), sweepDossierDeadlines(db.db, at('2026-03-09', '10:00'))]);
    await sweepDossierDeadlines(db.db, at('2026-03-10', '10:00'));
    expect((await row(id)).deadlineAlert).toBe('overdue');
    expect(await marks(id, 'mark_overdue')).toBe(1);
    expect(await mailsTo(id, w.staff.specialist.id, 'dossier.deadline_alert')).toBe(2);
    const [log] = await db.db.select().from(dossierActions).where(and(eq(dossierActions.dossierId, id), eq(dossierActions.action, 'mark_overdue')));
    expect(log!.actionId).toBe(derivedActionId(id, 'overdue', at('2026-03-09', '09:00').toISOString()));
  });

  it('closes a dossier 15 days after an unanswered supplement request (NĐ 118 Điều 19.5)', async () => {
    const { dossierId: id } = await receive(db.db, w, at('2026-03-02', '09:00'));
    await act(db.db, w.actors.desk, id, { action: 'request_supplement', items: [{ index: 0, name: 'Tờ khai', reason: 'Chưa ký' }] }, at('2026-03-02', '10:00'));
    const early = await act(db.db, w.actors.desk, id, { action: 'close_no_supplement' }, at('2026-03-10', '10:00')).then(
      () => null,
      (e: AppError) => e,
    );
    expect(early?.code).toBe('SUPPLEMENT_NOT_DUE_FOR_CLOSURE');
    expect((await sweepDossierDeadlines(db.db, at('2026-03-17', '09:59'))).closed).toBe(0);
    expect((await row(id)).status).toBe('waiting_for_supplement');
    await sweepDossierDeadlines(db.db, at('2026-03-17', '10:00'));
    await sweepDossierDeadlines(db.db, at('2026-03-17', '10:01'));
    const r = await row(id);
    expect(r).toMatchObject({ status: 'closed_no_supplement', outcome: null });
    expect(r.finishedAt).toEqual(at('2026-03-17', '10:00'));
    expect(r.suspensions).toEqual([{ from: at('2026-03-02', '10:00').toISOString(), to: at('2026-03-17', '10:00').toISOString() }]);
    expect(await marks(id, 'close_no_supplement')).toBe(1);
    const closed = await db.db.select().from(notifications).where(and(eq(notifications.relatedId, id), sql`${notifications.subject} LIKE ${'%Đóng hồ sơ do không bổ sung%'}`));
    expect(closed).toHaveLength(1);
  });

  it('tells the desk when an online dossier is not answered within 8 working hours', async () => {
    const [file] = await db.db
      .execute(sql`INSERT INTO files (sha256, size, mime_type, file_name, uploaded_by_id) VALUES (${'c'.repeat(64)}, 10, 'application/pdf', 'a.pdf', ${w.citizen.id}) RETURNING id`)
      .then((x) => (x as unknown as { rows: { id: string }[] }).rows);
    const docs = [0, 1].map((index) => ({ index, originals: 0, copies: 0, fileIds: [file!.id] }));
    // Mon 02/03 08:00: 7 working hours that day, the 8th ends Tue 03/03 08:00.
    const { result } = await db.db.transaction((tx) => submitDossierOnline(tx, w.actors.citizen, { procedureId: w.procedure.id, documents: docs }, at('2026-03-02', '08:00')));
    const id = result.dossierId;
    expect((await row(id)).acceptDueAt).toEqual(at('2026-03-03', '08:00'));
    expect((await sweepDossierDeadlines(db.db, at('2026-03-03', '07:59'))).acceptanceOverdue).toBe(0);
    await sweepDossierDeadlines(db.db, at('2026-03-03', '08:01'));
    expect(await row(id)).toMatchObject({ status: 'pending_acceptance', deadlineAlert: 'overdue' });
    expect(await mailsTo(id, w.staff.desk.id, 'dossier.deadline_alert')).toBe(1);
    await act(db.db, w.actors.desk, id, { action: 'accept' }, at('2026-03-03', '09:00'));
    expect(await row(id)).toMatchObject({ status: 'received', deadlineAlert: null });
  });
});
