/**
 * Entering staffing records. Quotas and restructuring schemes are decided by the province: only the reform office
 * (reform.manage) records them. Staff counts, personnel changes and the autonomy register may also be entered by a
 * unit for its own agency subtree (reform.report_unit). Every write is audited in the same transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { agencies, autonomyUnits, personnelChanges, restructuringSchemes, staffCounts, staffingQuotas } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { managesReform } from '../../policies/reform-records.policy';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import type { AutonomyUnitInput, PersonnelChangeInput, QuotaInput, RestructuringSchemeInput, StaffCountInput } from '../../../shared/schemas/staffing';
import { ensureRegistryDocument } from '../reform-plans/save-plan';
import { findAutonomyUnit } from './staffing.queries';

/** The agency's path, or REFORM_AGENCY_INVALID (422) when unknown. */
async function agencyPath(executor: Executor, agencyId: string, field: string): Promise<string> {
  const [row] = await executor.select({ path: agencies.path }).from(agencies).where(eq(agencies.id, agencyId));
  if (!row) throw new AppError('REFORM_AGENCY_INVALID', { details: { fields: [{ path: field, message: 'Cơ quan không có trong hệ thống' }] } });
  return row.path;
}

/** A unit may write only inside its subtree: outside it the agency is «not found» for them (422, nothing revealed). */
async function authorizeAgency(executor: Executor, actor: Actor, agencyId: string, field: string) {
  const path = await agencyPath(executor, agencyId, field);
  authorize(actor, 'update', 'staffing_record', { agencyPath: path });
}

function requireManager(actor: Actor) {
  if (!managesReform(actor)) throw new AppError('FORBIDDEN', { message: 'Chỉ Sở Nội vụ (cán bộ CCHC) giao biên chế và phê duyệt đề án' });
}

/** Sets an agency's quota of one kind for a year (replaces the previous figure). */
export async function setQuota(tx: Tx, actor: Actor, input: QuotaInput): Promise<string> {
  requireManager(actor);
  await agencyPath(tx, input.agencyId, 'body.agencyId');
  await ensureRegistryDocument(tx, input.documentId, 'body.documentId');
  const values = { quota: input.quota, documentId: input.documentId ?? null, note: input.note || null, updatedById: actor.userId, updatedAt: new Date() };
  const [row] = await tx
    .insert(staffingQuotas)
    .values({ agencyId: input.agencyId, year: input.year, kind: input.kind, ...values })
    .onConflictDoUpdate({ target: [staffingQuotas.agencyId, staffingQuotas.year, staffingQuotas.kind], set: values })
    .returning({ id: staffingQuotas.id });
  await recordAudit(tx, actor, { action: AuditAction.STAFFING_QUOTA_SET, subjectType: 'staffing_quota', subjectId: row!.id, summary: { agencyId: input.agencyId, year: input.year, kind: input.kind, quota: input.quota } });
  return row!.id;
}

/** Sets an agency's staff count as of a date (replaces a count of the same date). */
export async function setStaffCount(tx: Tx, actor: Actor, input: StaffCountInput): Promise<string> {
  await authorizeAgency(tx, actor, input.agencyId, 'body.agencyId');
  const total = input.postgraduate + input.university + input.collegeOrBelow;
  if (input.theorySenior + input.theoryIntermediate > total || input.educationHealth > total) {
    throw new AppError('STAFF_FIGURES_INVALID', { details: { total, theory: input.theorySenior + input.theoryIntermediate, educationHealth: input.educationHealth } });
  }
  const values = {
    postgraduate: input.postgraduate,
    university: input.university,
    collegeOrBelow: input.collegeOrBelow,
    theorySenior: input.theorySenior,
    theoryIntermediate: input.theoryIntermediate,
    educationHealth: input.educationHealth ?? 0,
    note: input.note || null,
    updatedById: actor.userId,
    updatedAt: new Date(),
  };
  const [row] = await tx
    .insert(staffCounts)
    .values({ agencyId: input.agencyId, asOf: input.asOf, ...values })
    .onConflictDoUpdate({ target: [staffCounts.agencyId, staffCounts.asOf], set: values })
    .returning({ id: staffCounts.id });
  await recordAudit(tx, actor, { action: AuditAction.STAFF_COUNT_SET, subjectType: 'staff_count', subjectId: row!.id, summary: { agencyId: input.agencyId, asOf: input.asOf, total } });
  return row!.id;
}

/** Records a dated personnel change; with a `sourceKey`, a retry returns the first record. */
export async function recordPersonnelChange(tx: Tx, actor: Actor, input: PersonnelChangeInput): Promise<{ id: string; created: boolean }> {
  await authorizeAgency(tx, actor, input.agencyId, 'body.agencyId');
  await ensureRegistryDocument(tx, input.documentId, 'body.documentId');
  if (input.sourceKey) {
    const [existing] = await tx
      .select({ id: personnelChanges.id })
      .from(personnelChanges)
      .where(and(eq(personnelChanges.agencyId, input.agencyId), eq(personnelChanges.sourceKey, input.sourceKey)));
    if (existing) return { id: existing.id, created: false };
  }
  const [row] = await tx
    .insert(personnelChanges)
    .values({
      agencyId: input.agencyId,
      kind: input.kind,
      staffCategory: input.staffCategory,
      occurredOn: input.occurredOn,
      personCount: input.personCount,
      decisionNumber: input.decisionNumber || null,
      documentId: input.documentId ?? null,
      note: input.note || null,
      sourceKey: input.sourceKey || null,
      createdById: actor.userId,
    })
    .returning({ id: personnelChanges.id });
  await recordAudit(tx, actor, {
    action: AuditAction.PERSONNEL_CHANGE_RECORDED,
    subjectType: 'personnel_change',
    subjectId: row!.id,
    summary: { agencyId: input.agencyId, kind: input.kind, occurredOn: input.occurredOn, personCount: input.personCount },
  });
  return { id: row!.id, created: true };
}

export async function recordRestructuringScheme(tx: Tx, actor: Actor, input: RestructuringSchemeInput): Promise<string> {
  requireManager(actor);
  await agencyPath(tx, input.agencyId, 'body.agencyId');
  await ensureRegistryDocument(tx, input.documentId, 'body.documentId');
  const [existing] = await tx
    .select({ id: restructuringSchemes.id })
    .from(restructuringSchemes)
    .where(and(eq(restructuringSchemes.agencyId, input.agencyId), eq(restructuringSchemes.title, input.title), eq(restructuringSchemes.approvedOn, input.approvedOn)));
  if (existing) return existing.id;
  const [row] = await tx
    .insert(restructuringSchemes)
    .values({ agencyId: input.agencyId, title: input.title, approvedOn: input.approvedOn, decisionNumber: input.decisionNumber || null, documentId: input.documentId ?? null, note: input.note || null, createdById: actor.userId })
    .returning({ id: restructuringSchemes.id });
  await recordAudit(tx, actor, { action: AuditAction.RESTRUCTURING_SCHEME_RECORDED, subjectType: 'restructuring_scheme', subjectId: row!.id, summary: { agencyId: input.agencyId, approvedOn: input.approvedOn } });
  return row!.id;
}

function autonomyValues(input: AutonomyUnitInput) {
  return {
    managingAgencyId: input.managingAgencyId,
    name: input.name,
    kind: input.kind,
    mandatory: input.mandatory ?? true,
    autonomyClass: input.autonomyClass ?? null,
    autonomySince: input.autonomySince ?? null,
    legalBasis: input.legalBasis || null,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
  };
}

export async function createAutonomyUnit(tx: Tx, actor: Actor, input: AutonomyUnitInput): Promise<string> {
  await authorizeAgency(tx, actor, input.managingAgencyId, 'body.managingAgencyId');
  const [clash] = await tx
    .select({ id: autonomyUnits.id })
    .from(autonomyUnits)
    .where(and(eq(autonomyUnits.managingAgencyId, input.managingAgencyId), eq(autonomyUnits.name, input.name), eq(autonomyUnits.validFrom, input.validFrom)));
  if (clash) throw new AppError('CONFLICT', { message: 'Cơ quan, đơn vị này đã có trong danh sách với cùng ngày bắt đầu', details: { existingId: clash.id } });
  const [row] = await tx.insert(autonomyUnits).values({ ...autonomyValues(input), updatedById: actor.userId }).returning({ id: autonomyUnits.id });
  await recordAudit(tx, actor, { action: AuditAction.AUTONOMY_UNIT_SAVED, subjectType: 'autonomy_unit', subjectId: row!.id, summary: { created: true, name: input.name, kind: input.kind, autonomyClass: input.autonomyClass ?? null } });
  return row!.id;
}

export async function updateAutonomyUnit(tx: Tx, actor: Actor, id: string, input: AutonomyUnitInput): Promise<void> {
  const found = await findAutonomyUnit(tx, id);
  authorize(actor, 'update', 'staffing_record', found ? { agencyPath: found.agencyPath } : undefined);
  await authorizeAgency(tx, actor, input.managingAgencyId, 'body.managingAgencyId');
  await tx.update(autonomyUnits).set({ ...autonomyValues(input), updatedById: actor.userId, updatedAt: new Date() }).where(eq(autonomyUnits.id, id));
  await recordAudit(tx, actor, {
    action: AuditAction.AUTONOMY_UNIT_SAVED,
    subjectType: 'autonomy_unit',
    subjectId: id,
    summary: { before: { autonomyClass: found!.unit.autonomyClass, autonomySince: found!.unit.autonomySince, validTo: found!.unit.validTo }, after: { autonomyClass: input.autonomyClass ?? null, autonomySince: input.autonomySince ?? null, validTo: input.validTo ?? null } },
  });
}
