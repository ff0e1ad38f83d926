/** Reads of internal processes (quy trình nội bộ) with their time compared to the procedure's legal time. */
import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { internalProcessSteps } from '../../db/schema';
import type { TimeUnit } from '../../../shared/schemas/catalog';
import { checkInternalProcess, type ProcessCheck } from './catalog-rules';

export interface InternalProcessRecord extends ProcessCheck {
  id: string;
  procedureId: string;
  procedureCode: string;
  procedureName: string | null;
  agencyId: string;
  agencyName: string;
  agencyShortName: string;
  agencyPath: string;
  publishingAgencyPath: string;
  approvalDecisionNumber: string;
  approvalDecisionDate: string;
  validFrom: string;
  validTo: string | null;
  stepCount: number;
}

interface Row {
  id: string;
  procedure_id: string;
  procedure_code: string;
  procedure_name: string | null;
  agency_id: string;
  agency_name: string;
  agency_short_name: string;
  agency_path: string;
  publishing_agency_path: string;
  approval_decision_number: string;
  approval_decision_date: string;
  valid_from: string;
  valid_to: string | null;
  total_minutes: number;
  step_count: number;
  time_value: number | null;
  time_unit: string | null;
}

/**
 * Processes with the legal time of the procedure version in force on `asOf` (default: the process's own start),
 * so a later amendment that shortens the legal time shows the process as exceeding it.
 */
function selectProcesses(where: ReturnType<typeof sql>, asOf: string | null) {
  const versionDate = asOf ? sql`${asOf}::date` : sql`ip.valid_from`;
  return sql`SELECT ip.id, ip.procedure_id, p.code AS procedure_code, v.name AS procedure_name,
                    ip.agency_id, a.name AS agency_name, a.short_name AS agency_short_name, a.path AS agency_path,
                    pub.path AS publishing_agency_path,
                    ip.approval_decision_number, ip.approval_decision_date::text AS approval_decision_date,
                    ip.valid_from::text AS valid_from, ip.valid_to::text AS valid_to, ip.total_minutes,
                    (SELECT count(*)::int FROM internal_process_steps s WHERE s.process_id = ip.id) AS step_count,
                    v.time_value, v.time_unit
               FROM internal_processes ip
               JOIN procedures p ON p.id = ip.procedure_id
               JOIN agencies a ON a.id = ip.agency_id
               JOIN agencies pub ON pub.id = p.publishing_agency_id
               LEFT JOIN procedure_versions v ON v.procedure_id = ip.procedure_id
                    AND v.valid_from <= ${versionDate} AND (v.valid_to IS NULL OR v.valid_to >= ${versionDate})
              WHERE ${where}
              ORDER BY a.path, ip.valid_from`;
}

function toRecord(r: Row): InternalProcessRecord {
  const time = r.time_unit ? { value: Number(r.time_value), unit: r.time_unit as TimeUnit } : null;
  const check = time
    ? checkInternalProcess([Number(r.total_minutes)], time)
    : { totalMinutes: Number(r.total_minutes), legalMinutes: 0, withinLegalTime: false, cutPercent: 0 };
  return {
    id: r.id,
    procedureId: r.procedure_id,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    agencyShortName: r.agency_short_name,
    agencyPath: r.agency_path,
    publishingAgencyPath: r.publishing_agency_path,
    approvalDecisionNumber: r.approval_decision_number,
    approvalDecisionDate: r.approval_decision_date,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    stepCount: Number(r.step_count),
    ...check,
  };
}

/** The processes of a procedure in force on a date, one per agency, optionally for one agency. */
export async function listInternalProcesses(executor: Executor, procedureId: string, asOf: string, agencyId?: string): Promise<InternalProcessRecord[]> {
  const where = sql`ip.procedure_id = ${procedureId}
    AND ip.valid_from <= ${asOf}::date AND (ip.valid_to IS NULL OR ip.valid_to >= ${asOf}::date)
    ${agencyId ? sql`AND ip.agency_id = ${agencyId}` : sql``}`;
  return (await queryRows<Row>(executor, selectProcesses(where, asOf))).map(toRecord);
}

export async function findInternalProcess(executor: Executor, id: string) {
  const [row] = await queryRows<Row>(executor, selectProcesses(sql`ip.id = ${id}`, null));
  if (!row) return undefined;
  const steps = await executor.select().from(internalProcessSteps).where(eq(internalProcessSteps.processId, id)).orderBy(asc(internalProcessSteps.position));
  return { ...toRecord(row), steps };
}
