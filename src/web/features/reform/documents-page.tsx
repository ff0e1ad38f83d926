/**
 * Sổ văn bản CCHC: the registry of legal and administrative documents (search ignoring diacritics, filters by type,
 * area, period and legal status), a document's detail with its effect history and reviews, adding a document,
 * recording an effect change, and the XLSX/CSV import with its row report.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Drawer, Form, Input, Select, Skeleton, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Permission } from '../../../shared/permissions';
import {
  documentTypeLabels,
  effectStatusLabels,
  issuerLevelLabels,
  type DocumentCreateInput,
  type DocumentDetail,
  type DocumentImportResult,
  type DocumentSummary,
  type EffectStatus,
} from '../../../shared/schemas/documents';
import { formatDate } from '../../../shared/text';
import { api, errorMessageOf, useSession, withQuery } from '../../api/client';
import { AdminHeading, ErrorBanner, showFieldErrors } from '../admin/admin-common';
import { AreaTags, areaOptions, ImportPanel } from './reform-common';

type DocumentList = { items: DocumentSummary[]; total: number; page: number; pageSize: number };

const typeOptions = Object.entries(documentTypeLabels).map(([value, label]) => ({ value, label }));
const levelOptions = Object.entries(issuerLevelLabels).map(([value, label]) => ({ value, label }));
const effectColors: Record<EffectStatus, string> = { in_force: '#237804', expired_part: '#ad4e00', expired_whole: '#a8071a', suspended: '#ad2102' };

export function EffectTag({ status }: { status: EffectStatus | null }) {
  if (!status) return null;
  return <Tag color={effectColors[status]}>{effectStatusLabels[status]}</Tag>;
}

interface Filters {
  q?: string;
  docType?: string;
  area?: string;
  from?: string;
  to?: string;
  isLegal?: 'true';
}

function DocumentList({ onOpen }: { onOpen: (id: string) => void }) {
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const set = (f: Partial<Filters>) => {
    setFilters((old) => ({ ...old, ...f }));
    setPage(1);
  };
  const list = useQuery({
    queryKey: ['reform', 'documents', filters, page],
    queryFn: ({ signal }) => api.get<DocumentList>('/api/reform/documents', { ...filters, page, pageSize: 20 }, signal),
    placeholderData: (p) => p,
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="Tìm văn bản"
          placeholder="Số, ký hiệu, trích yếu, cơ quan ban hành (có dấu hoặc không dấu)"
          allowClear
          enterButton="Tìm"
          onSearch={(v) => set({ q: v.trim() || undefined })}
          style={{ width: 420 }}
        />
        <Select aria-label="Loại văn bản" placeholder="Loại văn bản" allowClear options={typeOptions} style={{ width: 160 }} onChange={(v?: string) => set({ docType: v })} />
        <Select aria-label="Lĩnh vực CCHC" placeholder="Lĩnh vực CCHC" allowClear options={areaOptions} style={{ width: 200 }} onChange={(v?: string) => set({ area: v })} />
        <DatePicker.RangePicker
          aria-label="Ngày ban hành"
          format="DD/MM/YYYY"
          placeholder={['Ban hành từ ngày', 'đến ngày']}
          onChange={(range) => {
            const [a, b] = (range ?? [null, null]) as [Dayjs | null, Dayjs | null];
            set({ from: a?.format('YYYY-MM-DD'), to: b?.format('YYYY-MM-DD') });
          }}
        />
        <Checkbox onChange={(e) => set({ isLegal: e.target.checked ? 'true' : undefined })}>Chỉ văn bản QPPL</Checkbox>
        <Button icon={<DownloadOutlined />} href={withQuery('/api/reform/documents/export', { ...filters })}>
          Xuất XLSX
        </Button>
      </Space>
      <ErrorBanner error={list.error} />
      <Table<DocumentSummary>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1300 }}
        onRow={(d) => ({ onClick: () => onOpen(d.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: filters.q ? `Không có văn bản nào khớp với «${filters.q}»` : 'Chưa có văn bản nào' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (t) => `${t.toLocaleString('vi-VN')} văn bản` }}
        columns={[
          {
            title: 'Số, ký hiệu',
            dataIndex: 'numberSymbol',
            width: 190,
            render: (v: string, d) => (
              <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onOpen(d.id)}>
                {v}
              </Button>
            ),
          },
          { title: 'Loại', dataIndex: 'docTypeLabel', width: 110 },
          { title: 'Ngày ban hành', dataIndex: 'issuedOn', width: 120, render: (v: string) => formatDate(v) },
          { title: 'Cơ quan ban hành', dataIndex: 'issuerName', width: 180 },
          { title: 'Trích yếu', dataIndex: 'subject', width: 400, render: (v: string) => <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{v}</Typography.Paragraph> },
          { title: 'Lĩnh vực', dataIndex: 'areas', width: 170, render: (a: string[]) => <AreaTags areas={a} /> },
          { title: 'Hiệu lực', dataIndex: 'effectStatus', width: 150, render: (s: EffectStatus | null) => <EffectTag status={s} /> },
        ]}
      />
    </>
  );
}

interface DocumentFormValues extends Omit<DocumentCreateInput, 'issuedOn' | 'effectiveFrom'> {
  issuedOn?: Dayjs;
  effectiveFrom?: Dayjs;
}

function DocumentForm({ onSaved }: { onSaved: (d: DocumentDetail) => void }) {
  const [form] = Form.useForm<DocumentFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isLegal = Form.useWatch('isLegal', form);
  const save = useMutation({
    mutationFn: (v: DocumentFormValues) =>
      api.post<DocumentDetail>('/api/reform/documents', { ...v, issuedOn: v.issuedOn?.format('YYYY-MM-DD'), effectiveFrom: v.effectiveFrom?.format('YYYY-MM-DD') ?? null }),
    onSuccess: (d) => {
      void message.success(`Đã thêm văn bản ${d.numberSymbol}`);
      void queryClient.invalidateQueries({ queryKey: ['reform', 'documents'] });
      form.resetFields();
      onSaved(d);
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <Form<DocumentFormValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ issuerLevel: 'provincial', areas: [], isLegal: false }} style={{ maxWidth: 760 }}>
      <ErrorBanner error={save.error} />
      <Space wrap align="start">
        <Form.Item name="numberSymbol" label="Số, ký hiệu" rules={[{ required: true, message: 'Nhập số, ký hiệu văn bản' }]} extra="Ví dụ 1996/KH-UBND, 01/2021/NQ-HĐND">
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="docType" label="Loại văn bản" rules={[{ required: true, message: 'Chọn loại văn bản' }]}>
          <Select options={typeOptions} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="issuedOn" label="Ngày ban hành" rules={[{ required: true, message: 'Chọn ngày ban hành' }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="issuerName" label="Cơ quan ban hành" rules={[{ required: true, message: 'Nhập cơ quan ban hành' }]}>
          <Input style={{ width: 420 }} placeholder="Ủy ban nhân dân tỉnh ..." />
        </Form.Item>
        <Form.Item name="issuerLevel" label="Cấp ban hành">
          <Select options={levelOptions} style={{ width: 240 }} />
        </Form.Item>
      </Space>
      <Form.Item name="subject" label="Trích yếu" rules={[{ required: true, message: 'Nhập trích yếu' }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="signerName" label="Người ký">
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="signerTitle" label="Chức vụ">
          <Input style={{ width: 240 }} />
        </Form.Item>
      </Space>
      <Form.Item name="areas" label="Lĩnh vực CCHC">
        <Select mode="multiple" options={areaOptions} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="isLegal" valuePropName="checked">
          <Checkbox>Văn bản quy phạm pháp luật</Checkbox>
        </Form.Item>
        {isLegal && (
          <Form.Item name="effectiveFrom" label="Ngày có hiệu lực">
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        )}
      </Space>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        Thêm vào sổ
      </Button>
    </Form>
  );
}

function EffectForm({ doc }: { doc: DocumentDetail }) {
  const [form] = Form.useForm<{ status: EffectStatus; effectiveOn: Dayjs; basisText?: string; note?: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { status: EffectStatus; effectiveOn: Dayjs; basisText?: string; note?: string }) =>
      api.post<DocumentDetail>(`/api/reform/documents/${doc.id}/effects`, { ...v, effectiveOn: v.effectiveOn.format('YYYY-MM-DD') }),
    onSuccess: () => {
      void message.success('Đã ghi nhận thay đổi hiệu lực');
      void queryClient.invalidateQueries({ queryKey: ['reform', 'documents'] });
      form.resetFields();
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
      <ErrorBanner error={save.error} />
      <Space wrap align="start">
        <Form.Item name="status" label="Tình trạng mới" rules={[{ required: true, message: 'Chọn tình trạng' }]}>
          <Select style={{ width: 220 }} options={Object.entries(effectStatusLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="effectiveOn" label="Từ ngày" rules={[{ required: true, message: 'Chọn ngày' }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Space>
      <Form.Item name="basisText" label="Căn cứ (văn bản bãi bỏ, danh mục công bố)">
        <Input />
      </Form.Item>
      <Form.Item name="note" label="Ghi chú">
        <Input />
      </Form.Item>
      <Button htmlType="submit" loading={save.isPending}>
        Ghi nhận
      </Button>
    </Form>
  );
}

function DocumentDrawer({ id, onClose }: { id?: string; onClose: () => void }) {
  const detail = useQuery({
    queryKey: ['reform', 'documents', 'detail', id],
    queryFn: ({ signal }) => api.get<DocumentDetail>(`/api/reform/documents/${id}`, undefined, signal),
    enabled: !!id,
  });
  const d = detail.data;
  return (
    <Drawer open={!!id} onClose={onClose} title={d ? `${d.docTypeLabel} ${d.numberSymbol}` : 'Văn bản'} size={760} destroyOnHidden>
      {detail.isPending && <Skeleton active />}
      {detail.isError && <Alert type="error" showIcon role="alert" title={errorMessageOf(detail.error)} />}
      {d && (
        <>
          <Typography.Paragraph>
            <Typography.Text type="secondary">Trích dẫn trong báo cáo: </Typography.Text>
            {d.citation}
          </Typography.Paragraph>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="Cơ quan ban hành">{d.issuerName}</Descriptions.Item>
            <Descriptions.Item label="Ngày ban hành">{formatDate(d.issuedOn)}</Descriptions.Item>
            {d.signerName && <Descriptions.Item label="Người ký">{[d.signerName, d.signerTitle].filter(Boolean).join(', ')}</Descriptions.Item>}
            <Descriptions.Item label="Lĩnh vực CCHC">
              <AreaTags areas={d.areas} />
            </Descriptions.Item>
            {d.isLegal && (
              <Descriptions.Item label="Hiệu lực">
                {d.effectiveFrom ? `Từ ${formatDate(d.effectiveFrom)} · ` : ''}
                <EffectTag status={d.effectStatus} />
              </Descriptions.Item>
            )}
            {d.fileName && (
              <Descriptions.Item label="Tệp">
                <a href={`/api/files/${d.fileId}`}>{d.fileName}</a>
              </Descriptions.Item>
            )}
          </Descriptions>
          {d.isLegal && (
            <>
              <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
                Lịch sử hiệu lực
              </Typography.Title>
              <Timeline
                items={d.effects.map((e) => ({
                  color: effectColors[e.status],
                  content: (
                    <>
                      <strong>{formatDate(e.effectiveOn)}</strong>: {e.statusLabel}
                      {e.basisLabel ? ` — căn cứ ${e.basisLabel}` : ''}
                      {e.note ? ` (${e.note})` : ''}
                    </>
                  ),
                }))}
              />
              {d.abilities.record_effect && (
                <Card size="small" title="Ghi nhận thay đổi hiệu lực">
                  <EffectForm doc={d} />
                </Card>
              )}
            </>
          )}
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
            Kiểm tra, rà soát
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            dataSource={d.reviews}
            pagination={false}
            locale={{ emptyText: 'Chưa có kết quả kiểm tra, rà soát' }}
            columns={[
              { title: 'Ngày', dataIndex: 'reviewedOn', width: 110, render: (v: string) => formatDate(v) },
              { title: 'Hình thức', dataIndex: 'kindLabel' },
              { title: 'Kết quả', dataIndex: 'resultLabel' },
              { title: 'Cơ quan', dataIndex: 'reviewerAgencyName', render: (v: string | null) => v ?? '' },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

export function DocumentsPage() {
  const { can } = useSession();
  const [openId, setOpenId] = useState<string>();
  const manages = can(Permission.REFORM_MANAGE);
  return (
    <>
      <AdminHeading title="Sổ văn bản cải cách hành chính">
        Văn bản chỉ đạo, điều hành và văn bản quy phạm pháp luật của tỉnh, cùng các văn bản Trung ương được trích dẫn; báo cáo CCHC lấy số liệu và chú thích từ sổ này.
      </AdminHeading>
      <Tabs
        items={[
          { key: 'list', label: 'Danh sách văn bản', children: <DocumentList onOpen={setOpenId} /> },
          ...(manages
            ? [
                { key: 'add', label: <span><PlusOutlined /> Thêm văn bản</span>, children: <DocumentForm onSaved={(d) => setOpenId(d.id)} /> },
                {
                  key: 'import',
                  label: 'Nhập từ tệp XLSX',
                  children: (
                    <ImportPanel<DocumentImportResult>
                      url="/api/reform/documents/import"
                      label="Nhập văn bản"
                      invalidate={['reform', 'documents']}
                      help="Một dòng một văn bản, các cột: Số, ký hiệu; Loại văn bản; Cơ quan ban hành; Cấp ban hành; Ngày ban hành (DD/MM/YYYY); Người ký; Chức vụ người ký; Trích yếu; Lĩnh vực CCHC (mỗi lĩnh vực một dòng hoặc cách nhau bởi dấu ;); Nhãn; Văn bản QPPL (Có/Không); Ngày có hiệu lực; Ghi chú. Văn bản đã có trong sổ (cùng số, cơ quan, năm) được cập nhật; tệp có lỗi bị từ chối toàn bộ."
                      summary={(r) => (
                        <Alert
                          type="success"
                          showIcon
                          title={`${r.dryRun ? 'Tệp hợp lệ (chưa ghi dữ liệu)' : 'Đã nhập'}: ${r.rows} dòng — ${r.created} thêm mới, ${r.updated} cập nhật, ${r.unchanged} không đổi`}
                        />
                      )}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <DocumentDrawer id={openId} onClose={() => setOpenId(undefined)} />
    </>
  );
}
