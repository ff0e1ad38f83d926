/**
 * The drill-down below the dashboard: an agency's figures by procedure (the agency and the agencies under it), then
 * the dossiers behind one figure, each opening the dossier's own page (under its own access rules).
 */
import { Breadcrumb, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useLocation } from 'react-router';
import { DRILL_CATEGORIES, drillCategoryLabels, statChannelLabels, type DossierDrillList, type DossierStatistics } from '../../../shared/schemas/statistics';
import { formatDate } from '../../../shared/text';
import { ErrorBanner } from '../admin/admin-common';
import { XlsxButton } from './parts';
import { FiguresTable, type DrillCategoryKey } from './figures-table';
import { formatCount } from './format';
import { agencyDrillHref, dossierListHref, drillHrefFor, STATISTICS_PATH } from './links';
import { periodQuery, toSearch, useStatisticsParams } from './period';
import { useStatistics, xlsxHref } from './statistics-api';

const outcomeTags = { early: ['green', 'Trước hạn'], on_time: ['blue', 'Đúng hạn'], late: ['red', 'Quá hạn'] } as const;

/** Toàn tỉnh › agency › procedure: the steps above the current page, each a link keeping the period. */
function DrillBreadcrumb({ agency, procedure, last }: { agency?: { id: string; name: string; alone: boolean } | undefined; procedure?: { id: string; name: string } | undefined; last?: string | undefined }) {
  const { spec } = useStatisticsParams();
  const items = [{ title: <Link to={`${STATISTICS_PATH}${toSearch(periodQuery(spec))}`}>Màn hình điều hành</Link> }];
  if (agency) items.push({ title: <Link to={agencyDrillHref(spec, agency.id, agency.alone)}>{agency.name}</Link> });
  if (procedure) items.push({ title: <span>{procedure.name}</span> });
  if (last) items.push({ title: <span>{last}</span> });
  return <Breadcrumb items={items} style={{ marginBottom: 12 }} />;
}

export function AgencyDrillPage() {
  const { spec, slice, period } = useStatisticsParams();
  const agencyId = slice.agencyId;
  const agencyOnly = slice.agencyOnly;
  const query = { ...periodQuery(spec), agencyId, agencyOnly, groupBy: 'procedure' };
  const stats = useStatistics<DossierStatistics>('/api/statistics/dossiers', query, !!period && !!agencyId);
  const name = stats.data?.filters.scope ?? '';
  return (
    <>
      <DrillBreadcrumb agency={agencyId && name ? { id: agencyId, name, alone: agencyOnly === 'true' } : undefined} />
      <ErrorBanner error={stats.error} />
      <Card
        size="small"
        title={<span role="heading" aria-level={2}>{`Số liệu theo thủ tục: ${name}`}</span>}
        extra={<XlsxButton href={xlsxHref('/api/statistics/dossiers', query)} />}
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {agencyOnly === 'true' ? 'Hồ sơ do chính cơ quan này giải quyết (các đơn vị trực thuộc có số liệu riêng).' : 'Gồm hồ sơ của cơ quan và các đơn vị trực thuộc.'} Bấm một
          số liệu để xem danh sách hồ sơ.
        </Typography.Paragraph>
        {stats.data && (
          <FiguresTable
            caption={`Số liệu theo thủ tục của ${name}, ${stats.data.period.label}`}
            labelTitle="Thủ tục hành chính"
            legalTime
            rows={stats.data.rows}
            total={stats.data.total}
            loading={stats.isFetching}
            labelLink={(row) => dossierListHref(spec, { agencyId, agencyOnly, procedureId: row.key }, 'received')}
            drillTo={drillHrefFor(spec, { agencyId, agencyOnly }, 'procedure')}
          />
        )}
      </Card>
    </>
  );
}

export function DossierListPage() {
  const location = useLocation();
  const { spec, slice, period, params, set } = useStatisticsParams();
  const category = (DRILL_CATEGORIES as readonly string[]).includes(params.get('category') ?? '') ? (params.get('category') as DrillCategoryKey) : 'received';
  const page = Number(params.get('page') ?? '1') || 1;
  const query = { ...periodQuery(spec), ...slice, category };
  const list = useStatistics<DossierDrillList>('/api/statistics/dossiers/list', { ...query, page, pageSize: 20 }, !!period);
  const first = list.data?.items[0];
  const agency = slice.agencyId && list.data ? { id: slice.agencyId, name: list.data.filters.scope, alone: slice.agencyOnly === 'true' } : undefined;
  const procedure = slice.procedureId && first ? { id: slice.procedureId, name: first.procedureName } : undefined;
  return (
    <>
      <DrillBreadcrumb agency={agency} procedure={procedure} last={drillCategoryLabels[category]} />
      <ErrorBanner error={list.error} />
      <Card
        size="small"
        title={<span role="heading" aria-level={2}>Danh sách hồ sơ: {drillCategoryLabels[category]}</span>}
        extra={<XlsxButton href={xlsxHref('/api/statistics/dossiers/list', query)} />}
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<DrillCategoryKey>
            aria-label="Loại số liệu"
            style={{ width: 300 }}
            value={category}
            options={DRILL_CATEGORIES.map((c) => ({ value: c, label: drillCategoryLabels[c] }))}
            onChange={(c) => set({ category: c, page: undefined })}
          />
          {list.data && <Typography.Text type="secondary">{list.data.filters.lines.join(' · ')}</Typography.Text>}
        </Space>
        <Table<DossierDrillList['items'][number]>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1250 }}
          locale={{ emptyText: 'Không có hồ sơ nào' }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => set({ page: p === 1 ? undefined : p }),
            showTotal: (t) => `${formatCount(t)} hồ sơ`,
          }}
          columns={[
            {
              title: 'Mã hồ sơ',
              dataIndex: 'code',
              width: 230,
              render: (code: string, d) => (
                <Link to={`/can-bo/ho-so/${d.id}`} state={{ from: location.pathname + location.search }}>
                  {code}
                </Link>
              ),
            },
            { title: 'Thủ tục', key: 'procedure', width: 280, render: (_, d) => <>{d.procedureName} <span className="muted">({d.procedureCode})</span></> },
            { title: 'Cơ quan giải quyết', dataIndex: 'agencyName', width: 170 },
            { title: 'Hình thức', dataIndex: 'channel', width: 130, render: (c: keyof typeof statChannelLabels) => statChannelLabels[c] },
            { title: 'Ngày tiếp nhận', width: 110, dataIndex: 'receivedAt', render: formatDate },
            { title: 'Hạn trả', width: 110, dataIndex: 'dueAt', render: formatDate },
            { title: 'Ngày hoàn thành', width: 110, dataIndex: 'finishedAt', render: formatDate },
            { title: 'Trạng thái', dataIndex: 'statusLabel', width: 150 },
            { title: 'Kết quả', dataIndex: 'outcome', width: 100, render: (o: keyof typeof outcomeTags | null) => (o ? <Tag color={outcomeTags[o][0]}>{outcomeTags[o][1]}</Tag> : '') },
          ]}
        />
        {list.data && <Typography.Paragraph type="secondary" className="stat-formula">{list.data.note}</Typography.Paragraph>}
      </Card>
    </>
  );
}


