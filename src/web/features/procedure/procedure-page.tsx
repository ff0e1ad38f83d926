/**
 * Trang thủ tục hành chính: everything NĐ 63/2010 Điều 8 publishes about a procedure, and the way into the online
 * submission wizard when its online level (3–4) allows it.
 */
import { Alert, Button, Card, Descriptions, Empty, Skeleton, Table, Tag } from 'antd';
import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import './citizen.css';
import type { ProcedureDetail } from '../../../shared/schemas/catalog';
import { formatDate, formatMoney } from '../../../shared/text';
import { api, errorMessageOf, useSession } from '../../api/client';
import { signInPath } from '../../components/guards';
import { usePageTitle } from '../../components/page-title';

export function useProcedure(id: string | undefined) {
  return useQuery({
    queryKey: ['catalog', 'procedure', id],
    queryFn: ({ signal }) => api.get<ProcedureDetail>(`/api/catalog/procedures/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** Whether citizens may submit this procedure online (dịch vụ công trực tuyến mức độ 3–4). */
export const allowsOnlineSubmission = (p: Pick<ProcedureDetail, 'onlineLevel'>) => p.onlineLevel >= 3;

export function QueryError({ title, error, retry }: { title: string; error: unknown; retry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={errorMessageOf(error)}
      action={retry ? <Button onClick={retry}>Thử lại</Button> : undefined}
    />
  );
}

/** The loading skeleton or the error of a page's main query, or null once its data is there. */
export function pageQueryGate(query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown }, errorTitle: string): ReactNode {
  if (query.isPending) return <div className="page-container"><Skeleton active paragraph={{ rows: 10 }} /></div>;
  if (query.isError) return <div className="page-container"><QueryError title={errorTitle} error={query.error} retry={() => query.refetch()} /></div>;
  return null;
}

function SubmitButton({ procedure }: { procedure: ProcedureDetail }) {
  const { user } = useSession();
  const navigate = useNavigate();
  if (!allowsOnlineSubmission(procedure)) {
    return <Alert type="info" showIcon title="Thủ tục này chưa hỗ trợ nộp hồ sơ trực tuyến; vui lòng nộp trực tiếp hoặc qua dịch vụ bưu chính." />;
  }
  const target = `/nop-ho-so/${procedure.id}`;
  return (
    <div className="procedure-submit">
      <Button type="primary" size="large" icon={<CloudUploadOutlined />} onClick={() => navigate(user ? target : signInPath(target))}>
        Nộp hồ sơ trực tuyến
      </Button>
      {!user && <span className="procedure-submit-hint">Bạn cần đăng nhập để nộp hồ sơ.</span>}
    </div>
  );
}

export function ProcedurePage() {
  const { id } = useParams();
  const query = useProcedure(id);
  usePageTitle(query.data?.name ?? 'Thủ tục hành chính');
  const gate = pageQueryGate(query, 'Không tải được thủ tục');
  if (gate || !query.data) return gate;
  const p = query.data;
  const totalFee = p.fees.reduce((s, f) => s + f.amount, 0);
  const overview = [
    { key: 'code', label: 'Mã thủ tục', children: p.code },
    { key: 'field', label: 'Lĩnh vực', children: p.field.name },
    { key: 'level', label: 'Cấp thực hiện', children: p.levelLabel },
    { key: 'agency', label: 'Cơ quan thực hiện', children: p.agencies.length > 0 ? p.agencies.length > 3 ? `${p.agencies.slice(0, 3).map((a) => a.name).join('; ')} và ${p.agencies.length - 3} cơ quan khác` : p.agencies.map((a) => a.name).join('; ') : p.publishingAgency.name },
    { key: 'time', label: 'Thời hạn giải quyết', children: p.time.label + (p.time.note ? ` (${p.time.note})` : '') },
    {
      key: 'online',
      label: 'Dịch vụ công trực tuyến',
      children: p.onlineLevel >= 3 ? <Tag color="green">{`Mức độ ${p.onlineLevel}${p.onlineScopeLabel ? ` – ${p.onlineScopeLabel}` : ''}`}</Tag> : <Tag>{`Mức độ ${p.onlineLevel}`}</Tag>,
    },
    { key: 'methods', label: 'Cách thức thực hiện', children: p.methods.map((m) => m.label).join(', ') },
    { key: 'subjects', label: 'Đối tượng thực hiện', children: p.subjects.map((s) => s.label).join(', ') },
    { key: 'fee', label: 'Phí, lệ phí', children: totalFee > 0 ? formatMoney(totalFee) : 'Không thu phí, lệ phí' },
    ...(p.cutoffTime ? [{ key: 'cutoff', label: 'Giờ tiếp nhận trong ngày', children: `Trước ${p.cutoffTime}` }] : []),
    { key: 'valid', label: 'Hiệu lực từ', children: formatDate(p.version.validFrom) + (p.version.decision ? ` (Quyết định số ${p.version.decision.number})` : '') },
  ];
  return (
    <div className="page-container procedure-page">
      <p className="breadcrumb-line"><Link to="/thu-tuc">Thủ tục hành chính</Link> / {p.field.name}</p>
      <h1 className="page-heading" style={{ fontSize: 26 }}>{p.name}</h1>
      <SubmitButton procedure={p} />
      <div className="procedure-sections">
        <Card title="Thông tin chung">
          <Descriptions column={1} bordered size="small" items={overview} />
        </Card>
        <Card title="Trình tự thực hiện">
          <ol className="plain-ol">{p.steps.map((s, i) => <li key={i}>{s}</li>)}</ol>
        </Card>
        <Card title={`Thành phần hồ sơ (số lượng: ${p.sets} bộ)`}>
          {p.documents.length === 0 ? (
            <Empty description="Không yêu cầu thành phần hồ sơ" />
          ) : (
            <ol className="plain-ol document-list">
              {p.documents.map((d, i) => (
                <li key={i}>
                  <span>{d.name}</span>
                  <span className="procedure-meta">
                    {[d.originals ? `Bản chính: ${d.originals}` : null, d.copies ? `Bản sao: ${d.copies}` : null].filter(Boolean).join(' · ')}
                  </span>
                  {d.formName && (
                    <span className="procedure-meta">
                      Mẫu đơn, tờ khai:{' '}
                      {d.formUrl ? (
                        <a href={d.formUrl} target="_blank" rel="noreferrer"><DownloadOutlined /> {d.formName}</a>
                      ) : (
                        d.formName
                      )}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card title="Phí, lệ phí">
          {p.fees.length === 0 ? (
            <p>Không thu phí, lệ phí.</p>
          ) : (
            <Table
              size="small"
              pagination={false}
              rowKey={(f) => f.name}
              dataSource={p.fees}
              scroll={{ x: true }}
              columns={[
                { title: 'Tên phí, lệ phí', dataIndex: 'name' },
                { title: 'Mức thu', dataIndex: 'amount', align: 'right', render: (v: number) => formatMoney(v) },
                { title: 'Ghi chú', dataIndex: 'note' },
              ]}
            />
          )}
          {p.feeExemptions && <p className="procedure-meta" style={{ marginTop: 8 }}>Miễn, giảm: {p.feeExemptions}</p>}
        </Card>
        {p.conditions && (
          <Card title="Yêu cầu, điều kiện">
            <p className="pre-line">{p.conditions}</p>
          </Card>
        )}
        <Card title="Kết quả thực hiện">
          <p>{p.result}</p>
        </Card>
        <Card title="Căn cứ pháp lý">
          <ul className="plain-ul">
            {p.legalBasis.map((l) => (
              <li key={l.number}>
                {l.url ? <a href={l.url} target="_blank" rel="noreferrer">{l.number}</a> : <strong>{l.number}</strong>} {l.title}
                {l.issuedOn ? ` (ban hành ngày ${formatDate(l.issuedOn)})` : ''}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
