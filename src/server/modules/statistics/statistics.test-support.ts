/**
 * Test helpers for statistics: a seeded random walk that drives dossiers through the real use cases (desk and
 * online intake, then any action the workflow allows, by whoever may perform it) with a given clock. Used only by
 * tests.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { addCalendarDays, toLocalDate } from '../../../shared/calendar';
import { AppError } from '../../../shared/errors';
import { findTransition, type DossierAction, type DossierStatus } from '../../../shared/workflow/dossier-workflow';
import { systemActor, type Actor } from '../../auth/actor';
import type { Executor } from '../../db/client';
import { queryRows } from '../../db/client';
import { dossiers } from '../../db/schema';
import { receiveDossierAtDesk, submitDossierOnline } from '../dossiers/create-dossier';
import { act, at, deskInput, type DossierWorld } from '../dossiers/dossiers.test-support';
import type { AnyActionInput } from '../dossiers/action-context';
import { actionsFor, performDossierAction, subjectOf } from '../dossiers/perform-action';
import type { Random } from '../simulation/seeded-random';

export { seededRandom, type Random } from '../simulation/seeded-random';

/** A file row as a citizen's upload would leave it (content is not needed for intake). */
export async function uploadFor(db: Executor, userId: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO files (sha256, size, mime_type, file_name, uploaded_by_id) VALUES (${'b'.repeat(64)}, 10, 'application/pdf', 'to-khai.pdf', ${userId}) RETURNING id`,
  );
  return row!.id;
}

export async function submitOnline(db: Executor, world: DossierWorld, now: Date, procedureId = world.procedure.id) {
  const upload = await uploadFor(db, world.citizen.id);
  const { result } = await db.transaction((tx) =>
    submitDossierOnline(
      tx,
      world.actors.citizen,
      {
        procedureId,
        documents: [
          { index: 0, originals: 0, copies: 0, fileIds: [upload] },
          { index: 1, originals: 0, copies: 0, fileIds: [upload] },
        ],
      },
      now,
    ),
  );
  return result;
}

/** Takes a received dossier through the internal process to its result, on `day` (08:00–09:00, local time). */
export async function resolveDossier(db: Executor, world: DossierWorld, dossierId: string, day: string) {
  const team = world.actors;
  await act(db, team.desk, dossierId, { action: 'forward' }, at(day, '08:00'));
  await act(db, team.specialist, dossierId, { action: 'forward' }, at(day, '08:10'));
  await act(db, team.head, dossierId, { action: 'forward' }, at(day, '08:20'));
  await act(db, team.leader, dossierId, { action: 'approve' }, at(day, '08:30'));
  await act(db, team.leader, dossierId, { action: 'sign' }, at(day, '08:40'));
  await act(db, team.clerk, dossierId, { action: 'issue', documentNumber: '1/KQ' }, at(day, '09:00'));
}

/** A body for each action a person or the sweep may perform. */
function bodyOf(action: DossierAction, world: DossierWorld, dueAt: Date | null, rng: Random): AnyActionInput | null {
  const base = { actionId: randomUUID(), fileIds: [] as string[] };
  switch (action) {
    case 'request_supplement':
      return { ...base, action, items: [{ name: 'Tờ khai', reason: 'Thiếu chữ ký' }] };
    case 'provide_supplement':
      return { ...base, action, documents: [{ index: 0, originals: 1, copies: 0, fileIds: [] }] };
    case 'assign':
      return { ...base, action, assigneeId: world.staff.specialist.id };
    case 'send_to_agency':
      return { ...base, action, agencyId: world.partner.id };
    case 'issue':
      return { ...base, action, documentNumber: `${rng.int(1, 999)}/GCN` };
    case 'return_result':
      return { ...base, action, method: 'at_desk' };
    case 'refuse':
    case 'stop':
      return { ...base, action, reason: 'Lý do thử nghiệm' };
    case 'withdraw':
      return { ...base, action };
    case 'apologise_extend':
      return dueAt ? { ...base, action, newDueDate: addCalendarDays(toLocalDate(dueAt), rng.int(1, 6)), reason: 'Cần xác minh thêm' } : null;
    case 'submit':
    case 'receive':
      return null;
    default:
      return { ...base, action } as AnyActionInput;
  }
}

const PROGRESS = new Set<DossierAction>(['accept', 'forward', 'assign', 'provide_supplement', 'receive_from_agency', 'approve', 'sign', 'issue', 'return_result', 'acknowledge_result']);

export interface WalkOptions {
  dossiers: number;
  /** First and last local dates of intake. */
  from: string;
  to: string;
  procedures: string[];
  /** Called after each dossier (e.g. to materialise checkpoints midway). */
  afterDossier?: (index: number) => Promise<void>;
}

/**
 * Creates dossiers and moves each one through up to 20 random allowed actions (mostly forward progress), a random delay apart (minutes to
 * three weeks, so deadlines pass and unanswered supplements close). Refused attempts (a rule the handler checks,
 * such as the supplement window) are skipped. Returns the number of actions recorded.
 */
export async function randomWalk(db: Executor, world: DossierWorld, rng: Random, options: WalkOptions): Promise<number> {
  const people: Actor[] = [world.actors.desk, world.actors.specialist, world.actors.head, world.actors.leader, world.actors.clerk, world.actors.partner, world.actors.citizen];
  const system = systemActor('Thử nghiệm');
  const span = (Date.parse(`${options.to}T00:00:00Z`) - Date.parse(`${options.from}T00:00:00Z`)) / 86_400_000;
  let recorded = 0;
  for (let i = 0; i < options.dossiers; i++) {
    const day = addCalendarDays(options.from, rng.int(0, span));
    let now = new Date(Date.parse(`${day}T00:00:00Z`) + rng.int(0, 23 * 60) * 60_000);
    const procedureId = rng.pick(options.procedures);
    const online = rng.chance(0.35);
    const created = online
      ? await submitOnline(db, world, now, procedureId)
      : (
          await db.transaction((tx) =>
            receiveDossierAtDesk(tx, world.actors.desk, deskInput(world, { procedureId, channel: rng.chance(0.2) ? 'post' : 'in_person' }), now),
          )
        ).result;
    recorded++;
    for (let step = 0; step < 20; step++) {
      const delayMinutes = rng.chance(0.15) ? rng.int(5 * 1440, 21 * 1440) : rng.int(10, 2 * 1440);
      now = new Date(now.getTime() + delayMinutes * 60_000);
      const [row] = await db.select().from(dossiers).where(eq(dossiers.id, created.dossierId));
      const subject = await subjectOf(db, row!);
      const status = row!.status as DossierStatus;
      const choices: { actor: Actor; action: DossierAction }[] = [];
      for (const actor of people) for (const action of actionsFor(actor, subject, status)) choices.push({ actor, action });
      for (const action of ['close_no_supplement', 'mark_due_soon', 'mark_overdue'] as const) {
        if (findTransition(status, action, { role: 'system', permissions: [] })) choices.push({ actor: system, action });
      }
      if (choices.length === 0) break;
      // Mostly forward progress, sometimes a detour or an early end.
      const weighted = choices.flatMap((c) => (PROGRESS.has(c.action) ? [c, c, c, c, c, c, c, c] : [c]));
      const choice = rng.pick(weighted);
      const body = bodyOf(choice.action, world, row!.dueAt, rng);
      if (!body) continue;
      try {
        await db.transaction((tx) => performDossierAction(tx, choice.actor, created.dossierId, body, now));
        recorded++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
      }
    }
    await options.afterDossier?.(i);
  }
  return recorded;
}
