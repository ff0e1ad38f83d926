/**
 * A petition for staff: status and deadlines, the actions the API allows as buttons, the petitioner (ID number
 * masked), the content and attachments, the answer, its publication and rating, and the action log.
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Result, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import type { PetitionDetail } from '../../../shared/schemas/petitions';
import { formatDate, formatDateTime } from '../../../shared/text';
import { ApiError, errorMessageOf } from '../../api/client';
import { PageLoading } from '../../components/page-loading';
import { usePageTitle } from '../../components/page-title';
import { site } from '../../site';
import { formatSize } from '../submission/uploads';
import { PetitionActionModal, STAFF_ACTIONS, type StaffPetitionAction } from './petition-action-modal';
import { PETITIONS_BASE, PetitionDue } from './petition-list';
import { deadlineStateLabels, deadlineTagColors, TAG_COLORS, usePetition } from './petitions-api';
import { petitionActionLabels } from '../../../shared/workflow/petition-workflow';

const PRIMARY = new Set<StaffPetitionAction>(['classify', 'answer', 'publish']);
const DANGER = new Set<StaffPetitionAction>(['reject', 'unpublish']);

function Attachments({ petition }: { petition: PetitionDetail }) {
  if (petition.attachments.length === 0) return <Typography.Text type="secondary">Không có tệp đính kèm</Typography.Text>;
  return (
    <Table
      rowKey="fileId"
      size="small"
      pagination={false}
      dataSource={petition.attachments}
      columns={[
        {
          title: 'Tệp',
          dataIndex: 'fileName',
          render: (name: string, a) => (
            <a href={`/api/petitions/${petition.id}/attachments/${a.fileId}`} target="_blank" rel="noreferrer">
              {name}
            </a>
          ),
        },
        { title: 'Loại', dataIndex: 'kind', render: (k: string) => (k === 'answer' ? 'Kèm trả lời' : 'Kèm phản ánh') },
        { title: 'Dung lượng', dataIndex: 'size', align: 'right', render: (n: number) => formatSize(n) },
        { title: 'Ngày thêm', dataIndex: 'addedAt', render: (v: string) => formatDateTime(v) },
      ]}
    />
  );
}

export function PetitionPage() {
  const { id } = useParams();
  const query = usePetition(id);
  const [action, setAction] = useState<StaffPetitionAction | null>(null);
  usePageTitle(query.data ? `Phản ánh ${query.data.code}` : 'Phản ánh, kiến nghị', site.backOfficeTitle);

  if (query.isPending) return <PageLoading label="Đang tải phản ánh, kiến nghị..." />;
  if (query.isError) {
    const notFound = query.error instanceof ApiError && (query.error.status === 404 || query.error.code === 'VALIDATION_FAILED');
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? 'Không tìm thấy phản ánh, kiến nghị' : 'Không tải được phản ánh, kiến nghị'}
        subTitle={errorMessageOf(query.error)}
        extra={<Link to={PETITIONS_BASE}>Về danh sách phản ánh, kiến nghị</Link>}
      />
    );
  }
  const p = query.data;
  const allowed = STAFF_ACTIONS.filter((a) => p.abilities[a]);
  const person = p.petitioner;

  return (
    <>
      <Link to={PETITIONS_BASE}>
        <ArrowLeftOutlined /> Danh sách phản ánh, kiến nghị
      </Link>
      <Space align="center" wrap style={{ display: 'flex', marginTop: 8 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          Phản ánh {p.code}
        </Typography.Title>
        <Tag color="blue">{p.statusLabel}</Tag>
        <Tag color={deadlineTagColors[p.deadlineState]}>{deadlineStateLabels[p.deadlineState]}</Tag>
      </Space>
      <Typography.Paragraph style={{ fontSize: 16, marginTop: 4 }}>{p.title}</Typography.Paragraph>

      <Card size="small" style={{ marginBottom: 16 }} title="Thao tác">
        {allowed.length === 0 ? (
          <Typography.Text type="secondary">Bạn không có thao tác nào với phản ánh, kiến nghị ở trạng thái này.</Typography.Text>
        ) : (
          <Space wrap>
            {allowed.map((a) => (
              <Button key={a} type={PRIMARY.has(a) ? 'primary' : 'default'} danger={DANGER.has(a)} onClick={() => setAction(a)}>
                {petitionActionLabels[a]}
              </Button>
            ))}
          </Space>
        )}
        {(p.status === 'answered' || p.status === 'published') && !p.publishConsent && (
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            Người phản ánh chưa đồng ý công khai kết quả trả lời, nên chưa thể công khai trên Cổng.
          </Typography.Paragraph>
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title="Thông tin phản ánh, kiến nghị">
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label="Người phản ánh">{person.organisationName ? `${person.organisationName} (${person.fullName})` : person.fullName}</Descriptions.Item>
              <Descriptions.Item label="Số định danh">{person.idNumberMasked ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Điện thoại">{person.phone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Thư điện tử">{person.email ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Địa chỉ" span={2}>{person.address ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Kênh tiếp nhận">{p.channelLabel}{p.enteredBy ? ` (vào sổ: ${p.enteredBy.name})` : ''}</Descriptions.Item>
              <Descriptions.Item label="Đồng ý công khai">{p.publishConsent ? 'Có' : 'Không'}</Descriptions.Item>
              <Descriptions.Item label="Ngày tiếp nhận">{formatDateTime(p.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label="Ngày vào sổ">{formatDateTime(p.registeredAt)}</Descriptions.Item>
              <Descriptions.Item label="Hạn trả lời"><PetitionDue item={p} /></Descriptions.Item>
              <Descriptions.Item label="Hạn chuyển">
                {formatDate(p.forwarding.dueOn)}
                {p.forwarding.forwardedAt && ` (đã chuyển ${formatDate(p.forwarding.forwardedAt)}${p.forwarding.late ? ', trễ hạn' : ''})`}
              </Descriptions.Item>
              <Descriptions.Item label="Cơ quan tiếp nhận">{p.receivedBy.name}</Descriptions.Item>
              <Descriptions.Item label="Cơ quan đang xử lý">{p.agency.name}</Descriptions.Item>
              {p.forwarding.fromAgency && <Descriptions.Item label="Chuyển đến từ">{p.forwarding.fromAgency.name}</Descriptions.Item>}
              {p.forwarding.toExternal && <Descriptions.Item label="Đã chuyển đến">{p.forwarding.toExternal}</Descriptions.Item>}
              <Descriptions.Item label="Loại">{p.categoryLabel ?? 'Chưa phân loại'}</Descriptions.Item>
              <Descriptions.Item label="Cán bộ xử lý">{p.assignedTo?.name ?? '—'}</Descriptions.Item>
              {p.procedure && <Descriptions.Item label="Thủ tục liên quan" span={2}>{`${p.procedure.name} (${p.procedure.code})`}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card size="small" title="Nội dung" style={{ marginTop: 16 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>{p.content}</Typography.Paragraph>
          </Card>
          {p.answer && (
            <Card size="small" title={`Trả lời ngày ${formatDate(p.answer.answeredAt)}${p.answer.answeredBy ? ` · ${p.answer.answeredBy.name}` : ''}`} style={{ marginTop: 16 }}>
              {p.answer.late && <Tag color={TAG_COLORS.warning}>Trả lời sau hạn</Tag>}
              <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>{p.answer.text}</Typography.Paragraph>
            </Card>
          )}
          {p.rejectionReason && <Alert style={{ marginTop: 16 }} type="warning" showIcon title="Không đủ điều kiện xử lý" description={p.rejectionReason} />}
          {p.publication && (
            <Card size="small" title={`Nội dung đã công khai trên Cổng${p.publication.publishedAt ? ` ngày ${formatDate(p.publication.publishedAt)}` : ''}`} style={{ marginTop: 16 }}>
              <Typography.Paragraph strong>{p.publication.title}</Typography.Paragraph>
              <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{p.publication.question}</Typography.Paragraph>
              <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>
                <strong>Trả lời: </strong>
                {p.publication.answer}
              </Typography.Paragraph>
            </Card>
          )}
          {p.answerRating && (
            <Card size="small" title="Đánh giá của người phản ánh" style={{ marginTop: 16 }}>
              <Space wrap>
                <Tag color={p.answerRating.satisfied ? TAG_COLORS.success : TAG_COLORS.danger}>{p.answerRating.label}</Tag>
                <Typography.Text type="secondary">{formatDateTime(p.answerRating.ratedAt)}</Typography.Text>
              </Space>
              {p.answerRating.comment && <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{p.answerRating.comment}</Typography.Paragraph>}
            </Card>
          )}
          <Card size="small" title="Tệp đính kèm" style={{ marginTop: 16 }}>
            <Attachments petition={p} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="Tiến trình xử lý">
            {p.history.length === 0 ? (
              <Empty description="Chưa có thao tác" />
            ) : (
              <Timeline
                items={[...p.history].reverse().map((h, i) => ({
                  key: `${h.at}-${i}`,
                  color: h.toStatus === 'rejected' || h.action.includes('overdue') ? 'red' : 'blue',
                  content: (
                    <div>
                      <Typography.Text strong>{h.actionLabel}</Typography.Text>
                      <div style={{ fontSize: 13, color: '#52606d' }}>
                        {formatDateTime(h.at)} · {h.actorLabel ?? 'Hệ thống'} · {h.agencyName}
                      </div>
                      {h.note && <div style={{ fontSize: 13, whiteSpace: 'pre-line' }}>{h.note}</div>}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      <PetitionActionModal petition={p} action={action} onClose={() => setAction(null)} />
    </>
  );
}
