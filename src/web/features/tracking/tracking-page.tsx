/**
 * Tra cứu hồ sơ without signing in: the dossier code and the tracking secret printed on the receipt, or the
 * applicant's phone number. The answer carries no personal data (status, timeline, due date).
 */
import { Button, Card, Descriptions, Form, Input, Radio } from 'antd';
import { useEffect } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { DossierStatus } from '../../../shared/workflow/dossier-workflow';
import { dossierChannelLabels, type DossierChannel } from '../../../shared/schemas/dossiers';
import { formatDateTime } from '../../../shared/text';
import { api } from '../../api/client';
import { usePageTitle } from '../../components/page-title';
import { DossierStatusTag, DossierTimeline } from '../my-dossiers/dossier-status';
import { QueryError } from '../procedure/procedure-page';
import '../procedure/citizen.css';

interface TrackingResult {
  code: string;
  procedureName: string;
  competentAgencyName: string;
  channel: DossierChannel;
  status: DossierStatus;
  statusLabel: string;
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  timeline: { at: string; action: string; actionLabel: string; status: DossierStatus; statusLabel: string }[];
}

interface TrackingForm {
  code: string;
  by: 'secret' | 'phone';
  secret?: string;
  phone?: string;
}

export function TrackingPage() {
  usePageTitle('Tra cứu hồ sơ');
  // A code in the address (?ma=...) fills the form, e.g. from the QR code of the receipt; the secret never goes in it.
  const [params] = useSearchParams();
  const [form] = Form.useForm<TrackingForm>();
  const by = Form.useWatch('by', form) ?? 'secret';
  const query = useMutation({
    mutationFn: (v: TrackingForm) =>
      api.get<TrackingResult>(`/api/tracking/${encodeURIComponent(v.code.trim())}`, v.by === 'phone' ? { phone: v.phone?.trim() } : { secret: v.secret?.trim() }),
  });
  // The receipt's QR code carries both the code and the secret: answer straight away.
  const fromQr = !!params.get('ma') && !!params.get('s');
  useEffect(() => {
    if (fromQr) form.submit();
  }, [fromQr, form]);
  const t = query.data;
  return (
    <div className="page-container citizen-page">
      <h1 className="page-heading" style={{ fontSize: 26 }}>Tra cứu hồ sơ</h1>
      <div className="citizen-stack">
        <Card>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ code: params.get('ma') ?? '', secret: params.get('s') ?? undefined, by: 'secret' }}
            onFinish={(v) => query.mutate(v)}
          >
            <Form.Item name="code" label="Mã hồ sơ" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập mã hồ sơ in trên Giấy tiếp nhận' }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="by" label="Xác thực bằng">
              <Radio.Group options={[{ value: 'secret', label: 'Mã tra cứu' }, { value: 'phone', label: 'Số điện thoại người nộp' }]} />
            </Form.Item>
            {by === 'secret' ? (
              <Form.Item name="secret" label="Mã tra cứu" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập mã tra cứu in trên Giấy tiếp nhận' }]}>
                <Input autoComplete="off" />
              </Form.Item>
            ) : (
              <Form.Item name="phone" label="Số điện thoại người nộp" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập số điện thoại đã khai khi nộp hồ sơ' }]}>
                <Input type="tel" inputMode="tel" />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={query.isPending}>Tra cứu</Button>
          </Form>
        </Card>
        {query.isError && <QueryError title="Không tra cứu được hồ sơ" error={query.error} />}
        {t && (
          <>
            <Card title={`Hồ sơ ${t.code}`}>
              <Descriptions
                column={1}
                size="small"
                bordered
                items={[
                  { key: 'status', label: 'Trạng thái', children: <DossierStatusTag status={t.status} label={t.statusLabel} /> },
                  { key: 'procedure', label: 'Thủ tục', children: t.procedureName },
                  { key: 'agency', label: 'Cơ quan giải quyết', children: t.competentAgencyName },
                  { key: 'channel', label: 'Hình thức nộp', children: dossierChannelLabels[t.channel] },
                  { key: 'submitted', label: 'Ngày nộp', children: formatDateTime(t.submittedAt) },
                  ...(t.receivedAt ? [{ key: 'received', label: 'Ngày tiếp nhận', children: formatDateTime(t.receivedAt) }] : []),
                  { key: 'due', label: 'Hẹn trả kết quả', children: t.dueAt ? formatDateTime(t.dueAt) : 'Sau khi hồ sơ được tiếp nhận' },
                  ...(t.finishedAt ? [{ key: 'finished', label: 'Ngày có kết quả', children: formatDateTime(t.finishedAt) }] : []),
                ]}
              />
            </Card>
            <Card title="Tiến trình xử lý">
              <DossierTimeline items={t.timeline.map((e, i) => ({ key: i, at: e.at, title: e.actionLabel, detail: e.statusLabel }))} />
            </Card>
          </>
        )}
      </div>
    </div>
  );
}
