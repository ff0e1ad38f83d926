/** Đánh giá mức độ hài lòng of a returned dossier (NĐ 118 Điều 33): one rating, changeable for a limited time. */
import { Alert, App, Button, Card, Form, Input, Radio, Skeleton } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DossierRatingInput, DossierRatingStatus } from '../../../shared/schemas/ratings';
import { formatDateTime } from '../../../shared/text';
import { api, errorMessageOf } from '../../api/client';

export function DossierRatingCard({ dossierId }: { dossierId: string }) {
  const key = ['ratings', dossierId];
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<DossierRatingStatus>(`/api/ratings/dossiers/${dossierId}`, undefined, signal) });
  const save = useMutation({
    mutationFn: (input: DossierRatingInput) => api.put<DossierRatingStatus>(`/api/ratings/dossiers/${dossierId}`, input),
    onSuccess: (status) => {
      queryClient.setQueryData(key, status);
      void message.success('Cảm ơn bạn đã đánh giá');
    },
  });
  if (query.isPending) return <Card title="Đánh giá mức độ hài lòng"><Skeleton active /></Card>;
  if (query.isError) return <Card title="Đánh giá mức độ hài lòng"><Alert type="error" showIcon title={errorMessageOf(query.error)} /></Card>;
  const s = query.data;
  const r = s.rating;
  return (
    <Card title="Đánh giá mức độ hài lòng">
      {r && <p>Bạn đã đánh giá: <strong>{r.overallLabel}</strong> lúc {formatDateTime(r.updatedAt)}{s.abilities.rate ? ` (có thể sửa đến ${formatDateTime(r.changeableUntil)})` : ''}.</p>}
      {s.blockedBy && !s.abilities.rate && !r && <Alert type="info" showIcon title={s.blockedBy.message} />}
      {s.abilities.rate && (
        <Form<{ overall: number; comment?: string; criteria?: Record<string, number> }>
          layout="vertical"
          initialValues={r ? { overall: r.overall, comment: r.comment ?? undefined, criteria: r.criteria } : undefined}
          onFinish={(v) => {
            const criteria = Object.fromEntries(Object.entries(v.criteria ?? {}).filter(([, n]) => typeof n === 'number'));
            save.mutate({ overall: v.overall, criteria, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) });
          }}
        >
          {save.isError && <Alert type="error" showIcon role="alert" title={errorMessageOf(save.error)} style={{ marginBottom: 12 }} />}
          <Form.Item name="overall" label="Mức độ hài lòng chung" rules={[{ required: true, message: 'Vui lòng chọn mức độ hài lòng' }]}>
            <Radio.Group options={s.levels.map((l) => ({ value: l.level, label: l.label }))} />
          </Form.Item>
          {s.criteria.filter((c) => c.code !== 'other').map((c) => (
            <Form.Item key={c.code} name={['criteria', c.code]} label={c.label}>
              <Radio.Group options={s.levels.map((l) => ({ value: l.level, label: l.label }))} />
            </Form.Item>
          ))}
          <Form.Item name="comment" label="Góp ý thêm (không bắt buộc)">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>{r ? 'Cập nhật đánh giá' : 'Gửi đánh giá'}</Button>
        </Form>
      )}
    </Card>
  );
}
