/**
 * The simulated gateway's payment page (GET /api/payments/simulator/:id). Each button sends the gateway's signed
 * server-to-server callback (fetch with credentials omitted, as the gateway's server would, so no session or CSRF
 * token is involved), then returns the browser to the web app.
 */
import { paymentStatusLabels, type PaymentStatus } from '../../../shared/schemas/payments';
import { formatMoney } from '../../../shared/text';
import type { SignedCallback } from './gateway/simulated-gateway';
import type { PaymentRow } from './payments.queries';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** JSON inside a <script>: no "</script>" or HTML comment can close it early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

export interface SimulatorPageInput {
  payment: PaymentRow;
  dossierCode: string;
  callbacks: { pay: SignedCallback; cancel: SignedCallback } | null;
  returnPath: string;
}

export function renderSimulatorPage(input: SimulatorPageInput): string {
  const { payment } = input;
  const items = payment.items.map((i) => `<tr><td>${escapeHtml(i.name)}</td><td class="num">${escapeHtml(formatMoney(i.amount))}</td></tr>`).join('');
  const body = input.callbacks
    ? `<div class="actions">
        <button id="pay" type="button">Thanh toán</button>
        <button id="cancel" type="button" class="secondary">Hủy</button>
      </div>
      <p id="message" role="status" aria-live="polite"></p>`
    : `<p role="status">Giao dịch đã kết thúc: <strong>${escapeHtml(paymentStatusLabels[payment.status as PaymentStatus] ?? payment.status)}</strong>.</p>
       <p><a href="${escapeHtml(input.returnPath)}">Quay lại hệ thống một cửa</a></p>`;
  const script = input.callbacks
    ? `<script>
  const callbacks = ${scriptJson({ pay: input.callbacks.pay, cancel: input.callbacks.cancel })};
  const back = ${scriptJson(input.returnPath)};
  async function send(which) {
    document.querySelectorAll('button').forEach((b) => (b.disabled = true));
    const message = document.getElementById('message');
    message.textContent = 'Đang xử lý giao dịch...';
    const cb = callbacks[which];
    const res = await fetch('/api/payments/callback', { method: 'POST', credentials: 'omit', headers: cb.headers, body: cb.body });
    if (!res.ok) {
      message.textContent = 'Không gửi được kết quả giao dịch, vui lòng thử lại.';
      document.querySelectorAll('button').forEach((b) => (b.disabled = false));
      return;
    }
    message.textContent = which === 'pay' ? 'Thanh toán thành công. Đang quay lại hệ thống...' : 'Đã hủy giao dịch. Đang quay lại hệ thống...';
    window.location.assign(back);
  }
  document.getElementById('pay').addEventListener('click', () => send('pay'));
  document.getElementById('cancel').addEventListener('click', () => send('cancel'));
</script>`
    : '';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cổng thanh toán mô phỏng</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 560px; margin: 32px auto; padding: 0 16px; color: #1f1f1f; }
  .banner { background: #fff7e6; border: 1px solid #ffd591; padding: 8px 12px; border-radius: 6px; font-size: 14px; }
  table { width: 100%; border-collapse: collapse; margin: 16px 0; }
  td, th { border-bottom: 1px solid #e5e5e5; padding: 6px 4px; text-align: left; }
  .num { text-align: right; white-space: nowrap; }
  .total td { font-weight: 600; }
  .actions { display: flex; gap: 12px; }
  button { font-size: 16px; padding: 10px 20px; border-radius: 6px; border: 1px solid #0958d9; background: #0958d9; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #0958d9; }
  button:disabled { opacity: .6; cursor: wait; }
</style>
</head>
<body>
<main>
  <h1>Cổng thanh toán mô phỏng</h1>
  <p class="banner">Môi trường thử nghiệm: không có giao dịch tiền thật. Kết quả được gửi về hệ thống bằng thông báo có chữ ký như cổng thanh toán thật.</p>
  <p>Thanh toán phí, lệ phí hồ sơ <strong>${escapeHtml(input.dossierCode)}</strong></p>
  <p>Mã giao dịch: <code>${escapeHtml(payment.gatewayTransactionId ?? '')}</code></p>
  <table>
    <thead><tr><th>Khoản thu</th><th class="num">Số tiền</th></tr></thead>
    <tbody>${items}<tr class="total"><td>Tổng cộng</td><td class="num">${escapeHtml(formatMoney(payment.amount))}</td></tr></tbody>
  </table>
  ${body}
</main>
${script}
</body>
</html>`;
}

