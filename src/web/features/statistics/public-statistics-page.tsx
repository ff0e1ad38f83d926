/**
 * Thống kê (portal, no sign-in): the province's on-time and online rates for a year or part of it, and each
 * agency's — aggregates only, from /api/public/statistics. The chart library loads only when the chart is shown.
 */
import { useState } from 'react';
import { Card, Empty, Grid, Input, Select, Skeleton, Space, Table } from 'antd';
import { useSearchParams } from 'react-router';
import type { PeriodSpec } from '../../../shared/periods';
import type { PublicStatistics } from '../../../shared/schemas/statistics';
import { foldVietnamese } from '../../../shared/text';
import { usePageTitle } from '../../components/page-title';
import { QueryError } from '../procedure/procedure-page';
import { Chart, type ChartOption } from './chart';
import { formatCount, formatNumber, formatPercent, shortAgencyName } from './format';
import { Kpi, XlsxButton } from './parts';
import { periodQuery } from './period';
import { useStatistics, xlsxHref } from './statistics-api';
import '../procedure/citizen.css';
import './statistics.css';

type PublicRow = PublicStatistics['byAgency'][number];

/** Parts of a year a citizen can pick. */
const PARTS = [
  { value: 'year', label: 'Cả năm' },
  { value: 'h1', label: '6 tháng đầu năm' },
  { value: 'h2', label: '6 tháng cuối năm' },
  { value: 'q1', label: 'Quý I' },
  { value: 'q2', label: 'Quý II' },
  { value: 'q3', label: 'Quý III' },
  { value: 'q4', label: 'Quý IV' },
];

function specOf(year: number, part: string): PeriodSpec {
  if (part === 'h1' || part === 'h2') return { preset: 'half_year', year, half: part === 'h1' ? 1 : 2 };
  if (/^q[1-4]$/.test(part)) return { preset: 'quarter', year, quarter: Number(part.slice(1)) };
  return { preset: 'year', year };
}

const CHART_AGENCIES = 15;

function agenciesOption(rows: PublicRow[], narrow: boolean): ChartOption {
  const shown = [...rows].reverse();
  const pct = (v: number | null) => v;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? `${formatNumber(v, 1)}%` : '–') },
    legend: { bottom: 0 },
    grid: { left: narrow ? 112 : 180, right: 48, top: 8, bottom: 40 },
    xAxis: { type: 'value', min: 0, max: 100, splitNumber: narrow ? 2 : 5, axisLabel: { formatter: (v: number) => `${v}%` } },
    yAxis: { type: 'category', data: shown.map((r) => shortAgencyName(r.agencyName)), axisLabel: { width: narrow ? 104 : 170, overflow: narrow ? 'break' : 'truncate' } },
    series: [
      { name: 'Tỷ lệ đúng hạn', type: 'bar', data: shown.map((r) => pct(r.onTimeRate)), itemStyle: { color: '#15803d' }, barMaxWidth: 16, label: { show: true, position: 'right', formatter: (p) => (typeof p.value === 'number' ? `${formatNumber(p.value, 1)}%` : '') } },
      { name: 'Tỷ lệ trực tuyến', type: 'bar', data: shown.map((r) => pct(r.onlineRate)), itemStyle: { color: '#1d4ed8' }, barMaxWidth: 16, label: { show: true, position: 'right', formatter: (p) => (typeof p.value === 'number' ? `${formatNumber(p.value, 1)}%` : '') } },
    ],
  };
}

export function PublicStatisticsPage() {
  usePageTitle('Thống kê kết quả giải quyết thủ tục hành chính');
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('nam')) || thisYear;
  const part = PARTS.some((p) => p.value === params.get('ky')) ? params.get('ky')! : 'year';
  const query = periodQuery(specOf(year, part));
  const stats = useStatistics<PublicStatistics>('/api/public/statistics', query);
  const [search, setSearch] = useState('');
  const narrow = Grid.useBreakpoint().md === false;
  const set = (key: string, value: string) =>
    setParams((old) => {
      const next = new URLSearchParams(old);
      next.set(key, value);
      return next;
    });
  const d = stats.data;
  const p = d?.province;
  const rows = (d?.byAgency ?? []).filter((r) => !search.trim() || foldVietnamese(r.agencyName).includes(foldVietnamese(search)));
  const busiest = [...(d?.byAgency ?? [])].sort((a, b) => b.received - a.received).slice(0, CHART_AGENCIES);
  const years = Array.from({ length: thisYear - 2019 + 1 }, (_, i) => thisYear - i);

  return (
    <div className="page-container citizen-page">
      <h1 className="page-heading" style={{ fontSize: 26 }}>
        Thống kê kết quả giải quyết thủ tục hành chính
      </h1>
      <p className="muted">Số liệu tổng hợp của các cơ quan giải quyết thủ tục hành chính trên địa bàn tỉnh; không có thông tin cá nhân.</p>
      <div className="stat-toolbar">
        <Space wrap>
          <Select aria-label="Năm" style={{ width: 130 }} value={year} onChange={(v: number) => set('nam', String(v))} options={years.map((y) => ({ value: y, label: `Năm ${y}` }))} />
          <Select aria-label="Kỳ" style={{ width: 190 }} value={part} onChange={(v: string) => set('ky', v)} options={PARTS} />
          {d && <span className="muted">{d.period.label}</span>}
        </Space>
        <XlsxButton href={xlsxHref('/api/public/statistics', query)} label="Tải số liệu (Excel)" />
      </div>
      {stats.isError && <QueryError title="Không tải được số liệu thống kê" error={stats.error} retry={() => stats.refetch()} />}
      {stats.isPending && <Skeleton active />}
      {d && p && (
        <div className="citizen-stack">
          <section aria-label="Số liệu toàn tỉnh" className="stat-kpis stat-kpis-4" style={{ marginBottom: 0 }}>
            <Kpi title="Tỷ lệ giải quyết đúng hạn" value={formatPercent(p.onTimeRate)} note={`${formatCount(p.resolvedOnTime)} / ${formatCount(p.resolved)} hồ sơ đã giải quyết`} />
            <Kpi title="Tỷ lệ hồ sơ trực tuyến" value={formatPercent(p.onlineRate)} note={`${formatCount(p.receivedOnline)} / ${formatCount(p.received)} hồ sơ tiếp nhận`} />
            <Kpi title="Hồ sơ tiếp nhận" value={formatCount(p.received)} note="mới tiếp nhận trong kỳ" />
            <Kpi title="Hồ sơ đã giải quyết" value={formatCount(p.resolved)} note="có kết quả trong kỳ" />
          </section>
          {busiest.length > 0 ? (
            <Card
              title={<span className="stat-card-title">{d.byAgency.length > CHART_AGENCIES ? `Tỷ lệ đúng hạn và trực tuyến của ${CHART_AGENCIES} cơ quan tiếp nhận nhiều hồ sơ nhất` : 'Tỷ lệ đúng hạn và trực tuyến theo cơ quan'}</span>}
              size="small"
            >
              <Chart
                height={Math.max(240, busiest.length * 44 + 60)}
                label={`Biểu đồ tỷ lệ theo cơ quan: ${busiest.map((r) => `${r.agencyName}: đúng hạn ${formatPercent(r.onTimeRate)}, trực tuyến ${formatPercent(r.onlineRate)}`).join('; ')}`}
                option={agenciesOption(busiest, narrow)}
              />
            </Card>
          ) : (
            <Empty description="Chưa có hồ sơ trong kỳ này" />
          )}
          <Card title="Theo cơ quan giải quyết" size="small">
            <Input.Search aria-label="Tìm cơ quan" placeholder="Tìm cơ quan, ví dụ: xa Vi Thuy" allowClear onChange={(e) => setSearch(e.target.value)} style={{ maxWidth: 360, marginBottom: 12 }} />
            <Table<PublicRow>
              rowKey={(r) => r.agencyId ?? r.agencyName}
              size="small"
              scroll={{ x: 760 }}
              dataSource={rows}
              pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (t) => `${formatCount(t)} cơ quan` } : false}
              locale={{ emptyText: 'Không có số liệu' }}
              columns={[
                { title: 'Cơ quan', dataIndex: 'agencyName' },
                { title: 'Tiếp nhận', dataIndex: 'received', align: 'right', render: formatCount, sorter: (a, b) => a.received - b.received },
                { title: 'Đã giải quyết', dataIndex: 'resolved', align: 'right', render: formatCount },
                { title: 'Đúng hạn', dataIndex: 'resolvedOnTime', align: 'right', render: formatCount },
                { title: 'Tỷ lệ đúng hạn', dataIndex: 'onTimeRate', align: 'right', render: formatPercent, sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1) },
                { title: 'Trực tuyến', dataIndex: 'receivedOnline', align: 'right', render: formatCount },
                { title: 'Tỷ lệ trực tuyến', dataIndex: 'onlineRate', align: 'right', render: formatPercent, sorter: (a, b) => (a.onlineRate ?? -1) - (b.onlineRate ?? -1) },
              ]}
            />
          </Card>
          <Card title="Cách tính" size="small">
            <ul className="plain-ul">
              {Object.entries(d.formulas).map(([k, f]) => (
                <li key={k}>{f}</li>
              ))}
            </ul>
          </Card>
        </div>
      )}
    </div>
  );
}
