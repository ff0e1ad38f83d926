/**
 * Biểu mẫu báo cáo: the figures by field as printed on Biểu 07a (an agency) or 07b (the province) of TT 09/2026/TT-BTP,
 * or Biểu II.06a of TT 01/2020/TT-VPCP for periods ending before 1 August 2026 — the server picks the form.
 */
import { Card, Descriptions, Typography } from 'antd';
import type { ReportForm } from '../../../shared/schemas/statistics';
import { formatDate } from '../../../shared/text';
import { ErrorBanner } from '../admin/admin-common';
import { XlsxButton } from './parts';
import { FiguresTable } from './figures-table';
import { drillHrefFor } from './links';
import { periodQuery, useStatisticsParams } from './period';
import { SliceFilters } from './slice-filters';
import { useStatistics, xlsxHref } from './statistics-api';

export function ReportFormPage() {
  const { spec, slice, period, setSlice } = useStatisticsParams();
  const q = { ...periodQuery(spec), agencyId: slice.agencyId };
  const form = useStatistics<ReportForm>('/api/statistics/report-form', q, !!period);
  const f = form.data;
  return (
    <Card size="small">
      <div className="stat-toolbar">
        <SliceFilters slice={slice} onChange={setSlice} show={['agencyId']} />
        <XlsxButton href={xlsxHref('/api/statistics/report-form', q)} label="Tải Excel biểu mẫu" />
      </div>
      <ErrorBanner error={form.error} />
      {f && (
        <>
          <div style={{ textAlign: 'center', marginBottom: 12 }}>
            <Typography.Text strong>{f.formNumber}</Typography.Text>
            <Typography.Title level={2} style={{ fontSize: 17, margin: '4px 0' }}>
              {f.title}
            </Typography.Title>
            <Typography.Text>{f.period.label}</Typography.Text>
          </div>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            style={{ marginBottom: 12 }}
            items={[
              { key: 'from', label: 'Đơn vị báo cáo', children: f.reportingAgency },
              { key: 'to', label: 'Đơn vị nhận báo cáo', children: f.receivingAgency },
              { key: 'basis', label: 'Căn cứ', children: f.legalBasis },
              ...(f.period.reportDueOn ? [{ key: 'due', label: 'Hạn gửi báo cáo', children: formatDate(f.period.reportDueOn) }] : []),
            ]}
          />
          <FiguresTable
            caption={`${f.formNumber}: ${f.title}, ${f.period.label}`}
            labelTitle="Lĩnh vực giải quyết"
            sections={f.sections.map((section) => ({
              ...section,
              // Biểu 07b splits the rows by level (I. province and district, II. commune): each section drills to its levels.
              drillTo: drillHrefFor(spec, { agencyId: slice.agencyId, ...(section.levels ? { levels: section.levels.join(',') } : {}) }, 'field'),
            }))}
            rows={[]}
            total={f.total}
            loading={form.isFetching}
            extraColumns={false}
            drillTo={drillHrefFor(spec, { agencyId: slice.agencyId }, 'field')}
          />
          {f.notes.length > 0 && (
            <ul className="stat-notes">
              {f.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </Card>
  );
}
