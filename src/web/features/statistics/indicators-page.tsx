/**
 * Chỉ số QĐ 766: the service-quality indicators of a unit for the period in the five groups, each with its formula,
 * the data behind it and its points; reform officers set the point weights (total 100), others read them.
 */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, InputNumber, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Permission } from '../../../shared/permissions';
import {
  INDICATOR_GROUP_OF,
  INDICATOR_GROUPS,
  INDICATOR_KEYS,
  indicatorGroupLabels,
  type Indicator,
  type Indicators,
  type IndicatorWeights,
} from '../../../shared/schemas/statistics';
import { formatDateTime } from '../../../shared/text';
import { api, ApiError, errorMessageOf, useSession } from '../../api/client';
import { ErrorBanner } from '../admin/admin-common';
import { XlsxButton } from './parts';
import { formatNumber, formatPercent, formatPoints } from './format';
import { periodQuery, useStatisticsParams } from './period';
import { SliceFilters } from './slice-filters';
import { useStatistics, xlsxHref } from './statistics-api';

interface WeightsView {
  weights: IndicatorWeights;
  defaults: IndicatorWeights;
  updatedAt: string | null;
}

/** The validation messages of a refused request (the weights' total is checked on the whole body). */
function detailMessages(error: unknown): string[] {
  const fields = (error instanceof ApiError ? (error.details as { fields?: { message?: unknown }[] } | undefined)?.fields : undefined) ?? [];
  return fields.map((f) => f.message).filter((m): m is string => typeof m === 'string');
}

const dataValue = (v: number | string | null) => (v === null ? '–' : typeof v === 'number' ? formatNumber(v, Number.isInteger(v) ? 0 : 1) : v);

function IndicatorCard({ indicator }: { indicator: Indicator }) {
  const noData = indicator.points === null;
  return (
    <Card
      size="small"
      type="inner"
      style={{ marginBottom: 12 }}
      title={<span role="heading" aria-level={3}>{indicator.label}</span>}
      extra={
        <Space>
          {indicator.formulaAssumed && (
            <Tag color="gold" title="Không tìm thấy công thức chính thức; hệ thống dùng công thức này">
              Công thức do hệ thống áp dụng
            </Tag>
          )}
          <Typography.Text strong>{noData ? 'Không có dữ liệu' : `${formatPoints(indicator.points)} / ${formatPoints(indicator.weight)} điểm`}</Typography.Text>
        </Space>
      }
    >
      <Typography.Paragraph className="stat-formula" style={{ marginBottom: 8 }}>
        <strong>Công thức:</strong> {indicator.formula}
      </Typography.Paragraph>
      {!noData && indicator.rate !== null && <Progress percent={Math.min(100, indicator.rate)} format={() => formatPercent(indicator.rate)} size="small" style={{ maxWidth: 420 }} />}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'n', label: 'Tử số', children: dataValue(indicator.numerator) },
          { key: 'd', label: 'Mẫu số', children: dataValue(indicator.denominator) },
          { key: 'r', label: 'Tỷ lệ', children: formatPercent(indicator.rate) },
          ...Object.entries(indicator.data).map(([k, v]) => ({ key: `data-${k}`, label: k, children: dataValue(v) })),
        ]}
      />
    </Card>
  );
}

function WeightsEditor({ view, canEdit, labels }: { view: WeightsView; canEdit: boolean; labels: Partial<Record<string, string>> }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<IndicatorWeights>();
  const values = Form.useWatch([], form) as Partial<IndicatorWeights> | undefined;
  const total = INDICATOR_KEYS.reduce((sum, k) => sum + (Number(values?.[k]) || 0), 0);
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (weights: IndicatorWeights) => api.put<WeightsView>('/api/statistics/indicators/weights', weights),
    onSuccess: async () => {
      setOpen(false);
      await client.invalidateQueries({ queryKey: ['statistics'] });
      await client.invalidateQueries({ queryKey: ['indicator-weights'] });
    },
  });
  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => setOpen(true)}>
        {canEdit ? 'Cấu hình điểm' : 'Xem điểm tối đa'}
      </Button>
      <Modal
        open={open}
        title={canEdit ? 'Cấu hình điểm tối đa của từng chỉ số' : 'Điểm tối đa của từng chỉ số'}
        onCancel={() => setOpen(false)}
        width={640}
        okText="Lưu"
        cancelText="Đóng"
        okButtonProps={{ disabled: !canEdit, loading: save.isPending, hidden: !canEdit }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          Năm nhóm chỉ số theo Quyết định 766/QĐ-TTg; tổng điểm bằng 100. {view.updatedAt ? `Cập nhật lần cuối ${formatDateTime(view.updatedAt)}.` : 'Đang dùng điểm mặc định.'}
          {!canEdit && ' Chỉ cán bộ cải cách hành chính được thay đổi.'}
        </Typography.Paragraph>
        {save.error && (
          <Alert type="error" showIcon role="alert" title={errorMessageOf(save.error)} description={detailMessages(save.error).join('; ') || undefined} style={{ marginBottom: 12 }} />
        )}
        <Form form={form} layout="horizontal" labelCol={{ span: 16 }} initialValues={view.weights} disabled={!canEdit} onFinish={(v) => save.mutate(v)} preserve={false}>
          {INDICATOR_GROUPS.map((g) => (
            <div key={g}>
              <Typography.Text strong>{indicatorGroupLabels[g]}</Typography.Text>
              {INDICATOR_KEYS.filter((k) => INDICATOR_GROUP_OF[k] === g).map((k) => (
                <Form.Item key={k} name={k} label={labels[k] ?? k} style={{ marginBottom: 6 }} rules={[{ required: true, message: 'Nhập điểm' }]}>
                  <InputNumber min={0} max={100} step={0.5} decimalSeparator="," style={{ width: 110 }} />
                </Form.Item>
              ))}
            </div>
          ))}
          <Typography.Paragraph strong type={Math.abs(total - 100) > 1e-6 ? 'danger' : undefined}>
            Tổng: {formatNumber(total, 2)} / 100 điểm
          </Typography.Paragraph>
          {canEdit && (
            <Button onClick={() => form.setFieldsValue(view.defaults)} size="small">
              Dùng điểm mặc định
            </Button>
          )}
        </Form>
      </Modal>
    </>
  );
}

export function IndicatorsPage() {
  const { spec, slice, period, setSlice } = useStatisticsParams();
  const { can } = useSession();
  const q = { ...periodQuery(spec), agencyId: slice.agencyId };
  const indicators = useStatistics<Indicators>('/api/statistics/indicators', q, !!period);
  const weights = useQuery({ queryKey: ['indicator-weights'], queryFn: ({ signal }) => api.get<WeightsView>('/api/statistics/indicators/weights', undefined, signal) });
  const d = indicators.data;
  // The shared schema names the indicators by key; their Vietnamese labels come with the figures.
  const labels: Record<string, string> = Object.fromEntries((d?.groups ?? []).flatMap((g) => g.indicators.map((i) => [i.key, i.label])));
  return (
    <>
      <div className="stat-toolbar">
        <SliceFilters slice={slice} onChange={setSlice} show={['agencyId']} />
        <Space>
          {weights.data && <WeightsEditor view={weights.data} canEdit={can(Permission.REFORM_MANAGE)} labels={labels} />}
          <XlsxButton href={xlsxHref('/api/statistics/indicators', q)} />
        </Space>
      </div>
      <ErrorBanner error={indicators.error ?? weights.error} />
      {d && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Space wrap size="large" align="center">
              <div role="group" aria-label="Tổng điểm">
                <div className="stat-kpi-title">Tổng điểm</div>
                <div className="stat-kpi-value">
                  {formatPoints(d.totalPoints)} <span style={{ fontSize: 15, fontWeight: 400 }}>/ {formatPoints(d.pointsAvailable)} điểm có dữ liệu</span>
                </div>
              </div>
              <Typography.Text type="secondary">{[d.filters.scope, d.period.label].join(' · ')}</Typography.Text>
            </Space>
            <Typography.Paragraph type="secondary" className="stat-formula" style={{ margin: '8px 0 0' }}>
              {d.note}
            </Typography.Paragraph>
            <Table
              style={{ marginTop: 12 }}
              rowKey="group"
              size="small"
              pagination={false}
              dataSource={d.groups}
              columns={[
                { title: 'Nhóm chỉ số', dataIndex: 'label' },
                { title: 'Điểm tối đa', dataIndex: 'weight', align: 'right', render: formatPoints },
                { title: 'Điểm có dữ liệu', dataIndex: 'pointsAvailable', align: 'right', render: formatPoints },
                { title: 'Điểm đạt', dataIndex: 'points', align: 'right', render: formatPoints },
              ]}
            />
          </Card>
          {d.groups.map((g, i) => (
            <Card
              key={g.group}
              size="small"
              style={{ marginBottom: 16 }}
              title={<span role="heading" aria-level={2}>{`${i + 1}. ${g.label}`}</span>}
              extra={<Typography.Text strong>{`${formatPoints(g.points)} / ${formatPoints(g.pointsAvailable)} điểm (tối đa ${formatPoints(g.weight)})`}</Typography.Text>}
            >
              {g.indicators.map((ind) => (
                <IndicatorCard key={ind.key} indicator={ind} />
              ))}
            </Card>
          ))}
        </>
      )}
    </>
  );
}
