/** Every statistics table as an Excel workbook, with Vietnamese headers and the period and filters above it. */
import { formatPeriodDate } from '../../../shared/periods';
import {
  drillCategoryLabels,
  groupByLabels,
  type CatalogStatistics,
  type Dashboard,
  type DossierDrillList,
  type DossierFigures,
  type DossierStatistics,
  type DossierStatisticsRow,
  type Indicators,
  type PeriodView,
  type PublicStatistics,
  type ReportForm,
} from '../../../shared/schemas/statistics';
import { sheet, workbookOf, type SheetBox, type XlsxColumn } from './xlsx-table';

const periodLine = (p: PeriodView) => `Kỳ thống kê: ${p.label}`;
const RATE = '0.0';
const TOTAL_ROW: DossierStatisticsRow = { key: 'total', label: 'TỔNG CỘNG', code: null, legalTime: null, figures: null as unknown as DossierFigures };

type Row = DossierStatisticsRow;
const f = (pick: (x: DossierFigures) => number | null) => (row: Row) => pick(row.figures);

const RECEIVED = 'Số lượng hồ sơ tiếp nhận';
const RESOLVED = 'Số lượng hồ sơ đã giải quyết';
const PENDING = 'Số lượng hồ sơ đang giải quyết';
const IN_PERIOD = 'Trong kỳ';

/** The columns of Biểu 07a/07b, named so the full table and the form share them. */
const C = {
  receivedTotal: { header: [RECEIVED, 'Tổng số'], value: f((x) => x.received.total) },
  carriedOver: { header: [RECEIVED, 'Từ kỳ trước'], value: f((x) => x.received.carriedOver) },
  onlineFull: { header: [RECEIVED, IN_PERIOD, 'Trực tuyến toàn trình'], value: f((x) => x.received.onlineFull) },
  onlinePartial: { header: [RECEIVED, IN_PERIOD, 'Trực tuyến một phần'], value: f((x) => x.received.onlinePartial) },
  post: { header: [RECEIVED, IN_PERIOD, 'Qua dịch vụ bưu chính'], value: f((x) => x.received.post) },
  inPerson: { header: [RECEIVED, IN_PERIOD, 'Trực tiếp'], value: f((x) => x.received.inPerson) },
  resolvedTotal: { header: [RESOLVED, 'Tổng số'], value: f((x) => x.resolved.total) },
  early: { header: [RESOLVED, 'Trước hạn'], value: f((x) => x.resolved.early) },
  onTime: { header: [RESOLVED, 'Đúng hạn'], value: f((x) => x.resolved.onTime) },
  late: { header: [RESOLVED, 'Quá hạn'], value: f((x) => x.resolved.late) },
  pendingTotal: { header: [PENDING, 'Tổng số'], value: f((x) => x.pending.total) },
  within: { header: [PENDING, 'Trong hạn'], value: f((x) => x.pending.withinDeadline) },
  overdue: { header: [PENDING, 'Quá hạn'], value: f((x) => x.pending.overdue) },
} satisfies Record<string, XlsxColumn<Row>>;

/** The full statistics table (all figures, beyond the statutory columns). */
function figureColumns(): XlsxColumn<Row>[] {
  return [
    C.receivedTotal,
    C.carriedOver,
    C.onlineFull,
    C.onlinePartial,
    C.post,
    C.inPerson,
    C.resolvedTotal,
    C.early,
    C.onTime,
    C.late,
    { header: [RESOLVED, 'Trong đó từ chối'], value: f((x) => x.resolved.refused) },
    { header: [RESOLVED, 'Tỷ lệ đúng hạn (%)'], value: f((x) => x.resolved.onTimeRate), numFmt: RATE },
    C.pendingTotal,
    C.within,
    { header: [PENDING, 'Trong đó chờ bổ sung'], value: f((x) => x.pending.waitingForSupplement) },
    C.overdue,
    { header: ['Dừng giải quyết'], value: f((x) => x.stopped) },
    { header: ['Đóng do không bổ sung'], value: f((x) => x.closedNoSupplement) },
    { header: ['Hồ sơ trực tuyến chưa tiếp nhận', 'Rút'], value: f((x) => x.notReceived.withdrawn) },
    { header: ['Hồ sơ trực tuyến chưa tiếp nhận', 'Từ chối'], value: f((x) => x.notReceived.refused) },
    { header: ['Tỷ lệ trực tuyến (%)'], value: f((x) => x.onlineRate), numFmt: RATE },
    { header: ['Thời gian giải quyết bình quân (ngày)'], value: f((x) => x.averageResolutionDays), numFmt: RATE },
  ];
}

const withTotal = (rows: Row[], total: DossierFigures) => ({ rows, total: { ...TOTAL_ROW, figures: total } });

export function dossierStatisticsWorkbook(s: DossierStatistics): Promise<Buffer> {
  const columns: XlsxColumn<Row>[] = [
    { header: ['STT'], width: 6, value: (_, i) => (i >= 0 ? i + 1 : null) },
    { header: [groupByLabels[s.groupBy]], width: 40, value: (r) => r.label },
  ];
  if (s.groupBy === 'procedure' || s.groupBy === 'field' || s.groupBy === 'agency') columns.push({ header: ['Mã'], width: 18, value: (r) => r.code });
  if (s.groupBy === 'procedure') columns.push({ header: ['Thời hạn giải quyết'], width: 16, value: (r) => r.legalTime });
  const { rows, total } = withTotal(s.rows, s.total);
  return workbookOf([
    sheet({
      name: 'Thống kê hồ sơ',
      title: 'THỐNG KÊ TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
      lines: [periodLine(s.period), ...s.filters.lines, `Nhóm theo: ${groupByLabels[s.groupBy]}. Đơn vị tính: hồ sơ.`],
      columns: [...columns, ...figureColumns()],
      rows,
      total,
      notes: Object.values(s.formulas),
    }),
  ]);
}

/** The statutory form, column by column as printed: 07a/07b (TT 09/2026) or II.06a (TT 01/2020). */
export function reportFormWorkbook(form: ReportForm): Promise<Buffer> {
  const rows: Row[] = [];
  const sections: { before: number; title: string }[] = [];
  for (const s of form.sections) {
    if (s.title) sections.push({ before: rows.length, title: s.title });
    rows.push(...s.rows);
  }
  const stt: XlsxColumn<Row> = { header: ['STT'], width: 6, value: (_, i) => (i >= 0 ? i + 1 : null) };
  const field: XlsxColumn<Row> = { header: ['Lĩnh vực giải quyết'], width: 36, value: (r) => r.label };
  let columns: XlsxColumn<Row>[];
  let numbers: string[];
  if (form.form === 'II.06a') {
    const RECEIVED_OLD = 'Số hồ sơ nhận giải quyết';
    columns = [
      stt,
      field,
      { header: [RECEIVED_OLD, 'Tổng số'], value: f((x) => x.received.total) },
      { header: [RECEIVED_OLD, 'Số kỳ trước chuyển qua'], value: f((x) => x.received.carriedOver) },
      { header: [RECEIVED_OLD, 'Số mới tiếp nhận', 'Trực tuyến'], value: f((x) => x.received.onlineFull + x.received.onlinePartial) },
      { header: [RECEIVED_OLD, 'Số mới tiếp nhận', 'Trực tiếp, dịch vụ bưu chính'], value: f((x) => x.received.inPerson + x.received.post) },
      { header: ['Số hồ sơ đã giải quyết', 'Tổng số'], value: f((x) => x.resolved.total) },
      { header: ['Số hồ sơ đã giải quyết', 'Trả trước hạn'], value: f((x) => x.resolved.early) },
      { header: ['Số hồ sơ đã giải quyết', 'Trả đúng thời hạn'], value: f((x) => x.resolved.onTime) },
      { header: ['Số hồ sơ đã giải quyết', 'Trả quá hạn'], value: f((x) => x.resolved.late) },
      { header: ['Số hồ sơ đang giải quyết', 'Tổng số'], value: f((x) => x.pending.total) },
      { header: ['Số hồ sơ đang giải quyết', 'Chưa đến hạn'], value: f((x) => x.pending.withinDeadline) },
      { header: ['Số hồ sơ đang giải quyết', 'Quá hạn'], value: f((x) => x.pending.overdue) },
    ];
    numbers = ['(1)', '(2)', '(3)=(4)+(5)+(6)', '(4)', '(5)', '(6)', '(7)=(8)+(9)+(10)', '(8)', '(9)', '(10)', '(11)=(12)+(13)', '(12)', '(13)'];
  } else {
    columns = [stt, field, C.receivedTotal, C.onlineFull, C.onlinePartial, C.post, C.inPerson, C.carriedOver, C.resolvedTotal, C.early, C.onTime, C.late, C.pendingTotal, C.within, C.overdue];
    numbers = ['(1)', '(2)', '(3)=(4)+(5)+(6)+(7)+(8)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)=(10)+(11)+(12)', '(10)', '(11)', '(12)', '(13)=(14)+(15)', '(14)', '(15)'];
  }
  const { total } = withTotal(rows, form.total);
  return workbookOf([
    sheet({
      name: form.formNumber.replace(/\//g, '-'),
      title: form.title,
      lines: [
        `${form.formNumber} (${form.legalBasis})`,
        `Kỳ báo cáo: ${form.period.label}`,
        `Đơn vị báo cáo: ${form.reportingAgency}. Đơn vị nhận báo cáo: ${form.receivingAgency}.`,
        'Đơn vị tính: Số hồ sơ TTHC.',
      ],
      columns,
      rows,
      sections,
      total,
      columnNumbers: numbers,
      notes: form.notes,
    }),
  ]);
}

export function catalogWorkbook(c: CatalogStatistics): Promise<Buffer> {
  const lines = [periodLine(c.period), ...c.filters.lines];
  type Count = CatalogStatistics['procedures']['byField'][number];
  const counts = (name: string, title: string, label: string, rows: Count[]) =>
    sheet<Count>({
      name,
      title,
      lines,
      columns: [
        { header: ['STT'], width: 6, value: (_, i) => (i >= 0 ? i + 1 : null) },
        { header: [label], width: 50, value: (r) => r.label },
        { header: ['Số thủ tục'], value: (r) => r.procedures },
      ],
      rows,
      total: { key: 'total', label: 'TỔNG SỐ THỦ TỤC', procedures: c.procedures.total },
      notes: [`Thủ tục thực hiện 5 tại chỗ: ${c.procedures.onTheSpot}; liên thông: ${c.procedures.interAgency}.`, c.formulas.procedures!, c.formulas.byAgency!],
    });
  type Decision = CatalogStatistics['publicationDecisions']['list'][number];
  type Cut = CatalogStatistics['timeCuts']['byAgency'][number];
  return workbookOf([
    counts('Theo cấp', 'THỦ TỤC HÀNH CHÍNH THEO CẤP THỰC HIỆN', 'Cấp thực hiện', c.procedures.byLevel),
    counts('Theo mức độ trực tuyến', 'THỦ TỤC HÀNH CHÍNH THEO MỨC ĐỘ DỊCH VỤ CÔNG TRỰC TUYẾN', 'Mức độ', c.procedures.byOnlineLevel),
    counts('Theo lĩnh vực', 'THỦ TỤC HÀNH CHÍNH THEO LĨNH VỰC', 'Lĩnh vực', c.procedures.byField),
    counts('Theo cơ quan', 'THỦ TỤC HÀNH CHÍNH THEO CƠ QUAN THỰC HIỆN', 'Cơ quan', c.procedures.byAgency),
    sheet<Decision>({
      name: 'Quyết định công bố',
      title: 'QUYẾT ĐỊNH CÔNG BỐ THỦ TỤC HÀNH CHÍNH TRONG KỲ',
      lines,
      columns: [
        { header: ['STT'], width: 6, value: (_, i) => i + 1 },
        { header: ['Số quyết định'], width: 18, value: (r) => r.number },
        { header: ['Trích yếu'], width: 60, value: (r) => r.title },
        { header: ['Ngày ký'], width: 12, value: (r) => formatPeriodDate(r.signedOn) },
        { header: ['Ngày hiệu lực'], width: 12, value: (r) => formatPeriodDate(r.effectiveFrom) },
        { header: ['Số thủ tục'], value: (r) => r.items },
        { header: ['Thời hạn công bố'], width: 16, value: (r) => (r.onTime === null ? 'Không xác định' : r.onTime ? 'Đúng hạn' : 'Trễ hạn') },
      ],
      rows: c.publicationDecisions.list,
      notes: [
        `Tổng số: ${c.publicationDecisions.total} quyết định (đúng hạn ${c.publicationDecisions.onTime}, trễ hạn ${c.publicationDecisions.late}); thủ tục công bố mới ${c.publicationDecisions.items.add}, sửa đổi ${c.publicationDecisions.items.amend}, thay thế ${c.publicationDecisions.items.replace}, bãi bỏ ${c.publicationDecisions.items.abolish}.`,
        `Quy trình nội bộ được phê duyệt trong kỳ: ${c.internalProcesses.decisions} quyết định, ${c.internalProcesses.processes} quy trình, ${c.internalProcesses.procedures} thủ tục; đang có hiệu lực: ${c.internalProcesses.inForce} quy trình.`,
        c.formulas.publicationOnTime!,
      ],
    }),
    sheet<Cut>({
      name: 'Cắt giảm thời gian',
      title: 'CẮT GIẢM THỜI GIAN GIẢI QUYẾT THEO QUY TRÌNH NỘI BỘ',
      lines,
      columns: [
        { header: ['STT'], width: 6, value: (_, i) => (i >= 0 ? i + 1 : null) },
        { header: ['Cơ quan'], width: 50, value: (r) => r.agencyName },
        { header: ['Số quy trình'], value: (r) => r.measured },
        { header: ['Có cắt giảm'], value: (r) => r.withCut },
        { header: ['Tỷ lệ cắt giảm bình quân (%)'], value: (r) => r.averageCutPercent, numFmt: RATE },
      ],
      rows: c.timeCuts.byAgency,
      total: { agencyId: 'total', agencyName: 'TỔNG CỘNG', measured: c.timeCuts.measured, withCut: c.timeCuts.withCut, averageCutPercent: c.timeCuts.averageCutPercent },
      notes: [`Quy trình cắt giảm từ 30% trở lên: ${c.timeCuts.atLeast30Percent}; cao nhất: ${c.timeCuts.maxCutPercent ?? 0}%.`, c.formulas.timeCut!],
    }),
  ]);
}

export function indicatorsWorkbook(ind: Indicators): Promise<Buffer> {
  type Line = { group: string; label: string; formula: string; numerator: number | null; denominator: number | null; rate: number | null; weight: number; points: number | null; data: string };
  const rows: Line[] = ind.groups.flatMap((g) =>
    g.indicators.map((i) => ({
      group: g.label,
      label: i.label,
      formula: i.formula,
      numerator: i.numerator,
      denominator: i.denominator,
      rate: i.rate,
      weight: i.weight,
      points: i.points,
      data: Object.entries(i.data)
        .map(([k, v]) => `${k}: ${v ?? '—'}`)
        .join('; '),
    })),
  );
  return workbookOf([
    sheet<Line>({
      name: 'Chỉ số QĐ 766',
      title: 'CHỈ SỐ ĐÁNH GIÁ CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP (QUYẾT ĐỊNH 766/QĐ-TTg)',
      lines: [periodLine(ind.period), ...ind.filters.lines],
      columns: [
        { header: ['STT'], width: 6, value: (_, i) => (i >= 0 ? i + 1 : null) },
        { header: ['Nhóm chỉ số'], width: 24, value: (r) => r.group },
        { header: ['Chỉ số'], width: 40, value: (r) => r.label },
        { header: ['Công thức sử dụng'], width: 60, value: (r) => r.formula },
        { header: ['Tử số'], value: (r) => r.numerator },
        { header: ['Mẫu số'], value: (r) => r.denominator },
        { header: ['Tỷ lệ (%)'], value: (r) => r.rate, numFmt: RATE },
        { header: ['Điểm tối đa'], value: (r) => r.weight },
        { header: ['Điểm đạt'], value: (r) => r.points, numFmt: '0.00' },
        { header: ['Số liệu'], width: 60, value: (r) => r.data },
      ],
      rows,
      total: { group: '', label: 'TỔNG ĐIỂM', formula: '', numerator: null, denominator: null, rate: null, weight: ind.pointsAvailable, points: ind.totalPoints, data: '' },
      notes: [ind.note],
    }),
  ]);
}

export function dashboardWorkbook(d: Dashboard): Promise<Buffer> {
  const lines = [periodLine(d.period), ...d.filters.lines];
  type Trend = Dashboard['trend'][number];
  type Overdue = Dashboard['overdueByAgency'][number];
  type Channel = Dashboard['channels'][number];
  type Late = Dashboard['topLateProcedures'][number];
  return workbookOf([
    sheet<Trend>({
      name: 'Xu hướng theo tháng',
      title: 'TỶ LỆ GIẢI QUYẾT ĐÚNG HẠN VÀ TỶ LỆ TRỰC TUYẾN THEO THÁNG',
      lines,
      columns: [
        { header: ['Tháng'], value: (r) => `${r.month.slice(5, 7)}/${r.month.slice(0, 4)}` },
        { header: ['Tiếp nhận mới'], value: (r) => r.received },
        { header: ['Đã giải quyết'], value: (r) => r.resolved },
        { header: ['Tỷ lệ đúng hạn (%)'], value: (r) => r.onTimeRate, numFmt: RATE },
        { header: ['Tỷ lệ trực tuyến (%)'], value: (r) => r.onlineRate, numFmt: RATE },
      ],
      rows: d.trend,
    }),
    sheet<Overdue>({
      name: 'Quá hạn theo cơ quan',
      title: 'HỒ SƠ ĐANG GIẢI QUYẾT VÀ QUÁ HẠN THEO CƠ QUAN (CUỐI KỲ)',
      lines,
      columns: [
        { header: ['STT'], width: 6, value: (_, i) => i + 1 },
        { header: ['Cơ quan'], width: 50, value: (r) => r.agencyName },
        { header: ['Đang giải quyết'], value: (r) => r.pending },
        { header: ['Quá hạn'], value: (r) => r.overdue },
      ],
      rows: d.overdueByAgency,
    }),
    sheet<Channel>({
      name: 'Hình thức tiếp nhận',
      title: 'HỒ SƠ MỚI TIẾP NHẬN THEO HÌNH THỨC',
      lines,
      columns: [
        { header: ['Hình thức'], width: 30, value: (r) => r.label },
        { header: ['Số hồ sơ'], value: (r) => r.received },
      ],
      rows: d.channels,
    }),
    sheet<Late>({
      name: 'Thủ tục trễ hạn nhiều',
      title: 'THỦ TỤC CÓ NHIỀU HỒ SƠ GIẢI QUYẾT QUÁ HẠN',
      lines,
      columns: [
        { header: ['STT'], width: 6, value: (_, i) => i + 1 },
        { header: ['Mã thủ tục'], width: 16, value: (r) => r.code },
        { header: ['Tên thủ tục'], width: 60, value: (r) => r.name },
        { header: ['Đã giải quyết'], value: (r) => r.resolved },
        { header: ['Quá hạn'], value: (r) => r.late },
        { header: ['Tỷ lệ quá hạn (%)'], value: (r) => r.lateRate, numFmt: RATE },
      ],
      rows: d.topLateProcedures,
    }),
  ]);
}

export function drillWorkbook(list: DossierDrillList): Promise<Buffer> {
  type Item = DossierDrillList['items'][number];
  const date = (v: string | null) => (v ? new Date(v).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false }) : null);
  const outcome = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' } as const;
  return workbookOf([
    sheet<Item>({
      name: 'Danh sách hồ sơ',
      title: `DANH SÁCH HỒ SƠ: ${drillCategoryLabels[list.category].toUpperCase()}`,
      lines: [periodLine(list.period), ...list.filters.lines, `Trang ${list.page}, ${list.items.length} trên tổng số ${list.total} hồ sơ.`],
      columns: [
        { header: ['STT'], width: 6, value: (_, i) => (list.page - 1) * list.pageSize + i + 1 },
        { header: ['Mã hồ sơ'], width: 28, value: (r) => r.code },
        { header: ['Thủ tục'], width: 50, value: (r) => `${r.procedureCode} – ${r.procedureName}` },
        { header: ['Cơ quan giải quyết'], width: 36, value: (r) => r.agencyName },
        { header: ['Tiếp nhận'], width: 20, value: (r) => date(r.receivedAt) },
        { header: ['Hẹn trả'], width: 20, value: (r) => date(r.dueAt) },
        { header: ['Hoàn thành'], width: 20, value: (r) => date(r.finishedAt) },
        { header: ['Kết quả'], width: 12, value: (r) => (r.outcome ? outcome[r.outcome] : null) },
        { header: ['Trạng thái'], width: 24, value: (r) => r.statusLabel },
      ],
      rows: list.items,
      notes: [list.note],
    }),
  ]);
}

export function publicWorkbook(p: PublicStatistics): Promise<Buffer> {
  type R = PublicStatistics['byAgency'][number];
  return workbookOf([
    sheet<R>({
      name: 'Kết quả giải quyết',
      title: 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO CƠ QUAN',
      lines: [periodLine(p.period)],
      columns: [
        { header: ['STT'], width: 6, value: (_, i) => (i >= 0 ? i + 1 : null) },
        { header: ['Cơ quan'], width: 50, value: (r) => r.agencyName },
        { header: ['Hồ sơ tiếp nhận'], value: (r) => r.received },
        { header: ['Đã giải quyết'], value: (r) => r.resolved },
        { header: ['Đúng hạn'], value: (r) => r.resolvedOnTime },
        { header: ['Tỷ lệ đúng hạn (%)'], value: (r) => r.onTimeRate, numFmt: RATE },
        { header: ['Nộp trực tuyến'], value: (r) => r.receivedOnline },
        { header: ['Tỷ lệ trực tuyến (%)'], value: (r) => r.onlineRate, numFmt: RATE },
      ],
      rows: p.byAgency,
      total: p.province,
      notes: Object.values(p.formulas),
    }),
  ]);
}

export type { SheetBox };
