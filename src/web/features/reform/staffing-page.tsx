/**
 * Biên chế, nhân sự, tự chủ: the province totals (reform office), staff counts by qualification and political
 * theory (a unit enters its own), quotas, personnel changes, restructuring schemes and the autonomy register.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Row, Select, Space, Statistic, Table, Tabs, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Permission } from '../../../shared/permissions';
import {
  autonomyClassLabels,
  personnelChangeKindLabels,
  staffCategoryLabels,
  type PersonnelChangeInput,
  type AutonomyClass,
  type QuotaKind,
  type StaffCountInput,
  type StaffingSummary,
} from '../../../shared/schemas/staffing';
import { formatDate } from '../../../shared/text';
import { api, useSession } from '../../api/client';
import { AdminHeading, AgencySelect, ErrorBanner, showFieldErrors } from '../admin/admin-common';
import { ImportPanel, number, percent } from './reform-common';

interface StaffCountRow {
  id: string;
  agencyName: string;
  asOf: string;
  total: number;
  postgraduate: number;
  university: number;
  collegeOrBelow: number;
  theorySenior: number;
  theoryIntermediate: number;
  educationHealth: number;
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');
const quotaShortLabels: Record<QuotaKind, string> = {
  civil_servant: 'Biên chế công chức',
  public_employee: 'Biên chế sự nghiệp',
  contract68_admin: 'HĐ NĐ 68, cơ quan hành chính',
  contract68_service_unit: 'HĐ NĐ 68, đơn vị sự nghiệp',
  contract68_association: 'HĐ NĐ 68, hội có tính chất đặc thù',
};

function Summary() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs('2020-12-15'), dayjs('2021-06-14')]);
  const summary = useQuery({
    queryKey: ['reform', 'staffing', 'summary', iso(range[0]), iso(range[1])],
    queryFn: ({ signal }) => api.get<StaffingSummary>('/api/reform/staffing/summary', { from: iso(range[0]), to: iso(range[1]) }, signal),
  });
  const s = summary.data;
  const changes = (kind: string) => s?.personnelChanges.filter((c) => c.kind === kind).reduce((n, c) => n + c.persons, 0) ?? 0;
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <span>Kỳ số liệu</span>
        <DatePicker.RangePicker aria-label="Kỳ số liệu" format="DD/MM/YYYY" value={range} allowClear={false} onChange={(r) => r && r[0] && r[1] && setRange([r[0], r[1]])} />
      </Space>
      <ErrorBanner error={summary.error} />
      {s && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title={`Biên chế giao năm ${s.year}`} size="small">
              <Descriptions column={1} size="small">
                {(Object.keys(quotaShortLabels) as QuotaKind[]).map((k) => (
                  <Descriptions.Item key={k} label={quotaShortLabels[k]}>{number(s.quotas[k])}</Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={`Cán bộ, công chức, viên chức đến ${formatDate(s.asOf)}`} size="small">
              <Statistic title="Tổng số" value={s.staff.total} formatter={(v) => number(Number(v))} />
              <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
                <Descriptions.Item label="Sau đại học">{number(s.staff.postgraduate)} ({percent(s.staff.postgraduate, s.staff.total)})</Descriptions.Item>
                <Descriptions.Item label="Đại học">{number(s.staff.university)} ({percent(s.staff.university, s.staff.total)})</Descriptions.Item>
                <Descriptions.Item label="Cao đẳng trở xuống">{number(s.staff.collegeOrBelow)} ({percent(s.staff.collegeOrBelow, s.staff.total)})</Descriptions.Item>
                <Descriptions.Item label="LLCT cao cấp, cử nhân">{number(s.staff.theorySenior)} ({percent(s.staff.theorySenior, s.staff.total)})</Descriptions.Item>
                <Descriptions.Item label="LLCT trung cấp">{number(s.staff.theoryIntermediate)} ({percent(s.staff.theoryIntermediate, s.staff.total)})</Descriptions.Item>
                <Descriptions.Item label="Ngành giáo dục, y tế">{percent(s.staff.educationHealth, s.staff.total)}</Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title="Biến động nhân sự trong kỳ" size="small">
              <Descriptions column={1} size="small">
                {(Object.keys(personnelChangeKindLabels) as (keyof typeof personnelChangeKindLabels)[]).map((k) => (
                  <Descriptions.Item key={k} label={personnelChangeKindLabels[k]}>{number(changes(k))} trường hợp</Descriptions.Item>
                ))}
                <Descriptions.Item label="Đề án sắp xếp được phê duyệt">
                  {s.restructuringSchemes.count} đề án ({s.restructuringSchemes.agencies.length} cơ quan)
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title="Thực hiện cơ chế tự chủ" size="small">
              <Descriptions column={1} size="small">
                <Descriptions.Item label="Cơ quan hành chính">
                  {s.autonomy.administrativeBodies.mandatoryApplying}/{s.autonomy.administrativeBodies.mandatory} đơn vị; ngoài ra {s.autonomy.administrativeBodies.voluntaryApplying} đơn vị không thuộc diện bắt buộc
                </Descriptions.Item>
                <Descriptions.Item label="Đơn vị sự nghiệp công lập">
                  {s.autonomy.publicServiceUnits.mandatoryApplying}/{s.autonomy.publicServiceUnits.mandatory} đơn vị
                </Descriptions.Item>
                {(Object.keys(autonomyClassLabels) as AutonomyClass[]).map((c) => (
                  <Descriptions.Item key={c} label={autonomyClassLabels[c]}>{s.autonomy.publicServiceUnits.byClass[c]} đơn vị</Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}

function StaffCountForm() {
  const [form] = Form.useForm<Omit<StaffCountInput, 'asOf'> & { asOf: Dayjs }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Omit<StaffCountInput, 'asOf'> & { asOf: Dayjs }) => api.put('/api/reform/staffing/counts', { ...v, asOf: iso(v.asOf) }),
    onSuccess: () => {
      void message.success('Đã cập nhật số lượng cán bộ, công chức, viên chức');
      void queryClient.invalidateQueries({ queryKey: ['reform', 'staffing'] });
    },
    onError: (e) => showFieldErrors(form, e),
  });
  const field = (name: keyof StaffCountInput, label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: 'Nhập số' }]}>
      <InputNumber min={0} style={{ width: 150 }} />
    </Form.Item>
  );
  return (
    <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ asOf: dayjs(), educationHealth: 0 }}>
      <ErrorBanner error={save.error} />
      <Space wrap align="start">
        <Form.Item name="agencyId" label="Cơ quan" rules={[{ required: true, message: 'Chọn cơ quan' }]}>
          <AgencySelect />
        </Form.Item>
        <Form.Item name="asOf" label="Số liệu đến ngày" rules={[{ required: true, message: 'Chọn ngày' }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        {field('postgraduate', 'Sau đại học')}
        {field('university', 'Đại học')}
        {field('collegeOrBelow', 'Cao đẳng trở xuống')}
        {field('theorySenior', 'LLCT cao cấp, cử nhân')}
        {field('theoryIntermediate', 'LLCT trung cấp')}
        {field('educationHealth', 'Ngành giáo dục, y tế')}
      </Space>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        Lưu số liệu
      </Button>
    </Form>
  );
}

function StaffCounts() {
  const [asOf, setAsOf] = useState<Dayjs>(dayjs());
  const list = useQuery({
    queryKey: ['reform', 'staffing', 'counts', iso(asOf)],
    queryFn: ({ signal }) => api.get<StaffCountRow[]>('/api/reform/staffing/counts', { asOf: iso(asOf) }, signal),
  });
  const rows = list.data ?? [];
  const sum = (k: keyof StaffCountRow) => rows.reduce((s, r) => s + (r[k] as number), 0);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <span>Số liệu mới nhất đến ngày</span>
        <DatePicker aria-label="Số liệu đến ngày" format="DD/MM/YYYY" value={asOf} allowClear={false} onChange={(d) => d && setAsOf(d)} />
      </Space>
      <ErrorBanner error={list.error} />
      <Table<StaffCountRow>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: 'Chưa có số liệu' }}
        summary={() =>
          rows.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}><strong>Cộng</strong></Table.Summary.Cell>
              {(['total', 'postgraduate', 'university', 'collegeOrBelow', 'theorySenior', 'theoryIntermediate'] as const).map((k, i) => (
                <Table.Summary.Cell key={k} index={i + 2} align="right"><strong>{number(sum(k))}</strong></Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
        columns={[
          { title: 'Cơ quan', dataIndex: 'agencyName' },
          { title: 'Ngày số liệu', dataIndex: 'asOf', width: 110, render: (v: string) => formatDate(v) },
          ...(['total', 'postgraduate', 'university', 'collegeOrBelow', 'theorySenior', 'theoryIntermediate'] as const).map((k) => ({
            title: { total: 'Tổng số', postgraduate: 'Sau đại học', university: 'Đại học', collegeOrBelow: 'CĐ trở xuống', theorySenior: 'LLCT cao cấp', theoryIntermediate: 'LLCT trung cấp' }[k],
            dataIndex: k,
            width: 110,
            align: 'right' as const,
            render: (v: number) => number(v),
          })),
        ]}
      />
    </>
  );
}

type ChangeFormValues = Omit<PersonnelChangeInput, 'occurredOn' | 'sourceKey'> & { occurredOn: Dayjs };

function PersonnelChangeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ChangeFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // The key doubles as the record's source key: a retried submission records the change once.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const save = useMutation({
    mutationFn: (v: ChangeFormValues) => api.post('/api/reform/staffing/personnel-changes', { ...v, occurredOn: iso(v.occurredOn) }, { idempotencyKey: key }),
    onSuccess: () => {
      void message.success('Đã ghi nhận biến động nhân sự');
      void queryClient.invalidateQueries({ queryKey: ['reform', 'staffing'] });
      setKey(crypto.randomUUID());
      onClose();
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <Modal open={open} title="Ghi nhận biến động nhân sự" onCancel={onClose} okText="Ghi nhận" cancelText="Hủy" confirmLoading={save.isPending} onOk={() => form.submit()} destroyOnHidden width={720}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ occurredOn: dayjs(), personCount: 1, staffCategory: 'civil_servant' }} onFinish={(v) => save.mutate(v)}>
        <ErrorBanner error={save.error} />
        <Form.Item name="agencyId" label="Cơ quan" rules={[{ required: true, message: 'Chọn cơ quan' }]}>
          <AgencySelect />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="kind" label="Loại biến động" rules={[{ required: true, message: 'Chọn loại' }]}>
            <Select style={{ width: 280 }} options={Object.entries(personnelChangeKindLabels).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="staffCategory" label="Đối tượng">
            <Select style={{ width: 200 }} options={Object.entries(staffCategoryLabels).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="occurredOn" label="Ngày" rules={[{ required: true, message: 'Chọn ngày' }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="personCount" label="Số người" rules={[{ required: true, message: 'Nhập số người' }]}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="decisionNumber" label="Số quyết định">
            <Input style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="Ghi chú">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PersonnelChanges() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} style={{ marginBottom: 12 }}>
        Ghi nhận biến động
      </Button>
      <SimpleList
        url="/api/reform/staffing/personnel-changes"
        empty="Chưa có biến động"
        columns={[
          { title: 'Ngày', dataIndex: 'occurredOn', width: 110, render: (v: string) => formatDate(v) },
          { title: 'Cơ quan', dataIndex: 'agencyName' },
          { title: 'Loại', dataIndex: 'kindLabel' },
          { title: 'Đối tượng', dataIndex: 'staffCategoryLabel' },
          { title: 'Số người', dataIndex: 'personCount', align: 'right', width: 100 },
          { title: 'Ghi chú', dataIndex: 'note', render: (v: string | null) => v ?? '' },
        ]}
      />
      <PersonnelChangeModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function SimpleList<T extends { id: string }>({ url, columns, query, empty }: { url: string; columns: object[]; query?: Record<string, string | number | undefined>; empty: string }) {
  const list = useQuery({ queryKey: ['reform', 'staffing', url, query], queryFn: ({ signal }) => api.get<T[]>(url, query, signal) });
  return (
    <>
      <ErrorBanner error={list.error} />
      <Table<T> rowKey="id" size="small" loading={list.isFetching} dataSource={list.data ?? []} columns={columns as never} pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (t) => `${number(t)} dòng` }} locale={{ emptyText: empty }} />
    </>
  );
}

export function StaffingPage() {
  const { can } = useSession();
  const manages = can(Permission.REFORM_MANAGE);
  const [year, setYear] = useState(dayjs().year());
  const [autonomyKind, setAutonomyKind] = useState<string>();
  return (
    <>
      <AdminHeading title="Tổ chức bộ máy, biên chế và tự chủ tài chính">
        Biên chế được giao, số lượng và trình độ cán bộ, công chức, viên chức, biến động nhân sự, đề án sắp xếp và cơ chế tự chủ; số liệu báo cáo là tổng của các bản ghi này.
      </AdminHeading>
      <Tabs
        items={[
          ...(manages ? [{ key: 'summary', label: 'Tổng hợp toàn tỉnh', children: <Summary /> }] : []),
          { key: 'counts', label: 'Số lượng CBCCVC', children: <StaffCounts /> },
          { key: 'enter', label: 'Cập nhật số liệu', children: <StaffCountForm /> },
          {
            key: 'import',
            label: 'Nhập từ tệp',
            children: (
              <ImportPanel<{ dryRun: boolean; rows: number; saved: number; total: number }>
                url="/api/reform/staffing/counts/import"
                label="Nhập số liệu"
                invalidate={['reform', 'staffing']}
                help="Một dòng một cơ quan: Mã định danh cơ quan; Tên cơ quan; Ngày số liệu (DD/MM/YYYY); Sau đại học; Đại học; Cao đẳng trở xuống; Lý luận chính trị cao cấp, cử nhân; Lý luận chính trị trung cấp; Ngành giáo dục, y tế; Ghi chú. Chỉ nhập được cho cơ quan thuộc phạm vi quản lý của bạn."
                summary={(r) => <Alert type="success" showIcon title={`${r.dryRun ? 'Tệp hợp lệ (chưa ghi dữ liệu)' : 'Đã nhập'}: ${r.rows} dòng, tổng ${number(r.total)} người`} />}
              />
            ),
          },
          {
            key: 'quotas',
            label: 'Biên chế được giao',
            children: (
              <>
                <InputNumber aria-label="Năm" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} style={{ marginBottom: 12 }} />
                <SimpleList
                  url="/api/reform/staffing/quotas"
                  query={{ year }}
                  empty="Chưa giao biên chế cho năm này"
                  columns={[
                    { title: 'Cơ quan', dataIndex: 'agencyName' },
                    { title: 'Loại', dataIndex: 'kindLabel' },
                    { title: 'Số giao', dataIndex: 'quota', align: 'right', width: 120, render: (v: number) => number(v) },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'changes',
            label: 'Biến động nhân sự',
            children: <PersonnelChanges />,
          },
          {
            key: 'schemes',
            label: 'Đề án sắp xếp',
            children: (
              <SimpleList
                url="/api/reform/staffing/restructuring-schemes"
                empty="Chưa có đề án"
                columns={[
                  { title: 'Ngày phê duyệt', dataIndex: 'approvedOn', width: 130, render: (v: string) => formatDate(v) },
                  { title: 'Cơ quan', dataIndex: 'agencyName', width: 260 },
                  { title: 'Đề án', dataIndex: 'title' },
                ]}
              />
            ),
          },
          {
            key: 'autonomy',
            label: 'Cơ chế tự chủ',
            children: (
              <>
                <Select
                  aria-label="Loại cơ quan, đơn vị"
                  placeholder="Tất cả cơ quan, đơn vị"
                  allowClear
                  style={{ width: 280, marginBottom: 12 }}
                  onChange={(v?: string) => setAutonomyKind(v)}
                  options={[
                    { value: 'administrative_body', label: 'Cơ quan hành chính' },
                    { value: 'public_service_unit', label: 'Đơn vị sự nghiệp công lập' },
                  ]}
                />
                <SimpleList
                  url="/api/reform/staffing/autonomy-units"
                  query={{ kind: autonomyKind, asOf: iso(dayjs()) }}
                  empty="Chưa có cơ quan, đơn vị"
                  columns={[
                    { title: 'Tên', dataIndex: 'name' },
                    { title: 'Cơ quan quản lý', dataIndex: 'managingAgencyName', width: 240 },
                    { title: 'Loại', dataIndex: 'kindLabel', width: 190, render: (v: string, u: { mandatory: boolean }) => <>{v}{!u.mandatory && <Tag style={{ marginLeft: 4 }}>Không bắt buộc</Tag>}</> },
                    { title: 'Mức tự chủ', dataIndex: 'autonomyClassLabel', render: (v: string | null) => v ?? '' },
                    { title: 'Căn cứ', dataIndex: 'legalBasis', width: 200, render: (v: string | null) => v ?? '' },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
    </>
  );
}
