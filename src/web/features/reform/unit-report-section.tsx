/**
 * "Báo cáo đơn vị" (/can-bo/bao-cao-don-vi): a unit's reporter sees the reports it must send; Sở Nội vụ sees the
 * reporting rounds with their completeness and timeliness, opens a round, and reviews each unit's report at
 * /can-bo/bao-cao-don-vi/:id.
 */
import { lazy, Suspense, useState } from 'react';
import { Link, Route, Routes } from 'react-router';
import { App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Permission } from '../../../shared/permissions';
import { formatDate, formatDateTime } from '../../../shared/text';
import { timelinessLabels, unitReportStatusLabels } from '../../../shared/workflow/unit-report-workflow';
import type { ReportRound, ReportTemplate, RoundCompleteness, RoundUnitRow, UnitReportList, UnitReportListItem } from '../../../shared/schemas/unit-reports';
import { api, useSession } from '../../api/client';
import { PageLoading } from '../../components/page-loading';
import { usePageTitle } from '../../components/page-title';
import { site } from '../../site';
import { AdminHeading, ErrorBanner, showFieldErrors } from '../admin/admin-common';
import { statusColors, timelinessColors, UNIT_REPORTS_BASE } from './unit-report-common';

const UnitReportPage = lazy(() => import('./unit-report-page').then((m) => ({ default: m.UnitReportPage })));

const rate = (v: number | null) => (v === null ? '—' : `${v.toLocaleString('vi-VN')}%`);

function CountsCards({ counts }: { counts: ReportRound['counts'] }) {
  return (
    <Space wrap size="large" style={{ marginBottom: 16 }}>
      <Statistic title="Phải báo cáo" value={counts.expected} />
      <Statistic title="Đã gửi" value={counts.submitted} suffix={`(${rate(counts.completenessRate)})`} />
      <Statistic title="Đúng hạn" value={counts.onTime} suffix={`(${rate(counts.timelinessRate)})`} />
      <Statistic title="Trễ hạn" value={counts.late} valueStyle={counts.late > 0 ? { color: '#ad4e00' } : undefined} />
      <Statistic title="Chưa gửi (quá hạn)" value={counts.missing} valueStyle={counts.missing > 0 ? { color: '#a8071a' } : undefined} />
      <Statistic title="Chưa gửi (còn hạn)" value={counts.notDue} />
      <Statistic title="Đã tiếp nhận" value={counts.accepted} />
      <Statistic title="Chờ xem xét" value={counts.awaitingReview} />
      <Statistic title="Đang trả lại" value={counts.returned} />
    </Space>
  );
}

function RoundUnits({ roundId }: { roundId: string }) {
  const view = useQuery({
    queryKey: ['unit-reports', 'round', roundId],
    queryFn: ({ signal }) => api.get<RoundCompleteness>(`/api/unit-reports/rounds/${roundId}`, undefined, signal),
  });
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: () => api.post<ReportRound>(`/api/unit-reports/rounds/${roundId}/close`, {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['unit-reports'] }),
  });
  if (view.error) return <ErrorBanner error={view.error} />;
  if (!view.data) return <PageLoading />;
  const { round, units } = view.data;
  return (
    <>
      <ErrorBanner error={close.error} />
      {round.status === 'closed' ? (
        <Tag color="default" style={{ marginBottom: 8 }}>
          Kỳ báo cáo đã khóa
        </Tag>
      ) : (
        round.abilities.manage && (
          <Button
            style={{ float: 'right' }}
            loading={close.isPending}
            onClick={() =>
              Modal.confirm({
                title: 'Khóa kỳ báo cáo?',
                content: 'Sau khi khóa, các đơn vị không sửa, gửi báo cáo được nữa và hệ thống dừng nhắc báo cáo.',
                okText: 'Khóa kỳ báo cáo',
                cancelText: 'Hủy',
                onOk: () => close.mutateAsync(),
              })
            }
          >
            Khóa kỳ báo cáo
          </Button>
        )
      )}
      <Typography.Paragraph>
        Số liệu tính từ ngày {formatDate(round.periodFrom)} đến ngày {formatDate(round.periodTo)}; hạn gửi báo cáo ngày <strong>{formatDate(round.dueOn)}</strong>. Đúng hạn
        tính theo ngày gửi lần đầu.
      </Typography.Paragraph>
      <CountsCards counts={round.counts} />
      <Table<RoundUnitRow>
        rowKey="reportId"
        size="small"
        dataSource={units}
        pagination={false}
        scroll={{ x: 900 }}
        aria-label="Tình hình gửi báo cáo của các đơn vị"
        columns={[
          { title: 'STT', key: 'n', width: 60, render: (_, __, i) => i + 1 },
          { title: 'Đơn vị', key: 'agency', render: (_, u) => <Link to={`${UNIT_REPORTS_BASE}/${u.reportId}`}>{u.agency.name}</Link> },
          { title: 'Trạng thái', dataIndex: 'status', width: 190, render: (s: RoundUnitRow['status']) => <Tag color={statusColors[s]}>{unitReportStatusLabels[s]}</Tag> },
          {
            title: 'Thời hạn',
            key: 'timeliness',
            width: 210,
            render: (_, u) => (
              <>
                <Tag color={timelinessColors[u.timeliness]}>{timelinessLabels[u.timeliness]}</Tag>
                {u.daysLate ? `${u.daysLate.toLocaleString('vi-VN')} ngày` : ''}
              </>
            ),
          },
          { title: 'Gửi lần đầu', dataIndex: 'firstSubmittedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
          { title: 'Trả lại', dataIndex: 'returnCount', width: 80, align: 'right' },
          { title: 'Đã nhắc', dataIndex: 'remindersSent', width: 80, align: 'right' },
        ]}
      />
    </>
  );
}

interface OpenRoundValues {
  templateId: string;
  preset: 'reform_q1' | 'reform_h1' | 'reform_q3' | 'reform_year' | 'custom';
  year?: number;
  range?: [Dayjs, Dayjs];
  dueOn?: Dayjs;
  title?: string;
}

function OpenRoundModal({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const [form] = Form.useForm<OpenRoundValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const preset = Form.useWatch('preset', form);
  const templates = useQuery({ queryKey: ['unit-reports', 'templates'], queryFn: ({ signal }) => api.get<ReportTemplate[]>('/api/unit-reports/templates', undefined, signal), enabled: open });
  const save = useMutation({
    mutationFn: (v: OpenRoundValues) =>
      api.post<ReportRound>('/api/unit-reports/rounds', {
        templateId: v.templateId,
        period: v.preset === 'custom' ? { preset: 'custom', from: v.range?.[0].format('YYYY-MM-DD'), to: v.range?.[1].format('YYYY-MM-DD') } : { preset: v.preset, year: v.year },
        dueOn: v.dueOn?.format('YYYY-MM-DD'),
        title: v.title || undefined,
      }),
    onSuccess: (round) => {
      void message.success(`Đã mở kỳ báo cáo cho ${round.counts.expected} đơn vị`);
      void queryClient.invalidateQueries({ queryKey: ['unit-reports'] });
      onClose(round.id);
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <Modal open={open} title="Mở kỳ báo cáo" okText="Mở kỳ báo cáo" cancelText="Hủy" onOk={() => form.submit()} onCancel={() => onClose()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ preset: 'reform_h1', year: new Date().getFullYear() }} onFinish={(v) => save.mutate(v)}>
        <ErrorBanner error={save.error} />
        <Form.Item name="templateId" label="Mẫu báo cáo" rules={[{ required: true, message: 'Chọn mẫu báo cáo' }]}>
          <Select loading={templates.isLoading} options={(templates.data ?? []).map((t) => ({ value: t.id, label: `${t.name} (phiên bản ${t.version})` }))} />
        </Form.Item>
        <Form.Item name="preset" label="Kỳ báo cáo">
          <Select
            options={[
              { value: 'reform_q1', label: 'Quý I (số liệu 15/12 – 14/3)' },
              { value: 'reform_h1', label: '6 tháng (số liệu 15/12 – 14/6)' },
              { value: 'reform_q3', label: 'Quý III (số liệu 15/6 – 14/9)' },
              { value: 'reform_year', label: 'Năm (số liệu 15/12 – 14/12)' },
              { value: 'custom', label: 'Tùy chọn từ ngày đến ngày' },
            ]}
          />
        </Form.Item>
        {preset === 'custom' ? (
          <Form.Item name="range" label="Thời gian chốt số liệu" rules={[{ required: true, message: 'Chọn thời gian chốt số liệu' }]}>
            <DatePicker.RangePicker format="DD/MM/YYYY" />
          </Form.Item>
        ) : (
          <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
        )}
        <Form.Item name="dueOn" label="Hạn gửi báo cáo" extra={preset === 'custom' ? undefined : 'Để trống: ngày 20 tháng cuối kỳ'}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="title" label="Tên kỳ báo cáo" extra="Để trống: tên theo kỳ">
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ManagerView() {
  const rounds = useQuery({ queryKey: ['unit-reports', 'rounds'], queryFn: ({ signal }) => api.get<ReportRound[]>('/api/unit-reports/rounds', undefined, signal) });
  const [selected, setSelected] = useState<string>();
  const [opening, setOpening] = useState(false);
  const roundId = selected ?? rounds.data?.[0]?.id;
  return (
    <>
      <Space wrap style={{ display: 'flex', marginBottom: 16 }}>
        <Select
          aria-label="Kỳ báo cáo"
          style={{ minWidth: 420 }}
          loading={rounds.isLoading}
          value={roundId}
          onChange={setSelected}
          options={(rounds.data ?? []).map((r) => ({ value: r.id, label: `${r.title} (hạn ${formatDate(r.dueOn)})` }))}
        />
        <Button type="primary" onClick={() => setOpening(true)}>
          Mở kỳ báo cáo
        </Button>
      </Space>
      <ErrorBanner error={rounds.error} />
      {rounds.data && rounds.data.length === 0 && <Empty description="Chưa có kỳ báo cáo nào" />}
      {roundId && <RoundUnits roundId={roundId} />}
      <OpenRoundModal
        open={opening}
        onClose={(id) => {
          setOpening(false);
          if (id) setSelected(id);
        }}
      />
    </>
  );
}

function UnitView() {
  const list = useQuery({
    queryKey: ['unit-reports', 'mine'],
    queryFn: ({ signal }) => api.get<UnitReportList>('/api/unit-reports', { pageSize: 100, mine: 'true' }, signal),
  });
  return (
    <>
      <ErrorBanner error={list.error} />
      <Table<UnitReportListItem>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        aria-label="Báo cáo của đơn vị"
        locale={{ emptyText: <Empty description="Đơn vị chưa được giao báo cáo nào" /> }}
        columns={[
          { title: 'Kỳ báo cáo', key: 'round', render: (_, r) => <Link to={`${UNIT_REPORTS_BASE}/${r.id}`}>{r.round.title}</Link> },
          { title: 'Đơn vị', key: 'agency', render: (_, r) => r.agency.name },
          { title: 'Hạn gửi', key: 'due', width: 120, render: (_, r) => formatDate(r.round.dueOn) },
          { title: 'Trạng thái', dataIndex: 'status', width: 190, render: (s: UnitReportListItem['status']) => <Tag color={statusColors[s]}>{unitReportStatusLabels[s]}</Tag> },
          { title: 'Thời hạn', dataIndex: 'timeliness', width: 170, render: (t: UnitReportListItem['timeliness']) => <Tag color={timelinessColors[t]}>{timelinessLabels[t]}</Tag> },
        ]}
      />
    </>
  );
}

function UnitReportsHome() {
  const { can } = useSession();
  usePageTitle('Báo cáo CCHC của đơn vị', site.backOfficeTitle);
  const manager = can(Permission.REFORM_MANAGE);
  return (
    <>
      <AdminHeading title="Báo cáo định kỳ CCHC của các đơn vị">
        {manager
          ? 'Các sở, ngành và UBND cấp huyện gửi báo cáo quý, 6 tháng, năm; theo dõi đơn vị đã gửi, đúng hạn, trễ hạn, chưa gửi và xem xét từng báo cáo.'
          : 'Báo cáo định kỳ về công tác cải cách hành chính đơn vị phải gửi Sở Nội vụ. Số liệu hệ thống đã được điền sẵn.'}
      </AdminHeading>
      {manager ? (
        <Card size="small" title="Tình hình gửi báo cáo">
          <ManagerView />
        </Card>
      ) : null}
      {!manager || can(Permission.REFORM_REPORT_UNIT) ? (
        <Card size="small" title="Báo cáo của đơn vị mình" style={{ marginTop: manager ? 16 : 0 }}>
          <UnitView />
        </Card>
      ) : null}
    </>
  );
}

export function UnitReportsSection() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<UnitReportsHome />} />
        <Route path=":id" element={<UnitReportPage />} />
      </Routes>
    </Suspense>
  );
}
