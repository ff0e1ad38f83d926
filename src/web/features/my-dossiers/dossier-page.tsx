/**
 * Hồ sơ của tôi – one dossier: status, due date, timeline, documents and results, and only the actions the API
 * lists in `allowedActions` (supplement upload, acknowledging the result, withdrawing or stopping), then the
 * satisfaction rating once the result is returned.
 */
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Modal, Upload, type UploadFile } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { DossierActionInput, DossierDetail } from '../../../shared/schemas/dossiers';
import { dossierChannelLabels } from '../../../shared/schemas/dossiers';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/text';
import { DOSSIER_ACTION_LABELS, type DossierAction } from '../../../shared/workflow/dossier-workflow';
import { api, errorMessageOf } from '../../api/client';
import { usePageTitle } from '../../components/page-title';
import { pageQueryGate } from '../procedure/procedure-page';
import { PaymentPanel } from '../submission/payment-panel';
import { ReceiptForm01Button } from '../submission/receipt-page';
import { formatSize, uploadRequest, uploadedIds } from '../submission/uploads';
import { DossierStatusTag, DossierTimeline } from './dossier-status';
import { DossierRatingCard } from './dossier-rating';
import '../procedure/citizen.css';

export const dossierQueryKey = (id: string) => ['dossiers', 'detail', id] as const;

export function useDossier(id: string) {
  return useQuery({
    queryKey: dossierQueryKey(id),
    queryFn: ({ signal }) => api.get<DossierDetail>(`/api/dossiers/${id}`, undefined, signal),
    enabled: !!id,
  });
}

function useDossierAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DossierActionInput) => api.post<DossierDetail>(`/api/dossiers/${id}/actions`, input),
    onSuccess: (detail) => {
      queryClient.setQueryData(dossierQueryKey(id), detail);
      void queryClient.invalidateQueries({ queryKey: ['dossiers', 'mine'] });
    },
  });
}

/** The latest supplement request's list of missing items, from the timeline. */
function requestedItems(d: DossierDetail): { name: string; reason: string }[] {
  const last = [...d.timeline].reverse().find((e) => e.action === 'request_supplement');
  const items = (last?.payload as { items?: { name: string; reason: string }[] } | undefined)?.items;
  return Array.isArray(items) ? items : [];
}

function SupplementCard({ dossier }: { dossier: DossierDetail }) {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [comment, setComment] = useState('');
  // One action id per attempt: a retry of the same upload is not recorded twice.
  const [actionId, setActionId] = useState(() => crypto.randomUUID());
  const act = useDossierAction(dossier.id);
  const { message } = App.useApp();
  const items = requestedItems(dossier);
  const ids = uploadedIds(files);
  return (
    <Card title="Bổ sung hồ sơ" className="supplement-card">
      <Alert
        type="warning"
        showIcon
        title="Cơ quan giải quyết yêu cầu bổ sung, hoàn thiện hồ sơ"
        description={
          <>
            {items.length > 0 && (
              <ul className="plain-ul">
                {items.map((i, k) => <li key={k}><strong>{i.name}</strong>: {i.reason}</li>)}
              </ul>
            )}
            {dossier.supplementDeadline && <p style={{ margin: '8px 0 0' }}>Hạn bổ sung: {formatDate(dossier.supplementDeadline)}</p>}
          </>
        }
      />
      <div className="citizen-stack" style={{ marginTop: 12 }}>
        <Upload customRequest={uploadRequest} fileList={files} onChange={({ fileList }) => setFiles(fileList)} multiple>
          <Button icon={<UploadOutlined />}>Chọn tệp bổ sung</Button>
        </Upload>
        <Input.TextArea aria-label="Ghi chú cho cơ quan giải quyết" placeholder="Ghi chú (không bắt buộc)" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} />
        {act.isError && <Alert type="error" showIcon role="alert" title={errorMessageOf(act.error)} />}
        <div>
          <Button
            type="primary"
            disabled={ids.length === 0}
            loading={act.isPending}
            onClick={() =>
              act.mutate(
                {
                  action: 'provide_supplement',
                  actionId,
                  fileIds: [],
                  ...(comment.trim() ? { comment: comment.trim() } : {}),
                  documents: [{ name: items.map((i) => i.name).join('; ').slice(0, 500) || 'Giấy tờ bổ sung', originals: 0, copies: 0, fileIds: ids }],
                },
                {
                  onSuccess: () => {
                    setFiles([]);
                    setComment('');
                    setActionId(crypto.randomUUID());
                    void message.success('Đã gửi hồ sơ bổ sung');
                  },
                },
              )
            }
          >
            Gửi hồ sơ bổ sung
          </Button>
        </div>
      </div>
    </Card>
  );
}

/** Actions of the applicant other than the supplement, each confirmed (a reason where the law asks for one). */
const SIMPLE_ACTIONS = ['acknowledge_result', 'withdraw', 'stop'] as const;
type SimpleAction = (typeof SIMPLE_ACTIONS)[number];

function ActionButtons({ dossier }: { dossier: DossierDetail }) {
  const [open, setOpen] = useState<SimpleAction>();
  const [actionId, setActionId] = useState(() => crypto.randomUUID());
  const [form] = Form.useForm<{ reason?: string }>();
  const act = useDossierAction(dossier.id);
  const actions = SIMPLE_ACTIONS.filter((a) => dossier.allowedActions.includes(a));
  if (actions.length === 0) return null;
  const needsReason = open === 'stop';
  return (
    <>
      <div className="wizard-actions" style={{ justifyContent: 'flex-start' }}>
        {actions.map((a) => (
          <Button key={a} danger={a !== 'acknowledge_result'} type={a === 'acknowledge_result' ? 'primary' : 'default'} onClick={() => { act.reset(); form.resetFields(); setOpen(a); }}>
            {DOSSIER_ACTION_LABELS[a]}
          </Button>
        ))}
      </div>
      <Modal
        open={!!open}
        title={open ? DOSSIER_ACTION_LABELS[open as DossierAction] : ''}
        okText="Xác nhận"
        cancelText="Đóng"
        confirmLoading={act.isPending}
        onCancel={() => setOpen(undefined)}
        onOk={() => form.submit()}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={({ reason }) => {
            const base = { actionId, fileIds: [] as string[] };
            const input: DossierActionInput =
              open === 'stop'
                ? { ...base, action: 'stop', reason: reason ?? '' }
                : open === 'withdraw'
                  ? { ...base, action: 'withdraw', ...(reason?.trim() ? { reason: reason.trim() } : {}) }
                  : { ...base, action: 'acknowledge_result' };
            act.mutate(input, { onSuccess: () => { setOpen(undefined); setActionId(crypto.randomUUID()); } });
          }}
        >
          {act.isError && <Alert type="error" showIcon role="alert" title={errorMessageOf(act.error)} style={{ marginBottom: 12 }} />}
          {open !== 'acknowledge_result' && (
            <Form.Item name="reason" label={needsReason ? 'Lý do' : 'Lý do (không bắt buộc)'} rules={needsReason ? [{ required: true, whitespace: true, message: 'Vui lòng nêu lý do' }] : []}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          )}
          {open === 'acknowledge_result' && <p>Xác nhận bạn đã nhận kết quả giải quyết hồ sơ.</p>}
        </Form>
      </Modal>
    </>
  );
}

function DocumentList({ dossier, kinds, empty }: { dossier: DossierDetail; kinds: string[]; empty: string }) {
  const docs = dossier.documents.filter((d) => kinds.includes(d.kind));
  if (docs.length === 0) return <Empty description={empty} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <ul className="plain-ul">
      {docs.map((doc) => (
        <li key={doc.id}>
          <span>{doc.name}</span>
          {doc.documentNumber && <span className="muted">{` (số ${doc.documentNumber})`}</span>}
          {doc.file && (
            <>
              {' – '}
              <a href={`/api/dossiers/${dossier.id}/documents/${doc.id}/content`} target="_blank" rel="noreferrer">
                <DownloadOutlined /> {doc.file.fileName}
              </a>
              <span className="muted">{` (${formatSize(doc.file.size)})`}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

const OUTCOME_LABELS: Record<NonNullable<DossierDetail['outcome']>, string> = { early: 'trước hạn', on_time: 'đúng hạn', late: 'quá hạn' };

/** The issued result (its number, when, against the due date) even when it exists only on paper. */
function ResultSummary({ dossier: d }: { dossier: DossierDetail }) {
  if (!d.documentNumber) return null;
  return (
    <p className="result-summary">
      <strong>{d.procedure.result}</strong>, số {d.documentNumber}
      {d.finishedAt && <>, ban hành {formatDateTime(d.finishedAt)}</>}
      {d.outcome && <> (giải quyết {OUTCOME_LABELS[d.outcome]})</>}
      {d.status === 'result_ready' && '. Kết quả đang chờ trả.'}
      {d.status === 'returned' && '. Đã trả kết quả.'}
    </p>
  );
}

export function DossierPage() {
  const { id = '' } = useParams();
  const query = useDossier(id);
  usePageTitle(query.data ? `Hồ sơ ${query.data.code}` : 'Hồ sơ của tôi');
  const gate = pageQueryGate(query, 'Không tải được hồ sơ');
  if (gate || !query.data) return gate;
  const d = query.data;
  const returned = d.status === 'returned';
  return (
    <div className="page-container citizen-page">
      <p className="breadcrumb-line"><Link to="/ho-so-cua-toi">Hồ sơ của tôi</Link> / {d.code}</p>
      <h1 className="page-heading" style={{ fontSize: 24 }}>{d.procedureName}</h1>
      <div className="citizen-stack">
        <Card title="Thông tin hồ sơ">
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'code', label: 'Mã hồ sơ', children: <strong>{d.code}</strong> },
              { key: 'status', label: 'Trạng thái', children: <DossierStatusTag status={d.status} label={d.statusLabel} /> },
              { key: 'agency', label: 'Cơ quan giải quyết', children: d.competentAgency.name },
              { key: 'channel', label: 'Hình thức nộp', children: dossierChannelLabels[d.channel] },
              { key: 'submitted', label: 'Ngày nộp', children: formatDateTime(d.submittedAt) },
              ...(d.receivedAt ? [{ key: 'received', label: 'Ngày tiếp nhận', children: formatDateTime(d.receivedAt) }] : []),
              { key: 'due', label: 'Hẹn trả kết quả', children: d.dueAt ? formatDateTime(d.dueAt) : 'Sau khi hồ sơ được tiếp nhận' },
              ...(d.finishedAt ? [{ key: 'finished', label: 'Ngày có kết quả', children: formatDateTime(d.finishedAt) }] : []),
              ...(d.feeTotal > 0 ? [{ key: 'fee', label: 'Phí, lệ phí', children: formatMoney(d.feeTotal) }] : []),
            ]}
          />
          <div style={{ marginTop: 12 }}>
            <ReceiptForm01Button dossierId={d.id} code={d.code} secret={null} />
          </div>
          <ActionButtons dossier={d} />
        </Card>
        {d.allowedActions.includes('provide_supplement') && <SupplementCard dossier={d} />}
        <Card title="Kết quả giải quyết">
          <ResultSummary dossier={d} />
          <DocumentList dossier={d} kinds={['result', 'notice']} empty={d.documentNumber ? 'Kết quả bản giấy, không có tệp điện tử' : 'Chưa có kết quả'} />
        </Card>
        <Card title="Tiến trình xử lý">
          <DossierTimeline items={d.timeline.map((e) => ({ key: e.seq, at: e.at, title: e.actionLabel, detail: e.comment }))} />
        </Card>
        <Card title="Giấy tờ đã nộp">
          <DocumentList dossier={d} kinds={['application', 'supplement', 'attachment']} empty="Chưa có giấy tờ điện tử" />
        </Card>
        {d.feeTotal > 0 && (
          <Card title="Phí, lệ phí">
            <PaymentPanel dossierId={d.id} returnPath={`/ho-so-cua-toi/${d.id}`} />
          </Card>
        )}
        {returned && <DossierRatingCard dossierId={d.id} />}
      </div>
    </div>
  );
}
