/** Số liệu hồ sơ: the figures of the period grouped by any slice, filtered by the others, with the formulas. */
import { Card, Collapse, Segmented, Typography } from 'antd';
import { GROUP_BY, groupByLabels, type DossierStatistics, type GroupBy } from '../../../shared/schemas/statistics';
import { ErrorBanner } from '../admin/admin-common';
import { XlsxButton } from './parts';
import { FiguresTable } from './figures-table';
import { drillHrefFor } from './links';
import { useStatisticsParams } from './period';
import { SliceFilters } from './slice-filters';
import { useStatistics, xlsxHref } from './statistics-api';

export function Formulas({ formulas }: { formulas: Record<string, string> }) {
  return (
    <Collapse
      size="small"
      style={{ marginTop: 12 }}
      items={[
        {
          key: 'f',
          label: 'Cách tính các số liệu',
          children: (
            <ul className="stat-formula" style={{ margin: 0, paddingLeft: 18 }}>
              {Object.entries(formulas).map(([k, f]) => (
                <li key={k}>{f}</li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}

export function SliceTablesPage() {
  const { spec, slice, period, query, params, set, setSlice } = useStatisticsParams();
  const groupBy = ((GROUP_BY as readonly string[]).includes(params.get('groupBy') ?? '') ? params.get('groupBy') : 'agency') as GroupBy;
  const q = { ...query, groupBy };
  const stats = useStatistics<DossierStatistics>('/api/statistics/dossiers', q, !!period);
  return (
    <Card size="small">
      <div className="stat-toolbar">
        <Segmented<GroupBy>
          aria-label="Thống kê theo"
          value={groupBy}
          options={GROUP_BY.map((g) => ({ value: g, label: groupByLabels[g] }))}
          onChange={(g) => set({ groupBy: g })}
        />
        <XlsxButton href={xlsxHref('/api/statistics/dossiers', q)} />
      </div>
      <SliceFilters slice={slice} onChange={setSlice} />
      <ErrorBanner error={stats.error} />
      {stats.data && (
        <>
          <Typography.Paragraph strong style={{ marginBottom: 4 }}>
            Số liệu tình hình, kết quả giải quyết thủ tục hành chính theo {groupByLabels[groupBy].toLowerCase()}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {[stats.data.period.label, ...stats.data.filters.lines].join(' · ')}
          </Typography.Paragraph>
          <FiguresTable
            caption={`Số liệu theo ${groupByLabels[groupBy].toLowerCase()}, ${stats.data.period.label}`}
            labelTitle={groupByLabels[groupBy]}
            legalTime={groupBy === 'procedure'}
            rows={stats.data.rows}
            total={stats.data.total}
            loading={stats.isFetching}
            drillTo={drillHrefFor(spec, slice, groupBy)}
          />
          <Formulas formulas={stats.data.formulas} />
        </>
      )}
    </Card>
  );
}
