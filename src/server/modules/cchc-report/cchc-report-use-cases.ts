/**
 * Changing reports, each in the caller's transaction with its audit entry: create a draft for a period (a retried
 * creation with the same key returns the same report), edit a draft (narrative, header, cut-offs; stale versions
 * refused), and move it through the workflow. Issuing gives the register number and date, composes the document a
 * last time, renders the DOCX and PDF, stores both (content-addressed, with their sha256) and keeps the composed
 * content: from then on the report is served from storage and never recomputed.
 */
import { and, eq, sql } from 'drizzle-orm';
import { toLocalDate } from '../../../shared/calendar';
import { AppError } from '../../../shared/errors';
import { resolveReportPeriod, type CchcReportActionBody, type CreateCchcReportBody, type CutOffs, type UpdateCchcReportBody } from '../../../shared/schemas/cchc-report';
import { findCchcReportTransition, isCchcReportEditable, type CchcReportStatus } from '../../../shared/workflow/cchc-report-workflow';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import type { Executor } from '../../db/client';
import { cchcReportActions, cchcReports } from '../../db/schema';
import type { FileStorage } from '../files/file-storage';
import { storeFile } from '../files/store-file';
import { composeLive, defaultHeader, findReport } from './cchc-report.queries';
import { renderReportDocx } from './report-docx';
import { renderReportPdf } from './report-pdf';

export const CchcReportAudit = {
  CREATED: 'cchc_report.created',
  UPDATED: 'cchc_report.updated',
  action: (action: string) => `cchc_report.${action}`,
} as const;

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Day the report is due (the 20th of the period's last month, 581/BNV-CCHC) or the last day of a custom period. */
function defaultReportDate(periodKey: string, to: string): string {
  return periodKey === 'custom' ? to : `${to.slice(0, 7)}-20`;
}

export async function createCchcReport(tx: Executor, actor: Actor, input: CreateCchcReportBody & { issuingAgencyId?: string | undefined; creationKey?: string | undefined }): Promise<string> {
  if (input.creationKey) {
    const [existing] = await tx.select({ id: cchcReports.id }).from(cchcReports).where(eq(cchcReports.creationKey, input.creationKey));
    if (existing) return existing.id;
  }
  const agencyId = input.issuingAgencyId ?? actor.agencyId;
  if (!agencyId) throw new AppError('VALIDATION_FAILED', { message: 'Tài khoản chưa thuộc cơ quan nào nên không xác định được cơ quan ban hành báo cáo' });
  const period = resolveReportPeriod(input.period, input);
  const cutOffs: CutOffs = {
    dossiersFrom: input.dossiersFrom ?? period.from,
    dossiersTo: input.dossiersTo ?? period.to,
    catalogAsOf: input.catalogAsOf ?? period.to,
  };
  const { header } = await defaultHeader(tx, agencyId);
  const [row] = await tx
    .insert(cchcReports)
    .values({
      periodKey: period.key,
      periodFrom: period.from,
      periodTo: period.to,
      cutOffs,
      reportDate: input.reportDate ?? defaultReportDate(period.key, period.to),
      issuingAgencyId: agencyId,
      header,
      creationKey: input.creationKey ?? null,
      createdById: actor.userId,
    })
    .returning({ id: cchcReports.id });
  await recordAudit(tx, actor, { action: CchcReportAudit.CREATED, subjectType: 'cchc_report', subjectId: row!.id, summary: { period: period.key, cutOffs } });
  return row!.id;
}

export async function updateCchcReport(tx: Executor, actor: Actor, id: string, input: UpdateCchcReportBody): Promise<void> {
  const { row } = await findReport(tx, actor, id);
  if (!isCchcReportEditable(row.status as CchcReportStatus)) throw new AppError('ACTION_NOT_ALLOWED', { message: 'Chỉ sửa được báo cáo ở trạng thái dự thảo' });
  if (row.version !== input.version) throw new AppError('CONFLICT', { message: 'Báo cáo vừa được người khác sửa; hãy tải lại để xem bản mới nhất' });
  const narratives = { ...row.narratives };
  for (const key of input.resetNarratives ?? []) delete narratives[key];
  for (const [key, text] of Object.entries(input.narratives ?? {})) narratives[key] = text.normalize('NFC');
  const cutOffs: CutOffs = {
    dossiersFrom: input.dossiersFrom ?? row.cutOffs.dossiersFrom,
    dossiersTo: input.dossiersTo ?? row.cutOffs.dossiersTo,
    catalogAsOf: input.catalogAsOf ?? row.cutOffs.catalogAsOf,
  };
  if (cutOffs.dossiersTo < cutOffs.dossiersFrom) {
    throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.dossiersTo', message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi' }] } });
  }
  const header = { ...row.header, ...input.header };
  const updated = await tx
    .update(cchcReports)
    .set({ narratives, cutOffs, header, reportDate: input.reportDate ?? row.reportDate, version: row.version + 1, updatedAt: new Date() })
    .where(and(eq(cchcReports.id, id), eq(cchcReports.version, input.version)))
    .returning({ id: cchcReports.id });
  if (updated.length === 0) throw new AppError('CONFLICT', { message: 'Báo cáo vừa được người khác sửa; hãy tải lại để xem bản mới nhất' });
  await recordAudit(tx, actor, {
    action: CchcReportAudit.UPDATED,
    subjectType: 'cchc_report',
    subjectId: id,
    summary: { narratives: Object.keys(input.narratives ?? {}), reset: input.resetNarratives ?? [], header: Object.keys(input.header ?? {}), cutOffs },
  });
}

/** Next register number of the agency's reports in the year of issue. */
async function nextNumber(tx: Executor, agencyId: string, year: number): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${cchcReports.number})` })
    .from(cchcReports)
    .where(and(eq(cchcReports.issuingAgencyId, agencyId), sql`extract(year from ${cchcReports.issuedAt} AT TIME ZONE 'Asia/Ho_Chi_Minh') = ${year}`));
  return Number(row?.max ?? 0) + 1;
}

export async function actOnCchcReport(tx: Executor, actor: Actor, storage: FileStorage, id: string, input: CchcReportActionBody, now: Date = new Date()): Promise<void> {
  const loaded = await findReport(tx, actor, id);
  const { row } = loaded;
  const [done] = await tx.select().from(cchcReportActions).where(eq(cchcReportActions.actionId, input.actionId));
  if (done) {
    if (done.reportId !== id || done.action !== input.action) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return; // a retry of an action already applied
  }
  const status = row.status as CchcReportStatus;
  const transition = findCchcReportTransition(status, input.action);
  if (!transition) throw new AppError('ACTION_NOT_ALLOWED', { details: { status, allowed: [] } });
  if (!actor.permissions.has(transition.permission)) throw new AppError('FORBIDDEN');

  const changes: Partial<typeof cchcReports.$inferInsert> = { status: transition.to, version: row.version + 1, updatedAt: now };
  let summary: Record<string, unknown> = { from: status, to: transition.to };
  if (input.action === 'issue') {
    const issuedOn = input.issuedOn ?? toLocalDate(now);
    const number = input.number ?? (await nextNumber(tx, row.issuingAgencyId, Number(issuedOn.slice(0, 4))));
    const numberText = `${number}/${row.header.symbol}`;
    const [taken] = await tx
      .select({ id: cchcReports.id })
      .from(cchcReports)
      .where(and(eq(cchcReports.issuingAgencyId, row.issuingAgencyId), eq(cchcReports.numberText, numberText)));
    if (taken) throw new AppError('CONFLICT', { message: `Số ${numberText} đã được cấp cho báo cáo khác` });
    const document = await composeLive(tx, actor, loaded, { numberText, reportDate: issuedOn });
    const base = `bao-cao-cchc-${row.periodKey}-so-${number}`;
    const docx = await storeFile(tx, actor, storage, { content: await renderReportDocx(document), fileName: `${base}.docx`, maxBytes: MAX_FILE_BYTES });
    const pdf = await storeFile(tx, actor, storage, { content: await renderReportPdf(document), fileName: `${base}.pdf`, maxBytes: MAX_FILE_BYTES });
    Object.assign(changes, { number, numberText, reportDate: issuedOn, issuedAt: now, issuedContent: document, docxFileId: docx.id, pdfFileId: pdf.id });
    summary = { ...summary, numberText, issuedOn, docxSha256: docx.sha256, pdfSha256: pdf.sha256 };
  }
  const updated = await tx
    .update(cchcReports)
    .set(changes)
    .where(and(eq(cchcReports.id, id), eq(cchcReports.version, row.version)))
    .returning({ id: cchcReports.id });
  if (updated.length === 0) throw new AppError('CONFLICT', { message: 'Báo cáo vừa được người khác thay đổi; hãy tải lại' });
  await tx.insert(cchcReportActions).values({
    reportId: id,
    actionId: input.actionId,
    action: input.action,
    fromStatus: status,
    toStatus: transition.to,
    note: input.note ?? null,
    actorId: actor.userId,
    actorName: actor.fullName,
    createdAt: now,
  });
  await recordAudit(tx, actor, { action: CchcReportAudit.action(input.action), subjectType: 'cchc_report', subjectId: id, summary });
}
