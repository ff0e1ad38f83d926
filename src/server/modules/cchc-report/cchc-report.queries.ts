/**
 * Reading reports: a report row with its issuing agency (and that agency's scope), the list, the action history,
 * the default header of an agency, and the live composition of a report that is not issued yet.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { Role } from '../../../shared/permissions';
import { resolveReportPeriod, type CutOffs, type HeaderSettings, type ReportDocument } from '../../../shared/schemas/cchc-report';
import { foldVietnamese } from '../../../shared/text';
import type { Actor } from '../../auth/actor';
import type { Executor } from '../../db/client';
import { agencies, cchcReportActions, cchcReports, files, users } from '../../db/schema';
import { composeReport } from './compose-report';
import { loadReportInputs } from './report-inputs';

export type CchcReportRow = typeof cchcReports.$inferSelect;
export interface LoadedReport {
  row: CchcReportRow;
  agencyName: string;
  agencyPath: string;
}

/** A report visible to the actor (its issuing agency in their scope), else NOT_FOUND. */
export async function findReport(executor: Executor, actor: Actor, id: string): Promise<LoadedReport> {
  const [found] = await executor
    .select({ row: cchcReports, agencyName: agencies.name, agencyPath: agencies.path })
    .from(cchcReports)
    .innerJoin(agencies, eq(agencies.id, cchcReports.issuingAgencyId))
    .where(eq(cchcReports.id, id));
  if (!found || (actor.agencyPath && !found.agencyPath.startsWith(actor.agencyPath))) throw new AppError('NOT_FOUND', { message: 'Không tìm thấy báo cáo' });
  return found;
}

export async function listReports(executor: Executor, actor: Actor) {
  const rows = await executor
    .select({ row: cchcReports, agencyPath: agencies.path })
    .from(cchcReports)
    .innerJoin(agencies, eq(agencies.id, cchcReports.issuingAgencyId))
    .where(actor.agencyPath ? sql`${agencies.path} LIKE ${`${actor.agencyPath}%`}` : undefined)
    .orderBy(desc(cchcReports.periodTo), desc(cchcReports.createdAt))
    .limit(200);
  return rows.map((r) => r.row);
}

export async function reportHistory(executor: Executor, reportId: string) {
  return executor
    .select({ action: cchcReportActions.action, fromStatus: cchcReportActions.fromStatus, toStatus: cchcReportActions.toStatus, note: cchcReportActions.note, actorName: cchcReportActions.actorName, at: cchcReportActions.createdAt })
    .from(cchcReportActions)
    .where(eq(cchcReportActions.reportId, reportId))
    .orderBy(asc(cchcReportActions.createdAt));
}

export async function storedFiles(executor: Executor, ids: (string | null)[]) {
  const wanted = ids.filter((x): x is string => x !== null);
  if (wanted.length === 0) return new Map<string, typeof files.$inferSelect>();
  const rows = await executor.select().from(files).where(inArray(files.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** "Sở Nội vụ" → "SNV" (initials without diacritics), for the number symbol "BC-SNV". */
export function agencyInitials(name: string): string {
  return foldVietnamese(name)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** "Ủy ban nhân dân tỉnh Hậu Giang" → "UBND TỈNH HẬU GIANG". */
export function shortBodyName(name: string): string {
  return name.replace(/^Ủy ban nhân dân/i, 'UBND').replace(/^Hội đồng nhân dân/i, 'HĐND').toLocaleUpperCase('vi');
}

export const DEFAULT_RECIPIENTS = ['Bộ Nội vụ', 'Văn phòng Chính phủ', 'TT: TU, HĐND, UBND tỉnh', 'Các sở, ban, ngành tỉnh', 'UBND các huyện, thị xã, thành phố'];

/** The header an agency's report starts with: its parent body, its name, symbol, place, its leader as signer. */
export async function defaultHeader(executor: Executor, agencyId: string): Promise<{ header: HeaderSettings; agencyName: string }> {
  const [agency] = await executor.select({ id: agencies.id, name: agencies.name, shortName: agencies.shortName, parentId: agencies.parentId }).from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw new AppError('NOT_FOUND', { message: 'Không tìm thấy cơ quan ban hành báo cáo' });
  const [parent] = agency.parentId ? await executor.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, agency.parentId)) : [];
  const parentName = parent?.name ?? agency.name;
  const place = parentName.replace(/^(Ủy ban nhân dân|UBND)\s+(tỉnh|thành phố)\s+/i, '') || parentName;
  const [leader] = await executor
    .select({ fullName: users.fullName })
    .from(users)
    .where(and(eq(users.agencyId, agencyId), sql`${Role.AGENCY_LEADER} = ANY(${users.roles})`))
    .orderBy(asc(users.createdAt))
    .limit(1);
  return {
    agencyName: agency.name,
    header: {
      parentBody: shortBodyName(parentName),
      // The short name ("Sở Nội vụ"): the parent body above it already names the province.
      issuingBody: (agency.shortName || agency.name).toLocaleUpperCase('vi'),
      symbol: `BC-${agencyInitials(agency.shortName || agency.name)}`,
      place,
      signerAuthority: 'KT. GIÁM ĐỐC',
      signerTitle: 'PHÓ GIÁM ĐỐC',
      signerName: leader?.fullName ?? 'Người ký',
      recipients: DEFAULT_RECIPIENTS,
      archive: 'VT, CCHC',
    },
  };
}

export interface ComposeRequest {
  periodKey: string;
  periodFrom: string;
  periodTo: string;
  cutOffs: CutOffs;
  header: HeaderSettings;
  agencyName: string;
  reportDate: string;
  numberText: string | null;
  narratives: Record<string, string>;
}

/** Composes a report from the records as they are now. */
export async function composeNow(executor: Executor, actor: Actor, req: ComposeRequest): Promise<ReportDocument> {
  const period = resolveReportPeriod(req.periodKey, { from: req.periodFrom, to: req.periodTo });
  const inputs = await loadReportInputs(executor, actor, period, req.cutOffs);
  return composeReport(inputs, { header: req.header, agencyName: req.agencyName, reportDate: req.reportDate, numberText: req.numberText, narratives: req.narratives });
}

/** The document of a report as it stands now: recomputed from the records (never for an issued report). */
export async function composeLive(executor: Executor, actor: Actor, loaded: LoadedReport, overrides: { numberText?: string; reportDate?: string } = {}): Promise<ReportDocument> {
  const { row } = loaded;
  return composeNow(executor, actor, {
    ...row,
    agencyName: loaded.agencyName,
    reportDate: overrides.reportDate ?? row.reportDate,
    numberText: overrides.numberText ?? row.numberText,
  });
}
