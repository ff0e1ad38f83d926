/**
 * Kế hoạch CCHC: the year's plans, a plan's tasks per area with their progress and state, the overdue tasks (the
 * unit's own, or the province's for the reform office), and progress reports on a task.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, Progress, Select, Skeleton, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { taskStateLabels, type PlanDetail, type TaskState, type TaskView } from '../../../shared/schemas/reform-plans';
import { formatDate } from '../../../shared/text';
import { api, errorMessageOf, useSession } from '../../api/client';
import { Permission } from '../../../shared/permissions';
import type { PlanCreateInput, TaskInput } from '../../../shared/schemas/reform-plans';
import { AdminHeading, AgencySelect, ErrorBanner, showFieldErrors } from '../admin/admin-common';
import { AreaTags, areaOptions } from './reform-common';

type PlanSummary = Omit<PlanDetail, 'tasks' | 'counts' | 'abilities'>;
type OverdueTask = Omit<TaskView, 'progress'> & { planTitle: string; daysOverdue: number };

const stateColors: Record<TaskState, string> = { done_on_time: '#237804', done_late: '#874d00', overdue: '#a8071a', in_progress: '#0958d9' };
const StateTag = ({ state }: { state: TaskState }) => <Tag color={stateColors[state]}>{taskStateLabels[state]}</Tag>;

function ProgressModal({ task, onClose }: { task?: TaskView; onClose: () => void }) {
  const [form] = Form.useForm<{ reportedOn: Dayjs; percent: number; note?: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { reportedOn: Dayjs; percent: number; note?: string }) =>
      api.post<TaskView>(`/api/reform/tasks/${task!.id}/progress`, { ...v, reportedOn: v.reportedOn.format('YYYY-MM-DD') }),
    onSuccess: () => {
      void message.success('Đã ghi nhận tiến độ');
      void queryClient.invalidateQueries({ queryKey: ['reform', 'plans'] });
      onClose();
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <Modal open={!!task} title="Báo cáo tiến độ nhiệm vụ" onCancel={onClose} okText="Ghi nhận" cancelText="Hủy" confirmLoading={save.isPending} onOk={() => form.submit()} destroyOnHidden>
      {task && (
        <Form form={form} layout="vertical" initialValues={{ reportedOn: dayjs(), percent: task.percent }} onFinish={(v) => save.mutate(v)} preserve={false}>
          <Typography.Paragraph>{task.title}</Typography.Paragraph>
          <ErrorBanner error={save.error} />
          <Space align="start">
            <Form.Item name="reportedOn" label="Ngày báo cáo" rules={[{ required: true, message: 'Chọn ngày' }]}>
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item name="percent" label="Tiến độ (%)" rules={[{ required: true, message: 'Nhập tiến độ' }]}>
              <InputNumber min={0} max={100} />
            </Form.Item>
          </Space>
          <Form.Item name="note" label="Kết quả, khó khăn">
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

interface TaskFormValues extends Omit<TaskInput, 'dueOn'> {
  dueOn: Dayjs;
}

function AddTaskModal({ planId, open, onClose }: { planId: string; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<TaskFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // One key per opening of the form: a double click or a retried request adds the task once.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const save = useMutation({
    mutationFn: (v: TaskFormValues) => api.post<TaskView>(`/api/reform/plans/${planId}/tasks`, { ...v, dueOn: v.dueOn.format('YYYY-MM-DD') }, { idempotencyKey: key }),
    onSuccess: () => {
      void message.success('Đã thêm nhiệm vụ');
      void queryClient.invalidateQueries({ queryKey: ['reform', 'plans'] });
      setKey(crypto.randomUUID());
      onClose();
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <Modal open={open} title="Thêm nhiệm vụ vào kế hoạch" onCancel={onClose} okText="Thêm" cancelText="Hủy" confirmLoading={save.isPending} onOk={() => form.submit()} destroyOnHidden width={720}>
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => save.mutate(v)}>
        <ErrorBanner error={save.error} />
        <Form.Item name="area" label="Lĩnh vực" rules={[{ required: true, message: 'Chọn lĩnh vực' }]}>
          <Select options={areaOptions} />
        </Form.Item>
        <Form.Item name="title" label="Nội dung nhiệm vụ" rules={[{ required: true, message: 'Nhập nội dung nhiệm vụ' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="responsibleAgencyId" label="Cơ quan chủ trì" rules={[{ required: true, message: 'Chọn cơ quan chủ trì' }]}>
            <AgencySelect />
          </Form.Item>
          <Form.Item name="dueOn" label="Thời hạn" rules={[{ required: true, message: 'Chọn thời hạn' }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
        <Form.Item name="coordinatingText" label="Cơ quan phối hợp">
          <Input />
        </Form.Item>
        <Form.Item name="expectedOutput" label="Sản phẩm">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CreatePlanForm({ onCreated }: { onCreated: (id: string) => void }) {
  const [form] = Form.useForm<PlanCreateInput>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: PlanCreateInput) => api.post<PlanDetail>('/api/reform/plans', v),
    onSuccess: (p) => {
      void message.success('Đã tạo kế hoạch');
      void queryClient.invalidateQueries({ queryKey: ['reform', 'plans'] });
      onCreated(p.id);
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ year: dayjs().year() }} style={{ maxWidth: 760 }}>
      <ErrorBanner error={save.error} />
      <Space wrap align="start">
        <Form.Item name="agencyId" label="Cơ quan ban hành kế hoạch" rules={[{ required: true, message: 'Chọn cơ quan' }]}>
          <AgencySelect />
        </Form.Item>
        <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
      </Space>
      <Form.Item name="title" label="Tên kế hoạch" rules={[{ required: true, message: 'Nhập tên kế hoạch' }]}>
        <Input />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        Tạo kế hoạch
      </Button>
    </Form>
  );
}

function TaskTable({ tasks, onReport }: { tasks: TaskView[]; onReport: (t: TaskView) => void }) {
  return (
    <Table<TaskView>
      rowKey="id"
      size="small"
      dataSource={tasks}
      pagination={false}
      scroll={{ x: 1450 }}
      locale={{ emptyText: 'Kế hoạch chưa có nhiệm vụ' }}
      expandable={{
        rowExpandable: (t) => t.progress.length > 0,
        expandedRowRender: (t) => (
          <ul style={{ margin: 0 }}>
            {t.progress.map((p) => (
              <li key={p.id}>
                {formatDate(p.reportedOn)}: {p.percent}%{p.note ? ` — ${p.note}` : ''}
                {p.recordedBy ? ` (${p.recordedBy})` : ''}
              </li>
            ))}
          </ul>
        ),
      }}
      columns={[
        { title: 'TT', dataIndex: 'position', width: 50 },
        { title: 'Lĩnh vực', dataIndex: 'area', width: 150, render: (a: string) => <AreaTags areas={[a]} /> },
        { title: 'Nhiệm vụ', dataIndex: 'title', width: 420 },
        { title: 'Cơ quan chủ trì', dataIndex: 'responsibleAgencyName', width: 200 },
        { title: 'Thời hạn', dataIndex: 'dueOn', width: 110, render: (v: string) => formatDate(v) },
        { title: 'Tiến độ', dataIndex: 'percent', width: 130, render: (v: number, t) => <Progress percent={v} size="small" status={t.state === 'overdue' ? 'exception' : undefined} /> },
        { title: 'Tình trạng', dataIndex: 'state', width: 190, render: (s: TaskState, t) => <><StateTag state={s} />{t.completedOn && <div style={{ fontSize: 12 }}>Hoàn thành {formatDate(t.completedOn)}</div>}</> },
        {
          title: '',
          key: 'report',
          width: 130,
          render: (_, t) =>
            t.abilities.report_progress && !t.completedOn ? (
              <Button size="small" onClick={() => onReport(t)} aria-label={`Báo cáo tiến độ: ${t.title}`}>
                Báo cáo tiến độ
              </Button>
            ) : null,
        },
      ]}
    />
  );
}

function PlanView({ planId }: { planId: string }) {
  const [reporting, setReporting] = useState<TaskView>();
  const [adding, setAdding] = useState(false);
  const [area, setArea] = useState<string>();
  const [asOf, setAsOf] = useState<Dayjs>(dayjs());
  const plan = useQuery({
    queryKey: ['reform', 'plans', planId, asOf.format('YYYY-MM-DD')],
    queryFn: ({ signal }) => api.get<PlanDetail>(`/api/reform/plans/${planId}`, { asOf: asOf.format('YYYY-MM-DD') }, signal),
    placeholderData: (p) => p,
  });
  if (plan.isPending) return <Skeleton active />;
  if (plan.isError) return <Alert type="error" showIcon role="alert" title={errorMessageOf(plan.error)} />;
  const p = plan.data;
  const tasks = area ? p.tasks.filter((t) => t.area === area) : p.tasks;
  return (
    <>
      <Typography.Paragraph>
        {p.agencyName}
        {p.documentNumberSymbol ? ` · ban hành kèm theo văn bản ${p.documentNumberSymbol}` : ''}
      </Typography.Paragraph>
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <Card size="small"><Statistic title="Tổng số nhiệm vụ" value={p.taskCount} /></Card>
        {(Object.keys(taskStateLabels) as TaskState[]).map((s) => (
          <Card size="small" key={s}>
            <Statistic title={taskStateLabels[s]} value={p.counts[s]} styles={{ content: { color: s === 'overdue' ? '#cf1322' : undefined } }} />
          </Card>
        ))}
      </Space>
      <Space style={{ marginBottom: 12 }} wrap>
        <span>Tình trạng tính đến ngày</span>
        <DatePicker aria-label="Tình trạng tính đến ngày" format="DD/MM/YYYY" value={asOf} allowClear={false} onChange={(d) => d && setAsOf(d)} />
        <Select
          aria-label="Lọc theo lĩnh vực"
          placeholder="Tất cả lĩnh vực"
          allowClear
          style={{ width: 240 }}
          onChange={(v?: string) => setArea(v)}
          options={[...new Set(p.tasks.map((t) => t.area))].map((a) => ({ value: a, label: p.tasks.find((t) => t.area === a)!.areaLabel }))}
        />
        {p.abilities.add_task && (
          <Button type="primary" onClick={() => setAdding(true)}>
            Thêm nhiệm vụ
          </Button>
        )}
      </Space>
      <TaskTable tasks={tasks} onReport={setReporting} />
      <ProgressModal task={reporting} onClose={() => setReporting(undefined)} />
      <AddTaskModal planId={p.id} open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

function OverdueTasks() {
  const [asOf, setAsOf] = useState<Dayjs>(dayjs());
  const list = useQuery({
    queryKey: ['reform', 'plans', 'overdue', asOf.format('YYYY-MM-DD')],
    queryFn: ({ signal }) => api.get<OverdueTask[]>('/api/reform/tasks/overdue', { asOf: asOf.format('YYYY-MM-DD') }, signal),
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <span>Tính đến ngày</span>
        <DatePicker aria-label="Tính đến ngày" format="DD/MM/YYYY" value={asOf} allowClear={false} onChange={(d) => d && setAsOf(d)} />
      </Space>
      <ErrorBanner error={list.error} />
      <Table<OverdueTask>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: 'Không có nhiệm vụ quá hạn' }}
        columns={[
          { title: 'Kế hoạch', dataIndex: 'planTitle', width: 240 },
          { title: 'Nhiệm vụ', dataIndex: 'title' },
          { title: 'Cơ quan chủ trì', dataIndex: 'responsibleAgencyName', width: 200 },
          { title: 'Thời hạn', dataIndex: 'dueOn', width: 110, render: (v: string) => formatDate(v) },
          { title: 'Quá hạn', dataIndex: 'daysOverdue', width: 100, render: (v: number) => <Tag color="#a8071a">{v} ngày</Tag> },
          { title: 'Tiến độ', dataIndex: 'percent', width: 90, render: (v: number) => `${v}%` },
        ]}
      />
    </>
  );
}

export function PlansPage() {
  const { can } = useSession();
  const [tab, setTab] = useState('plan');
  const [year, setYear] = useState<number>();
  const [planId, setPlanId] = useState<string>();
  const plans = useQuery({ queryKey: ['reform', 'plans', 'list', year], queryFn: ({ signal }) => api.get<PlanSummary[]>('/api/reform/plans', { year }, signal) });
  const current = planId ?? plans.data?.[0]?.id;
  return (
    <>
      <AdminHeading title="Kế hoạch cải cách hành chính">Nhiệm vụ theo từng lĩnh vực, cơ quan chủ trì, thời hạn và tiến độ; nhiệm vụ quá hạn được nêu riêng.</AdminHeading>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'plan',
            label: 'Kế hoạch và nhiệm vụ',
            children: (
              <>
                <Space wrap style={{ marginBottom: 16 }}>
                  <InputNumber aria-label="Năm" placeholder="Năm" min={2000} max={2100} onChange={(v) => { setYear(v ?? undefined); setPlanId(undefined); }} />
                  <Select
                    aria-label="Kế hoạch"
                    style={{ width: 520 }}
                    loading={plans.isFetching}
                    value={current}
                    onChange={setPlanId}
                    options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.year} — ${p.title} (${p.agencyName})` }))}
                  />
                </Space>
                <ErrorBanner error={plans.error} />
                {current ? <PlanView planId={current} /> : !plans.isPending && <Empty description="Chưa có kế hoạch cải cách hành chính" />}
              </>
            ),
          },
          { key: 'overdue', label: 'Nhiệm vụ quá hạn', children: <OverdueTasks /> },
          ...(can(Permission.REFORM_MANAGE) ? [{ key: 'new', label: 'Tạo kế hoạch', children: <CreatePlanForm onCreated={(id) => { setYear(undefined); setPlanId(id); setTab('plan'); }} /> }] : []),
        ]}
      />
    </>
  );
}
