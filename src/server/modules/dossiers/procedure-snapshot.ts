/**
 * What a dossier copies from the catalog at receipt: the procedure version in force on the receipt date, the
 * competent agency (one of the agencies applying that version, never the desk's location) and the internal process
 * that agency had approved for the procedure on that date.
 */
import { and, asc, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { ProcedureSnapshot, SnapshotStep } from '../../../shared/schemas/dossiers';
import type { Executor } from '../../db/client';
import { internalProcessSteps, internalProcesses } from '../../db/schema';
import { findProcedureVersionAsOf, versionAgencyIds, type ProcedureVersionRecord } from '../catalog/catalog.queries';

/** Documents marked "(nếu có)" (if any) in the published list are optional. */
const OPTIONAL_DOCUMENT = /\(\s*nếu có\s*\)/i;

export function isOptionalDocument(name: string): boolean {
  return OPTIONAL_DOCUMENT.test(name.normalize('NFC'));
}

const ROLES = new Set<SnapshotStep['role']>(['desk', 'specialist', 'department_head', 'leader', 'clerk', 'other_agency']);

async function internalProcessOf(executor: Executor, procedureId: string, agencyId: string, date: string) {
  const [process] = await executor
    .select({ id: internalProcesses.id })
    .from(internalProcesses)
    .where(
      and(
        eq(internalProcesses.procedureId, procedureId),
        eq(internalProcesses.agencyId, agencyId),
        lte(internalProcesses.validFrom, date),
        or(isNull(internalProcesses.validTo), gte(internalProcesses.validTo, date)),
      ),
    )
    .orderBy(desc(internalProcesses.validFrom))
    .limit(1);
  if (!process) return { id: null, steps: [] as SnapshotStep[] };
  const rows = await executor.select().from(internalProcessSteps).where(eq(internalProcessSteps.processId, process.id)).orderBy(asc(internalProcessSteps.position));
  return { id: process.id, steps: rows.map(snapshotStepOf) };
}

/** A step of an approved internal process as the dossier keeps it, numbered from 0 in order. */
export function snapshotStepOf(s: typeof internalProcessSteps.$inferSelect, position: number): SnapshotStep {
  return {
    position,
    name: s.name,
    role: ROLES.has(s.responsibleRole as SnapshotStep['role']) ? (s.responsibleRole as SnapshotStep['role']) : 'specialist',
    departmentId: s.departmentId,
    responsibleLabel: s.responsibleLabel,
    allottedMinutes: s.allottedMinutes,
    interAgency: s.interAgency,
  };
}

export function snapshotOf(version: ProcedureVersionRecord, process: { id: string | null; steps: SnapshotStep[] }): ProcedureSnapshot {
  return {
    procedureId: version.procedureId,
    versionId: version.id,
    versionNo: version.versionNo,
    code: version.code,
    name: version.name,
    fieldCode: version.fieldCode,
    fieldName: version.fieldName,
    level: version.level,
    time: { value: version.timeValue, unit: version.timeUnit as ProcedureSnapshot['time']['unit'] },
    cutoffTime: version.cutoffTime,
    onlineLevel: version.onlineLevel,
    onlineScope: version.onlineScope,
    interAgency: version.interAgency,
    onTheSpot: version.onTheSpot,
    postalReturn: version.postalReturn,
    methods: version.methods,
    documents: version.documents.map((d, index) => ({
      index,
      name: d.name,
      originals: d.originals,
      copies: d.copies,
      required: !isOptionalDocument(d.name),
      formName: d.formName ?? null,
    })),
    sets: version.sets,
    result: version.result,
    fees: version.fees.map((f) => ({ name: f.name, amount: f.amount, note: f.note ?? null })),
    steps: process.steps,
    internalProcessId: process.id,
  };
}

export interface ResolvedProcedure {
  snapshot: ProcedureSnapshot;
  competentAgencyId: string;
}

/**
 * Resolves the procedure for a dossier received on `date` (local 'YYYY-MM-DD'). The competent agency must apply
 * the version; it may be omitted when exactly one agency does.
 */
export async function resolveProcedure(
  executor: Executor,
  input: { procedureId: string; competentAgencyId?: string | undefined; date: string },
): Promise<ResolvedProcedure> {
  const version = await findProcedureVersionAsOf(executor, input.procedureId, input.date);
  if (!version) {
    throw new AppError('PROCEDURE_NOT_IN_FORCE', { details: { fields: [{ path: 'body.procedureId', message: `Thủ tục không có hiệu lực vào ngày ${input.date}` }] } });
  }
  const agencyIds = await versionAgencyIds(executor, version.id);
  let competentAgencyId = input.competentAgencyId;
  if (!competentAgencyId) {
    if (agencyIds.length !== 1) {
      throw new AppError('VALIDATION_FAILED', {
        message: 'Thủ tục do nhiều cơ quan giải quyết: cần chọn cơ quan có thẩm quyền',
        details: { fields: [{ path: 'body.competentAgencyId', message: 'Chọn cơ quan giải quyết hồ sơ' }] },
      });
    }
    competentAgencyId = agencyIds[0]!;
  } else if (!agencyIds.includes(competentAgencyId)) {
    throw new AppError('AGENCY_NOT_COMPETENT', { details: { fields: [{ path: 'body.competentAgencyId', message: 'Cơ quan này không giải quyết thủ tục đã chọn' }] } });
  }
  const process = await internalProcessOf(executor, version.procedureId, competentAgencyId, input.date);
  return { snapshot: snapshotOf(version, process), competentAgencyId };
}
