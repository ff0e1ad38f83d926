/**
 * Thủ tục hành chính: procedures in force on a date by level, online level, field and agency; the publication
 * decisions of the period (on time or not); internal processes approved; processing-time cuts.
 */
import { Card, Col, DatePicker, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CatalogStatistics } from '../../../shared/schemas/statistics';
import { formatDate } from '../../../shared/text';
import { ErrorBanner } from '../admin/admin-common';
import { Kpi, XlsxButton } from './parts';
import { formatCount, formatPercent } from './format';
import { periodQuery, useStatisticsParams } from './period';
import { Formulas } from './slice-tables-page';
import { SliceFilters } from './slice-filters';
import { useStatistics, xlsxHref } from './statistics-api';

type Count = CatalogStatistics['procedures']['byLevel'][number];

function CountTable({ title, rows, label }: { title: string; rows: Count[]; label: string }) {
  return (
    <Card size="small" title={title}>
      <Table<Count>
        rowKey="key"
        size="small"
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        dataSource={rows}
        locale={{ emptyText: 'Không có thủ tục' }}
        columns={[
          { title: label, dataIndex: 'label' },
          { title: 'Số thủ tục', dataIndex: 'procedures', align: 'right', width: 110, render: formatCount },
        ]}
      />
    </Card>
  );
}

export function CatalogStatisticsPage() {
  const { spec, slice, period, params, set, setSlice } = useStatisticsParams();
  const asOf = params.get('asOf') ?? undefined;
  const q = { ...periodQuery(spec), agencyId: slice.agencyId, asOf };
  const stats = useStatistics<CatalogStatistics>('/api/statistics/catalog', q, !!period);
  const s = stats.data;
  return (
    <>
      <div className="stat-toolbar">
        <Space wrap>
          <SliceFilters slice={slice} onChange={setSlice} show={['agencyId']} />
          <DatePicker
            aria-label="Danh mục tại ngày"
            format="DD/MM/YYYY"
            placeholder="Tại ngày (mặc định cuối kỳ)"
            value={asOf ? dayjs(asOf) : null}
            onChange={(d) => set({ asOf: d ? d.format('YYYY-MM-DD') : undefined })}
            style={{ marginBottom: 12 }}
          />
        </Space>
        <XlsxButton href={xlsxHref('/api/statistics/catalog', q)} />
      </div>
      <ErrorBanner error={stats.error} />
      {s && (
        <>
          <Typography.Paragraph type="secondary">
            Danh mục thủ tục tại ngày {formatDate(s.asOf)} · {[s.period.label, ...s.filters.lines].join(' · ')}
          </Typography.Paragraph>
          <section aria-label="Thủ tục hành chính đang thực hiện" className="stat-kpis">
            <Kpi title="Thủ tục đang thực hiện" value={formatCount(s.procedures.total)} />
            <Kpi title="Giải quyết ngay trong ngày" value={formatCount(s.procedures.onTheSpot)} />
            <Kpi title="Thủ tục liên thông" value={formatCount(s.procedures.interAgency)} />
            <Kpi title="Quyết định công bố trong kỳ" value={formatCount(s.publicationDecisions.total)} note={`${formatCount(s.publicationDecisions.onTime)} đúng hạn, ${formatCount(s.publicationDecisions.late)} chậm`} />
            <Kpi title="Quy trình nội bộ được phê duyệt" value={formatCount(s.internalProcesses.processes)} note={`${formatCount(s.internalProcesses.decisions)} quyết định, ${formatCount(s.internalProcesses.inForce)} quy trình đang áp dụng`} />
            <Kpi title="Quy trình cắt giảm thời gian" value={formatCount(s.timeCuts.withCut)} note={`trên ${formatCount(s.timeCuts.measured)} quy trình; bình quân ${formatPercent(s.timeCuts.averageCutPercent)}`} />
          </section>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={8}>
              <CountTable title="Theo cấp thực hiện" label="Cấp" rows={s.procedures.byLevel} />
            </Col>
            <Col xs={24} lg={8}>
              <CountTable title="Theo mức độ dịch vụ trực tuyến" label="Mức độ" rows={s.procedures.byOnlineLevel} />
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title="Công bố thủ tục trong kỳ">
                <Table
                  rowKey="k"
                  size="small"
                  pagination={false}
                  dataSource={[
                    { k: 'add', label: 'Thủ tục mới ban hành', n: s.publicationDecisions.items.add },
                    { k: 'amend', label: 'Thủ tục sửa đổi, bổ sung', n: s.publicationDecisions.items.amend },
                    { k: 'replace', label: 'Thủ tục thay thế', n: s.publicationDecisions.items.replace },
                    { k: 'abolish', label: 'Thủ tục bị bãi bỏ', n: s.publicationDecisions.items.abolish },
                  ]}
                  columns={[
                    { title: 'Nội dung công bố', dataIndex: 'label' },
                    { title: 'Số thủ tục', dataIndex: 'n', align: 'right', render: formatCount },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <CountTable title="Theo lĩnh vực" label="Lĩnh vực" rows={s.procedures.byField} />
            </Col>
            <Col xs={24} lg={12}>
              <CountTable title="Theo cơ quan thực hiện" label="Cơ quan" rows={s.procedures.byAgency} />
            </Col>
            <Col xs={24}>
              <Card size="small" title="Quyết định công bố thủ tục hành chính trong kỳ">
                <Table
                  rowKey="number"
                  size="small"
                  pagination={s.publicationDecisions.list.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                  dataSource={s.publicationDecisions.list}
                  locale={{ emptyText: 'Không có quyết định công bố trong kỳ' }}
                  columns={[
                    { title: 'Số quyết định', dataIndex: 'number' },
                    { title: 'Trích yếu', dataIndex: 'title' },
                    { title: 'Ngày ký', dataIndex: 'signedOn', render: formatDate },
                    { title: 'Hiệu lực từ', dataIndex: 'effectiveFrom', render: formatDate },
                    { title: 'Số thủ tục', dataIndex: 'items', align: 'right', render: formatCount },
                    {
                      title: 'Công bố',
                      dataIndex: 'onTime',
                      render: (v: boolean | null) => (v === null ? <Tag>Không rõ ngày văn bản</Tag> : v ? <Tag color="green">Đúng hạn</Tag> : <Tag color="red">Chậm</Tag>),
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title="Cắt giảm thời gian giải quyết theo cơ quan">
                <Table
                  rowKey="agencyId"
                  size="small"
                  pagination={false}
                  dataSource={s.timeCuts.byAgency}
                  locale={{ emptyText: 'Chưa có quy trình nội bộ đang áp dụng' }}
                  columns={[
                    { title: 'Cơ quan', dataIndex: 'agencyName' },
                    { title: 'Quy trình đo được', dataIndex: 'measured', align: 'right', render: formatCount },
                    { title: 'Có cắt giảm', dataIndex: 'withCut', align: 'right', render: formatCount },
                    { title: 'Cắt giảm bình quân', dataIndex: 'averageCutPercent', align: 'right', render: formatPercent },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Formulas formulas={s.formulas} />
        </>
      )}
    </>
  );
}
