/**
 * The catalog file (XLSX or CSV): one procedure per row, one column per component, list cells with one item per line
 * and item parts separated by " | ". Columns are documented in docs/catalog-import.md; keep both in step.
 * This module turns files into text grids and back, and cells into values and back; it knows nothing of the database.
 */
import ExcelJS from 'exceljs';
import { foldVietnamese } from '../../../shared/text';
import {
  onlineScopeLabels,
  timeUnitLabels,
  type ApplicantKind,
  type OnlineScope,
  type ProcedureLevel,
  type SubmissionMethod,
  type TimeUnit,
} from '../../../shared/schemas/catalog';

export const CATALOG_COLUMNS = [
  { key: 'code', header: 'Mã thủ tục', required: true },
  { key: 'name', header: 'Tên thủ tục', required: true },
  { key: 'fieldCode', header: 'Mã lĩnh vực', required: true },
  { key: 'fieldName', header: 'Tên lĩnh vực', required: false },
  { key: 'level', header: 'Cấp thực hiện', required: true },
  { key: 'agencies', header: 'Cơ quan thực hiện', required: false },
  { key: 'departmentKey', header: 'Mã phòng chuyên môn', required: false },
  { key: 'timeValue', header: 'Thời hạn giải quyết', required: true },
  { key: 'timeUnit', header: 'Đơn vị thời hạn', required: true },
  { key: 'timeNote', header: 'Ghi chú thời hạn', required: false },
  { key: 'onlineLevel', header: 'Mức độ DVC trực tuyến', required: true },
  { key: 'onlineScope', header: 'Phạm vi trực tuyến', required: false },
  { key: 'onTheSpot', header: '5 tại chỗ', required: false },
  { key: 'interAgency', header: 'Liên thông', required: false },
  { key: 'postalReturn', header: 'Trả kết quả qua bưu chính', required: false },
  { key: 'cutoffTime', header: 'Giờ tiếp nhận cuối ngày', required: false },
  { key: 'methods', header: 'Cách thức thực hiện', required: true },
  { key: 'subjects', header: 'Đối tượng thực hiện', required: true },
  { key: 'steps', header: 'Trình tự thực hiện', required: true },
  { key: 'documents', header: 'Thành phần hồ sơ', required: false },
  { key: 'sets', header: 'Số bộ hồ sơ', required: true },
  { key: 'result', header: 'Kết quả thực hiện', required: true },
  { key: 'conditions', header: 'Yêu cầu, điều kiện', required: false },
  { key: 'fees', header: 'Phí, lệ phí', required: false },
  { key: 'feeExemptions', header: 'Miễn, giảm phí', required: false },
  { key: 'legalBasis', header: 'Căn cứ pháp lý', required: true },
  { key: 'validFrom', header: 'Ngày có hiệu lực', required: true },
  { key: 'decisionNumber', header: 'Số quyết định công bố', required: false },
] as const;

export type CatalogColumnKey = (typeof CATALOG_COLUMNS)[number]['key'];
export type CatalogRow = Record<CatalogColumnKey, string>;

export const SHEET_NAME = 'Thủ tục';
export const MAX_IMPORT_ROWS = 5000;

/** Spreadsheet column letter of a 0-based index: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

// ---- Grids ----

function pad2(n: number) {
  return String(n).padStart(2, '0');
}

/** A cell as text. Excel stores dates without a zone; exceljs hands them over as UTC midnight. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (value instanceof Date) return `${pad2(value.getUTCDate())}/${pad2(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return '';
}

export async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets[0];
  if (!sheet) return [];
  const grid: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    grid[rowNumber - 1] = cells;
  });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return grid;
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks); ',' or ';' (Excel with a Vietnamese locale). */
export function readCsv(buffer: Buffer): string[][] {
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function csvField(value: string): string {
  return /[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV with a BOM (so Excel reads UTF-8) and CRLF line ends. */
export function writeCsv(rows: string[][]): Buffer {
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`, 'utf8');
}

export async function writeXlsx(header: string[], rows: string[][], notes: { header: string; note: string }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'MotCua';
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((col, i) => {
    const long = ['steps', 'documents', 'legalBasis', 'conditions', 'fees'].includes(CATALOG_COLUMNS[i]?.key ?? '');
    col.width = i === 1 ? 60 : long ? 70 : 18;
    col.alignment = { wrapText: true, vertical: 'top' };
    // Keep codes and numbers as typed text (1.000948 must not become a number).
    col.numFmt = '@';
  });
  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.addRow(['Cột', 'Cách ghi']);
  guide.getRow(1).font = { bold: true };
  for (const n of notes) guide.addRow([n.header, n.note]);
  guide.getColumn(1).width = 30;
  guide.getColumn(2).width = 120;
  guide.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---- Cells ----

/** Items of a list cell: one per line (or separated by ';' when the cell is on one line). */
export function splitLines(cell: string): string[] {
  const lines = cell.includes('\n') ? cell.split(/\r?\n/) : cell.split(';');
  return lines.map((l) => l.trim()).filter((l) => l.length > 0);
}

/** Items of a multi-line cell where ';' is ordinary text (steps, documents). */
export function splitLinesOnly(cell: string): string[] {
  return cell
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

export function splitParts(line: string): string[] {
  return line.split('|').map((p) => p.trim());
}

export function joinParts(parts: (string | number | null | undefined)[]): string {
  const out = parts.map((p) => (p === null || p === undefined ? '' : String(p)));
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out.join(' | ');
}

const LEVELS: Record<string, ProcedureLevel> = { tinh: 'province', 'cap tinh': 'province', huyen: 'district', 'cap huyen': 'district', xa: 'commune', 'cap xa': 'commune' };
const LEVEL_TEXT: Record<ProcedureLevel, string> = { province: 'Tỉnh', district: 'Huyện', commune: 'Xã' };
const UNITS: Record<string, TimeUnit> = { 'ngay lam viec': 'working_days', 'gio lam viec': 'working_hours', ngay: 'calendar_days', 'ngay lich': 'calendar_days' };
const SCOPES: Record<string, OnlineScope> = { 'toan trinh': 'full', 'mot phan': 'partial' };
const METHODS: Record<string, SubmissionMethod> = { 'truc tiep': 'in_person', 'truc tuyen': 'online', 'buu chinh': 'post', 'dich vu buu chinh': 'post', 'qua buu chinh': 'post' };
const METHOD_TEXT: Record<SubmissionMethod, string> = { in_person: 'Trực tiếp', online: 'Trực tuyến', post: 'Bưu chính' };
const SUBJECTS: Record<string, ApplicantKind> = { 'ca nhan': 'individual', 'to chuc': 'organisation' };
const SUBJECT_TEXT: Record<ApplicantKind, string> = { individual: 'Cá nhân', organisation: 'Tổ chức' };
const YES = new Set(['co', 'x', 'true', '1', 'yes']);
const NO = new Set(['khong', '', 'false', '0', 'no']);

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

export const cell = {
  level(v: string): Parsed<ProcedureLevel> {
    const l = LEVELS[foldVietnamese(v)];
    return l ? ok(l) : fail(`«${v}» không phải cấp thực hiện; ghi Tỉnh, Huyện hoặc Xã`);
  },
  unit(v: string): Parsed<TimeUnit> {
    const u = UNITS[foldVietnamese(v)];
    return u ? ok(u) : fail(`«${v}» không phải đơn vị thời hạn; ghi «ngày làm việc», «giờ làm việc» hoặc «ngày»`);
  },
  scope(v: string): Parsed<OnlineScope | null> {
    const f = foldVietnamese(v);
    if (f === '') return ok(null);
    const s = SCOPES[f];
    return s ? ok(s) : fail(`«${v}» không phải phạm vi trực tuyến; ghi «Toàn trình», «Một phần» hoặc để trống`);
  },
  yesNo(v: string): Parsed<boolean> {
    const f = foldVietnamese(v);
    if (YES.has(f)) return ok(true);
    if (NO.has(f)) return ok(false);
    return fail(`«${v}» không hợp lệ; ghi «Có» hoặc «Không»`);
  },
  /** A decimal number written 5, 0,5 or 0.5. */
  number(v: string, label: string): Parsed<number> {
    const t = v.trim().replace(',', '.');
    if (!/^\d+(\.\d+)?$/.test(t)) return fail(`${label} «${v}» không phải số`);
    return ok(Number(t));
  },
  integer(v: string, label: string): Parsed<number> {
    const t = v.trim();
    if (!/^\d+$/.test(t)) return fail(`${label} «${v}» phải là số nguyên`);
    return ok(Number(t));
  },
  /** VND amount written 1.500.000, 1500000 or 1.500.000 đ. */
  money(v: string): Parsed<number> {
    const t = v.replace(/\s*(đ|đồng|vnd|vnđ)$/i, '').trim();
    if (!/^\d{1,3}(\.\d{3})*$|^\d+$/.test(t)) return fail(`Mức thu «${v}» không hợp lệ; ghi số đồng, ví dụ 1.500.000`);
    return ok(Number(t.replace(/\./g, '')));
  },
  /** DD/MM/YYYY (or YYYY-MM-DD) → YYYY-MM-DD. */
  date(v: string, label: string): Parsed<string> {
    const t = v.trim();
    let iso: string | null = null;
    const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    if (dmy) iso = `${dmy[3]}-${pad2(Number(dmy[2]))}-${pad2(Number(dmy[1]))}`;
    else if (/^\d{4}-\d{2}-\d{2}$/.test(t)) iso = t;
    // A date typed into a spreadsheet cell formatted as text or number arrives as its Excel serial (days since 30/12/1899).
    else if (/^\d{5}$/.test(t)) iso = new Date(Date.UTC(1899, 11, 30) + Number(t) * 86_400_000).toISOString().slice(0, 10);
    if (!iso) return fail(`${label} «${v}» phải có dạng DD/MM/YYYY`);
    const d = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return fail(`${label} «${v}» không phải ngày có thật`);
    return ok(iso);
  },
  list<T extends string>(v: string, table: Record<string, T>, label: string, allowed: string): Parsed<T[]> {
    const out: T[] = [];
    for (const item of splitLines(v)) {
      const mapped = table[foldVietnamese(item)];
      if (!mapped) return fail(`${label} «${item}» không hợp lệ; dùng ${allowed}`);
      out.push(mapped);
    }
    return ok(out);
  },
  methods(v: string) {
    return cell.list(v, METHODS, 'Cách thức', '«Trực tiếp», «Trực tuyến», «Bưu chính»');
  },
  subjects(v: string) {
    return cell.list(v, SUBJECTS, 'Đối tượng', '«Cá nhân», «Tổ chức»');
  },
};

/** Cell texts as the export writes them (and the import reads back to the same values). */
export const text = {
  level: (l: ProcedureLevel) => LEVEL_TEXT[l],
  unit: (u: TimeUnit) => timeUnitLabels[u],
  scope: (s: OnlineScope | null) => (s ? onlineScopeLabels[s] : ''),
  yesNo: (b: boolean) => (b ? 'Có' : 'Không'),
  number: (n: number) => String(n).replace('.', ','),
  money: (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.'),
  date: (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : ''),
  methods: (m: SubmissionMethod[]) => m.map((x) => METHOD_TEXT[x]).join('\n'),
  subjects: (s: ApplicantKind[]) => s.map((x) => SUBJECT_TEXT[x]).join('\n'),
};

/** One line per column for the guide sheet and docs/catalog-import.md. */
export const COLUMN_NOTES: Record<CatalogColumnKey, string> = {
  code: 'Bắt buộc. Mã thủ tục theo Cơ sở dữ liệu quốc gia, ví dụ 1.000948.H38 hoặc 2.000635. Mỗi mã một dòng.',
  name: 'Bắt buộc. Tên thủ tục hành chính.',
  fieldCode: 'Bắt buộc. Mã lĩnh vực, chữ in hoa không dấu, ví dụ HOTICH.',
  fieldName: 'Tên lĩnh vực. Bắt buộc khi mã lĩnh vực chưa có (lĩnh vực được tạo mới); nếu ghi thì phải trùng tên đã có.',
  level: 'Bắt buộc. Tỉnh, Huyện hoặc Xã.',
  agencies: 'Mã định danh (ví dụ 000.00.02.H33) hoặc mã khóa của cơ quan thực hiện, mỗi cơ quan một dòng. Thủ tục cấp tỉnh bắt buộc ghi. Để trống với thủ tục cấp huyện (cấp xã): áp dụng tại mọi UBND cấp huyện (cấp xã) của tỉnh.',
  departmentKey: 'Mã phòng chuyên môn thẩm định trong cơ quan thực hiện, ví dụ PTP (Phòng Tư pháp).',
  timeValue: 'Bắt buộc. Số, ví dụ 5 hoặc 0,5.',
  timeUnit: 'Bắt buộc. «ngày làm việc», «giờ làm việc» hoặc «ngày» (ngày theo lịch).',
  timeNote: 'Ghi chú về thời hạn (trường hợp kéo dài, xác minh ...).',
  onlineLevel: 'Bắt buộc. Mức độ dịch vụ công trực tuyến 1, 2, 3 hoặc 4.',
  onlineScope: '«Toàn trình» hoặc «Một phần» (Nghị định 42/2022/NĐ-CP); để trống với mức độ 1–2.',
  onTheSpot: '«Có» nếu giải quyết theo mô hình 5 tại chỗ; mặc định «Không».',
  interAgency: '«Có» nếu thực hiện liên thông; mặc định «Không».',
  postalReturn: '«Có» nếu trả kết quả qua dịch vụ bưu chính công ích; mặc định «Không».',
  cutoffTime: 'Giờ HH:MM; hồ sơ nhận sau giờ này được tính từ ngày làm việc tiếp theo.',
  methods: 'Bắt buộc. Mỗi dòng một cách thức: Trực tiếp, Trực tuyến, Bưu chính.',
  subjects: 'Bắt buộc. Mỗi dòng một đối tượng: Cá nhân, Tổ chức.',
  steps: 'Bắt buộc. Mỗi dòng một bước của trình tự thực hiện.',
  documents: 'Mỗi dòng một giấy tờ: Tên giấy tờ | số bản chính | số bản sao | tên mẫu đơn, tờ khai | đường dẫn tải mẫu (hai phần cuối có thể bỏ).',
  sets: 'Bắt buộc. Số bộ hồ sơ (số nguyên).',
  result: 'Bắt buộc. Kết quả thực hiện thủ tục.',
  conditions: 'Yêu cầu, điều kiện thực hiện (nếu có).',
  fees: 'Mỗi dòng một khoản: Tên phí, lệ phí | mức thu bằng đồng (ví dụ 1.500.000) | ghi chú.',
  feeExemptions: 'Đối tượng được miễn, giảm phí, lệ phí (nếu có).',
  legalBasis: 'Bắt buộc. Mỗi dòng một văn bản: Số hiệu | Trích yếu | ngày ban hành DD/MM/YYYY | đường dẫn (hai phần cuối có thể bỏ).',
  validFrom: 'Bắt buộc. Ngày nội dung ở dòng này có hiệu lực, DD/MM/YYYY.',
  decisionNumber: 'Số quyết định công bố đã nhập trong hệ thống (ví dụ 1234/QĐ-UBND), để liên kết phiên bản với quyết định.',
};
