/**
 * One unit report: figures per reform area (system figures prefilled and marked; an override needs a reason),
 * narrative sections, the reviewer's comment, the history of actions. The unit saves drafts and submits; Sở Nội vụ
 * returns it with comments or accepts it. Saves carry the version loaded, so two people never overwrite each other.
 */
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Empty, Input, InputNumber, Modal, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { REFORM_AREAS, reformAreaLabels, type ReformArea } from '../../../shared/reform-areas';
import { formatDate, formatDateTime } from '../../../shared/text';
import { timelinessLabels, unitReportStatusLabels } from '../../../shared/workflow/unit-report-workflow';
import type { ReportFigure, UnitReportDetail } from '../../../shared/schemas/unit-reports';
import { api, ApiError, errorMessageOf } from '../../api/client';
import { PageLoading } from '../../components/page-loading';
import { usePageTitle } from '../../components/page-title';
import { site } from '../../site';
import { ErrorBanner } from '../admin/admin-common';
import { statusColors, timelinessColors, UNIT_REPORTS_BASE } from './unit-report-common';

type Indicator = UnitReportDetail['template']['content']['indicators'][number];
interface FigureDraft {
  value: number | null;
  overrideReason: string;
}

const numberText = (v: number | null, decimals = 0) => (v === null ? '—' : v.toLocaleString('vi-VN', { maximumFractionDigits: decimals }));

function SourceTag({ figure, draft, editable }: { figure: ReportFigure; draft?: FigureDraft; editable: boolean }) {
  const overridden = editable ? draft && figure.systemValue !== null && draft.value !== null && draft.value !== figure.systemValue : figure.source === 'unit' && figure.systemValue !== null;
  if (figure.source === 'system' && !overridden) return <Tag color="#0958d9">Số liệu hệ thống</Tag>;
  if (overridden || (figure.source === 'unit' && figure.overrideReason)) {
    return (
      <>
        <Tag color="#ad4e00">Đơn vị điều chỉnh</Tag>
        {figure.systemValue !== null && <div style={{ fontSize: 12 }}>Số liệu hệ thống: {numberText(figure.systemValue)}</div>}
      </>
    );
  }
  return <Tag>Đơn vị nhập</Tag>;
}

export function UnitReportPage() {
  const { id } = useParams<{ id: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = ['unit-reports', 'detail', id];
  const report = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<UnitReportDetail>(`/api/unit-reports/${id}`, undefined, signal) });
  const [figures, setFigures] = useState<Record<string, FigureDraft>>({});
  const [narrative, setNarrative] = useState<Record<string, string>>({});
  const [reviewing, setReviewing] = useState<'return' | 'accept'>();
  const [comment, setComment] = useState('');
  usePageTitle(report.data ? `Báo cáo ${report.data.agency.shortName}` : 'Báo cáo đơn vị', site.backOfficeTitle);

  // Load the server's content into the form whenever a new version arrives.
  const version = report.data?.version;
  useEffect(() => {
    if (!report.data) return;
    setFigures(Object.fromEntries(report.data.figures.map((f) => [f.code, { value: f.value, overrideReason: f.overrideReason ?? '' }])));
    setNarrative({ ...report.data.narrative });
  }, [id, version]);

  const editable = !!report.data && (report.data.abilities.save_draft || report.data.abilities.submit);
  const payload = () => ({
    version: report.data!.version,
    figures: report.data!.figures.map((f) => ({ code: f.code, value: figures[f.code]?.value ?? null, overrideReason: figures[f.code]?.overrideReason || null })),
    narrative,
  });
  const done = (text: string) => (data: UnitReportDetail) => {
    queryClient.setQueryData(key, data);
    void queryClient.invalidateQueries({ queryKey: ['unit-reports'] });
    void message.success(text);
  };
  const save = useMutation({ mutationFn: () => api.put<UnitReportDetail>(`/api/unit-reports/${id}/draft`, payload()), onSuccess: done('Đã lưu nháp') });
  const submit = useMutation({ mutationFn: () => api.post<UnitReportDetail>(`/api/unit-reports/${id}/submit`, payload()), onSuccess: done('Đã gửi báo cáo cho Sở Nội vụ') });
  const review = useMutation({
    mutationFn: (action: 'return' | 'accept') => api.post<UnitReportDetail>(`/api/unit-reports/${id}/${action}`, action === 'return' ? { comment } : { comment: comment || undefined }),
    onSuccess: (data) => {
      done(reviewing === 'return' ? 'Đã trả lại báo cáo cho đơn vị' : 'Đã tiếp nhận báo cáo')(data);
      setReviewing(undefined);
      setComment('');
    },
  });

  const byArea = useMemo(() => {
    const indicators = report.data?.template.content.indicators ?? [];
    return REFORM_AREAS.map((area) => ({ area, indicators: indicators.filter((i) => i.area === area) })).filter((g) => g.indicators.length > 0);
  }, [report.data]);

  if (report.error) return <ErrorBanner error={report.error} />;
  if (!report.data) return <PageLoading />;
  const r = report.data;
  const figureOf = new Map(r.figures.map((f) => [f.code, f]));
  const actionError = save.error ?? submit.error;
  const missing = actionError instanceof ApiError && actionError.code === 'UNIT_REPORT_INCOMPLETE' ? (actionError.details as { figures: string[]; sections: string[] }) : null;
  const missingSet = new Set([...(missing?.figures ?? []), ...(missing?.sections ?? [])]);

  const figureColumns = [
    { title: 'Chỉ tiêu', dataIndex: 'label', render: (label: string, i: Indicator) => <span style={missingSet.has(i.code) ? { color: '#a8071a' } : undefined}>{label}</span> },
    { title: 'Đơn vị tính', dataIndex: 'unit', width: 120 },
    {
      title: 'Số liệu',
      key: 'value',
      width: 170,
      render: (_: unknown, i: Indicator) =>
        editable ? (
          <InputNumber
            aria-label={i.label}
            min={0}
            precision={i.decimals}
            decimalSeparator=","
            style={{ width: '100%' }}
            value={figures[i.code]?.value ?? null}
            onChange={(v) => setFigures((prev) => ({ ...prev, [i.code]: { overrideReason: prev[i.code]?.overrideReason ?? '', value: typeof v === 'number' ? v : null } }))}
          />
        ) : (
          numberText(figureOf.get(i.code)?.value ?? null, i.decimals)
        ),
    },
    { title: 'Nguồn', key: 'source', width: 170, render: (_: unknown, i: Indicator) => <SourceTag figure={figureOf.get(i.code)!} draft={figures[i.code]} editable={editable} /> },
    {
      title: 'Lý do điều chỉnh',
      key: 'reason',
      width: 280,
      render: (_: unknown, i: Indicator) => {
        const f = figureOf.get(i.code)!;
        const draft = figures[i.code];
        const differs = i.prefill && f.systemValue !== null && draft?.value !== null && draft?.value !== undefined && draft.value !== f.systemValue;
        if (!editable) return f.overrideReason ?? '';
        return differs ? (
          <Input
            aria-label={`Lý do điều chỉnh: ${i.label}`}
            placeholder="Bắt buộc khi sửa số liệu hệ thống"
            value={draft?.overrideReason ?? ''}
            onChange={(e) => setFigures((prev) => ({ ...prev, [i.code]: { value: prev[i.code]?.value ?? null, overrideReason: e.target.value } }))}
          />
        ) : null;
      },
    },
  ];

  return (
    <>
      <Typography.Paragraph>
        <Link to={UNIT_REPORTS_BASE}>← Báo cáo định kỳ CCHC</Link>
      </Typography.Paragraph>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {r.round.title}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="Đơn vị">{r.agency.name}</Descriptions.Item>
        <Descriptions.Item label="Trạng thái">
          <Tag color={statusColors[r.status]}>{unitReportStatusLabels[r.status]}</Tag>
          <Tag color={timelinessColors[r.timeliness]}>{timelinessLabels[r.timeliness]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="Thời gian số liệu">
          {formatDate(r.round.periodFrom)} – {formatDate(r.round.periodTo)}
        </Descriptions.Item>
        <Descriptions.Item label="Hạn gửi">{formatDate(r.round.dueOn)}</Descriptions.Item>
        <Descriptions.Item label="Gửi lần đầu">{formatDateTime(r.firstSubmittedAt) || 'Chưa gửi'}</Descriptions.Item>
        <Descriptions.Item label="Cập nhật">
          {formatDateTime(r.updatedAt)} {r.updatedByLabel ? `— ${r.updatedByLabel}` : ''}
        </Descriptions.Item>
      </Descriptions>
      {r.reviewComment && (
        <Alert
          type={r.status === 'returned' ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={r.status === 'returned' ? 'Sở Nội vụ trả lại báo cáo' : 'Ý kiến của Sở Nội vụ'}
          description={r.reviewComment}
        />
      )}
      {actionError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={errorMessageOf(actionError)} />}

      <Card size="small" title="Số liệu" style={{ marginBottom: 16 }}>
        {editable && (
          <Typography.Paragraph type="secondary">
            Số liệu có nhãn “Số liệu hệ thống” được tính từ hệ thống cho đơn vị và thời gian số liệu của kỳ. Nếu sửa, phải ghi lý do; lý do được lưu cùng báo cáo.
          </Typography.Paragraph>
        )}
        {byArea.map((g) => (
          <div key={g.area} style={{ marginBottom: 16 }}>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {reformAreaLabels[g.area as ReformArea]}
            </Typography.Title>
            <Table<Indicator> rowKey="code" size="small" pagination={false} dataSource={g.indicators} columns={figureColumns} scroll={{ x: 900 }} />
          </div>
        ))}
      </Card>

      <Card size="small" title="Nội dung báo cáo" style={{ marginBottom: 16 }}>
        {r.template.content.sections.map((s) => (
          <div key={s.code} style={{ marginBottom: 16 }}>
            <Typography.Title level={2} style={{ fontSize: 16, color: missingSet.has(s.code) ? '#a8071a' : undefined }}>
              {s.title}
              {s.required && editable ? ' *' : ''}
            </Typography.Title>
            {s.guidance && editable && <Typography.Paragraph type="secondary">{s.guidance}</Typography.Paragraph>}
            {editable ? (
              <Input.TextArea aria-label={s.title} autoSize={{ minRows: 3, maxRows: 14 }} maxLength={20000} value={narrative[s.code] ?? ''} onChange={(e) => setNarrative((prev) => ({ ...prev, [s.code]: e.target.value }))} />
            ) : (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.narrative[s.code] || <Typography.Text type="secondary">(Không có nội dung)</Typography.Text>}</Typography.Paragraph>
            )}
          </div>
        ))}
      </Card>

      <Space wrap style={{ marginBottom: 24 }}>
        {r.abilities.save_draft && (
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            Lưu nháp
          </Button>
        )}
        {r.abilities.submit && (
          <Button
            type="primary"
            loading={submit.isPending}
            onClick={() =>
              Modal.confirm({ title: 'Gửi báo cáo cho Sở Nội vụ?', content: 'Sau khi gửi, đơn vị không sửa được báo cáo trừ khi Sở Nội vụ trả lại.', okText: 'Gửi báo cáo', cancelText: 'Hủy', onOk: () => submit.mutateAsync() })
            }
          >
            Gửi báo cáo
          </Button>
        )}
        {r.abilities.return && (
          <Button danger onClick={() => setReviewing('return')}>
            Trả lại để chỉnh sửa
          </Button>
        )}
        {r.abilities.accept && (
          <Button type="primary" onClick={() => setReviewing('accept')}>
            Tiếp nhận
          </Button>
        )}
      </Space>

      <Card size="small" title="Lịch sử xử lý">
        {r.actions.length === 0 && <Empty description="Chưa có thao tác nào" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        <Timeline
          items={r.actions.map((a) => ({
            children: (
              <>
                <strong>{a.label}</strong> — {formatDateTime(a.at)} {a.actorLabel ? `— ${a.actorLabel}` : ''}
                {a.note && <div style={{ whiteSpace: 'pre-wrap' }}>{a.note}</div>}
              </>
            ),
          }))}
        />
      </Card>

      <Modal
        open={!!reviewing}
        title={reviewing === 'return' ? 'Trả lại báo cáo để đơn vị chỉnh sửa, bổ sung' : 'Tiếp nhận báo cáo'}
        okText={reviewing === 'return' ? 'Trả lại' : 'Tiếp nhận'}
        cancelText="Hủy"
        okButtonProps={{ danger: reviewing === 'return' }}
        confirmLoading={review.isPending}
        onOk={() => reviewing && review.mutate(reviewing)}
        onCancel={() => {
          setReviewing(undefined);
          review.reset();
        }}
        destroyOnHidden
      >
        {review.error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={errorMessageOf(review.error)} />}
        <Input.TextArea
          aria-label={reviewing === 'return' ? 'Ý kiến trả lại' : 'Ý kiến (không bắt buộc)'}
          placeholder={reviewing === 'return' ? 'Nêu rõ nội dung cần chỉnh sửa, bổ sung' : 'Ý kiến (không bắt buộc)'}
          rows={5}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </Modal>
    </>
  );
}
