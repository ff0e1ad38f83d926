/**
 * Loads the 2021 reform plan and its tasks with their progress (demo/demo-plan.data.ts), linked to the registry
 * documents (load after the documents seeder). Idempotent: a plan already present for the agency and year is left.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { reformPlanTasks, reformPlans, reformTaskProgress } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import type { DemoSeeder } from '../../seed/seed-demo';
import { findDemoDocument } from '../documents/seed-demo-documents';
import { DEMO_PLAN, demoPlanTasks } from './demo/demo-plan.data';

const agency = (ids: Map<string, string>, key: string) => {
  const id = ids.get(key);
  if (!id) throw new Error(`Demo plan: agency ${key} is not in the demo units`);
  return id;
};

export async function seedDemoPlans(tx: Tx, actor: Actor, agencyIds: Map<string, string>): Promise<number> {
  const agencyId = agency(agencyIds, DEMO_PLAN.agencyKey);
  const [existing] = await tx.select({ id: reformPlans.id }).from(reformPlans).where(and(eq(reformPlans.agencyId, agencyId), eq(reformPlans.year, DEMO_PLAN.year)));
  if (existing) return 0;
  const document = await findDemoDocument(tx, DEMO_PLAN.document);
  const [plan] = await tx.insert(reformPlans).values({ agencyId, year: DEMO_PLAN.year, title: DEMO_PLAN.title, documentId: document.id, createdById: actor.userId }).returning({ id: reformPlans.id });
  let added = 1;
  for (const [i, t] of demoPlanTasks.entries()) {
    const [task] = await tx
      .insert(reformPlanTasks)
      .values({ planId: plan!.id, position: i + 1, area: t.area, title: t.title, responsibleAgencyId: agency(agencyIds, t.responsible), dueOn: t.dueOn, expectedOutput: t.expectedOutput ?? null })
      .returning({ id: reformPlanTasks.id });
    added += 1;
    for (const p of t.progress) {
      const evidence = p.evidence ? await findDemoDocument(tx, p.evidence) : null;
      await tx.insert(reformTaskProgress).values({ taskId: task!.id, reportedOn: p.reportedOn, percent: p.percent, note: p.note ?? null, documentId: evidence?.id ?? null, recordedById: actor.userId });
      added += 1;
    }
  }
  return added;
}

export const reformPlansSeeder: DemoSeeder = {
  name: 'reform-plans',
  run: (tx, actor, state) => seedDemoPlans(tx, actor, state.agencyIds),
};
