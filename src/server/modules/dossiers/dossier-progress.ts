/** Bookkeeping beside the projection: when each step of the internal process ran, and each agency's own time. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Outcome } from '../../../shared/calendar';
import type { StepPlan } from '../../../shared/workflow/dossier-deadlines';
import type { Executor } from '../../db/client';
import { dossierAgencyPeriods, dossierSteps } from '../../db/schema';

/** Ends the current step and starts the next one (either may be null). */
export async function moveStep(tx: Executor, dossierId: string, from: number | null, to: number | null, now: Date, assigneeId: string | null = null) {
  if (from === to) return;
  if (from !== null) {
    await tx.update(dossierSteps).set({ finishedAt: now }).where(and(eq(dossierSteps.dossierId, dossierId), eq(dossierSteps.position, from)));
  }
  if (to !== null) {
    await tx
      .update(dossierSteps)
      .set({ startedAt: now, finishedAt: null, assigneeId })
      .where(and(eq(dossierSteps.dossierId, dossierId), eq(dossierSteps.position, to)));
  }
}

export async function setStepAssignee(tx: Executor, dossierId: string, position: number | null, assigneeId: string | null) {
  if (position === null) return;
  await tx.update(dossierSteps).set({ assigneeId }).where(and(eq(dossierSteps.dossierId, dossierId), eq(dossierSteps.position, position)));
}

/** Planned due instant of one step, or null. */
export async function plannedDueOf(tx: Executor, dossierId: string, position: number | null): Promise<Date | null> {
  if (position === null) return null;
  const [row] = await tx
    .select({ plannedDueAt: dossierSteps.plannedDueAt })
    .from(dossierSteps)
    .where(and(eq(dossierSteps.dossierId, dossierId), eq(dossierSteps.position, position)));
  return row?.plannedDueAt ?? null;
}

/** Writes a new plan (after a supplement restarts the count). */
export async function replanSteps(tx: Executor, dossierId: string, plan: readonly StepPlan[]) {
  for (const p of plan) {
    await tx
      .update(dossierSteps)
      .set({ plannedDueAt: p.plannedDueAt })
      .where(and(eq(dossierSteps.dossierId, dossierId), eq(dossierSteps.position, p.position)));
  }
}

/**
 * Closes the competent agency's period when the dossier ends (a result, a refusal, a stop), and a participating
 * agency's period left open by a stop or a closure (without an outcome: that agency did not finish its part).
 */
export async function finishCompetentPeriod(tx: Executor, dossierId: string, now: Date, outcome: Outcome | null) {
  await tx
    .update(dossierAgencyPeriods)
    .set({ finishedAt: now, outcome })
    .where(and(eq(dossierAgencyPeriods.dossierId, dossierId), eq(dossierAgencyPeriods.role, 'competent'), isNull(dossierAgencyPeriods.finishedAt)));
  await tx
    .update(dossierAgencyPeriods)
    .set({ finishedAt: now })
    .where(and(eq(dossierAgencyPeriods.dossierId, dossierId), eq(dossierAgencyPeriods.role, 'participating'), isNull(dossierAgencyPeriods.finishedAt)));
}

export async function updateCompetentDue(tx: Executor, dossierId: string, dueAt: Date) {
  await tx
    .update(dossierAgencyPeriods)
    .set({ dueAt })
    .where(and(eq(dossierAgencyPeriods.dossierId, dossierId), eq(dossierAgencyPeriods.role, 'competent'), isNull(dossierAgencyPeriods.finishedAt)));
}

export async function startParticipatingPeriod(
  tx: Executor,
  dossierId: string,
  agency: { agencyId: string | null; externalAgencyName: string | null },
  now: Date,
  dueAt: Date | null,
) {
  await tx.insert(dossierAgencyPeriods).values({ dossierId, ...agency, role: 'participating', startedAt: now, dueAt });
}

/** Ends the open participating period; returns its due instant (for the outcome). */
export async function finishParticipatingPeriod(tx: Executor, dossierId: string, now: Date, classify: (dueAt: Date) => Outcome) {
  const [open] = await tx
    .select()
    .from(dossierAgencyPeriods)
    .where(and(eq(dossierAgencyPeriods.dossierId, dossierId), eq(dossierAgencyPeriods.role, 'participating'), isNull(dossierAgencyPeriods.finishedAt)))
    .orderBy(sql`${dossierAgencyPeriods.id} desc`)
    .limit(1);
  if (!open) return;
  await tx
    .update(dossierAgencyPeriods)
    .set({ finishedAt: now, outcome: open.dueAt ? classify(open.dueAt) : null })
    .where(eq(dossierAgencyPeriods.id, open.id));
}

/** Per-step planned due instants at receipt; the step the dossier is at starts now. */
export async function insertStepPlan(tx: Executor, dossierId: string, plan: readonly StepPlan[], startedAt: Date, currentStep: number | null) {
  if (plan.length === 0) return;
  await tx
    .insert(dossierSteps)
    .values(plan.map((s) => ({ dossierId, position: s.position, plannedDueAt: s.plannedDueAt, startedAt: s.position === currentStep ? startedAt : null })));
}

/** Starts the competent agency's own period (its time on the dossier) at receipt. */
export async function startCompetentPeriod(tx: Executor, dossierId: string, agencyId: string, startedAt: Date, dueAt: Date) {
  await tx.insert(dossierAgencyPeriods).values({ dossierId, agencyId, role: 'competent', startedAt, dueAt });
}
