/**
 * The staff dossier page: header with due dates (current and original), the actions the API allows as buttons, the
 * internal-process steps with their due dates, documents, timeline and the one-stop forms to print.
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Result, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, LikeOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { dossierChannelLabels, deliveryMethodLabels, type DossierDetail, type DossierDocument } from '../../../shared/schemas/dossiers';
import { FORM_CATALOG, FormKind, selectFormSet } from '../../../shared/schemas/forms';
import { DOSSIER_ACTION_LABELS, DOSSIER_STATUS_LABELS, DossierStatus, type DossierAction } from '../../../shared/workflow/dossier-workflow';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/text';
import { api, ApiError, errorMessageOf, useSession } from '../../api/client';
import { Permission } from '../../../shared/permissions';
import { PageLoading } from '../../components/page-loading';
import { usePageTitle } from '../../components/page-title';
import { site } from '../../site';
import { BACK_OFFICE_BASE } from '../back-office/sections';
import { deadlineColor } from '../queue/queue-api';
import { ActionModal } from './action-modal';

/** Actions that end or refuse something: shown as danger buttons. */
const DANGER = new Set<DossierAction>(['refuse', 'stop', 'close_no_supplement', 'withdraw']);
const PRIMARY = new Set<DossierAction>(['accept', 'forward', 'approve', 'sign', 'issue', 'return_result']);

const documentKindLabels: Record<DossierDocument['kind'], string> = {
  application: 'Thành phần hồ sơ',
  supplement: 'Bổ sung',
  result: 'Kết quả',
  notice: 'Thông báo',
  inter_agency: 'Liên thông',
  attachment: 'Đính kèm',
};

/** The forms that apply to the dossier as it stands, in the set in force at receipt. */
export function printableForms(dossier: DossierDetail): { formNo: string; title: string }[] {
  const set = selectFormSet(dossier.receivedAt ?? dossier.submittedAt);
  const done = new Set(dossier.timeline.map((t) => t.action));
  const applies: Record<string, boolean> = {
    [FormKind.RECEIPT]: dossier.receivedAt !== null,
    [FormKind.SUPPLEMENT]: done.has('request_supplement'),
    [FormKind.REFUSAL]: dossier.status === 'refused',
    [FormKind.APOLOGY]: done.has('apologise_extend'),
    [FormKind.STOP_NOTICE]: dossier.status === 'stopped',
    [FormKind.PROCESS_CONTROL]: dossier.receivedAt !== null,
  };
  return FORM_CATALOG[set].filter((f) => applies[f.kind]).map((f) => ({ formNo: f.formNo, title: f.title }));
}

export function useDossier(id: string | undefined) {
  return useQuery({
    queryKey: ['dossiers', 'detail', id],
    queryFn: ({ signal }) => api.get<DossierDetail>(`/api/dossiers/${id}`, undefined, signal),
    enabled: !!id,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

function DocumentsTable({ dossier }: { dossier: DossierDetail }) {
  return (
    <Table<DossierDocument>
      rowKey="id"
      size="small"
      pagination={dossier.documents.length > 20 ? { pageSize: 20 } : false}
      dataSource={dossier.documents}
      locale={{ emptyText: 'Chưa có giấy tờ' }}
      columns={[
        { title: 'Giấy tờ', dataIndex: 'name' },
        { title: 'Loại', dataIndex: 'kind', render: (k: DossierDocument['kind']) => documentKindLabels[k] },
        { title: 'Bản chính', dataIndex: 'originals', align: 'right' },
        { title: 'Bản sao', dataIndex: 'copies', align: 'right' },
        {
          title: 'Tệp',
          key: 'file',
          render: (_, d) =>
            d.file ? (
              <a href={`/api/dossiers/${dossier.id}/documents/${d.id}/content`} target="_blank" rel="noreferrer">
                {d.file.fileName}
              </a>
            ) : (
              '—'
            ),
        },
        { title: 'Số văn bản', dataIndex: 'documentNumber', render: (v: string | null) => v ?? '' },
      ]}
    />
  );
}

function StepsTable({ dossier }: { dossier: DossierDetail }) {
  if (dossier.steps.length === 0) return <Empty description="Thủ tục chưa có quy trình nội bộ được phê duyệt" />;
  return (
    <Table
      rowKey="position"
      size="small"
      pagination={false}
      dataSource={dossier.steps}
      rowClassName={(s) => (s.current ? 'step-current' : '')}
      columns={[
        { title: 'Bước', dataIndex: 'position', render: (p: number, s) => <span style={{ fontWeight: s.current ? 700 : undefined }}>{p + 1}. {s.name}</span> },
        { title: 'Người thực hiện', dataIndex: 'responsibleLabel', render: (v: string, s) => [v, s.department?.name].filter(Boolean).join(' · ') },
        { title: 'Hạn của bước', dataIndex: 'plannedDueAt', render: (v: string | null) => formatDateTime(v) || '—' },
        { title: 'Bắt đầu', dataIndex: 'startedAt', render: (v: string | null) => formatDateTime(v) || '' },
        {
          title: 'Hoàn thành',
          dataIndex: 'finishedAt',
          render: (v: string | null, s) => {
            if (s.current) return <Tag color="processing">Đang xử lý</Tag>;
            if (!v) return '';
            const late = s.plannedDueAt && Date.parse(v) > Date.parse(s.plannedDueAt);
            return <span style={{ color: late ? '#b3261e' : undefined }}>{formatDateTime(v)}{late ? ' (trễ hạn)' : ''}</span>;
          },
        },
      ]}
    />
  );
}

export function DossierPage() {
  const { id } = useParams();
  const query = useDossier(id);
  const { can } = useSession();
  const [action, setAction] = useState<DossierAction | null>(null);
  usePageTitle(query.data ? `Hồ sơ ${query.data.code}` : 'Hồ sơ', site.backOfficeTitle);

  if (query.isPending) return <PageLoading label="Đang tải hồ sơ..." />;
  if (query.isError) {
    const notFound = query.error instanceof ApiError && (query.error.status === 404 || query.error.code === 'VALIDATION_FAILED');
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? 'Không tìm thấy hồ sơ' : 'Không tải được hồ sơ'}
        subTitle={errorMessageOf(query.error)}
        extra={<Link to={`${BACK_OFFICE_BASE}/ho-so`}>Về hàng đợi hồ sơ</Link>}
      />
    );
  }
  const d = query.data;
  const dueColor = deadlineColor(d);
  const forms = printableForms(d);

  return (
    <>
      <Link to={`${BACK_OFFICE_BASE}/ho-so`}>
        <ArrowLeftOutlined /> Hàng đợi hồ sơ
      </Link>
      <Space align="center" wrap style={{ display: 'flex', marginTop: 8 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          Hồ sơ {d.code}
        </Typography.Title>
        <Tag color="blue">{d.statusLabel}</Tag>
        {d.deadlineAlert === 'overdue' && <Tag color="red">Quá hạn</Tag>}
        {d.deadlineAlert === 'due_soon' && <Tag color="orange">Sắp đến hạn</Tag>}
      </Space>
      <Typography.Paragraph style={{ fontSize: 16, marginTop: 4 }}>
        {d.procedure.name} <Typography.Text type="secondary">({d.procedure.code})</Typography.Text>
      </Typography.Paragraph>

      <Card size="small" style={{ marginBottom: 16 }} title="Thao tác">
        {d.allowedActions.length === 0 ? (
          <Typography.Text type="secondary">Bạn không có thao tác nào với hồ sơ ở trạng thái này.</Typography.Text>
        ) : (
          <Space wrap>
            {d.allowedActions.map((a) => (
              <Button key={a} type={PRIMARY.has(a) ? 'primary' : 'default'} danger={DANGER.has(a)} onClick={() => setAction(a)}>
                {DOSSIER_ACTION_LABELS[a]}
              </Button>
            ))}
          </Space>
        )}
        {d.status === DossierStatus.RETURNED && can(Permission.DOSSIER_RETURN) && (
          <div style={{ marginTop: 12 }}>
            {/* The applicant rates the service on the desk's tablet; recorded as entered on their behalf. */}
            <Button icon={<LikeOutlined />} href={`/danh-gia-tai-quay?ho-so=${d.id}`}>
              Đánh giá tại quầy
            </Button>
          </div>
        )}
        {forms.length > 0 && (
          <div style={{ marginTop: 12 }}>
            <Typography.Text type="secondary" style={{ marginRight: 8 }}>
              In biểu mẫu:
            </Typography.Text>
            <Space wrap>
              {forms.map((f) => (
                <Button key={f.formNo} size="small" icon={<PrinterOutlined />} href={`/api/dossiers/${d.id}/forms/${f.formNo}.pdf`} target="_blank">
                  Mẫu {f.formNo}: {f.title}
                </Button>
              ))}
            </Space>
          </div>
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title="Thông tin hồ sơ">
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label="Người nộp">{d.applicant.organisationName ? `${d.applicant.organisationName} (${d.applicant.fullName})` : d.applicant.fullName}</Descriptions.Item>
              <Descriptions.Item label="Số định danh">{d.applicant.idNumber ?? d.applicantIdNumberMasked ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Điện thoại">{d.applicant.phone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Thư điện tử">{d.applicant.email ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Địa chỉ" span={2}>{d.applicant.address ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Hình thức nộp">{dossierChannelLabels[d.channel]}</Descriptions.Item>
              <Descriptions.Item label="Nhận kết quả">{deliveryMethodLabels[d.deliveryMethod]}</Descriptions.Item>
              <Descriptions.Item label="Ngày nộp">{formatDateTime(d.submittedAt)}</Descriptions.Item>
              <Descriptions.Item label="Ngày tiếp nhận">{formatDateTime(d.receivedAt) || '—'}</Descriptions.Item>
              <Descriptions.Item label="Hạn trả kết quả">
                <span style={{ color: dueColor, fontWeight: dueColor ? 600 : undefined }}>{formatDateTime(d.dueAt) || '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label="Hạn ban đầu">
                {formatDateTime(d.originalDueAt) || '—'}
                {d.extendedAt && ` (đã hẹn lại ngày ${formatDate(d.extendedAt)})`}
              </Descriptions.Item>
              {d.status === 'pending_acceptance' && (
                <>
                  <Descriptions.Item label="Báo Bộ phận Một cửa trước">{formatDateTime(d.acceptAlertAt)}</Descriptions.Item>
                  <Descriptions.Item label="Tiếp nhận hoặc trả lại trước">{formatDateTime(d.acceptDueAt)}</Descriptions.Item>
                </>
              )}
              {d.supplementDeadline && <Descriptions.Item label="Hạn bổ sung">{formatDate(d.supplementDeadline)}</Descriptions.Item>}
              <Descriptions.Item label="Cơ quan giải quyết">{d.competentAgency.name}</Descriptions.Item>
              <Descriptions.Item label="Đang ở">{[d.currentDepartment?.name, d.currentAgency.name].filter(Boolean).join(', ')}</Descriptions.Item>
              <Descriptions.Item label="Người xử lý">{d.assignee?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Phí, lệ phí">{d.feeTotal > 0 ? formatMoney(d.feeTotal) : 'Không thu'}</Descriptions.Item>
              {d.documentNumber && <Descriptions.Item label="Số văn bản kết quả">{d.documentNumber}</Descriptions.Item>}
              {d.summary && <Descriptions.Item label="Trích yếu" span={2}>{d.summary}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card size="small" title="Các bước xử lý và thời hạn" style={{ marginTop: 16 }}>
            <StepsTable dossier={d} />
          </Card>
          <Card size="small" title="Giấy tờ" style={{ marginTop: 16 }}>
            <DocumentsTable dossier={d} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="Tiến trình xử lý">
            {d.timeline.length === 0 ? (
              <Empty description="Chưa có thao tác" />
            ) : (
              <Timeline
                items={[...d.timeline].reverse().map((t) => ({
                  key: t.seq,
                  color: t.toStatus === 'refused' ? 'red' : t.action === 'mark_overdue' ? 'red' : 'blue',
                  content: (
                    <div>
                      <Typography.Text strong>{t.actionLabel}</Typography.Text>
                      <div style={{ fontSize: 13, color: '#52606d' }}>
                        {formatDateTime(t.at)} · {t.actor.name ?? (t.actor.kind === 'system' ? 'Hệ thống' : '—')} · {DOSSIER_STATUS_LABELS[t.toStatus]}
                      </div>
                      {t.comment && <div style={{ fontSize: 13 }}>{t.comment}</div>}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
          {d.suspensions.length > 0 && (
            <Alert
              style={{ marginTop: 16 }}
              type="info"
              showIcon
              title="Thời gian tạm dừng"
              description={d.suspensions.map((s) => `${formatDateTime(s.from)} – ${s.to ? formatDateTime(s.to) : 'nay'}`).join('; ')}
            />
          )}
        </Col>
      </Row>
      <ActionModal dossier={d} action={action} onClose={() => setAction(null)} />
    </>
  );
}
