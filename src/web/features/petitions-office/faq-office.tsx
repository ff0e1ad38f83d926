/**
 * Hỏi đáp for staff: citizens' questions waiting for an answer, answered ones waiting for publication and the
 * published ones; answer (and publish at once), publish, take down, decline, or add a question of one's own.
 */
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Empty, Form, Input, Modal, Pagination, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { faqStatusLabels, type FaqEntry, type FaqEntryList, type FaqStatus } from '../../../shared/schemas/faq';
import { formatDateTime } from '../../../shared/text';
import { api, errorMessageOf } from '../../api/client';
import { FormError } from '../../components/form-error';
import { showApiError } from '../../lib/forms';
import { TAG_COLORS } from './petitions-api';

const PAGE_SIZE = 10;
const STATUS_TABS: FaqStatus[] = ['asked', 'answered', 'published', 'declined'];
const statusColors: Record<FaqStatus, string> = { asked: TAG_COLORS.warning, answered: TAG_COLORS.info, published: TAG_COLORS.success, declined: TAG_COLORS.neutral };

type Editing = { kind: 'answer' | 'decline'; entry: FaqEntry } | { kind: 'create' };

function FaqModal({ editing, onClose }: { editing: Editing | null; onClose: () => void }) {
  // Unmounted between openings: each opening starts from its own entry's values.
  return editing ? <FaqDialog key={editing.kind === 'create' ? 'create' : `${editing.kind}-${editing.entry.id}`} editing={editing} onClose={onClose} /> : null;
}

function FaqDialog({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const [form] = Form.useForm<{ question?: string; answer?: string; reason?: string; publish?: boolean }>();
  const [error, setError] = useState<string>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { question?: string; answer?: string; reason?: string; publish?: boolean }) => {
      if (editing.kind === 'create') return api.post<FaqEntry>('/api/faq', { question: v.question, answer: v.answer, publish: !!v.publish });
      const base = `/api/faq/${editing.entry.id}`;
      return editing.kind === 'answer' ? api.post<FaqEntry>(`${base}/answer`, { answer: v.answer, publish: !!v.publish }) : api.post<FaqEntry>(`${base}/decline`, { reason: v.reason });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['faq', 'office'] });
      void queryClient.invalidateQueries({ queryKey: ['faq', 'public'] });
      onClose();
    },
    onError: (e) => setError(showApiError(form, e)),
  });
  const title = editing.kind === 'create' ? 'Thêm câu hỏi thường gặp' : editing.kind === 'answer' ? 'Trả lời câu hỏi' : 'Không trả lời câu hỏi';
  return (
    <Modal open title={title} okText="Xác nhận" cancelText="Hủy" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={720}>
      {editing.kind !== 'create' && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>
          <strong>Câu hỏi: </strong>
          {editing.entry.question}
        </Typography.Paragraph>
      )}
      <FormError message={error} />
      <Form
        form={form}
        layout="vertical"
        name={`faq-${editing.kind}`}
        initialValues={editing.kind === 'answer' ? { answer: editing.entry.answer ?? '', publish: editing.entry.status !== 'published' ? true : undefined } : { publish: true }}
        onFinish={(v) => {
          setError(undefined);
          save.mutate(v);
        }}
      >
        {editing.kind === 'create' && (
          <Form.Item name="question" label="Câu hỏi" rules={[{ required: true, whitespace: true, message: 'Nhập câu hỏi' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        {editing.kind !== 'decline' && (
          <>
            <Form.Item name="answer" label="Câu trả lời" rules={[{ required: true, whitespace: true, message: 'Nhập câu trả lời' }]}>
              <Input.TextArea rows={8} maxLength={20000} />
            </Form.Item>
            {(editing.kind === 'create' || editing.entry.status === 'asked') && (
              <Form.Item name="publish" valuePropName="checked">
                <Checkbox>Công khai ngay trên Cổng</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        {editing.kind === 'decline' && (
          <Form.Item name="reason" label="Lý do (trùng lặp, không liên quan đến thủ tục hành chính...)" rules={[{ required: true, whitespace: true, message: 'Nêu lý do' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function FaqCard({ entry, onEdit }: { entry: FaqEntry; onEdit: (e: Editing) => void }) {
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (path: 'publish' | 'unpublish') => api.post<FaqEntry>(`/api/faq/${entry.id}/${path}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['faq', 'office'] });
      void queryClient.invalidateQueries({ queryKey: ['faq', 'public'] });
    },
  });
  const a = entry.abilities;
  const context = [entry.procedure?.name, entry.field?.name, entry.agency?.name].filter(Boolean).join(' · ');
  const asker = entry.asker ? [entry.asker.name ?? 'Người hỏi không nêu tên', entry.asker.hasAccount ? 'có tài khoản' : entry.asker.email].filter(Boolean).join(', ') : null;
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 4 }}>
        <Tag color={statusColors[entry.status]}>{entry.statusLabel}</Tag>
        {entry.askedAt && <Typography.Text type="secondary">Hỏi lúc {formatDateTime(entry.askedAt)}{asker ? ` · ${asker}` : ''}</Typography.Text>}
      </Space>
      <Typography.Paragraph strong style={{ whiteSpace: 'pre-line', marginBottom: 4 }}>{entry.question}</Typography.Paragraph>
      {context && <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 4 }}>{context}</Typography.Paragraph>}
      {entry.answer && <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{entry.answer}</Typography.Paragraph>}
      {entry.declineReason && <Typography.Paragraph type="secondary">Lý do không trả lời: {entry.declineReason}</Typography.Paragraph>}
      {toggle.isError && <Alert type="error" showIcon role="alert" title={errorMessageOf(toggle.error)} style={{ marginBottom: 8 }} />}
      <Space wrap>
        {a.answer && (
          <Button type={entry.status === 'asked' ? 'primary' : 'default'} onClick={() => onEdit({ kind: 'answer', entry })}>
            {entry.status === 'asked' ? 'Trả lời' : 'Sửa câu trả lời'}
          </Button>
        )}
        {a.publish && <Button type="primary" loading={toggle.isPending} onClick={() => toggle.mutate('publish')}>Công khai trên Cổng</Button>}
        {a.unpublish && <Button danger loading={toggle.isPending} onClick={() => toggle.mutate('unpublish')}>Gỡ khỏi Cổng</Button>}
        {a.decline && <Button onClick={() => onEdit({ kind: 'decline', entry })}>Không trả lời</Button>}
      </Space>
    </Card>
  );
}

export function FaqOffice() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('cau-hoi') as FaqStatus | null;
  const status: FaqStatus = raw && STATUS_TABS.includes(raw) ? raw : 'asked';
  const q = params.get('q-hoi') ?? '';
  const page = Math.max(1, Number(params.get('trang-hoi')) || 1);
  const [editing, setEditing] = useState<Editing | null>(null);
  const list = useQuery({
    queryKey: ['faq', 'office', status, q, page],
    queryFn: ({ signal }) => api.get<z.infer<typeof FaqEntryList>>('/api/faq', { status, q: q || undefined, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: (prev) => prev,
  });
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries({ ...changes, 'trang-hoi': changes['trang-hoi'] })) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<FaqStatus>
          aria-label="Trạng thái câu hỏi"
          value={status}
          onChange={(v) => update({ 'cau-hoi': v })}
          options={STATUS_TABS.map((s) => ({ value: s, label: faqStatusLabels[s] }))}
        />
        <Input.Search
          key={q}
          defaultValue={q}
          aria-label="Tìm câu hỏi"
          placeholder="Tìm câu hỏi (có dấu hoặc không dấu)"
          allowClear
          enterButton="Tìm"
          onSearch={(v) => update({ 'q-hoi': v.trim() || undefined })}
          style={{ width: 360, maxWidth: '100%' }}
        />
        <Button icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'create' })}>Thêm câu hỏi thường gặp</Button>
      </Space>
      {list.isPending ? (
        <Skeleton active />
      ) : list.isError ? (
        <Alert type="error" showIcon role="alert" title={errorMessageOf(list.error)} />
      ) : list.data.items.length === 0 ? (
        <Empty description={q ? `Không có câu hỏi nào khớp với «${q}»` : `Không có câu hỏi nào ở trạng thái «${faqStatusLabels[status]}»`} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary" role="status">{`${list.data.total.toLocaleString('vi-VN')} câu hỏi`}</Typography.Text>
          {list.data.items.map((e) => <FaqCard key={e.id} entry={e} onEdit={setEditing} />)}
          {list.data.total > PAGE_SIZE && (
            <Pagination current={page} pageSize={PAGE_SIZE} total={list.data.total} showSizeChanger={false} onChange={(p) => update({ 'trang-hoi': p > 1 ? String(p) : undefined })} />
          )}
        </Space>
      )}
      <FaqModal editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}
