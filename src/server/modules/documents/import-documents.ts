/**
 * Imports registry documents from XLSX or CSV, one document per row (columns below, headers in Vietnamese). Every
 * row is checked first; any problem rejects the file with a row/column report and nothing is written. A row whose
 * document (number and symbol, issuer, year) is already in the registry updates it, or is reported unchanged, so
 * importing the same file twice changes nothing.
 */
import type { Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { AuditAction } from '../../../shared/audit-actions';
import { REFORM_AREAS, reformAreaShortLabels, type ReformArea } from '../../../shared/reform-areas';
import { foldVietnamese } from '../../../shared/text';
import {
  DocumentCreateInput,
  documentTypeLabels,
  issuerLevelLabels,
  type DocumentImportResult,
} from '../../../shared/schemas/documents';
import { cell, splitLines } from '../catalog/catalog-file';
import { readImportSheet, rejectImport, writeImportSheet, type SheetColumn } from './import-sheet';
import type { RegistryDocument } from './documents.queries';
import { formatDate } from '../../../shared/text';
import { findDocumentByNumber } from './documents.queries';
import { applyDocumentValues, changedDocumentFields, documentValues, insertDocument } from './save-document';

export const DOCUMENT_COLUMNS = [
  { key: 'numberSymbol', header: 'Số, ký hiệu', required: true },
  { key: 'docType', header: 'Loại văn bản', required: true },
  { key: 'issuerName', header: 'Cơ quan ban hành', required: true },
  { key: 'issuerLevel', header: 'Cấp ban hành', required: true },
  { key: 'issuedOn', header: 'Ngày ban hành', required: true },
  { key: 'signerName', header: 'Người ký', required: false },
  { key: 'signerTitle', header: 'Chức vụ người ký', required: false },
  { key: 'subject', header: 'Trích yếu', required: true },
  { key: 'areas', header: 'Lĩnh vực CCHC', required: false },
  { key: 'tags', header: 'Nhãn', required: false },
  { key: 'isLegal', header: 'Văn bản QPPL', required: false },
  { key: 'effectiveFrom', header: 'Ngày có hiệu lực', required: false },
  { key: 'note', header: 'Ghi chú', required: false },
] as const satisfies readonly SheetColumn<string>[];
type Key = (typeof DOCUMENT_COLUMNS)[number]['key'];

/** Label (diacritics ignored) or code → value. */
function lookup<T extends string>(labels: Record<T, string>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    map.set(foldVietnamese(label), code);
    map.set(code, code);
  }
  return map;
}
const TYPES = lookup(documentTypeLabels);
const LEVELS = lookup(issuerLevelLabels);
const AREAS = lookup(reformAreaShortLabels);

export interface DocumentImportInput {
  file: Buffer;
  format: 'xlsx' | 'csv';
  dryRun: boolean;
}

export async function importDocuments(tx: Tx, actor: Actor, input: DocumentImportInput): Promise<DocumentImportResult> {
  authorize(actor, 'import', 'reform_document', {});
  const { rows, report } = await readImportSheet<Key>(input.file, input.format, DOCUMENT_COLUMNS);
  const parsed: { row: number; input: DocumentCreateInput }[] = [];
  const seen = new Map<string, number>();

  for (const { row, cells } of rows) {
    const docType = TYPES.get(foldVietnamese(cells.docType));
    if (cells.docType && !docType) report.add(row, 'docType', `«${cells.docType}» không phải loại văn bản; dùng ${Object.values(documentTypeLabels).join(', ')}`);
    const issuerLevel = LEVELS.get(foldVietnamese(cells.issuerLevel));
    if (cells.issuerLevel && !issuerLevel) report.add(row, 'issuerLevel', `«${cells.issuerLevel}» không phải cấp ban hành; dùng ${Object.values(issuerLevelLabels).join(', ')}`);
    const areas: ReformArea[] = [];
    for (const item of splitLines(cells.areas)) {
      const area = AREAS.get(foldVietnamese(item));
      if (area) areas.push(area);
      else report.add(row, 'areas', `«${item}» không phải lĩnh vực CCHC; dùng ${REFORM_AREAS.map((a) => reformAreaShortLabels[a]).join(', ')}`);
    }
    const dateOf = (key: 'issuedOn' | 'effectiveFrom', label: string) => {
      if (!cells[key]) return null;
      const d = cell.date(cells[key], label);
      if (!d.ok) report.add(row, key, d.message);
      return d.ok ? d.value : null;
    };
    const issuedOn = dateOf('issuedOn', 'Ngày ban hành');
    const effectiveFrom = dateOf('effectiveFrom', 'Ngày có hiệu lực');
    const legal = cells.isLegal ? cell.yesNo(cells.isLegal) : ({ ok: true, value: false } as const);
    if (!legal.ok) report.add(row, 'isLegal', legal.message);

    const candidate = DocumentCreateInput.safeParse({
      numberSymbol: cells.numberSymbol,
      docType: docType ?? 'other',
      issuerName: cells.issuerName,
      issuerLevel: issuerLevel ?? 'other',
      issuedOn: issuedOn ?? '2000-01-01',
      signerName: cells.signerName || null,
      signerTitle: cells.signerTitle || null,
      subject: cells.subject,
      areas,
      tags: splitLines(cells.tags),
      isLegal: legal.ok ? legal.value : false,
      effectiveFrom,
      note: cells.note || null,
    });
    if (!candidate.success) {
      for (const issue of candidate.error.issues) {
        const key = String(issue.path[0] ?? '') as Key;
        if (cells[key] === '' && DOCUMENT_COLUMNS.find((c) => c.key === key)?.required) continue; // already reported as empty
        report.add(row, DOCUMENT_COLUMNS.some((c) => c.key === key) ? key : null, issue.message);
      }
      continue;
    }
    if (effectiveFrom && issuedOn && effectiveFrom < issuedOn) report.add(row, 'effectiveFrom', 'Ngày có hiệu lực không được trước ngày ban hành');
    const natural = `${candidate.data.numberSymbol}|${candidate.data.issuerName}|${candidate.data.issuedOn.slice(0, 4)}`;
    const earlier = seen.get(natural);
    if (earlier) report.add(row, 'numberSymbol', `Trùng văn bản ở dòng ${earlier}`);
    seen.set(natural, row);
    parsed.push({ row, input: candidate.data });
  }
  if (report.issues.length > 0) rejectImport(report.issues, rows.length);

  const result: DocumentImportResult = { dryRun: input.dryRun, rows: rows.length, created: 0, updated: 0, unchanged: 0, report: [] };
  for (const { row, input: doc } of parsed) {
    const values = await documentValues(tx, doc);
    const existing = await findDocumentByNumber(tx, doc.numberSymbol, doc.issuerName, doc.issuedOn);
    let outcome: 'created' | 'updated' | 'unchanged';
    if (!existing) {
      outcome = 'created';
      if (!input.dryRun) await insertDocument(tx, actor, values);
    } else {
      const changed = changedDocumentFields(existing, values);
      outcome = changed.length === 0 ? 'unchanged' : 'updated';
      if (!input.dryRun && changed.length > 0) await applyDocumentValues(tx, actor, existing, values);
    }
    result[outcome] += 1;
    result.report.push({ row, numberSymbol: doc.numberSymbol, outcome });
  }
  if (!input.dryRun && result.created + result.updated > 0) {
    await recordAudit(tx, actor, {
      action: AuditAction.REFORM_DOCUMENTS_IMPORTED,
      subjectType: 'reform_document',
      summary: { rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged },
    });
  }
  return result;
}


/** The registry rows as an import file (same columns), to edit and import back. */
export function exportDocuments(docs: RegistryDocument[]): Promise<Buffer> {
  const rows = docs.map((d) => [
    d.numberSymbol,
    documentTypeLabels[d.docType as keyof typeof documentTypeLabels] ?? d.docType,
    d.issuerName,
    issuerLevelLabels[d.issuerLevel as keyof typeof issuerLevelLabels] ?? d.issuerLevel,
    formatDate(d.issuedOn),
    d.signerName ?? '',
    d.signerTitle ?? '',
    d.subject,
    d.areas.map((a) => reformAreaShortLabels[a as ReformArea] ?? a).join('\n'),
    d.tags.join('\n'),
    d.isLegal ? 'Có' : 'Không',
    d.effectiveFrom ? formatDate(d.effectiveFrom) : '',
    d.note ?? '',
  ]);
  return writeImportSheet('Văn bản', DOCUMENT_COLUMNS, rows, ['subject', 'issuerName']);
}
