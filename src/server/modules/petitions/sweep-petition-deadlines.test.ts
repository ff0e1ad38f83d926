import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, notifications, petitionActions } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../test/test-database';
import { createAgency, createStaff } from '../../test/factories';
import { fromLocal } from '../../../shared/calendar';
import type { Actor } from '../../auth/actor';
import { actorOf } from '../dossiers/dossiers.test-support';
import { registerPetition } from './create-petition';
import { assignPetition, classifyPetition } from './petition-actions';
import { sweepPetitionDeadlines } from './sweep-petition-deadlines';

let db: TestDatabase;
let officer: Actor;
let colleagueEmail: string;
const ctx = { trackingSecret: 'test-secret-for-sweep', publicUrl: 'http://localhost' };

beforeAll(async () => {
  db = await createTestDatabase();
  const agency = await createAgency(db.db);
  officer = await actorOf(db.db, (await createStaff(db.db, agency, ['reform_officer'])).id);
  const colleague = await createStaff(db.db, agency, ['agency_leader']);
  colleagueEmail = `${colleague.login}@motcua.test`;
  await createStaff(db.db, agency, ['specialist']);
});
afterAll(async () => db?.close());

const letterReceived = (receivedAt: string) =>
  db.db.transaction((tx) =>
    registerPetition(tx, officer, ctx, {
      channel: 'letter',
      receivedAt,
      title: 'Kiến nghị thử',
      content: 'Nội dung',
      petitioner: { fullName: 'Người Viết', address: 'Xã A', phone: '0912345678' },
      publishConsent: false,
      fileIds: [],
    }),
  );

const alerts = (petitionId: string) =>
  db.db.select({ action: petitionActions.action }).from(petitionActions).where(eq(petitionActions.petitionId, petitionId)).then((rows) => rows.map((r) => r.action).filter((a) => a.startsWith('mark_')));

describe('petition deadline sweep', () => {
  it('alerts once when the answer is due within a working day and once when overdue, telling the right people', async () => {
    // Received Tue 28/04/2026: answer due Thu 14/05; received Wed 06/05: due Wed 20/05.
    const assigned = await letterReceived('2026-04-28T09:00:00+07:00');
    await db.db.transaction(async (tx) => {
      await classifyPetition(tx, officer, ctx, { id: assigned }, { category: 'procedure' });
      await assignPetition(tx, officer, ctx, { id: assigned }, { assigneeId: officer.userId! });
    });
    const unassigned = await letterReceived('2026-04-28T10:00:00+07:00');
    const later = await letterReceived('2026-05-06T09:00:00+07:00');

    // Wed 13/05: due tomorrow → due soon; the later one is not.
    expect(await sweepPetitionDeadlines(db.db, fromLocal('2026-05-13', '10:00'))).toEqual({ dueSoon: 2, overdue: 0 });
    expect(await alerts(assigned)).toEqual(['mark_due_soon']);
    expect(await alerts(later)).toEqual([]);
    // Run again (another instance, a retry): nothing new.
    expect(await sweepPetitionDeadlines(db.db, fromLocal('2026-05-13', '11:00'))).toEqual({ dueSoon: 0, overdue: 0 });

    // Fri 15/05: both April letters are overdue, the later one is not yet due soon (Mon 18 + 1 < Wed 20).
    expect(await sweepPetitionDeadlines(db.db, fromLocal('2026-05-15', '08:00'))).toEqual({ dueSoon: 0, overdue: 2 });
    expect(await alerts(unassigned)).toEqual(['mark_due_soon', 'mark_overdue']);
    expect(await alerts(later)).toEqual([]);

    // The assignee alone hears about their petition; for an unassigned one every handler of the agency does.
    const mail = async (id: string) =>
      (await db.db.select({ recipient: notifications.recipient, template: notifications.template }).from(notifications).where(and(eq(notifications.relatedId, id))))
        .filter((n) => n.template?.startsWith('petition.mark_'))
        .map((n) => n.recipient)
        .sort();
    const officerRow = await db.db.query.users.findFirst({ where: (u, { eq: e }) => e(u.id, officer.userId!) });
    expect(await mail(assigned)).toEqual([officerRow!.email, officerRow!.email]);
    expect(await mail(unassigned)).toEqual([colleagueEmail, colleagueEmail, officerRow!.email, officerRow!.email].sort());
    const audit = await db.db.select().from(auditLog).where(and(eq(auditLog.subjectId, unassigned), eq(auditLog.action, 'petition.deadline_alerted')));
    expect(audit.map((a) => a.actorKind)).toEqual(['system', 'system']);
  });
});
