/**
 * Phí, lệ phí of a dossier: what is due, what was paid, and the online payment button that opens the gateway page
 * (the simulator outside production). The gateway sends the citizen back to `returnPath`, where this panel shows the
 * outcome read from the server.
 */
import { Alert, Button, Descriptions, Skeleton, Tag } from 'antd';
import { CreditCardOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { DossierPaymentState, PaymentView } from '../../../shared/schemas/payments';
import { formatDateTime, formatMoney } from '../../../shared/text';
import { api, errorMessageOf } from '../../api/client';

export function useDossierPayments(dossierId: string) {
  return useQuery({
    queryKey: ['dossier-payments', dossierId],
    queryFn: ({ signal }) => api.get<DossierPaymentState>(`/api/dossiers/${dossierId}/payments`, undefined, signal),
  });
}

export function PaymentPanel({ dossierId, returnPath }: { dossierId: string; returnPath: string }) {
  const query = useDossierPayments(dossierId);
  const [key] = useState(() => crypto.randomUUID());
  const pay = useMutation({
    mutationFn: () => api.post<PaymentView>('/api/payments', { method: 'online', dossierId, returnPath }, { idempotencyKey: key }),
    onSuccess: (payment) => {
      if (payment.redirectUrl) {
        // The simulated gateway is a page of this very server: stay on the address the citizen is using (the
        // configured public address may name another host, e.g. behind a proxy). A real gateway is another site.
        const url = new URL(payment.redirectUrl, window.location.href);
        const local = url.origin === window.location.origin || url.pathname.startsWith('/api/payments/simulator/');
        window.location.assign(local ? url.pathname + url.search : url.href);
      }
    },
  });
  if (query.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (query.isError) return <Alert type="error" showIcon title="Không tải được thông tin phí, lệ phí" description={errorMessageOf(query.error)} />;
  const s = query.data;
  if (s.state === 'not_required') return <p>Hồ sơ không phải nộp phí, lệ phí.</p>;
  const last = s.payments[s.payments.length - 1];
  return (
    <div className="citizen-stack" aria-live="polite">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'state', label: 'Tình trạng', children: <Tag color={s.state === 'paid' ? 'green' : 'orange'}>{s.stateLabel}</Tag> },
          { key: 'due', label: 'Số tiền phải nộp', children: formatMoney(s.amountDue) },
          { key: 'paid', label: 'Đã nộp', children: formatMoney(s.amountPaid) },
          ...(last
            ? [{ key: 'last', label: 'Giao dịch gần nhất', children: `${last.methodLabel}: ${last.statusLabel}${last.paidAt ? ` lúc ${formatDateTime(last.paidAt)}` : ''}${last.failureReason ? ` (${last.failureReason})` : ''}` }]
            : []),
        ]}
      />
      {pay.isError && <Alert type="error" showIcon role="alert" title={errorMessageOf(pay.error)} />}
      {s.abilities.pay_online && (
        <div>
          <Button type="primary" icon={<CreditCardOutlined />} loading={pay.isPending || pay.isSuccess} onClick={() => pay.mutate()}>
            {`Thanh toán trực tuyến ${formatMoney(s.balance)}`}
          </Button>
        </div>
      )}
    </div>
  );
}
