/**
 * Inspection records: the reform office keeps plans, inspections and findings; the inspected unit
 * (reform.report_unit in its subtree) reports the follow-up of its findings.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { inspectionFindings, inspectionPlans, inspections } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import type { FindingInput, FollowUpInput, InspectionInput, InspectionPlanInput } from '../../../shared/schemas/inspections';
import { ensureAgency, ensureRegistryDocument } from '../reform-plans/save-plan';
import { findFinding, findInspection, findInspectionPlan } from './inspections.queries';

export async function saveInspectionPlan(tx: Tx, actor: Actor, input: InspectionPlanInput, id?: string): Promise<string> {
  authorize(actor, 'update', 'inspection_plan', id ? await findInspectionPlan(tx, id) : {});
  await ensureAgency(tx, input.agencyId, 'body.agencyId');
  await ensureRegistryDocument(tx, input.documentId, 'body.documentId');
  await ensureRegistryDocument(tx, input.teamDocumentId, 'body.teamDocumentId');
  const values = {
    agencyId: input.agencyId,
    year: input.year,
    title: input.title,
    documentId: input.documentId ?? null,
    teamDocumentId: input.teamDocumentId ?? null,
    plannedUnitCount: input.plannedUnitCount ?? null,
  };
  let planId = id;
  if (planId) await tx.update(inspectionPlans).set({ ...values, updatedAt: new Date() }).where(eq(inspectionPlans.id, planId));
  else {
    const [clash] = await tx
      .select({ id: inspectionPlans.id })
      .from(inspectionPlans)
      .where(and(eq(inspectionPlans.agencyId, input.agencyId), eq(inspectionPlans.year, input.year), eq(inspectionPlans.title, input.title)));
    if (clash) throw new AppError('CONFLICT', { message: 'Kế hoạch kiểm tra này đã có', details: { existingId: clash.id } });
    const [row] = await tx.insert(inspectionPlans).values({ ...values, createdById: actor.userId }).returning({ id: inspectionPlans.id });
    planId = row!.id;
  }
  await recordAudit(tx, actor, { action: AuditAction.INSPECTION_PLAN_SAVED, subjectType: 'inspection_plan', subjectId: planId, summary: { created: !id, year: input.year, title: input.title } });
  return planId;
}

function inspectionValues(input: InspectionInput) {
  return {
    planId: input.planId ?? null,
    inspectedAgencyId: input.inspectedAgencyId,
    kind: input.kind ?? 'scheduled',
    startedOn: input.startedOn,
    endedOn: input.endedOn ?? null,
    areas: [...new Set(input.areas)],
    conclusion: input.conclusion || null,
    conclusionDocumentId: input.conclusionDocumentId ?? null,
  };
}

async function checkInspectionRefs(tx: Tx, input: InspectionInput) {
  await ensureAgency(tx, input.inspectedAgencyId, 'body.inspectedAgencyId');
  await ensureRegistryDocument(tx, input.conclusionDocumentId, 'body.conclusionDocumentId');
  if (input.planId && !(await findInspectionPlan(tx, input.planId))) {
    throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.planId', message: 'Kế hoạch kiểm tra không tồn tại' }] } });
  }
}

export async function recordInspection(tx: Tx, actor: Actor, input: InspectionInput): Promise<string> {
  authorize(actor, 'update', 'inspection_plan', {});
  await checkInspectionRefs(tx, input);
  const [row] = await tx.insert(inspections).values({ ...inspectionValues(input), createdById: actor.userId }).onConflictDoNothing().returning({ id: inspections.id });
  if (!row) throw new AppError('CONFLICT', { message: 'Đơn vị này đã có cuộc kiểm tra bắt đầu cùng ngày trong kế hoạch' });
  await recordAudit(tx, actor, { action: AuditAction.INSPECTION_RECORDED, subjectType: 'inspection', subjectId: row.id, summary: { inspectedAgencyId: input.inspectedAgencyId, startedOn: input.startedOn } });
  return row.id;
}

export async function updateInspection(tx: Tx, actor: Actor, id: string, input: InspectionInput): Promise<void> {
  const found = await findInspection(tx, id);
  authorize(actor, 'update', 'inspection', found ? { inspectedAgencyPath: found.agencyPath } : undefined);
  await checkInspectionRefs(tx, input);
  await tx.update(inspections).set({ ...inspectionValues(input), updatedAt: new Date() }).where(eq(inspections.id, id));
  await recordAudit(tx, actor, { action: AuditAction.INSPECTION_RECORDED, subjectType: 'inspection', subjectId: id, summary: { updated: true, endedOn: input.endedOn ?? null } });
}

export async function addFinding(tx: Tx, actor: Actor, inspectionId: string, input: FindingInput): Promise<string> {
  const found = await findInspection(tx, inspectionId);
  authorize(actor, 'add_finding', 'inspection', found ? { inspectedAgencyPath: found.agencyPath } : undefined);
  await tx.execute(sql`SELECT 1 FROM ${inspections} WHERE id = ${inspectionId} FOR UPDATE`);
  const [{ next }] = (await tx
    .select({ next: sql<number>`coalesce(max(${inspectionFindings.position}), 0)::int + 1` })
    .from(inspectionFindings)
    .where(eq(inspectionFindings.inspectionId, inspectionId))) as [{ next: number }];
  const [row] = await tx
    .insert(inspectionFindings)
    .values({ inspectionId, position: next, area: input.area, finding: input.finding, recommendation: input.recommendation || null, dueOn: input.dueOn ?? null })
    .returning({ id: inspectionFindings.id });
  await recordAudit(tx, actor, { action: AuditAction.INSPECTION_FINDING_RECORDED, subjectType: 'inspection', subjectId: inspectionId, summary: { findingId: row!.id, area: input.area } });
  return row!.id;
}

export async function recordFollowUp(tx: Tx, actor: Actor, findingId: string, input: FollowUpInput): Promise<string> {
  const found = await findFinding(tx, findingId);
  authorize(actor, 'follow_up', 'inspection', found ? { inspectedAgencyPath: found.agencyPath } : undefined);
  const before = found!.finding;
  await tx
    .update(inspectionFindings)
    .set({ status: input.status, resolvedOn: input.status === 'resolved' ? (input.resolvedOn ?? null) : null, followUpNote: input.note || null, updatedAt: new Date() })
    .where(eq(inspectionFindings.id, findingId));
  await recordAudit(tx, actor, {
    action: AuditAction.INSPECTION_FOLLOW_UP_RECORDED,
    subjectType: 'inspection',
    subjectId: before.inspectionId,
    summary: { findingId, before: before.status, after: input.status, resolvedOn: input.resolvedOn ?? null },
  });
  return before.inspectionId;
}
