/**
 * Kiểm tra CCHC: the year's inspection plans, the inspections with their findings and recommendations, and the
 * follow-up an inspected unit reports on each finding.
 */
import { useState } from 'react';
import { App, Card, DatePicker, Form, Input, InputNumber, List, Modal, Select, Space, Table, Tag, Typography, Button, Empty } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { findingStatusLabels, type FindingStatus, type InspectionView } from '../../../shared/schemas/inspections';
import { Permission } from '../../../shared/permissions';
import { formatDate } from '../../../shared/text';
import { api, useSession } from '../../api/client';
import { AdminHeading, AgencySelect, ErrorBanner, showFieldErrors } from '../admin/admin-common';
import { AreaTags, areaOptions } from './reform-common';
import { REFORM_AREAS } from '../../../shared/reform-areas';
import { inspectionKindLabels, type FindingInput, type InspectionInput } from '../../../shared/schemas/inspections';

type Finding = InspectionView['findings'][number];
interface InspectionPlan {
  id: string;
  year: number;
  title: string;
  agencyName: string;
  documentNumberSymbol: string | null;
  plannedUnitCount: number | null;
  inspectedCount: number;
}

const statusColors: Record<FindingStatus, string> = { open: '#a8071a', in_progress: '#874d00', resolved: '#237804' };

function FollowUpModal({ finding, onClose }: { finding?: Finding; onClose: () => void }) {
  const [form] = Form.useForm<{ status: FindingStatus; resolvedOn?: Dayjs; note?: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const status = Form.useWatch('status', form);
  const save = useMutation({
    mutationFn: (v: { status: FindingStatus; resolvedOn?: Dayjs; note?: string }) =>
      api.post<InspectionView>(`/api/reform/findings/${finding!.id}/follow-up`, { ...v, resolvedOn: v.resolvedOn?.format('YYYY-MM-DD') ?? null }),
    onSuccess: () => {
      void message.success('Đã ghi nhận kết quả khắc phục');
      void queryClient.invalidateQueries({ queryKey: ['reform', 'inspections'] });
      onClose();
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <Modal open={!!finding} title="Kết quả khắc phục" onCancel={onClose} okText="Ghi nhận" cancelText="Hủy" onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      {finding && (
        <Form form={form} layout="vertical" preserve={false} initialValues={{ status: finding.status, note: finding.followUpNote ?? undefined, resolvedOn: finding.resolvedOn ? dayjs(finding.resolvedOn) : undefined }} onFinish={(v) => save.mutate(v)}>
          <Typography.Paragraph>{finding.finding}</Typography.Paragraph>
          <ErrorBanner error={save.error} />
          <Form.Item name="status" label="Tình trạng">
            <Select options={Object.entries(findingStatusLabels).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {status === 'resolved' && (
            <Form.Item name="resolvedOn" label="Ngày khắc phục xong" rules={[{ required: true, message: 'Chọn ngày' }]}>
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
          )}
          <Form.Item name="note" label="Kết quả khắc phục">
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

type InspectionFormValues = Omit<InspectionInput, 'startedOn' | 'endedOn'> & { dates: [Dayjs, Dayjs] };

function RecordInspectionModal({ open, plans, onClose }: { open: boolean; plans: InspectionPlan[]; onClose: () => void }) {
  const [form] = Form.useForm<InspectionFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const save = useMutation({
    mutationFn: ({ dates, ...v }: InspectionFormValues) =>
      api.post<InspectionView>('/api/reform/inspections', { ...v, startedOn: dates[0].format('YYYY-MM-DD'), endedOn: dates[1].format('YYYY-MM-DD') }, { idempotencyKey: key }),
    onSuccess: () => {
      void message.success('Đã ghi nhận cuộc kiểm tra');
      void queryClient.invalidateQueries({ queryKey: ['reform', 'inspections'] });
      setKey(crypto.randomUUID());
      onClose();
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <Modal open={open} title="Ghi nhận cuộc kiểm tra" onCancel={onClose} okText="Ghi nhận" cancelText="Hủy" confirmLoading={save.isPending} onOk={() => form.submit()} destroyOnHidden width={720}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'scheduled', areas: [...REFORM_AREAS], planId: plans[0]?.id }} onFinish={(v) => save.mutate(v)}>
        <ErrorBanner error={save.error} />
        <Form.Item name="planId" label="Kế hoạch kiểm tra">
          <Select allowClear options={plans.map((p) => ({ value: p.id, label: p.title }))} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="inspectedAgencyId" label="Đơn vị được kiểm tra" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
            <AgencySelect />
          </Form.Item>
          <Form.Item name="kind" label="Hình thức">
            <Select style={{ width: 180 }} options={Object.entries(inspectionKindLabels).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="dates" label="Thời gian kiểm tra" rules={[{ required: true, message: 'Chọn ngày' }]}>
            <DatePicker.RangePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
        <Form.Item name="areas" label="Lĩnh vực kiểm tra" rules={[{ required: true, message: 'Chọn ít nhất một lĩnh vực' }]}>
          <Select mode="multiple" options={areaOptions} />
        </Form.Item>
        <Form.Item name="conclusion" label="Kết luận">
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AddFindingModal({ inspection, onClose }: { inspection?: InspectionView; onClose: () => void }) {
  const [form] = Form.useForm<Omit<FindingInput, 'dueOn'> & { dueOn?: Dayjs }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const save = useMutation({
    mutationFn: (v: Omit<FindingInput, 'dueOn'> & { dueOn?: Dayjs }) =>
      api.post<InspectionView>(`/api/reform/inspections/${inspection!.id}/findings`, { ...v, dueOn: v.dueOn?.format('YYYY-MM-DD') ?? null }, { idempotencyKey: key }),
    onSuccess: () => {
      void message.success('Đã thêm tồn tại, kiến nghị');
      void queryClient.invalidateQueries({ queryKey: ['reform', 'inspections'] });
      setKey(crypto.randomUUID());
      onClose();
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <Modal open={!!inspection} title={`Tồn tại, kiến nghị — ${inspection?.inspectedAgencyName ?? ''}`} onCancel={onClose} okText="Thêm" cancelText="Hủy" confirmLoading={save.isPending} onOk={() => form.submit()} destroyOnHidden width={720}>
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => save.mutate(v)}>
        <ErrorBanner error={save.error} />
        <Form.Item name="area" label="Lĩnh vực" rules={[{ required: true, message: 'Chọn lĩnh vực' }]}>
          <Select options={areaOptions} />
        </Form.Item>
        <Form.Item name="finding" label="Tồn tại, hạn chế" rules={[{ required: true, message: 'Nhập nội dung' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="recommendation" label="Kiến nghị khắc phục">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="dueOn" label="Thời hạn khắc phục">
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function InspectionsPage() {
  const { can } = useSession();
  const [recording, setRecording] = useState(false);
  const [findingFor, setFindingFor] = useState<InspectionView>();
  const [year, setYear] = useState(dayjs().year());
  const [followUp, setFollowUp] = useState<Finding>();
  const plans = useQuery({ queryKey: ['reform', 'inspections', 'plans', year], queryFn: ({ signal }) => api.get<InspectionPlan[]>('/api/reform/inspection-plans', { year }, signal) });
  const list = useQuery({ queryKey: ['reform', 'inspections', year], queryFn: ({ signal }) => api.get<InspectionView[]>('/api/reform/inspections', { year }, signal) });
  return (
    <>
      <AdminHeading title="Kiểm tra công tác cải cách hành chính">Kế hoạch kiểm tra, đơn vị được kiểm tra, tồn tại, kiến nghị và kết quả khắc phục.</AdminHeading>
      <Space style={{ display: 'flex', marginBottom: 16 }}>
        <span>Năm</span>
        <InputNumber aria-label="Năm" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
        {can(Permission.REFORM_MANAGE) && (
          <Button type="primary" onClick={() => setRecording(true)}>
            Ghi nhận cuộc kiểm tra
          </Button>
        )}
      </Space>
      <ErrorBanner error={plans.error ?? list.error} />
      <Space wrap style={{ display: 'flex', marginBottom: 16 }}>
        {(plans.data ?? []).map((p) => (
          <Card key={p.id} size="small" title={p.title} style={{ minWidth: 360 }}>
            {p.documentNumberSymbol && <div>Theo {p.documentNumberSymbol}</div>}
            <div>
              Đã kiểm tra {p.inspectedCount}
              {p.plannedUnitCount ? `/${p.plannedUnitCount}` : ''} đơn vị
            </div>
          </Card>
        ))}
      </Space>
      <Table<InspectionView>
        key={list.data ? `loaded-${year}` : 'loading'}
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description="Chưa có cuộc kiểm tra nào trong năm" /> }}
        expandable={{
          defaultExpandAllRows: true,
          rowExpandable: (i) => i.findings.length > 0 || i.abilities.add_finding,
          expandedRowRender: (i) => (
            <>
            {i.abilities.add_finding && (
              <Button size="small" onClick={() => setFindingFor(i)} style={{ marginBottom: 8 }}>
                Thêm tồn tại, kiến nghị
              </Button>
            )}
            <List
              size="small"
              dataSource={i.findings}
              renderItem={(f) => (
                <List.Item
                  actions={i.abilities.follow_up ? [<Button key="f" size="small" onClick={() => setFollowUp(f)} aria-label={`Cập nhật khắc phục: ${f.finding}`}>Cập nhật khắc phục</Button>] : []}
                >
                  <div>
                    <div>
                      <AreaTags areas={[f.area]} /> {f.finding}
                    </div>
                    {f.recommendation && <div style={{ fontSize: 13 }}>Kiến nghị: {f.recommendation}{f.dueOn ? ` (hạn ${formatDate(f.dueOn)})` : ''}</div>}
                    <div style={{ fontSize: 13 }}>
                      <Tag color={statusColors[f.status]}>{f.statusLabel}</Tag>
                      {f.resolvedOn ? `ngày ${formatDate(f.resolvedOn)}` : ''} {f.followUpNote ?? ''}
                    </div>
                  </div>
                </List.Item>
              )}
            />
            </>
          ),
        }}
        columns={[
          { title: 'Đơn vị được kiểm tra', dataIndex: 'inspectedAgencyName' },
          { title: 'Thời gian', key: 'dates', width: 200, render: (_, i) => `${formatDate(i.startedOn)}${i.endedOn && i.endedOn !== i.startedOn ? ` – ${formatDate(i.endedOn)}` : ''}` },
          { title: 'Hình thức', dataIndex: 'kindLabel', width: 130 },
          { title: 'Lĩnh vực', dataIndex: 'areas', width: 260, render: (a: string[]) => (a.length >= 7 ? 'Toàn bộ các lĩnh vực' : <AreaTags areas={a} />) },
          { title: 'Tồn tại', key: 'findings', width: 160, render: (_, i) => `${i.findings.length} (${i.findings.filter((f) => f.status === 'resolved').length} đã khắc phục)` },
        ]}
      />
      <FollowUpModal finding={followUp} onClose={() => setFollowUp(undefined)} />
      <RecordInspectionModal open={recording} plans={plans.data ?? []} onClose={() => setRecording(false)} />
      <AddFindingModal inspection={findingFor} onClose={() => setFindingFor(undefined)} />
    </>
  );
}
