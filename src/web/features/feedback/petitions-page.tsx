/**
 * Phản ánh, kiến nghị (NĐ 20/2008): file one (signed in, or anonymous with contact details), follow one's own or
 * one tracked by code and tracking token, read the answers published on the portal, and rate an answer.
 */
import { Alert, Button, Card, Checkbox, Descriptions, Empty, Form, Input, Pagination, Popconfirm, Radio, Skeleton, Space, Tabs, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { PetitionCreated, PetitionDetail, PetitionListResponse, PetitionSubmitInput, PublishedPetitionList } from '../../../shared/schemas/petitions';
import { ratingLevelLabels } from '../../../shared/schemas/ratings';
import { formatDate, formatDateTime } from '../../../shared/text';
import { api, errorMessageOf, useSession } from '../../api/client';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/page-title';
import { useFormError, withoutBlanks } from '../../lib/forms';
import { QueryError } from '../procedure/procedure-page';
import { AgencySelect } from './agency-select';
import { useFeedbackSettings } from './feedback-settings';
import '../procedure/citizen.css';

interface PetitionForm {
  agencyId: string;
  title: string;
  content: string;
  publishConsent?: boolean;
  fullName?: string;
  phone?: string;
  email?: string;
  address?: string;
}

/** Where to send a rating or read a petition: the account's own routes, or the public ones with the tracking token. */
type Access = { kind: 'own'; id: string } | { kind: 'token'; code: string; token: string };

/** Sends a petitioner's action to the account's route or, with the tracking token, to the public one. */
function petitionerAction<T>(access: Access, path: 'rate' | 'consent' | 'withdraw', body: Record<string, unknown>) {
  return access.kind === 'own'
    ? api.post<T>(`/api/petitions/${access.id}/${path}`, body)
    : api.post<T>(`/api/public/petitions/track/${path}`, { ...body, code: access.code, token: access.token });
}

/** Levels of the scale the answer was rated on, or of the province's current scale for a first rating. */
function useRatingLevels(petition: PetitionDetail): { level: number; label: string }[] | undefined {
  const settings = useFeedbackSettings();
  const scale = petition.answerRating?.scale;
  if (scale) return ratingLevelLabels[scale].map((label, i) => ({ level: i + 1, label }));
  return settings.data?.levels;
}

function AnswerRating({ petition, access, onRated }: { petition: PetitionDetail; access: Access; onRated: (p: PetitionDetail) => void }) {
  const rated = petition.answerRating;
  const [editing, setEditing] = useState(false);
  const [level, setLevel] = useState<number | undefined>(rated?.level);
  const [comment, setComment] = useState(rated?.comment ?? '');
  const [actionId, setActionId] = useState(() => crypto.randomUUID());
  const levels = useRatingLevels(petition);
  const rate = useMutation({
    mutationFn: () => petitionerAction<PetitionDetail>(access, 'rate', { level: level!, actionId, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
    onSuccess: (p) => {
      setEditing(false);
      setActionId(crypto.randomUUID());
      onRated(p);
    },
  });
  const canRate = petition.abilities.rate_answer;
  if (rated && !editing) {
    return (
      <div className="citizen-stack" role="status">
        <p style={{ margin: 0 }}>
          Bạn đã đánh giá câu trả lời: <strong data-testid="petition-rating">{rated.label}</strong> ({formatDateTime(rated.ratedAt)}).
          {rated.comment && <> Góp ý: {rated.comment}</>}
        </p>
        {canRate && <div><Button onClick={() => setEditing(true)}>Sửa đánh giá</Button></div>}
      </div>
    );
  }
  if (!canRate) return null;
  return (
    <div className="citizen-stack" role="group" aria-label="Đánh giá kết quả trả lời">
      <strong>Đánh giá kết quả trả lời</strong>
      {levels ? (
        <Radio.Group value={level} onChange={(e) => setLevel(e.target.value as number)} options={levels.map((l) => ({ value: l.level, label: l.label }))} />
      ) : (
        <Skeleton.Input active />
      )}
      <Input.TextArea aria-label="Góp ý về câu trả lời" placeholder="Góp ý (không bắt buộc)" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} />
      {rate.isError && <Alert type="error" showIcon role="alert" title={errorMessageOf(rate.error)} />}
      <Space>
        <Button type="primary" disabled={!level} loading={rate.isPending} onClick={() => rate.mutate()}>{rated ? 'Cập nhật đánh giá' : 'Gửi đánh giá'}</Button>
        {rated && <Button onClick={() => setEditing(false)}>Hủy</Button>}
      </Space>
    </div>
  );
}

/** The petitioner agrees to (or withdraws from) publishing the answer on the portal, personal data removed. */
function PublishConsent({ petition, access, onChange }: { petition: PetitionDetail; access: Access; onChange: (p: PetitionDetail) => void }) {
  const consent = useMutation({
    mutationFn: (publishConsent: boolean) => petitionerAction<PetitionDetail>(access, 'consent', { publishConsent, actionId: crypto.randomUUID() }),
    onSuccess: onChange,
  });
  if (!petition.abilities.set_publish_consent) return null;
  return (
    <div>
      <Checkbox checked={petition.publishConsent} disabled={consent.isPending} onChange={(e) => consent.mutate(e.target.checked)}>
        Đồng ý công khai kết quả trả lời trên Cổng (họ tên, địa chỉ, số điện thoại, thư điện tử được lược bỏ)
      </Checkbox>
      {consent.isError && <Alert type="error" showIcon role="alert" title={errorMessageOf(consent.error)} style={{ marginTop: 8 }} />}
    </div>
  );
}

/** The petitioner takes the petition back while it is still being handled. */
function Withdraw({ petition, access, onChange }: { petition: PetitionDetail; access: Access; onChange: (p: PetitionDetail) => void }) {
  const withdraw = useMutation({
    mutationFn: () => petitionerAction<PetitionDetail>(access, 'withdraw', { actionId: crypto.randomUUID() }),
    onSuccess: onChange,
  });
  if (!petition.abilities.withdraw) return null;
  return (
    <div>
      <Popconfirm title="Rút phản ánh, kiến nghị này?" description="Cơ quan sẽ dừng xử lý phản ánh." okText="Rút phản ánh" cancelText="Không" onConfirm={() => withdraw.mutate()}>
        <Button danger loading={withdraw.isPending}>Rút phản ánh, kiến nghị</Button>
      </Popconfirm>
      {withdraw.isError && <Alert type="error" showIcon role="alert" title={errorMessageOf(withdraw.error)} style={{ marginTop: 8 }} />}
    </div>
  );
}

function attachmentUrl(access: Access, fileId: string): string {
  return access.kind === 'own'
    ? `/api/petitions/${access.id}/attachments/${fileId}`
    : `/api/public/petitions/track/attachments/${fileId}?${new URLSearchParams({ code: access.code, token: access.token }).toString()}`;
}

function PetitionView({ petition, access, onChange }: { petition: PetitionDetail; access: Access; onChange: (p: PetitionDetail) => void }) {
  const answerFiles = petition.attachments.filter((a) => a.kind === 'answer');
  return (
    <div className="citizen-stack">
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'code', label: 'Mã phản ánh', children: <strong>{petition.code}</strong> },
          { key: 'status', label: 'Trạng thái', children: <Tag>{petition.statusLabel}</Tag> },
          { key: 'agency', label: 'Cơ quan xử lý', children: petition.agency.name },
          { key: 'received', label: 'Ngày tiếp nhận', children: formatDateTime(petition.receivedAt) },
          { key: 'due', label: 'Hạn trả lời', children: formatDate(petition.answerDueOn) },
          { key: 'content', label: 'Nội dung', children: <span className="pre-line">{petition.content}</span> },
        ]}
      />
      {petition.answer ? (
        <Card size="small" title={`Trả lời ngày ${formatDate(petition.answer.answeredAt)}`}>
          <p className="pre-line" data-testid="petition-answer">{petition.answer.text}</p>
          {answerFiles.length > 0 && (
            <ul aria-label="Văn bản trả lời">
              {answerFiles.map((a) => (
                <li key={a.fileId}><a href={attachmentUrl(access, a.fileId)} target="_blank" rel="noreferrer">{a.fileName}</a></li>
              ))}
            </ul>
          )}
          {petition.publication && <p className="muted">Kết quả trả lời đã được công khai trên Cổng ngày {formatDate(petition.publication.publishedAt)}, không kèm thông tin cá nhân của bạn.</p>}
        </Card>
      ) : petition.rejectionReason ? (
        <Alert type="warning" showIcon title="Phản ánh, kiến nghị không được xử lý" description={petition.rejectionReason} />
      ) : petition.status === 'withdrawn' ? (
        <Alert type="info" showIcon title="Phản ánh, kiến nghị đã được rút." />
      ) : petition.status === 'forwarded' ? (
        <Alert type="info" showIcon title={`Đã chuyển đến cơ quan có thẩm quyền: ${petition.forwarding.toExternal ?? ''}`} />
      ) : (
        <p className="muted">Cơ quan đang xử lý, chưa có câu trả lời.</p>
      )}
      <PublishConsent petition={petition} access={access} onChange={onChange} />
      <Withdraw petition={petition} access={access} onChange={onChange} />
      <AnswerRating key={petition.answerRating?.ratedAt ?? 'new'} petition={petition} access={access} onRated={onChange} />
    </div>
  );
}

function SubmitPetition() {
  const { user } = useSession();
  const [form] = Form.useForm<PetitionForm>();
  const { error, clear, fail } = useFormError(form);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [created, setCreated] = useState<PetitionCreated>();
  const queryClient = useQueryClient();
  const submit = useMutation({
    mutationFn: (input: PetitionSubmitInput) => api.post<PetitionCreated>('/api/petitions', input, { idempotencyKey: key }),
    onSuccess: (result) => {
      setCreated(result);
      setKey(crypto.randomUUID());
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['petitions', 'mine'] });
    },
    onError: fail,
  });
  if (created) {
    return (
      <Card>
        <Alert
          type="success"
          showIcon
          role="status"
          title="Đã gửi phản ánh, kiến nghị"
          description={
            <>
              <p>Mã phản ánh: <strong data-testid="petition-code">{created.petition.code}</strong></p>
              <p>Mã tra cứu: <strong data-testid="petition-token">{created.trackingToken}</strong></p>
              <p>Hạn trả lời: {formatDate(created.petition.answerDueOn)}. Hãy ghi lại mã để theo dõi kết quả trả lời.</p>
            </>
          }
        />
        <Button style={{ marginTop: 12 }} onClick={() => setCreated(undefined)}>Gửi phản ánh khác</Button>
      </Card>
    );
  }
  return (
    <Card>
      <Form
        form={form}
        layout="vertical"
        disabled={submit.isPending}
        onFinish={(v) => {
          clear();
          const petitioner = user ? undefined : { fullName: v.fullName ?? '', address: v.address ?? '', ...withoutBlanks({ phone: v.phone, email: v.email }) };
          submit.mutate({ agencyId: v.agencyId, title: v.title, content: v.content, publishConsent: !!v.publishConsent, fileIds: [], ...(petitioner ? { petitioner } : {}) });
        }}
      >
        <FormError message={error} />
        {user ? (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`Gửi với tài khoản ${user.fullName}; kết quả trả lời được thông báo qua tài khoản.`} />
        ) : (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={<>Bạn chưa đăng nhập: hãy để lại thông tin liên hệ để nhận kết quả trả lời, hoặc <Link to="/dang-nhap?next=%2Fphan-anh-kien-nghi">đăng nhập</Link>.</>} />
            <Form.Item name="fullName" label="Họ và tên" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập họ và tên' }]}>
              <Input autoComplete="name" />
            </Form.Item>
            <Form.Item name="address" label="Địa chỉ" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập địa chỉ liên hệ' }]}>
              <Input autoComplete="street-address" />
            </Form.Item>
            <Form.Item name="phone" label="Số điện thoại">
              <Input type="tel" inputMode="tel" autoComplete="tel" />
            </Form.Item>
            <Form.Item name="email" label="Thư điện tử">
              <Input type="email" autoComplete="email" />
            </Form.Item>
          </>
        )}
        <Form.Item name="agencyId" label="Cơ quan tiếp nhận" rules={[{ required: true, message: 'Vui lòng chọn cơ quan tiếp nhận phản ánh' }]}>
          <AgencySelect />
        </Form.Item>
        <Form.Item name="title" label="Tiêu đề" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tiêu đề' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="content" label="Nội dung phản ánh, kiến nghị" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập nội dung' }]}>
          <Input.TextArea rows={5} maxLength={10000} />
        </Form.Item>
        <Form.Item name="publishConsent" valuePropName="checked">
          <Checkbox>Đồng ý công khai kết quả trả lời trên Cổng (thông tin cá nhân được lược bỏ)</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.isPending}>Gửi phản ánh, kiến nghị</Button>
      </Form>
    </Card>
  );
}

function MyPetitions() {
  const [open, setOpen] = useState<string>();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['petitions', 'mine'], queryFn: ({ signal }) => api.get<z.infer<typeof PetitionListResponse>>('/api/petitions/mine', { pageSize: 50 }, signal) });
  const detail = useQuery({
    queryKey: ['petitions', 'detail', open],
    enabled: !!open,
    queryFn: ({ signal }) => api.get<PetitionDetail>(`/api/petitions/${open}`, undefined, signal),
  });
  if (list.isPending) return <Skeleton active />;
  if (list.isError) return <QueryError title="Không tải được phản ánh của bạn" error={list.error} retry={() => list.refetch()} />;
  if (list.data.items.length === 0) return <Empty description="Bạn chưa gửi phản ánh, kiến nghị nào." />;
  return (
    <ul className="dossier-cards" aria-label="Phản ánh, kiến nghị của tôi">
      {list.data.items.map((p) => (
        <li key={p.id}>
          <div className="row">
            <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} aria-expanded={open === p.id} onClick={() => setOpen(open === p.id ? undefined : p.id)}>
              <strong>{p.code}</strong>&nbsp;{p.title}
            </Button>
            <Tag>{p.statusLabel}</Tag>
          </div>
          <span className="muted">{`${p.agency.name} · Gửi ${formatDate(p.receivedAt)} · Hạn trả lời ${formatDate(p.answerDueOn)}`}</span>
          {open === p.id &&
            (detail.isPending ? <Skeleton active /> : detail.isError ? <QueryError title="Không tải được phản ánh" error={detail.error} /> : (
              <PetitionView petition={detail.data} access={{ kind: 'own', id: p.id }} onChange={(d) => { queryClient.setQueryData(['petitions', 'detail', p.id], d); void list.refetch(); }} />
            ))}
        </li>
      ))}
    </ul>
  );
}

function TrackPetition() {
  const [access, setAccess] = useState<Extract<Access, { kind: 'token' }>>();
  const track = useMutation({ mutationFn: (v: { code: string; token: string }) => api.post<PetitionDetail>('/api/public/petitions/track', v) });
  // The petition as the last rating returned it, until the next lookup.
  const [updated, setUpdated] = useState<PetitionDetail>();
  const shown = updated ?? track.data;
  return (
    <div className="citizen-stack">
      <Card>
        <Form<{ code: string; token: string }>
          layout="vertical"
          onFinish={(v) => {
            const a = { kind: 'token' as const, code: v.code.trim(), token: v.token.trim() };
            setAccess(a);
            setUpdated(undefined);
            track.mutate({ code: a.code, token: a.token });
          }}
        >
          <Form.Item name="code" label="Mã phản ánh (PAKN-...)" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập mã phản ánh' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="token" label="Mã tra cứu" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập mã tra cứu' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={track.isPending}>Tra cứu</Button>
        </Form>
      </Card>
      {track.isError && <QueryError title="Không tra cứu được phản ánh" error={track.error} />}
      {shown && access && <Card><PetitionView petition={shown} access={access} onChange={setUpdated} /></Card>}
    </div>
  );
}

function PublishedAnswers() {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['petitions', 'public', q, page],
    queryFn: ({ signal }) => api.get<z.infer<typeof PublishedPetitionList>>('/api/public/petitions', { q, page, pageSize: 10 }, signal),
    placeholderData: (prev) => prev,
  });
  return (
    <div className="citizen-stack">
      <Input.Search aria-label="Tìm kết quả trả lời" placeholder="Tìm theo nội dung (gõ có dấu hoặc không dấu)" allowClear enterButton="Tìm" onSearch={(v) => { setQ(v.trim()); setPage(1); }} />
      {query.isPending ? <Skeleton active /> : query.isError ? <QueryError title="Không tải được kết quả trả lời" error={query.error} retry={() => query.refetch()} /> : query.data.items.length === 0 ? (
        <Empty description={q ? `Không có kết quả phù hợp với “${q}”` : 'Chưa có kết quả trả lời nào được công khai.'} />
      ) : (
        <>
          {query.data.items.map((p) => (
            <Card key={p.id} size="small" title={p.title}>
              <p className="muted">{`${p.agency.name}${p.categoryLabel ? ` · ${p.categoryLabel}` : ''} · Công khai ${formatDate(p.publishedAt)}`}</p>
              <p className="pre-line"><strong>Nội dung: </strong>{p.question}</p>
              <p className="pre-line"><strong>Trả lời: </strong>{p.answer}</p>
            </Card>
          ))}
          {query.data.total > 10 && <Pagination current={page} pageSize={10} total={query.data.total} showSizeChanger={false} onChange={setPage} />}
        </>
      )}
    </div>
  );
}

export function PetitionsPage() {
  usePageTitle('Phản ánh, kiến nghị');
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const tab = params.get('muc') ?? 'gui';
  const items = [
    { key: 'gui', label: 'Gửi phản ánh', children: <SubmitPetition /> },
    ...(user ? [{ key: 'cua-toi', label: 'Phản ánh của tôi', children: <MyPetitions /> }] : []),
    { key: 'tra-cuu', label: 'Tra cứu bằng mã', children: <TrackPetition /> },
    { key: 'cong-khai', label: 'Kết quả trả lời', children: <PublishedAnswers /> },
  ];
  return (
    <div className="page-container citizen-page">
      <h1 className="page-heading" style={{ fontSize: 26 }}>Phản ánh, kiến nghị</h1>
      <p className="muted">Phản ánh, kiến nghị về quy định hành chính và việc giải quyết thủ tục hành chính (Nghị định 20/2008/NĐ-CP).</p>
      <Tabs activeKey={items.some((i) => i.key === tab) ? tab : 'gui'} onChange={(k) => setParams({ muc: k }, { replace: true })} items={items} />
    </div>
  );
}
