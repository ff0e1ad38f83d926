/**
 * Kết quả khảo sát (SIPAS): the organiser's campaigns and, for the one chosen, the satisfaction by element and by
 * agency as the server computes it (formulas shown under the tables).
 */
import { Alert, Empty, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { SurveyCampaignList, SurveyElementResult, SurveyResults } from '../../../shared/schemas/surveys';
import { formatDate } from '../../../shared/text';
import { api, errorMessageOf } from '../../api/client';

const percent = (v: number | null) => (v === null ? '—' : `${v.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`);

export function SurveyResultsView() {
  const [params, setParams] = useSearchParams();
  const campaigns = useQuery({
    queryKey: ['surveys', 'list'],
    queryFn: ({ signal }) => api.get<z.infer<typeof SurveyCampaignList>>('/api/surveys', undefined, signal),
  });
  const chosen = params.get('dot') ?? campaigns.data?.[0]?.id;
  const results = useQuery({
    queryKey: ['surveys', 'results', chosen],
    queryFn: ({ signal }) => api.get<SurveyResults>(`/api/surveys/${chosen}/results`, undefined, signal),
    enabled: !!chosen,
  });
  if (campaigns.isPending) return <Skeleton active />;
  if (campaigns.isError) return <Alert type="error" showIcon role="alert" title={errorMessageOf(campaigns.error)} />;
  if (campaigns.data.length === 0) return <Empty description="Chưa có đợt khảo sát nào" />;
  const campaign = campaigns.data.find((c) => c.id === chosen);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Select
          aria-label="Đợt khảo sát"
          style={{ width: 420, maxWidth: '100%' }}
          value={chosen}
          onChange={(id: string) => {
            const next = new URLSearchParams(params);
            next.set('dot', id);
            setParams(next, { replace: true });
          }}
          options={campaigns.data.map((c) => ({ value: c.id, label: c.title }))}
        />
        {campaign && (
          <Typography.Text type="secondary">
            <Tag>{campaign.statusLabel}</Tag>
            {`${formatDate(campaign.opensOn)} – ${formatDate(campaign.closesOn)} · ${campaign.counts.responses.toLocaleString('vi-VN')} phiếu trả lời`}
          </Typography.Text>
        )}
      </Space>
      {results.isPending ? (
        <Skeleton active />
      ) : results.isError ? (
        <Alert type="error" showIcon role="alert" title={errorMessageOf(results.error)} />
      ) : (
        <>
          <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
            Theo yếu tố · chung: {percent(results.data.overall.satisfiedRate)} hài lòng ({results.data.responses.toLocaleString('vi-VN')} phiếu)
          </Typography.Title>
          <Table<SurveyElementResult>
            rowKey="element"
            size="small"
            pagination={false}
            dataSource={results.data.byElement}
            columns={[
              { title: 'Yếu tố', dataIndex: 'label' },
              { title: 'Số câu trả lời', dataIndex: 'answers', align: 'right', render: (n: number) => n.toLocaleString('vi-VN') },
              { title: 'Điểm trung bình', dataIndex: 'averagePercent', align: 'right', render: percent },
              { title: 'Tỷ lệ hài lòng', dataIndex: 'satisfiedRate', align: 'right', render: percent },
            ]}
          />
          <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
            Theo cơ quan
          </Typography.Title>
          <Table
            rowKey={(r) => r.agency.id}
            size="small"
            pagination={false}
            scroll={{ x: 900 }}
            dataSource={results.data.byAgency}
            locale={{ emptyText: <Typography.Text type="secondary">Chưa có phiếu trả lời</Typography.Text> }}
            columns={[
              { title: 'Cơ quan', key: 'agency', render: (_: unknown, r) => r.agency.name },
              { title: 'Số phiếu', dataIndex: 'responses', align: 'right' },
              { title: 'Tỷ lệ hài lòng chung', key: 'overall', align: 'right', render: (_: unknown, r) => percent(r.overall.satisfiedRate) },
              ...results.data.byElement.map((e) => ({
                title: e.label,
                key: e.element,
                align: 'right' as const,
                render: (_: unknown, r: SurveyResults['byAgency'][number]) => percent(r.elements.find((x) => x.element === e.element)?.satisfiedRate ?? null),
              })),
            ]}
          />
          <ul style={{ fontSize: 13, color: '#52606d', margin: 0 }}>
            {Object.entries(results.data.formulas).map(([k, v]) => (
              <li key={k}>{v}</li>
            ))}
          </ul>
        </>
      )}
    </Space>
  );
}
