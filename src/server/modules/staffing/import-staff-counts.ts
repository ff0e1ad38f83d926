/**
 * Imports staff counts (one agency per row, as of a date) from XLSX or CSV: the agency by its electronic identifier
 * code (mã định danh), the counts by qualification and political-theory level. Every row is checked first, including
 * that the agency lies in the importer's scope; any problem rejects the file with a row report and nothing is written.
 */
import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { agencies } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { can } from '../../policies';
import { AuditAction } from '../../../shared/audit-actions';
import { AppError } from '../../../shared/errors';
import { StaffCountInput } from '../../../shared/schemas/staffing';
import { cell } from '../catalog/catalog-file';
import { readImportSheet, rejectImport, type SheetColumn } from '../documents/import-sheet';
import { setStaffCount } from './save-staffing';

export const STAFF_COUNT_COLUMNS = [
  { key: 'agencyCode', header: 'Mã định danh cơ quan', required: true },
  { key: 'agencyName', header: 'Tên cơ quan', required: false },
  { key: 'asOf', header: 'Ngày số liệu', required: true },
  { key: 'postgraduate', header: 'Sau đại học', required: true },
  { key: 'university', header: 'Đại học', required: true },
  { key: 'collegeOrBelow', header: 'Cao đẳng trở xuống', required: true },
  { key: 'theorySenior', header: 'Lý luận chính trị cao cấp, cử nhân', required: true },
  { key: 'theoryIntermediate', header: 'Lý luận chính trị trung cấp', required: true },
  { key: 'educationHealth', header: 'Ngành giáo dục, y tế', required: false },
  { key: 'note', header: 'Ghi chú', required: false },
] as const satisfies readonly SheetColumn<string>[];
type Key = (typeof STAFF_COUNT_COLUMNS)[number]['key'];
const NUMBER_KEYS = ['postgraduate', 'university', 'collegeOrBelow', 'theorySenior', 'theoryIntermediate', 'educationHealth'] as const;

export interface StaffCountImportResult {
  dryRun: boolean;
  rows: number;
  saved: number;
  total: number;
}

export async function importStaffCounts(tx: Tx, actor: Actor, input: { file: Buffer; format: 'xlsx' | 'csv'; dryRun: boolean }): Promise<StaffCountImportResult> {
  if (!actor.userId) throw new AppError('UNAUTHENTICATED');
  const { rows, report } = await readImportSheet<Key>(input.file, input.format, STAFF_COUNT_COLUMNS);
  const codes = [...new Set(rows.map((r) => r.cells.agencyCode).filter(Boolean))];
  const found = codes.length ? await tx.select({ id: agencies.id, code: agencies.identifierCode, path: agencies.path }).from(agencies).where(inArray(agencies.identifierCode, codes)) : [];
  const byCode = new Map(found.map((a) => [a.code, a]));
  const parsed: StaffCountInput[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const agency = byCode.get(cells.agencyCode);
    if (cells.agencyCode && !agency) report.add(row, 'agencyCode', `Không có cơ quan mã «${cells.agencyCode}»`);
    else if (agency && !can(actor, 'update', 'staffing_record', { agencyPath: agency.path })) report.add(row, 'agencyCode', 'Cơ quan không thuộc phạm vi quản lý của bạn');
    const asOf = cells.asOf ? cell.date(cells.asOf, 'Ngày số liệu') : null;
    if (asOf && !asOf.ok) report.add(row, 'asOf', asOf.message);
    const numbers: Partial<Record<(typeof NUMBER_KEYS)[number], number>> = {};
    for (const key of NUMBER_KEYS) {
      if (!cells[key]) continue;
      const n = cell.integer(cells[key].replace(/\./g, ''), STAFF_COUNT_COLUMNS.find((c) => c.key === key)!.header);
      if (n.ok) numbers[key] = n.value;
      else report.add(row, key, n.message);
    }
    if (!agency || !asOf?.ok) continue;
    const candidate = StaffCountInput.safeParse({ agencyId: agency.id, asOf: asOf.value, ...numbers, note: cells.note || null });
    if (!candidate.success) continue; // missing numbers were reported as empty cells
    const v = candidate.data;
    if (v.theorySenior + v.theoryIntermediate > v.postgraduate + v.university + v.collegeOrBelow) {
      report.add(row, 'theorySenior', 'Số người có lý luận chính trị vượt tổng số người theo trình độ chuyên môn');
    }
    const key = `${agency.id}|${v.asOf}`;
    if (seen.has(key)) report.add(row, 'agencyCode', `Trùng cơ quan và ngày số liệu với dòng ${seen.get(key)}`);
    seen.set(key, row);
    parsed.push(v);
  }
  if (report.issues.length > 0) rejectImport(report.issues, rows.length);
  const total = parsed.reduce((s, v) => s + v.postgraduate + v.university + v.collegeOrBelow, 0);
  if (!input.dryRun) {
    for (const v of parsed) await setStaffCount(tx, actor, v);
    await recordAudit(tx, actor, { action: AuditAction.STAFFING_IMPORTED, subjectType: 'staff_count', summary: { rows: rows.length, total } });
  }
  return { dryRun: input.dryRun, rows: rows.length, saved: input.dryRun ? 0 : parsed.length, total };
}
