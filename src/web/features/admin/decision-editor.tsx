/**
 * Quyết định công bố TTHC in the administration: the list (status, year, late against the 5-day rule), and the
 * editor of a draft — its header, and its items (new, amended, replacing or abolished procedures), each item's
 * content edited in its own form. A draft is saved, deleted, or applied (creating the procedure versions); the
 * server's per-item problems are shown on the items. An applied decision is read-only.
 */
import { useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, Modal, Popconfirm, Row, Select, Skeleton, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DECISION_ACTIONS,
  decisionActionLabels,
  type DecisionAction,
  type DecisionApplyResponse,
  type DecisionInput,
  type DecisionListResponse,
  type DecisionView,
  type ProcedureContentInput,
} from '../../../shared/schemas/catalog';
import type { z } from 'zod';
import { formatDate } from '../../../shared/text';
import { api, ApiError, errorMessageOf } from '../../api/client';
import { FormError } from '../../components/form-error';
import { DATE_FORMAT, ErrorBanner, isoDateItem, showFieldErrors, ToneTag } from './admin-common';
import { emptyContent, ProcedureContentFields } from './procedure-content-fields';

/** One line of the decision as the editor holds it (the API's DecisionItemInput). */
export interface DraftItem {
  action: DecisionAction;
  procedureCode: string;
  newProcedureCode?: string;
  content?: Partial<ProcedureContentInput>;
}

type Header = Omit<DecisionInput, 'items'>;

/** What the editor opens with: an existing decision, or a new draft (possibly with items already). */
export type DecisionDraft = { id: string } | { id?: undefined; items: DraftItem[] };

function TimelinessTag({ d }: { d: DecisionView }) {
  const t = d.timeliness;
  if (t.late === null) return null;
  return t.late ? (
    <ToneTag tone="red">Chậm công bố (hạn ký {t.deadline ? formatDate(t.deadline) : ''})</ToneTag>
  ) : (
    <ToneTag tone="green">Đúng hạn 5 ngày làm việc</ToneTag>
  );
}

export function DecisionList({ onOpen }: { onOpen: (draft: DecisionDraft) => void }) {
  const [status, setStatus] = useState<'draft' | 'applied'>();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['catalog', 'decisions', status, page],
    queryFn: ({ signal }) => api.get<z.infer<typeof DecisionListResponse>>('/api/catalog/decisions', { status, page, pageSize: 20 }, signal),
    placeholderData: (p) => p,
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="Trạng thái quyết định"
          value={status ?? 'all'}
          style={{ width: 180 }}
          onChange={(v: string) => { setStatus(v === 'all' ? undefined : (v as 'draft' | 'applied')); setPage(1); }}
          options={[{ value: 'all', label: 'Tất cả' }, { value: 'draft', label: 'Dự thảo' }, { value: 'applied', label: 'Đã áp dụng' }]}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => onOpen({ items: [] })}>
          Soạn quyết định công bố
        </Button>
      </Space>
      <ErrorBanner error={list.error} />
      <Table<DecisionView>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1200 }}
        locale={{ emptyText: 'Chưa có quyết định công bố nào' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `${t.toLocaleString('vi-VN')} quyết định` }}
        columns={[
          { title: 'Số quyết định', dataIndex: 'number', width: 150 },
          { title: 'Trích yếu', dataIndex: 'title' },
          { title: 'Ngày ký', dataIndex: 'signedOn', width: 120, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(v)}</span> },
          { title: 'Hiệu lực', dataIndex: 'effectiveFrom', width: 120, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(v)}</span> },
          { title: 'Số thủ tục', dataIndex: 'itemCount', width: 100 },
          { title: 'Trạng thái', key: 'status', width: 300, render: (_, d) => <Space wrap size={4}><ToneTag tone={d.status === 'draft' ? 'orange' : 'blue'}>{d.statusLabel}</ToneTag><TimelinessTag d={d} /></Space> },
          { title: 'Thao tác', key: 'open', width: 100, fixed: 'right', render: (_, d) => <Button size="small" aria-label={`Mở quyết định ${d.number}`} onClick={() => onOpen({ id: d.id })}>{d.abilities.update ? 'Sửa' : 'Xem'}</Button> },
        ]}
      />
    </>
  );
}

/** The form of one item: what the decision does, to which code, and the content it states. */
function ItemModal({ item, onSave, onClose }: { item?: DraftItem; onSave: (item: DraftItem) => void; onClose: () => void }) {
  const [form] = Form.useForm<DraftItem>();
  const action = Form.useWatch('action', form);
  return (
    <Modal
      open={!!item}
      width={1000}
      title="Thủ tục trong quyết định"
      okText="Lưu thủ tục"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      styles={{ body: { maxHeight: '70vh', overflowY: 'auto' } }}
    >
      {item && (
        <Form<DraftItem>
          form={form}
          layout="vertical"
          initialValues={{ ...item, content: item.content ?? emptyContent() }}
          onFinish={(v) => onSave({ action: v.action, procedureCode: v.procedureCode.trim(), ...(v.action === 'replace' ? { newProcedureCode: v.newProcedureCode?.trim() } : {}), ...(v.action === 'abolish' ? {} : { content: v.content }) })}
        >
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="action" label="Nội dung công bố" rules={[{ required: true, message: 'Chọn nội dung công bố' }]}>
                <Select options={DECISION_ACTIONS.map((a) => ({ value: a, label: decisionActionLabels[a] }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="procedureCode" label={action === 'replace' ? 'Mã thủ tục bị thay thế' : 'Mã thủ tục'} rules={[{ required: true, whitespace: true, message: 'Nhập mã thủ tục' }]}>
                <Input placeholder="1.000948.H38" />
              </Form.Item>
            </Col>
            {action === 'replace' && (
              <Col xs={24} md={8}>
                <Form.Item name="newProcedureCode" label="Mã thủ tục thay thế" rules={[{ required: true, whitespace: true, message: 'Nhập mã thủ tục thay thế' }]}>
                  <Input />
                </Form.Item>
              </Col>
            )}
          </Row>
          {action !== 'abolish' && <ProcedureContentFields prefix={['content']} />}
        </Form>
      )}
    </Modal>
  );
}

/** The server's problems with each item (validation paths items.N.…, or the apply step's per-item report). */
function itemProblems(error: unknown): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!(error instanceof ApiError)) return out;
  const push = (i: number, m: string) => out.set(i, [...(out.get(i) ?? []), m]);
  for (const f of error.fields) if (f.name[0] === 'items' && /^\d+$/.test(f.name[1] ?? '')) push(Number(f.name[1]), f.message);
  const applied = (error.details as { items?: { position: number; message: string }[] } | undefined)?.items;
  if (Array.isArray(applied)) for (const p of applied) push(p.position - 1, p.message);
  return out;
}

function toInput(header: Header, items: DraftItem[]): DecisionInput {
  return { ...header, items: items as DecisionInput['items'] };
}

function EditorBody({ decision, initialItems, onClose }: { decision?: DecisionView; initialItems: DraftItem[]; onClose: () => void }) {
  const [form] = Form.useForm<Header>();
  const [items, setItems] = useState<DraftItem[]>(initialItems);
  const [editing, setEditing] = useState<{ index: number; item: DraftItem }>();
  const [id, setId] = useState(decision?.id);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const readOnly = !!decision && !decision.abilities.update;
  const refresh = (saved: DecisionView) => {
    queryClient.setQueryData(['catalog', 'decision', saved.id], saved);
    void queryClient.invalidateQueries({ queryKey: ['catalog', 'decisions'] });
  };
  const save = useMutation({
    mutationFn: (input: DecisionInput) => (id ? api.put<DecisionView>(`/api/catalog/decisions/${id}`, input) : api.post<DecisionView>('/api/catalog/decisions', input)),
    onSuccess: (saved) => {
      setId(saved.id);
      refresh(saved);
      void message.success('Đã lưu dự thảo quyết định');
    },
    onError: (e) => showFieldErrors(form, e),
  });
  const apply = useMutation({
    mutationFn: () => api.post<z.infer<typeof DecisionApplyResponse>>(`/api/catalog/decisions/${id}/apply`),
    onSuccess: ({ decision: applied, result }) => {
      refresh(applied);
      void queryClient.invalidateQueries({ queryKey: ['catalog', 'procedures'] });
      void message.success(`Đã áp dụng: ${result.created} thủ tục mới, ${result.amended} sửa đổi, ${result.replaced} thay thế, ${result.abolished} bãi bỏ`);
      onClose();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/catalog/decisions/${id}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['catalog', 'decisions'] });
      void message.success('Đã xóa dự thảo');
      onClose();
    },
  });
  const problems = itemProblems(save.error ?? apply.error);
  const error = save.error ?? apply.error ?? remove.error;
  const saveDraft = () => form.validateFields().then((header) => save.mutateAsync(toInput(header, items)));
  return (
    <>
      <FormError message={error ? errorMessageOf(error) : undefined} />
      {decision?.status === 'applied' && <Alert type="info" showIcon title={`Quyết định đã áp dụng lúc ${decision.appliedAt ? formatDate(decision.appliedAt) : ''}: không sửa được.`} style={{ marginBottom: 16 }} />}
      <Form<Header>
        form={form}
        layout="vertical"
        disabled={readOnly}
        initialValues={
          decision
            ? {
                number: decision.number,
                title: decision.title,
                signedOn: decision.signedOn,
                signerName: decision.signerName,
                signerTitle: decision.signerTitle,
                effectiveFrom: decision.effectiveFrom,
                legalDocumentNumber: decision.legalDocumentNumber,
                legalDocumentTitle: decision.legalDocumentTitle,
                legalDocumentEffectiveFrom: decision.legalDocumentEffectiveFrom,
              }
            : { signerTitle: 'Chủ tịch UBND tỉnh' }
        }
      >
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="number" label="Số quyết định" rules={[{ required: true, whitespace: true, message: 'Nhập số quyết định' }]}>
              <Input placeholder="1234/QĐ-UBND" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="signedOn" label="Ngày ký" rules={[{ required: true, message: 'Chọn ngày ký' }]} {...isoDateItem}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="effectiveFrom" label="Ngày có hiệu lực" rules={[{ required: true, message: 'Chọn ngày có hiệu lực' }]} {...isoDateItem}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label="Trích yếu" rules={[{ required: true, whitespace: true, message: 'Nhập trích yếu' }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="signerName" label="Người ký" rules={[{ required: true, whitespace: true, message: 'Nhập người ký' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="signerTitle" label="Chức vụ người ký" rules={[{ required: true, whitespace: true, message: 'Nhập chức vụ' }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          Văn bản quy phạm pháp luật quy định thủ tục (để kiểm tra quy định công bố trước ít nhất 5 ngày làm việc):
        </Typography.Paragraph>
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item name="legalDocumentNumber" label="Số hiệu văn bản">
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="legalDocumentTitle" label="Trích yếu văn bản">
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="legalDocumentEffectiveFrom" label="Ngày văn bản có hiệu lực" {...isoDateItem}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>

      <Space style={{ margin: '8px 0 12px', justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>Các thủ tục được công bố ({items.length})</Typography.Title>
        {!readOnly && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing({ index: items.length, item: { action: 'add', procedureCode: '' } })}>
            Thêm thủ tục
          </Button>
        )}
      </Space>
      <Table<DraftItem & { index: number }>
        size="small"
        rowKey="index"
        pagination={items.length > 20 ? { pageSize: 20 } : false}
        dataSource={items.map((item, index) => ({ ...item, index }))}
        locale={{ emptyText: 'Chưa có thủ tục nào trong quyết định' }}
        columns={[
          { title: 'STT', dataIndex: 'index', width: 60, render: (i: number) => i + 1 },
          { title: 'Nội dung', dataIndex: 'action', width: 190, render: (a: DecisionAction) => decisionActionLabels[a] },
          { title: 'Mã thủ tục', key: 'code', width: 220, render: (_, i) => (i.newProcedureCode ? `${i.procedureCode} → ${i.newProcedureCode}` : i.procedureCode) },
          {
            title: 'Tên thủ tục',
            key: 'name',
            render: (_, i) => (
              <>
                {i.content?.name ?? ''}
                {(problems.get(i.index) ?? []).map((m, k) => <Typography.Text key={k} type="danger" style={{ display: 'block' }}>{m}</Typography.Text>)}
              </>
            ),
          },
          ...(readOnly
            ? []
            : [
                {
                  title: 'Thao tác',
                  key: 'actions',
                  width: 130,
                  render: (_: unknown, i: DraftItem & { index: number }) => (
                    <Space size={4}>
                      <Button size="small" aria-label={`Sửa thủ tục ${i.index + 1}`} onClick={() => setEditing({ index: i.index, item: i })}>Sửa</Button>
                      <Button size="small" danger aria-label={`Bỏ thủ tục ${i.index + 1}`} onClick={() => setItems(items.filter((_x, k) => k !== i.index))}>Bỏ</Button>
                    </Space>
                  ),
                },
              ]),
        ]}
      />
      {!readOnly && (
        <Space wrap style={{ marginTop: 16 }}>
          <Button type="primary" loading={save.isPending} onClick={() => void saveDraft().catch(() => undefined)} disabled={items.length === 0}>
            Lưu dự thảo
          </Button>
          {id && (
            <Popconfirm
              title="Áp dụng quyết định?"
              description="Các phiên bản thủ tục được tạo theo quyết định; sau đó không sửa được quyết định."
              okText="Áp dụng"
              cancelText="Hủy"
              onConfirm={() => saveDraft().then(() => apply.mutate()).catch(() => undefined)}
            >
              <Button loading={apply.isPending}>Áp dụng quyết định</Button>
            </Popconfirm>
          )}
          {id && (
            <Popconfirm title="Xóa dự thảo này?" okText="Xóa" cancelText="Hủy" okButtonProps={{ danger: true }} onConfirm={() => remove.mutate()}>
              <Button danger loading={remove.isPending}>Xóa dự thảo</Button>
            </Popconfirm>
          )}
        </Space>
      )}
      <ItemModal
        item={editing?.item}
        onClose={() => setEditing(undefined)}
        onSave={(item) => {
          const next = [...items];
          next[editing!.index] = item;
          setItems(next);
          setEditing(undefined);
        }}
      />
    </>
  );
}

export function DecisionEditor({ draft, onClose }: { draft?: DecisionDraft; onClose: () => void }) {
  const existing = draft?.id;
  const detail = useQuery({
    queryKey: ['catalog', 'decision', existing],
    queryFn: ({ signal }) => api.get<DecisionView>(`/api/catalog/decisions/${existing}`, undefined, signal),
    enabled: !!existing,
  });
  const decision = detail.data;
  const initialItems: DraftItem[] = draft?.id
    ? (decision?.items ?? []).map((i) => ({
        action: i.action,
        procedureCode: i.procedureCode,
        ...(i.newProcedureCode ? { newProcedureCode: i.newProcedureCode } : {}),
        ...(i.content ? { content: i.content as Partial<ProcedureContentInput> } : {}),
      }))
    : draft && 'items' in draft ? draft.items : [];
  return (
    <Drawer open={!!draft} onClose={onClose} title={decision ? `Quyết định ${decision.number}` : 'Soạn quyết định công bố thủ tục hành chính'} size={1000} destroyOnHidden>
      {existing && detail.isPending && <Skeleton active />}
      {existing && detail.isError && <Alert type="error" showIcon role="alert" title={errorMessageOf(detail.error)} />}
      {draft && (!existing || decision) && <EditorBody key={existing ?? 'new'} decision={decision} initialItems={initialItems} onClose={onClose} />}
    </Drawer>
  );
}
