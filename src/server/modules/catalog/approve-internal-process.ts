/**
 * Records an approved internal process (quy trình nội bộ) of a procedure in one agency. The steps' total must not
 * exceed the legal time of the version in force when the process starts (see legalMinutes for the conversion);
 * the previous process of the same procedure and agency ends the day before.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { departments, internalProcessSteps, internalProcesses } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import type { InternalProcessSubject } from '../../policies/catalog.policy';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import { processRoleLabels, type InternalProcessInput } from '../../../shared/schemas/catalog';
import { formatDate } from '../../../shared/text';
import { checkInternalProcess, dayBefore, formatHours, formatProcessingTime } from './catalog-rules';
import { findProcedureIdentity, findProcedureVersionAsOf, versionAgencyIds } from './catalog.queries';
import { findAgency } from './procedure-versions';

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', { details: { fields: [{ path, message }] } });

export async function approveInternalProcess(tx: Tx, actor: Actor, input: InternalProcessInput): Promise<string> {
  const procedure = await findProcedureIdentity(tx, { id: input.procedureId });
  if (!procedure) throw new AppError('NOT_FOUND', { message: 'Không tìm thấy thủ tục' });
  const agency = await findAgency(tx, input.agencyId);
  if (!agency) throw invalid('body.agencyId', 'Không tìm thấy cơ quan');
  authorize<InternalProcessSubject>(actor, 'approve', 'internal_process', { agencyPath: agency.path, publishingAgencyPath: procedure.publishingAgencyPath });

  const validFrom = input.validFrom ?? input.approvalDecisionDate;
  const version = await findProcedureVersionAsOf(tx, procedure.id, validFrom);
  if (!version) throw invalid('body.validFrom', `Thủ tục không có hiệu lực vào ngày ${formatDate(validFrom)}`);
  if (!(await versionAgencyIds(tx, version.id)).includes(agency.id)) {
    throw invalid('body.agencyId', `${agency.name} không thực hiện thủ tục này vào ngày ${formatDate(validFrom)}`);
  }

  const departmentIds = input.steps.map((s) => s.departmentId).filter((d): d is string => !!d);
  const agencyDepartments = new Map(
    departmentIds.length === 0
      ? []
      : (await tx.select().from(departments).where(and(eq(departments.agencyId, agency.id), inArray(departments.id, departmentIds)))).map((d) => [d.id, d.name]),
  );
  const steps = input.steps.map((step, i) => {
    if (step.departmentId && !agencyDepartments.has(step.departmentId)) {
      throw invalid(`body.steps.${i}.departmentId`, `Phòng, bộ phận không thuộc ${agency.name}`);
    }
    if (step.responsibleRole === 'other_agency' && !step.responsibleLabel) {
      throw invalid(`body.steps.${i}.responsibleLabel`, 'Ghi tên cơ quan phối hợp thực hiện bước này');
    }
    return {
      position: i + 1,
      name: step.name,
      responsibleRole: step.responsibleRole,
      departmentId: step.departmentId ?? null,
      responsibleLabel: step.responsibleLabel || (step.departmentId ? agencyDepartments.get(step.departmentId)! : processRoleLabels[step.responsibleRole]),
      allottedMinutes: Math.round(step.hours * 60),
      interAgency: step.interAgency || step.responsibleRole === 'other_agency',
    };
  });

  const time = { value: version.timeValue, unit: version.timeUnit as never };
  const check = checkInternalProcess(steps.map((s) => s.allottedMinutes), time);
  if (!check.withinLegalTime) {
    throw new AppError('INTERNAL_PROCESS_TOO_LONG', {
      message: `Tổng thời gian các bước (${formatHours(check.totalMinutes / 60)} giờ làm việc) vượt thời hạn giải quyết ${formatProcessingTime(time)} (${formatHours(check.legalMinutes / 60)} giờ làm việc)`,
      details: { totalHours: check.totalMinutes / 60, legalHours: check.legalMinutes / 60 },
    });
  }

  const [previous] = await tx
    .select()
    .from(internalProcesses)
    .where(and(eq(internalProcesses.procedureId, procedure.id), eq(internalProcesses.agencyId, agency.id), isNull(internalProcesses.validTo)))
    .for('update');
  if (previous) {
    if (previous.validFrom >= validFrom) {
      throw invalid('body.validFrom', `Đã có quy trình nội bộ áp dụng từ ${formatDate(previous.validFrom)}; quy trình mới phải áp dụng từ ngày sau đó`);
    }
    await tx.update(internalProcesses).set({ validTo: dayBefore(validFrom) }).where(eq(internalProcesses.id, previous.id));
  }
  const [process] = await tx
    .insert(internalProcesses)
    .values({
      procedureId: procedure.id,
      agencyId: agency.id,
      approvalDecisionNumber: input.approvalDecisionNumber,
      approvalDecisionDate: input.approvalDecisionDate,
      validFrom,
      totalMinutes: check.totalMinutes,
      createdById: actor.userId,
    })
    .returning({ id: internalProcesses.id });
  await tx.insert(internalProcessSteps).values(steps.map((s) => ({ ...s, processId: process!.id })));
  await recordAudit(tx, actor, {
    action: AuditAction.CATALOG_INTERNAL_PROCESS_APPROVED,
    subjectType: 'internal_process',
    subjectId: process!.id,
    summary: {
      procedureCode: procedure.code,
      agencyId: agency.id,
      approvalDecisionNumber: input.approvalDecisionNumber,
      validFrom,
      totalHours: check.totalMinutes / 60,
      cutPercent: check.cutPercent,
      replaces: previous?.id ?? null,
    },
  });
  return process!.id;
}
