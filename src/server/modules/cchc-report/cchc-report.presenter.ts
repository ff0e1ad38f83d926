/**
 * The report as the API returns it: a draft (or a report under review) recomputed from the records on every view,
 * an issued one read back as stored; with its files, history and what the actor may do.
 */
import { Permission } from '../../../shared/permissions';
import { resolveReportPeriod, type CchcReportSummary, type CchcReportView, type ReportDocument } from '../../../shared/schemas/cchc-report';
import { allowedCchcReportActions, isCchcReportEditable, type CchcReportStatus } from '../../../shared/workflow/cchc-report-workflow';
import type { Actor } from '../../auth/actor';
import type { Executor } from '../../db/client';
import { composeLive, reportHistory, storedFiles, type CchcReportRow, type LoadedReport } from './cchc-report.queries';

export function presentSummary(row: CchcReportRow): CchcReportSummary {
  return {
    id: row.id,
    periodKey: row.periodKey,
    periodName: resolveReportPeriod(row.periodKey, { from: row.periodFrom, to: row.periodTo }).name,
    status: row.status as CchcReportStatus,
    numberText: row.numberText,
    reportDate: row.reportDate,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The document of a report: stored when issued (never recomputed), else composed now. */
export async function reportDocument(executor: Executor, actor: Actor, loaded: LoadedReport): Promise<{ document: ReportDocument; frozen: boolean }> {
  if (loaded.row.status === 'issued' && loaded.row.issuedContent) return { document: loaded.row.issuedContent, frozen: true };
  return { document: await composeLive(executor, actor, loaded), frozen: false };
}

export async function presentReport(executor: Executor, actor: Actor, loaded: LoadedReport): Promise<CchcReportView> {
  const { row } = loaded;
  const { document, frozen } = await reportDocument(executor, actor, loaded);
  const fileRows = await storedFiles(executor, [row.docxFileId, row.pdfFileId]);
  const ref = (id: string | null) => {
    const f = id ? fileRows.get(id) : undefined;
    return f ? { fileId: f.id, sha256: f.sha256, size: f.size, fileName: f.fileName } : null;
  };
  const manages = actor.permissions.has(Permission.REFORM_MANAGE);
  const status = row.status as CchcReportStatus;
  return {
    ...presentSummary(row),
    version: row.version,
    document,
    frozen,
    docx: ref(row.docxFileId),
    pdf: ref(row.pdfFileId),
    history: (await reportHistory(executor, row.id)).map((h) => ({ ...h, at: h.at.toISOString() })),
    abilities: { edit: manages && isCchcReportEditable(status), actions: manages ? allowedCchcReportActions(status) : [] },
  };
}
