/**
 * Màn hình điều hành: the period's headline figures, the on-time and online trend over twelve months, overdue
 * dossiers by agency, the channel mix, the procedures resolved late most often, and the figures by agency — each
 * agency opens its procedures, each count the dossiers behind it.
 */
import { Card, Empty, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Dashboard, DossierStatistics } from '../../../shared/schemas/statistics';
import { formatDate } from '../../../shared/text';
import { ErrorBanner } from '../admin/admin-common';
import { Chart, type ChartOption } from './chart';
import { Kpi, XlsxButton } from './parts';
import { FiguresTable } from './figures-table';
import { formatCount, formatDays, formatMonth, formatNumber, formatPercent, shortAgencyName } from './format';
import { agencyDrillHref, dossierListHref, drillHrefFor } from './links';
import { periodQuery, useStatisticsParams } from './period';
import { SliceFilters } from './slice-filters';
import { useStatistics, xlsxHref } from './statistics-api';

const BLUE = '#1d4ed8';
const GREEN = '#15803d';
const RED = '#b91c1c';
const AMBER = '#b45309';
const GREY = '#64748b';

const percentAxis = { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: (v: number) => `${v}%` } };
const countAxis = { type: 'value' as const, minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v) } };

function trendOption(trend: Dashboard['trend']): ChartOption {
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? formatNumber(v, 1) : '–'),
    },
    legend: { bottom: 0, itemGap: 14 },
    grid: { left: 48, right: 48, top: 16, bottom: 76 },
    xAxis: { type: 'category', data: trend.map((t) => formatMonth(t.month)), axisLabel: { hideOverlap: true } },
    yAxis: [countAxis, { ...percentAxis, splitLine: { show: false } }],
    series: [
      { name: 'Tiếp nhận', type: 'bar', data: trend.map((t) => t.received), itemStyle: { color: '#93c5fd' }, barMaxWidth: 18 },
      { name: 'Đã giải quyết', type: 'bar', data: trend.map((t) => t.resolved), itemStyle: { color: '#86efac' }, barMaxWidth: 18 },
      { name: 'Đúng hạn (%)', type: 'line', yAxisIndex: 1, data: trend.map((t) => t.onTimeRate), itemStyle: { color: GREEN }, connectNulls: true },
      { name: 'Trực tuyến (%)', type: 'line', yAxisIndex: 1, data: trend.map((t) => t.onlineRate), itemStyle: { color: BLUE }, connectNulls: true },
    ],
  };
}

function overdueOption(rows: Dashboard['overdueByAgency']): ChartOption {
  const shown = [...rows].slice(0, 12).reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => formatNumber(Number(v)) },
    legend: { bottom: 0 },
    grid: { left: 170, right: 24, top: 8, bottom: 48 },
    xAxis: countAxis,
    yAxis: { type: 'category', data: shown.map((r) => shortAgencyName(r.agencyName)), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      { name: 'Quá hạn', type: 'bar', stack: 'pending', data: shown.map((r) => r.overdue), itemStyle: { color: RED }, barMaxWidth: 28 },
      { name: 'Trong hạn', type: 'bar', stack: 'pending', data: shown.map((r) => r.pending - r.overdue), itemStyle: { color: '#94a3b8' }, barMaxWidth: 28 },
    ],
  };
}

function channelOption(channels: Dashboard['channels']): ChartOption {
  const colors: Record<string, string> = { online_full: BLUE, online_partial: '#60a5fa', post: AMBER, in_person: GREY };
  return {
    tooltip: { trigger: 'item', formatter: (p) => `${(p as { name: string }).name}: ${formatNumber(Number((p as { value: number }).value))} hồ sơ (${formatNumber(Number((p as { percent: number }).percent), 1)}%)` },
    legend: { bottom: 0 },
    series: [
      {
        name: 'Hình thức tiếp nhận',
        type: 'pie',
        radius: ['40%', '68%'],
        top: 0,
        bottom: 40,
        label: { formatter: (p) => `${formatNumber(Number((p as { percent: number }).percent), 1)}%` },
        data: channels.filter((c) => c.received > 0).map((c) => ({ name: c.label, value: c.received, itemStyle: { color: colors[c.channel] } })),
      },
    ],
  };
}

/** Balances of a period still running are taken today (the server does the same). */
function balanceDay(to: string): string {
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  return to > today ? today : to;
}

export function DashboardPage() {
  const { spec, slice, period, setSlice } = useStatisticsParams();
  const navigate = useNavigate();
  const base = { ...periodQuery(spec), agencyId: slice.agencyId };
  const dashboard = useStatistics<Dashboard>('/api/statistics/dashboard', base, !!period);
  const byAgency = useStatistics<DossierStatistics>('/api/statistics/dossiers', { ...base, groupBy: 'agency' }, !!period);
  const d = dashboard.data;
  if (!period) return null;
  return (
    <>
      <ErrorBanner error={dashboard.error ?? byAgency.error} />
      <div className="stat-toolbar">
        <SliceFilters slice={slice} onChange={setSlice} show={['agencyId']} />
        <XlsxButton href={xlsxHref('/api/statistics/dashboard', base)} label="Tải Excel màn hình điều hành" />
      </div>
      {d && <Typography.Paragraph strong>{`${d.filters.scope} · ${d.period.label}`}</Typography.Paragraph>}
      {d && (
        <>
          <section aria-label="Số liệu chính" className="stat-kpis">
            <Kpi title="Tiếp nhận mới" value={formatCount(d.kpis.received)} />
            <Kpi title="Đã giải quyết" value={formatCount(d.kpis.resolved)} />
            <Kpi title="Tỷ lệ đúng hạn" value={formatPercent(d.kpis.onTimeRate)} note="trước hạn và đúng hạn / đã giải quyết" />
            <Kpi title="Tỷ lệ trực tuyến" value={formatPercent(d.kpis.onlineRate)} note="trực tuyến / mới tiếp nhận" />
            <Kpi title="Đang giải quyết" value={formatCount(d.kpis.pending)} note={`tại ngày ${formatDate(balanceDay(period.to))}`} />
            <Kpi title="Quá hạn" value={formatCount(d.kpis.overdue)} note="đang giải quyết, đã quá hạn" />
            <Kpi title="Thời gian giải quyết bình quân" value={formatDays(d.kpis.averageResolutionDays)} />
          </section>
          <div className="stat-grid">
            <Card title="Tỷ lệ đúng hạn và trực tuyến 12 tháng" size="small">
              <Chart
                label={`Biểu đồ 12 tháng đến ${formatMonth(d.trend.at(-1)?.month ?? '')}: ${d.trend.map((t) => `${formatMonth(t.month)} tiếp nhận ${formatNumber(t.received)}, đúng hạn ${formatPercent(t.onTimeRate)}, trực tuyến ${formatPercent(t.onlineRate)}`).join('; ')}`}
                option={trendOption(d.trend)}
              />
            </Card>
            <Card title="Hồ sơ đang giải quyết cuối kỳ theo cơ quan" size="small">
              {d.overdueByAgency.length === 0 ? (
                <Empty description="Không có hồ sơ đang giải quyết" />
              ) : (
                <Chart
                  label={`Hồ sơ đang giải quyết theo cơ quan: ${d.overdueByAgency.map((r) => `${r.agencyName} ${formatNumber(r.pending)} hồ sơ, quá hạn ${formatNumber(r.overdue)}`).join('; ')}`}
                  option={overdueOption(d.overdueByAgency)}
                  onItemClick={(i) => {
                    const row = [...d.overdueByAgency].slice(0, 12).reverse()[i];
                    if (row) navigate(agencyDrillHref(spec, row.agencyId));
                  }}
                />
              )}
              {d.overdueByAgency.length > 0 && <Typography.Text type="secondary" className="stat-formula">Bấm vào một cột để xem số liệu của cơ quan theo từng thủ tục.</Typography.Text>}
            </Card>
            <Card title="Hình thức tiếp nhận" size="small">
              {d.kpis.received === 0 ? (
                <Empty description="Chưa tiếp nhận hồ sơ nào trong kỳ" />
              ) : (
                <Chart label={`Hình thức tiếp nhận: ${d.channels.map((c) => `${c.label} ${formatNumber(c.received)}`).join('; ')}`} option={channelOption(d.channels)} />
              )}
            </Card>
            <Card title="Thủ tục giải quyết quá hạn nhiều nhất" size="small">
              <Table
                rowKey="procedureId"
                size="small"
                pagination={false}
                dataSource={d.topLateProcedures}
                locale={{ emptyText: 'Không có hồ sơ giải quyết quá hạn trong kỳ' }}
                columns={[
                  { title: 'Thủ tục', key: 'name', render: (_, p) => <>{p.name} <span className="muted">({p.code})</span></> },
                  { title: 'Đã giải quyết', dataIndex: 'resolved', align: 'right', render: formatCount },
                  {
                    title: 'Quá hạn',
                    key: 'late',
                    align: 'right',
                    render: (_, p) => <Link to={dossierListHref(spec, { agencyId: slice.agencyId, procedureId: p.procedureId }, 'resolved_late')}>{formatCount(p.late)}</Link>,
                  },
                  { title: 'Tỷ lệ quá hạn', dataIndex: 'lateRate', align: 'right', render: formatPercent },
                ]}
              />
            </Card>
          </div>
        </>
      )}
      <Card title="Số liệu theo cơ quan" size="small" extra={<XlsxButton href={xlsxHref('/api/statistics/dossiers', { ...base, groupBy: 'agency' })} />}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          Bấm tên cơ quan để xem theo từng thủ tục, bấm một số liệu để xem danh sách hồ sơ.
        </Typography.Paragraph>
        {byAgency.data && (
          <FiguresTable
            caption={`Số liệu giải quyết hồ sơ theo cơ quan, ${byAgency.data.period.label}`}
            labelTitle="Cơ quan giải quyết"
            rows={byAgency.data.rows}
            total={byAgency.data.total}
            loading={byAgency.isFetching}
            labelLink={(row) => agencyDrillHref(spec, row.key)}
            drillTo={drillHrefFor(spec, { agencyId: slice.agencyId }, 'agency')}
          />
        )}
      </Card>
    </>
  );
}
