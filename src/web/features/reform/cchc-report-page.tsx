/**
 * Báo cáo CCHC: the provincial report of a period. Choose or create the report of a period, read the draft with every
 * figure showing where it comes from, edit the narrative sections and the cut-offs of a draft, move it through
 * review, approval and issue, and download it as DOCX or PDF (an issued report as stored, byte for byte).
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Select, Skeleton, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CchcReportSummary, CchcReportView, Figure, Paragraph, Section } from '../../../shared/schemas/cchc-report';
import { cchcReportActionLabels, cchcReportStatusLabels, type CchcReportAction, type CchcReportStatus } from '../../../shared/workflow/cchc-report-workflow';
import { formatDate } from '../../../shared/text';
import { api } from '../../api/client';
import { AdminHeading, DATE_FORMAT, ErrorBanner, showFieldErrors } from '../admin/admin-common';

/** Solid colours: the light preset tags fall below the WCAG contrast ratio for small text. */
const statusColors: Record<CchcReportStatus, string> = { draft: 'default', review: '#ad6800', approved: '#0958d9', issued: '#237804' };
const originLabels = { default: 'Bản nháp gợi ý', unit_reports: 'Tổng hợp từ báo cáo của đơn vị', edited: 'Đã chỉnh sửa' } as const;
const KEY = ['reform', 'cchc-reports'];

function periodOptions() {
  const year = dayjs().year();
  const out: { value: string; label: string }[] = [];
  for (let y = year; y >= 2020; y--) {
    out.push({ value: `${y}-Y`, label: `Năm ${y} (15/12/${y - 1} – 14/12/${y})` });
    out.push({ value: `${y}-Q3`, label: `Quý III năm ${y} (15/6 – 14/9)` });
    out.push({ value: `${y}-H1`, label: `6 tháng đầu năm ${y} (15/12/${y - 1} – 14/6/${y})` });
    out.push({ value: `${y}-Q1`, label: `Quý I năm ${y} (15/12/${y - 1} – 14/3/${y})` });
  }
  out.push({ value: 'custom', label: 'Tùy chọn từ ngày đến ngày' });
  return out;
}

function FigureText({ figure, text }: { figure: Figure | undefined; text: string }) {
  const title = figure ? (
    <>
      <div>
        <b>{figure.label}</b>
      </div>
      <div>Nguồn: {figure.source}</div>
      {figure.formula && <div>Cách tính: {figure.formula}</div>}
      {figure.missing && <div>Chưa có dữ liệu trong hệ thống</div>}
    </>
  ) : (
    text
  );
  return (
    <Tooltip title={title}>
      <Tag color={figure?.missing ? 'red' : 'blue'} style={{ marginInlineEnd: 0, cursor: 'help', fontSize: 'inherit', textIndent: 0, paddingInline: 4 }} data-figure={figure?.key}>
        {text}
      </Tag>
    </Tooltip>
  );
}

function ReportParagraph({ p, figures }: { p: Paragraph; figures: Map<string, Figure> }) {
  const heading = p.style.startsWith('heading');
  const Tag_ = heading ? 'div' : 'p';
  return (
    <Tag_ style={{ textAlign: 'justify', textIndent: '1.27cm', margin: '6px 0', fontWeight: heading ? 700 : undefined, fontStyle: p.style === 'heading3' ? 'italic' : undefined }}>
      {p.style === 'dash' && '- '}
      {p.style === 'plus' && '+ '}
      {p.parts.map((part, i) =>
        part.kind === 'text' ? <span key={i}>{part.text}</span> : part.kind === 'figure' ? <FigureText key={i} figure={figures.get(part.key)} text={part.text} /> : <sup key={i}>{part.n}</sup>,
      )}
    </Tag_>
  );
}

function NarrativeBlock({ section, report, figures }: { section: Section; report: CchcReportView; figures: Map<string, Figure> }) {
  const n = section.narrative!;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(n.text);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.patch<CchcReportView>(`/api/cchc-reports/${report.id}`, { version: report.version, ...body }),
    onSuccess: (data) => {
      queryClient.setQueryData([...KEY, report.id], data);
      setEditing(false);
    },
  });
  const lines = n.text.split('\n').filter((l) => l.trim() !== '');
  return (
    <div style={{ borderLeft: '3px solid #d9d9d9', paddingLeft: 8, margin: '4px 0' }}>
      <Space size={4} wrap>
        <Tag color={n.origin === 'edited' ? '#237804' : n.origin === 'unit_reports' ? '#531dab' : 'default'}>{originLabels[n.origin]}</Tag>
        {n.sources.length > 0 && <Typography.Text type="secondary">Từ báo cáo của: {n.sources.join(', ')}</Typography.Text>}
        {report.abilities.edit && !editing && (
          <Button size="small" icon={<EditOutlined />} onClick={() => (setText(n.text), setEditing(true))} aria-label={`Sửa phần ${n.label}`}>
            Sửa
          </Button>
        )}
        {report.abilities.edit && n.origin === 'edited' && !editing && (
          <Button size="small" onClick={() => save.mutate({ resetNarratives: [n.key] })} loading={save.isPending}>
            Dùng lại bản tổng hợp
          </Button>
        )}
      </Space>
      <ErrorBanner error={save.error} />
      {editing ? (
        <div style={{ marginTop: 8 }}>
          <Input.TextArea aria-label={n.label} value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 3, maxRows: 16 }} />
          <Typography.Text type="secondary">Mỗi dòng là một đoạn; dòng bắt đầu bằng «- » là một ý gạch đầu dòng.</Typography.Text>
          <Space style={{ display: 'flex', marginTop: 8 }}>
            <Button type="primary" onClick={() => save.mutate({ narratives: { [n.key]: text } })} loading={save.isPending}>
              Lưu
            </Button>
            <Button onClick={() => setEditing(false)}>Hủy</Button>
          </Space>
        </div>
      ) : (
        lines.map((line, i) => (
          <ReportParagraph
            key={i}
            figures={figures}
            p={{ style: line.startsWith('- ') ? 'dash' : line.startsWith('+ ') ? 'plus' : 'body', parts: [{ kind: 'text', text: line.replace(/^[-+]\s+/, '') }] }}
          />
        ))
      )}
    </div>
  );
}

function ActionButton({ report, action }: { report: CchcReportView; action: CchcReportAction }) {
  const [open, setOpen] = useState(false);
  const [actionId] = useState(() => crypto.randomUUID());
  const [form] = Form.useForm<{ note?: string; number?: number; issuedOn?: Dayjs }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: (v: { note?: string; number?: number; issuedOn?: Dayjs }) =>
      api.post<CchcReportView>(`/api/cchc-reports/${report.id}/actions`, { action, actionId, note: v.note || undefined, number: v.number ?? undefined, issuedOn: v.issuedOn?.format('YYYY-MM-DD') }),
    onSuccess: (data) => {
      queryClient.setQueryData([...KEY, report.id], data);
      void queryClient.invalidateQueries({ queryKey: [...KEY, 'list'] });
      void message.success(`Đã ${cchcReportActionLabels[action].toLowerCase()}`);
      setOpen(false);
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <>
      <Button type={action === 'return' ? 'default' : 'primary'} danger={action === 'return'} onClick={() => setOpen(true)}>
        {cchcReportActionLabels[action]}
      </Button>
      <Modal open={open} title={cchcReportActionLabels[action]} okText="Xác nhận" cancelText="Hủy" onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={run.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => run.mutate(v)}>
          <ErrorBanner error={run.error} />
          {action === 'issue' && (
            <>
              <Typography.Paragraph>Báo cáo được cấp số, lưu tệp DOCX và PDF kèm mã băm; sau khi ban hành, số liệu không thay đổi dù dữ liệu gốc thay đổi.</Typography.Paragraph>
              <Form.Item name="number" label={`Số báo cáo (để trống: số tiếp theo của sổ /${report.document.header.symbol})`}>
                <InputNumber min={1} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="issuedOn" label="Ngày ban hành (để trống: hôm nay)">
                <DatePicker format={DATE_FORMAT} />
              </Form.Item>
            </>
          )}
          <Form.Item name="note" label="Ý kiến">
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function CutOffsForm({ report }: { report: CchcReportView }) {
  const [form] = Form.useForm<{ dossiersFrom: Dayjs; dossiersTo: Dayjs; catalogAsOf: Dayjs; reportDate: Dayjs; signerName: string }>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const d = report.document;
  const save = useMutation({
    mutationFn: (v: { dossiersFrom: Dayjs; dossiersTo: Dayjs; catalogAsOf: Dayjs; reportDate: Dayjs; signerName: string }) =>
      api.patch<CchcReportView>(`/api/cchc-reports/${report.id}`, {
        version: report.version,
        dossiersFrom: v.dossiersFrom.format('YYYY-MM-DD'),
        dossiersTo: v.dossiersTo.format('YYYY-MM-DD'),
        catalogAsOf: v.catalogAsOf.format('YYYY-MM-DD'),
        reportDate: v.reportDate.format('YYYY-MM-DD'),
        header: { signerName: v.signerName },
      }),
    onSuccess: (data) => {
      queryClient.setQueryData([...KEY, report.id], data);
      void message.success('Đã lưu; số liệu được tính lại');
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ dossiersFrom: dayjs(d.cutOffs.dossiersFrom), dossiersTo: dayjs(d.cutOffs.dossiersTo), catalogAsOf: dayjs(d.cutOffs.catalogAsOf), reportDate: dayjs(report.reportDate), signerName: d.header.signerName }}
      onFinish={(v) => save.mutate(v)}
      style={{ rowGap: 8 }}
    >
      <Form.Item name="dossiersFrom" label="Hồ sơ từ ngày">
        <DatePicker format={DATE_FORMAT} allowClear={false} />
      </Form.Item>
      <Form.Item name="dossiersTo" label="đến ngày">
        <DatePicker format={DATE_FORMAT} allowClear={false} />
      </Form.Item>
      <Form.Item name="catalogAsOf" label="Danh mục TTHC tính đến">
        <DatePicker format={DATE_FORMAT} allowClear={false} />
      </Form.Item>
      <Form.Item name="reportDate" label="Ngày báo cáo">
        <DatePicker format={DATE_FORMAT} allowClear={false} />
      </Form.Item>
      <Form.Item name="signerName" label="Người ký" rules={[{ required: true, message: 'Nhập họ tên người ký' }]}>
        <Input style={{ width: 200 }} />
      </Form.Item>
      <Button htmlType="submit" loading={save.isPending}>
        Lưu và tính lại
      </Button>
      <ErrorBanner error={save.error} />
    </Form>
  );
}

function ReportView({ id }: { id: string }) {
  const query = useQuery({ queryKey: [...KEY, id], queryFn: ({ signal }) => api.get<CchcReportView>(`/api/cchc-reports/${id}`, undefined, signal) });
  if (query.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  const report = query.data;
  const d = report.document;
  const figures = new Map(d.figures.map((f) => [f.key, f]));
  return (
    <Card
      title={
        <Space wrap>
          <span>Báo cáo {report.periodName}</span>
          <Tag color={statusColors[report.status]}>{cchcReportStatusLabels[report.status]}</Tag>
          {report.numberText && <Tag>Số {report.numberText}</Tag>}
        </Space>
      }
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={`/api/cchc-reports/${id}/report.docx`}>
            DOCX
          </Button>
          <Button icon={<DownloadOutlined />} href={`/api/cchc-reports/${id}/report.pdf`}>
            PDF
          </Button>
          {report.abilities.actions.map((a) => (
            <ActionButton key={a} report={report} action={a} />
          ))}
        </Space>
      }
    >
      {report.frozen ? (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={`Đã ban hành: nội dung và tệp được lưu cố định (DOCX sha256 ${report.docx?.sha256.slice(0, 16)}…, PDF sha256 ${report.pdf?.sha256.slice(0, 16)}…).`} />
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="Dự thảo: số liệu được tính lại từ dữ liệu của hệ thống mỗi lần xem. Di chuột vào một số liệu để xem nguồn và cách tính." />
      )}
      {d.missingSources.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`Chưa có dữ liệu: ${d.missingSources.join('; ')}. Các số liệu này hiển thị «…».`} />}
      {report.abilities.edit && (
        <div style={{ marginBottom: 12 }}>
          <CutOffsForm key={report.version} report={report} />
        </div>
      )}
      <Tabs
        items={[
          {
            key: 'doc',
            label: 'Nội dung báo cáo',
            children: (
              <div style={{ maxWidth: 820, fontFamily: '"Times New Roman", serif', fontSize: 16, lineHeight: 1.5 }}>
                <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
                  <Descriptions.Item label="Số">{d.numberText}</Descriptions.Item>
                  <Descriptions.Item label="Địa danh, ngày">{d.placeDate}</Descriptions.Item>
                </Descriptions>
                <div style={{ textAlign: 'center', fontWeight: 700 }}>
                  <div>{d.title}</div>
                  <div>{d.subject}</div>
                </div>
                {d.sections.map((s) => (
                  <div key={s.key}>
                    {s.paragraphs.map((p, i) => (
                      <ReportParagraph key={i} p={p} figures={figures} />
                    ))}
                    {s.narrative && <NarrativeBlock key={`${s.narrative.key}-${report.version}`} section={s} report={report} figures={figures} />}
                  </div>
                ))}
                <ReportParagraph p={{ style: 'body', parts: [{ kind: 'text', text: d.closing }] }} figures={figures} />
                {d.footnotes.length > 0 && (
                  <ol style={{ fontSize: 13, borderTop: '1px solid #d9d9d9', paddingTop: 8 }}>
                    {d.footnotes.map((f) => (
                      <li key={f.n} value={f.n}>
                        {f.text}
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            ),
          },
          {
            key: 'figures',
            label: `Số liệu và nguồn (${d.figures.length})`,
            children: (
              <Table<Figure>
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={d.figures}
                columns={[
                  { title: 'Chỉ tiêu', dataIndex: 'label' },
                  { title: 'Số liệu', dataIndex: 'text', align: 'right', render: (t: string, f) => (f.missing ? <Tag color="red">Chưa có</Tag> : t) },
                  { title: 'Nguồn', dataIndex: 'source' },
                  { title: 'Cách tính', dataIndex: 'formula', render: (t: string | null) => t ?? '' },
                ]}
              />
            ),
          },
          {
            key: 'history',
            label: 'Lịch sử xử lý',
            children: (
              <Table
                rowKey="at"
                size="small"
                pagination={false}
                dataSource={report.history}
                locale={{ emptyText: 'Chưa có thao tác nào' }}
                columns={[
                  { title: 'Thời điểm', dataIndex: 'at', render: (v: string) => dayjs(v).format('DD/MM/YYYY HH:mm') },
                  { title: 'Thao tác', dataIndex: 'action', render: (a: CchcReportAction) => cchcReportActionLabels[a] ?? a },
                  { title: 'Người thực hiện', dataIndex: 'actorName' },
                  { title: 'Ý kiến', dataIndex: 'note' },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

export function CchcReportPage() {
  const [params, setParams] = useSearchParams();
  const selected = params.get('id');
  const [form] = Form.useForm<{ period: string; range?: [Dayjs, Dayjs] }>();
  const period = Form.useWatch('period', form);
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: [...KEY, 'list'], queryFn: ({ signal }) => api.get<{ items: CchcReportSummary[] }>('/api/cchc-reports', undefined, signal) });
  const [creationKey, setCreationKey] = useState(() => crypto.randomUUID());
  const create = useMutation({
    mutationFn: (v: { period: string; range?: [Dayjs, Dayjs] }) =>
      api.post<CchcReportView>(
        '/api/cchc-reports',
        { period: v.period, from: v.range?.[0].format('YYYY-MM-DD'), to: v.range?.[1].format('YYYY-MM-DD') },
        { idempotencyKey: creationKey },
      ),
    onSuccess: (data) => {
      queryClient.setQueryData([...KEY, data.id], data);
      void queryClient.invalidateQueries({ queryKey: [...KEY, 'list'] });
      setCreationKey(crypto.randomUUID());
      setParams({ id: data.id });
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <>
      <AdminHeading title="Báo cáo kết quả thực hiện công tác cải cách hành chính">
        Báo cáo của tỉnh theo kỳ: số liệu lấy từ danh mục TTHC, thống kê hồ sơ, phản ánh kiến nghị, sổ văn bản, kế hoạch, biên chế, kiểm tra và báo cáo của các đơn vị.
      </AdminHeading>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" initialValues={{ period: `${dayjs().year()}-H1` }} onFinish={(v) => create.mutate(v)} style={{ rowGap: 8 }}>
          <Form.Item name="period" label="Kỳ báo cáo">
            <Select options={periodOptions()} style={{ width: 320 }} />
          </Form.Item>
          {period === 'custom' && (
            <Form.Item name="range" label="Từ ngày – đến ngày" rules={[{ required: true, message: 'Chọn khoảng thời gian' }]}>
              <DatePicker.RangePicker format={DATE_FORMAT} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            Lập dự thảo báo cáo
          </Button>
        </Form>
        <ErrorBanner error={create.error} />
      </Card>
      <ErrorBanner error={list.error} />
      <Table<CchcReportSummary>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="Chưa có báo cáo nào" /> }}
        rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
        onRow={(r) => ({ onClick: () => setParams({ id: r.id }), style: { cursor: 'pointer' } })}
        columns={[
          { title: 'Kỳ báo cáo', dataIndex: 'periodName' },
          { title: 'Trạng thái', dataIndex: 'status', render: (s: CchcReportStatus) => <Tag color={statusColors[s]}>{cchcReportStatusLabels[s]}</Tag> },
          { title: 'Số', dataIndex: 'numberText', render: (v: string | null) => v ?? '—' },
          { title: 'Ngày báo cáo', dataIndex: 'reportDate', render: (v: string) => formatDate(v) },
          { title: 'Cập nhật', dataIndex: 'updatedAt', render: (v: string) => dayjs(v).format('DD/MM/YYYY HH:mm') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {selected && <ReportView key={selected} id={selected} />}
    </>
  );
}
