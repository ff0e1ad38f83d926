/**
 * Biên nhận nộp hồ sơ trực tuyến: the dossier code, the tracking secret (shown once, kept in this tab's session
 * storage so it survives the trip to the payment gateway), form 01 as PDF and the online payment.
 */
import { Alert, Button, Card, Descriptions, Result, Space } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../shared/text';
import { CSRF_COOKIE, errorMessageOf, readCookie, ApiError } from '../../api/client';
import { usePageTitle } from '../../components/page-title';
import { DossierStatusTag } from '../my-dossiers/dossier-status';
import { useDossier } from '../my-dossiers/dossier-page';
import { pageQueryGate } from '../procedure/procedure-page';
import { PaymentPanel } from './payment-panel';
import '../procedure/citizen.css';

const secretKey = (dossierId: string) => `motcua:tracking-secret:${dossierId}`;

export function rememberTrackingSecret(dossierId: string, secret: string) {
  try {
    sessionStorage.setItem(secretKey(dossierId), secret);
  } catch {
    // Storage disabled: the secret is still on the page right after submitting.
  }
}

function rememberedTrackingSecret(dossierId: string): string | null {
  try {
    return sessionStorage.getItem(secretKey(dossierId));
  } catch {
    return null;
  }
}

/** Downloads a PDF the API renders from a POST (form 01 with the tracking secret printed in its QR code). */
async function downloadPdf(path: string, body: unknown, fileName: string) {
  const token = readCookie(CSRF_COOKIE);
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/pdf, application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const payload = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
    throw new ApiError(payload?.error?.code ?? 'INTERNAL', payload?.error?.message ?? 'Không tải được biểu mẫu', response.status);
  }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ReceiptForm01Button({ dossierId, code, secret }: { dossierId: string; code: string; secret: string | null }) {
  const download = useMutation({ mutationFn: () => downloadPdf(`/api/dossiers/${dossierId}/forms/01.pdf`, { trackingSecret: secret }, `${code}-mau-01.pdf`) });
  return (
    <Space orientation="vertical">
      {secret ? (
        <Button icon={<FilePdfOutlined />} loading={download.isPending} onClick={() => download.mutate()}>
          Tải Giấy tiếp nhận hồ sơ (mẫu 01, PDF)
        </Button>
      ) : (
        <Button icon={<FilePdfOutlined />} href={`/api/dossiers/${dossierId}/forms/01.pdf`} target="_blank">
          Tải Giấy tiếp nhận hồ sơ (mẫu 01, PDF)
        </Button>
      )}
      {download.isError && <Alert type="error" showIcon role="alert" title={errorMessageOf(download.error)} />}
    </Space>
  );
}

export function ReceiptPage() {
  const { id = '' } = useParams();
  const dossier = useDossier(id);
  usePageTitle('Biên nhận nộp hồ sơ');
  const secret = rememberedTrackingSecret(id);
  const gate = pageQueryGate(dossier, 'Không tải được hồ sơ');
  if (gate || !dossier.data) return gate;
  const d = dossier.data;
  return (
    <div className="page-container citizen-page">
      <Result
        status="success"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>Nộp hồ sơ thành công</h1>}
        subTitle="Bộ phận Một cửa sẽ kiểm tra và tiếp nhận hồ sơ; kết quả tiếp nhận được thông báo qua số điện thoại, thư điện tử và trang Hồ sơ của tôi."
      />
      <div className="citizen-stack">
        <Card title="Thông tin hồ sơ">
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'code', label: 'Mã hồ sơ', children: <span className="receipt-code" data-testid="dossier-code">{d.code}</span> },
              ...(secret ? [{ key: 'secret', label: 'Mã tra cứu', children: <span className="receipt-code" data-testid="tracking-secret">{secret}</span> }] : []),
              { key: 'procedure', label: 'Thủ tục', children: d.procedureName },
              { key: 'agency', label: 'Cơ quan giải quyết', children: d.competentAgency.name },
              { key: 'status', label: 'Trạng thái', children: <DossierStatusTag status={d.status} label={d.statusLabel} /> },
              { key: 'submitted', label: 'Thời điểm nộp', children: formatDateTime(d.submittedAt) },
            ]}
          />
          {secret && (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              title="Hãy ghi lại mã hồ sơ và mã tra cứu"
              description="Mã tra cứu chỉ hiển thị một lần, dùng để tra cứu tình trạng hồ sơ mà không cần đăng nhập."
            />
          )}
          <div style={{ marginTop: 12 }}>
            <ReceiptForm01Button dossierId={d.id} code={d.code} secret={secret} />
          </div>
        </Card>
        <Card title="Phí, lệ phí">
          <PaymentPanel dossierId={d.id} returnPath={`/ho-so-cua-toi/${d.id}/bien-nhan`} />
        </Card>
        <Space wrap>
          <Link to={`/ho-so-cua-toi/${d.id}`}>Xem chi tiết hồ sơ</Link>
          <Link to="/ho-so-cua-toi">Hồ sơ của tôi</Link>
        </Space>
      </div>
    </div>
  );
}
