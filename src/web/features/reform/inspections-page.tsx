/**
 * Kiểm tra CCHC: the year's inspection plans, the inspections with their findings and recommendations, and the
 * follow-up an inspected unit reports on each finding.
 */
import { useState } from 'react';
import { App, Card, DatePicker, Form, Input, InputNumber, List, Modal, Select, Space, Table, Tag, Typography, Button, Empty } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { findingStatusLabels, type FindingStatus, type InspectionView } from '../../../shared/schemas/inspections';
import { formatDate } from '../../../shared/text';
import { api } from '../../api/client';
import { AdminHeading, ErrorBanner, showFieldErrors } from '../admin/admin-common';
import { AreaTags } from './reform-common';

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

export function InspectionsPage() {
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
          rowExpandable: (i) => i.findings.length > 0,
          expandedRowRender: (i) => (
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
    </>
  );
}
