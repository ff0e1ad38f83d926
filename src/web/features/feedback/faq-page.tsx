/**
 * Hỏi đáp: published questions and answers, searched by the server ignoring diacritics ("thu tuc" finds "thủ tục"),
 * and a form to ask a new question (signed in, or with a name and an e-mail for the answer).
 */
import { Alert, Button, Card, Collapse, Empty, Form, Input, Pagination, Skeleton } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { FaqAskInput, PublicFaqList } from '../../../shared/schemas/faq';
import { formatDate } from '../../../shared/text';
import { api, useSession } from '../../api/client';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/page-title';
import { useFormError, withoutBlanks } from '../../lib/forms';
import { QueryError } from '../procedure/procedure-page';
import '../procedure/citizen.css';

const PAGE_SIZE = 10;

function AskQuestion() {
  const { user } = useSession();
  const [form] = Form.useForm<{ question: string; askerName?: string; askerEmail?: string }>();
  const { error, clear, fail } = useFormError(form);
  const ask = useMutation({
    mutationFn: (input: FaqAskInput) => api.post<{ id: string }>('/api/public/faq', input),
    onSuccess: () => form.resetFields(),
    onError: fail,
  });
  return (
    <Card title="Đặt câu hỏi">
      {ask.isSuccess && <Alert type="success" showIcon role="status" style={{ marginBottom: 12 }} title="Đã gửi câu hỏi. Câu trả lời sẽ được công khai tại trang này khi cơ quan trả lời." />}
      <Form
        form={form}
        layout="vertical"
        disabled={ask.isPending}
        onFinish={(v) => {
          clear();
          ask.mutate({ question: v.question, ...(user ? {} : withoutBlanks({ askerName: v.askerName, askerEmail: v.askerEmail })) } as FaqAskInput);
        }}
      >
        <FormError message={error} />
        <Form.Item name="question" label="Câu hỏi của bạn" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập câu hỏi' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {!user && (
          <>
            <Form.Item name="askerName" label="Họ và tên (không bắt buộc)">
              <Input autoComplete="name" />
            </Form.Item>
            <Form.Item name="askerEmail" label="Thư điện tử để nhận trả lời (không bắt buộc)">
              <Input type="email" autoComplete="email" />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={ask.isPending}>Gửi câu hỏi</Button>
      </Form>
    </Card>
  );
}

export function FaqPage() {
  usePageTitle('Hỏi đáp');
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['faq', 'public', q, page],
    queryFn: ({ signal }) => api.get<z.infer<typeof PublicFaqList>>('/api/public/faq', { q, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: (prev) => prev,
  });
  return (
    <div className="page-container citizen-page">
      <h1 className="page-heading" style={{ fontSize: 26 }}>Hỏi đáp</h1>
      <div className="citizen-stack">
        <Input.Search
          key={q}
          defaultValue={q}
          aria-label="Tìm câu hỏi"
          placeholder="Tìm câu hỏi (gõ có dấu hoặc không dấu)"
          allowClear
          enterButton="Tìm"
          onSearch={(v) => { setPage(1); setParams(v.trim() ? { q: v.trim() } : {}, { replace: true }); }}
        />
        {query.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : query.isError ? (
          <QueryError title="Không tải được câu hỏi" error={query.error} retry={() => query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <Empty description={q ? `Không có câu hỏi phù hợp với “${q}”. Bạn có thể đặt câu hỏi bên dưới.` : 'Chưa có câu hỏi nào được công khai.'} />
        ) : (
          <>
            <p className="muted" role="status">{`${query.data.total.toLocaleString('vi-VN')} câu hỏi${q ? ` phù hợp với “${q}”` : ''}`}</p>
            <Collapse
              items={query.data.items.map((f) => ({
                key: f.id,
                label: f.question,
                children: (
                  <div>
                    <p className="faq-item">{f.answer}</p>
                    <p className="muted">{[f.procedure?.name, f.field?.name, f.agency?.name, `Công khai ${formatDate(f.publishedAt)}`].filter(Boolean).join(' · ')}</p>
                  </div>
                ),
              }))}
            />
            {query.data.total > PAGE_SIZE && <Pagination current={page} pageSize={PAGE_SIZE} total={query.data.total} showSizeChanger={false} onChange={setPage} />}
          </>
        )}
        <AskQuestion />
      </div>
    </div>
  );
}
