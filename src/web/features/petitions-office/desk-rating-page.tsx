/**
 * Đánh giá tại quầy: a tablet-sized page at the one-stop desk. The officer finds the returned dossier by its code;
 * the applicant then taps their rating on large buttons. The server records it as entered by the officer on the
 * applicant's behalf (channel and officer kept), and refuses it once the applicant has rated for themselves.
 */
import { useState } from 'react';
import { Alert, Button, Card, Collapse, Input, List, Radio, Result, Select, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { DossierList, DossierListItem } from '../../../shared/schemas/dossiers';
import { ratingChannelLabels, type DeskRatingInput, type DossierRatingStatus } from '../../../shared/schemas/ratings';
import { formatDate, formatDateTime } from '../../../shared/text';
import { api, errorMessageOf, useSession } from '../../api/client';
import { usePageTitle } from '../../components/page-title';
import { site } from '../../site';
import type { z } from 'zod';

const STAFF_CHANNELS = ['desk_tablet', 'kiosk', 'paper_form'] as const;

function FindDossier({ onPick }: { onPick: (id: string) => void }) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['dossiers', 'desk-rating', q],
    queryFn: ({ signal }) => api.get<z.infer<typeof DossierList>>('/api/dossiers', { queue: 'all', status: 'returned', q, pageSize: 10 }, signal),
    enabled: q.length > 0,
  });
  return (
    <Card title="Chọn hồ sơ đã trả kết quả">
      <Input.Search
        aria-label="Mã hồ sơ hoặc tên người nộp"
        placeholder="Nhập mã hồ sơ hoặc tên người nộp (có dấu hoặc không dấu)"
        enterButton="Tìm"
        size="large"
        allowClear
        onSearch={(v) => setQ(v.trim())}
      />
      {found.isError && <Alert type="error" showIcon role="alert" title={errorMessageOf(found.error)} style={{ marginTop: 12 }} />}
      {found.data && (
        <List<DossierListItem>
          style={{ marginTop: 12 }}
          dataSource={found.data.items}
          locale={{ emptyText: <Typography.Text type="secondary">Không có hồ sơ đã trả kết quả nào khớp với «{q}»</Typography.Text> }}
          renderItem={(d) => (
            <List.Item actions={[<Button key="pick" type="primary" size="large" onClick={() => onPick(d.id)}>Đánh giá hồ sơ này</Button>]}>
              <List.Item.Meta title={`${d.code} · ${d.applicantName}`} description={d.procedureName} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function RateOnTablet({ dossierId, onDone }: { dossierId: string; onDone: () => void }) {
  const { user } = useSession();
  const status = useQuery({
    queryKey: ['ratings', dossierId],
    queryFn: ({ signal }) => api.get<DossierRatingStatus>(`/api/ratings/dossiers/${dossierId}`, undefined, signal),
  });
  const [overall, setOverall] = useState<number>();
  const [criteria, setCriteria] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [channel, setChannel] = useState<(typeof STAFF_CHANNELS)[number]>('desk_tablet');
  const save = useMutation({
    mutationFn: (input: DeskRatingInput) => api.put<DossierRatingStatus>(`/api/ratings/dossiers/${dossierId}/desk`, input),
  });
  if (status.isPending) return <Card loading />;
  if (status.isError) return <Alert type="error" showIcon role="alert" title={errorMessageOf(status.error)} action={<Button onClick={onDone}>Chọn hồ sơ khác</Button>} />;
  const s = status.data;
  if (save.isSuccess) {
    return (
      <Result
        status="success"
        title="Cảm ơn ông/bà đã đánh giá"
        subTitle={`Hồ sơ ${s.dossier.code}: ${save.data.rating?.overallLabel ?? ''}. Đánh giá được ghi nhận do cán bộ ${user?.fullName ?? ''} nhập (${ratingChannelLabels[channel]}).`}
        extra={<Button type="primary" size="large" onClick={onDone}>Đánh giá hồ sơ khác</Button>}
      />
    );
  }
  const heading = (
    <Typography.Paragraph style={{ fontSize: 16 }}>
      Hồ sơ <strong>{s.dossier.code}</strong>
      {s.dossier.procedureName ? ` · ${s.dossier.procedureName}` : ''} · {s.dossier.agencyName}
      {s.dossier.returnedAt ? ` · trả kết quả ngày ${formatDate(s.dossier.returnedAt)}` : ''}
    </Typography.Paragraph>
  );
  if (!s.abilities.rate_on_behalf) {
    return (
      <Card>
        {heading}
        {s.rating && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`Hồ sơ đã được đánh giá: ${s.rating.overallLabel} (${formatDateTime(s.rating.updatedAt)}${s.rating.enteredOnBehalf ? ', do cán bộ nhập' : ', do người nộp tự đánh giá'}).`}
          />
        )}
        {s.blockedBy && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={s.blockedBy.message} />}
        {!s.rating && !s.blockedBy && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="Không thể nhập đánh giá cho hồ sơ này." />}
        <Button size="large" onClick={onDone}>Chọn hồ sơ khác</Button>
      </Card>
    );
  }
  const levels = s.levels.map((l) => ({ value: l.level, label: l.label }));
  return (
    <Card>
      {heading}
      <Typography.Title level={2} style={{ fontSize: 24, textAlign: 'center' }}>
        Ông/bà có hài lòng với việc giải quyết hồ sơ không?
      </Typography.Title>
      <Radio.Group
        aria-label="Mức độ hài lòng chung"
        className="desk-rating-levels"
        value={overall}
        onChange={(e) => setOverall(e.target.value as number)}
        optionType="button"
        buttonStyle="solid"
        size="large"
        style={{ display: 'flex', justifyContent: 'center', flexWrap: 'wrap', gap: 12, margin: '16px 0 24px' }}
        options={levels.map((l) => ({ ...l, style: { minWidth: 180, height: 72, lineHeight: '70px', fontSize: 20, textAlign: 'center' } }))}
      />
      <Collapse
        items={[
          {
            key: 'criteria',
            label: 'Đánh giá chi tiết theo từng nội dung (không bắt buộc)',
            children: (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                {s.criteria
                  .filter((c) => c.code !== 'other')
                  .map((c) => (
                    <div key={c.code}>
                      <div id={`criterion-${c.code}`} style={{ marginBottom: 4 }}>{c.label}</div>
                      <Radio.Group
                        aria-labelledby={`criterion-${c.code}`}
                        optionType="button"
                        size="large"
                        value={criteria[c.code]}
                        onChange={(e) => setCriteria({ ...criteria, [c.code]: e.target.value as number })}
                        options={levels}
                      />
                    </div>
                  ))}
              </Space>
            ),
          },
        ]}
      />
      <Input.TextArea aria-label="Góp ý thêm" placeholder="Góp ý thêm (không bắt buộc)" rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} style={{ marginTop: 16, fontSize: 16 }} />
      <Space wrap style={{ marginTop: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <span id="desk-rating-channel">Hình thức:</span>
          <Select
            aria-labelledby="desk-rating-channel"
            value={channel}
            onChange={setChannel}
            style={{ width: 300 }}
            options={STAFF_CHANNELS.map((c) => ({ value: c, label: ratingChannelLabels[c] }))}
          />
        </Space>
        <Space>
          <Button size="large" onClick={onDone}>Hủy</Button>
          <Button
            type="primary"
            size="large"
            disabled={!overall}
            loading={save.isPending}
            onClick={() => save.mutate({ overall: overall!, criteria, channel, ...(comment.trim() ? { comment: comment.trim() } : {}) })}
          >
            Gửi đánh giá
          </Button>
        </Space>
      </Space>
      {save.isError && <Alert type="error" showIcon role="alert" title={errorMessageOf(save.error)} style={{ marginTop: 12 }} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        Đánh giá được ghi nhận là do cán bộ {user?.fullName} nhập thay người nộp hồ sơ. Người nộp có thể tự đánh giá trực tuyến; khi đó đánh giá tại quầy không còn sửa được.
      </Typography.Paragraph>
    </Card>
  );
}

/** The whole page: no menu, to be handed to the applicant on a tablet at the desk (/danh-gia-tai-quay[?ho-so=<id>]). */
export function DeskRatingPage() {
  usePageTitle('Đánh giá mức độ hài lòng tại quầy', site.backOfficeTitle);
  // `?ho-so=<id>` opens a dossier directly (a link from the dossier page); otherwise the officer searches.
  const [params] = useSearchParams();
  const [dossierId, setDossierId] = useState<string | undefined>(() => params.get('ho-so') ?? undefined);
  return (
    <main style={{ maxWidth: 960, margin: '0 auto', padding: 24 }}>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        Đánh giá mức độ hài lòng
      </Typography.Title>
      {dossierId ? <RateOnTablet key={dossierId} dossierId={dossierId} onDone={() => setDossierId(undefined)} /> : <FindDossier onPick={setDossierId} />}
    </main>
  );
}
