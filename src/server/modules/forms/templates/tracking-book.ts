/**
 * Sổ theo dõi hồ sơ (TT 01/2018 Mẫu số 06, TT 03/2025 Mẫu số 07) for one agency and period. The same columns feed
 * the PDF and the XLSX export, so the two cannot drift apart.
 */
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { FormDescriptor, ParsedFormDataOf } from '../../../../shared/schemas/forms';
import { compactDateTime, shortDate } from '../form-text';
import { formDocument, formNumberLine, grid, nationalHeading, pageGeometry, title } from '../pdf/blocks';

export type TrackingBookData = ParsedFormDataOf<'tracking_book'>;
type Row = TrackingBookData['rows'][number];

export interface TrackingBookColumn {
  header: string;
  /** Set on the dates, printed under one "Ngày, tháng, năm" group heading. */
  dated?: boolean;
  /** Relative PDF width and XLSX width in characters. */
  width: number;
  value: (row: Row, index: number) => string | number | Date | null;
}

export const TRACKING_BOOK_COLUMNS: readonly TrackingBookColumn[] = [
  { header: 'TT', width: 5, value: (_r, i) => i + 1 },
  { header: 'Mã hồ sơ', width: 27, value: (r) => r.code },
  { header: 'Tên thủ tục hành chính', width: 30, value: (r) => r.procedureName },
  { header: 'Số lượng hồ sơ (bộ)', width: 10, value: (r) => r.sets },
  { header: 'Tên cá nhân, tổ chức', width: 18, value: (r) => r.applicantName },
  { header: 'Địa chỉ, số điện thoại', width: 24, value: (r) => [r.address, r.phone].filter(Boolean).join(' - ') || null },
  { header: 'Cơ quan chủ trì giải quyết', width: 17, value: (r) => r.leadAgencyName },
  { header: 'Nhận hồ sơ', dated: true, width: 12, value: (r) => r.receivedAt },
  { header: 'Hẹn trả kết quả', dated: true, width: 12, value: (r) => r.dueAt },
  { header: 'Chuyển hồ sơ đến cơ quan giải quyết', dated: true, width: 12, value: (r) => r.forwardedAt },
  { header: 'Nhận kết quả từ cơ quan giải quyết', dated: true, width: 12, value: (r) => r.resultAt },
  { header: 'Trả kết quả cho cá nhân, tổ chức', dated: true, width: 12, value: (r) => r.returnedAt },
  { header: 'Người nhận kết quả', width: 16, value: (r) => r.collectedBy },
  { header: 'Ghi chú', width: 12, value: (r) => r.note },
];

export const DATE_GROUP_HEADER = 'Ngày, tháng, năm';

/** "Từ ngày 01/01/2021 đến ngày 30/06/2021". */
export function periodText(period: TrackingBookData['period']): string {
  const fmt = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return `Từ ngày ${fmt(period.from)} đến ngày ${fmt(period.to)}`;
}

function headerRows(): TableCell[][] {
  const top: TableCell[] = [];
  const bottom: TableCell[] = [];
  const firstDated = TRACKING_BOOK_COLUMNS.findIndex((c) => c.dated);
  const datedCount = TRACKING_BOOK_COLUMNS.filter((c) => c.dated).length;
  TRACKING_BOOK_COLUMNS.forEach((c, i) => {
    const cell = { text: c.header, bold: true, alignment: 'center' as const };
    if (c.dated) {
      top.push(i === firstDated ? { text: DATE_GROUP_HEADER, bold: true, alignment: 'center', colSpan: datedCount } : '');
      bottom.push(cell);
    } else {
      top.push({ ...cell, rowSpan: 2 });
      bottom.push('');
    }
  });
  return [top, bottom];
}

function cellText(value: string | number | Date | null): string {
  if (value === null) return '';
  if (value instanceof Date) return compactDateTime(value);
  return String(value);
}

export function trackingBookDocument(form: FormDescriptor, data: TrackingBookData): TDocumentDefinitions {
  const g = pageGeometry(form);
  const total = TRACKING_BOOK_COLUMNS.reduce((s, c) => s + c.width, 0);
  const widths = TRACKING_BOOK_COLUMNS.map((c) => `${((c.width / total) * 100).toFixed(2)}%`);
  const rows: TableCell[][] = data.rows.map((r, i) =>
    TRACKING_BOOK_COLUMNS.map((c) => {
      const v = c.value(r, i);
      return { text: cellText(v), alignment: typeof v === 'number' || v instanceof Date ? ('center' as const) : ('left' as const) };
    }),
  );
  const numbers: TableCell[] = TRACKING_BOOK_COLUMNS.map((_c, i) => ({ text: `(${i + 1})`, italics: true, alignment: 'center' }));
  const content: Content[] = [
    formNumberLine(g, form),
    nationalHeading(g, data.agency, {}),
    title(g, 'Sổ theo dõi hồ sơ', periodText(data.period)),
    { text: `Cơ quan: ${data.agency.name}. Số hồ sơ: ${data.rows.length}. Lập ${shortDate(data.issuedAt)}.`, alignment: 'center', italics: true, margin: [0, -4, 0, 6] },
    grid(g, [...headerRows(), numbers], rows, widths),
  ];
  if (data.rows.length === 0) content.push({ text: 'Không có hồ sơ nào trong kỳ.', italics: true, alignment: 'center' });
  return formDocument(g, form, `${data.agency.name} - ${periodText(data.period)}`, content);
}
