/**
 * Loads the 2021 inspection plan and the inspections of the first half of 2021 with their findings
 * (demo/demo-inspections.data.ts), linked to the registry documents (load after the documents seeder).
 * Idempotent: the plan and each inspection are added once.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { inspectionFindings, inspectionPlans, inspections } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import type { DemoSeeder } from '../../seed/seed-demo';
import { findDemoDocument } from '../documents/seed-demo-documents';
import { DEMO_INSPECTION_PLAN, demoInspections } from './demo/demo-inspections.data';

export async function seedDemoInspections(tx: Tx, actor: Actor, agencyIds: Map<string, string>): Promise<number> {
  const id = (key: string) => {
    const v = agencyIds.get(key);
    if (!v) throw new Error(`Demo inspections: agency ${key} is not in the demo units`);
    return v;
  };
  let added = 0;
  const p = DEMO_INSPECTION_PLAN;
  let [plan] = await tx
    .select({ id: inspectionPlans.id })
    .from(inspectionPlans)
    .where(and(eq(inspectionPlans.agencyId, id(p.agencyKey)), eq(inspectionPlans.year, p.year), eq(inspectionPlans.title, p.title)));
  if (!plan) {
    const document = await findDemoDocument(tx, p.document);
    const team = await findDemoDocument(tx, p.teamDocument);
    [plan] = await tx
      .insert(inspectionPlans)
      .values({ agencyId: id(p.agencyKey), year: p.year, title: p.title, documentId: document.id, teamDocumentId: team.id, plannedUnitCount: null, createdById: actor.userId })
      .returning({ id: inspectionPlans.id });
    added += 1;
  }
  for (const d of demoInspections) {
    const [row] = await tx
      .insert(inspections)
      .values({ planId: plan!.id, inspectedAgencyId: id(d.agencyKey), kind: 'scheduled', startedOn: d.startedOn, endedOn: d.endedOn, areas: d.areas, createdById: actor.userId })
      .onConflictDoNothing()
      .returning({ id: inspections.id });
    if (!row) continue;
    added += 1;
    for (const [i, f] of d.findings.entries()) {
      await tx.insert(inspectionFindings).values({
        inspectionId: row.id,
        position: i + 1,
        area: f.area,
        finding: f.finding,
        recommendation: f.recommendation,
        dueOn: f.dueOn,
        status: f.status,
        resolvedOn: f.resolvedOn ?? null,
      });
      added += 1;
    }
  }
  return added;
}

export const inspectionsSeeder: DemoSeeder = {
  name: 'inspections',
  run: (tx, actor, state) => seedDemoInspections(tx, actor, state.agencyIds),
};
