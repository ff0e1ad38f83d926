/**
 * Dossier figures laid out like the statutory forms (Biểu 07a/07b of TT 09/2026/TT-BTP, II.06a of TT 01/2020/TT-VPCP):
 * received (carried over, new by channel), resolved (early, on time, late), pending (within the deadline, overdue),
 * then what the forms leave out (stopped, closed for want of a supplement) and the rates. Each count can open the
 * dossiers behind it.
 */
import type { ReactNode } from 'react';
import { Table, Tooltip } from 'antd';
import type { ColumnsType, ColumnType } from 'antd/es/table';
import { Link } from 'react-router';
import type { DossierFigures, DossierStatisticsRow } from '../../../shared/schemas/statistics';
import { formatCount, formatDays, formatPercent } from './format';

export type DrillCategoryKey = 'received' | 'resolved' | 'resolved_early' | 'resolved_on_time' | 'resolved_late' | 'pending' | 'pending_overdue' | 'waiting' | 'stopped' | 'closed';

export interface FiguresTableProps {
  rows: DossierStatisticsRow[];
  /**
   * Rows under section headings (the forms' "I. …", "II. …"); used instead of `rows` when given. A section's own
   * `drillTo` serves its rows (its slice differs from the table's, e.g. a level); the total row keeps `drillTo`.
   */
  sections?: { title: string | null; rows: DossierStatisticsRow[]; drillTo?: FiguresTableProps['drillTo'] }[] | undefined;
  total: DossierFigures;
  /** Heading of the first column ("Lĩnh vực", "Cơ quan giải quyết"…). */
  labelTitle: string;
  /** Address of the dossier list behind a row's figure; null when that slice cannot be listed. */
  drillTo?: ((row: DossierStatisticsRow | null, category: DrillCategoryKey) => string | null) | undefined;
  /** Makes a row's label a link (the next level of the drill-down). */
  labelLink?: ((row: DossierStatisticsRow) => string | null) | undefined;
  /** Show the stopped/closed/rate columns (the slice tables); the statutory forms have none. */
  extraColumns?: boolean;
  /** Show the legal processing time column (forms by procedure). */
  legalTime?: boolean;
  caption: string;
  loading?: boolean;
}

type Row = DossierStatisticsRow & { isTotal?: boolean; isHeading?: boolean; index?: number; rowId: string; drillTo?: FiguresTableProps['drillTo'] };

export function FiguresTable({ rows, sections, total, labelTitle, drillTo, labelLink, extraColumns = true, legalTime = false, caption, loading }: FiguresTableProps) {
  const count = (get: (f: DossierFigures) => number, category?: DrillCategoryKey) => (_: unknown, row: Row) => {
    if (row.isHeading) return '';
    const value = get(row.figures);
    const text = formatCount(value);
    const drill = row.drillTo ?? drillTo;
    const href = category && value > 0 && drill ? drill(row.isTotal ? null : row, category) : null;
    return href ? <Link to={href} aria-label={`${text} hồ sơ: xem danh sách`}>{text}</Link> : text;
  };
  const col = (title: ReactNode, key: string, get: (f: DossierFigures) => number, category?: DrillCategoryKey) => ({
    title,
    key,
    align: 'right' as const,
    width: 84,
    render: count(get, category),
  });

  const columns: ColumnsType<Row> = [
    { title: 'STT', key: 'index', width: 52, align: 'center', fixed: 'left', render: (_, row) => row.index ?? '' },
    {
      title: labelTitle,
      key: 'label',
      fixed: 'left',
      width: 260,
      render: (_, row) => {
        if (row.isTotal || row.isHeading) return <strong>{row.label}</strong>;
        const to = labelLink?.(row);
        const name = to ? <Link to={to}>{row.label}</Link> : row.label;
        return row.code ? <>{name} <span className="muted">({row.code})</span></> : name;
      },
    },
    ...(legalTime ? [{ title: 'Thời hạn giải quyết', key: 'legalTime', width: 120, render: (_: unknown, row: Row) => row.legalTime ?? '' }] : []),
    {
      title: 'Số hồ sơ nhận giải quyết',
      children: [
        col('Tổng số', 'received', (f) => f.received.total),
        col('Kỳ trước chuyển qua', 'carriedOver', (f) => f.received.carriedOver),
        {
          title: 'Mới tiếp nhận',
          children: [
            col('Tổng', 'new', (f) => f.received.newTotal, 'received'),
            col('Trực tuyến toàn trình', 'onlineFull', (f) => f.received.onlineFull),
            col('Trực tuyến một phần', 'onlinePartial', (f) => f.received.onlinePartial),
            col('Bưu chính', 'post', (f) => f.received.post),
            col('Trực tiếp', 'inPerson', (f) => f.received.inPerson),
          ],
        },
      ],
    },
    {
      title: 'Số hồ sơ đã giải quyết',
      children: [
        col('Tổng số', 'resolved', (f) => f.resolved.total, 'resolved'),
        col('Trước hạn', 'early', (f) => f.resolved.early, 'resolved_early'),
        col('Đúng hạn', 'onTime', (f) => f.resolved.onTime, 'resolved_on_time'),
        col('Quá hạn', 'late', (f) => f.resolved.late, 'resolved_late'),
      ],
    },
    {
      title: 'Số hồ sơ đang giải quyết',
      children: [
        col('Tổng số', 'pending', (f) => f.pending.total, 'pending'),
        col('Trong hạn', 'within', (f) => f.pending.withinDeadline),
        col('Quá hạn', 'overdue', (f) => f.pending.overdue, 'pending_overdue'),
        col(<Tooltip title="Trong hạn, đang chờ công dân bổ sung (thời hạn tạm dừng)">Chờ bổ sung</Tooltip>, 'waiting', (f) => f.pending.waitingForSupplement, 'waiting'),
      ],
    },
    ...(extraColumns
      ? [
          col('Dừng giải quyết', 'stopped', (f) => f.stopped, 'stopped'),
          col('Đóng do không bổ sung', 'closed', (f) => f.closedNoSupplement, 'closed'),
          { title: 'Tỷ lệ đúng hạn', key: 'onTimeRate', align: 'right' as const, width: 92, render: (_: unknown, row: Row) => (row.isHeading ? '' : formatPercent(row.figures.resolved.onTimeRate)) },
          { title: 'Tỷ lệ trực tuyến', key: 'onlineRate', align: 'right' as const, width: 92, render: (_: unknown, row: Row) => (row.isHeading ? '' : formatPercent(row.figures.onlineRate)) },
          { title: 'Thời gian giải quyết bình quân', key: 'avg', align: 'right' as const, width: 110, render: (_: unknown, row: Row) => (row.isHeading ? '' : formatDays(row.figures.averageResolutionDays)) },
        ]
      : []),
  ];

  const body: Row[] = [];
  for (const section of sections ?? [{ title: null, rows }]) {
    if (section.title) body.push({ key: '', rowId: `section-${body.length}`, label: section.title, code: null, legalTime: null, figures: total, isHeading: true });
    section.rows.forEach((r, i) => body.push({ ...r, rowId: `${body.length}-${r.key}`, index: i + 1, ...(section.drillTo ? { drillTo: section.drillTo } : {}) }));
  }
  const totalRow: Row = { key: '', rowId: 'total', label: 'Tổng cộng', code: null, legalTime: null, figures: total, isTotal: true };
  const leaves = leafColumns(columns);
  return (
    <Table<Row>
      className="stat-table"
      rowKey="rowId"
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={body}
      pagination={false}
      // A long table scrolls inside its frame, its header and total row staying in view.
      scroll={{ x: 'max-content', y: body.length > SCROLL_ROWS ? 560 : undefined }}
      rowClassName={(row) => (row.isHeading ? 'stat-heading-row' : '')}
      caption={<span className="stat-sr-only">{caption}</span>}
      locale={{ emptyText: 'Không có số liệu trong kỳ' }}
      summary={() => (
        <Table.Summary fixed="bottom">
          <Table.Summary.Row className="stat-total-row">
            {leaves.map((c, i) => (
              <Table.Summary.Cell key={String(c.key ?? i)} index={i} align={c.align}>
                {c.render ? (c.render(undefined, totalRow, -1) as ReactNode) : null}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}

/** More rows than this: the table scrolls in a frame. */
const SCROLL_ROWS = 15;

type Leaf = ColumnType<Row>;
function leafColumns(columns: ColumnsType<Row>): Leaf[] {
  return columns.flatMap((c) => ('children' in c && c.children ? leafColumns(c.children) : [c as Leaf]));
}
