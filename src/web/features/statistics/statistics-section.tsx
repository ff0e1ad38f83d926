/**
 * Thống kê (back office): the leader's dashboard and its drill-down (province → agency → procedure → dossiers), the
 * dossier figures by any slice, the statutory report forms, catalog statistics and the Decision 766 indicators. The
 * period chosen at the top applies to every tab and travels in the address.
 */
import { lazy, Suspense } from 'react';
import { Tabs } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { PageLoading } from '../../components/page-loading';
import { AdminHeading } from '../admin/admin-common';
import { PeriodPicker } from './period-picker';
import { useStatisticsParams } from './period';
import './statistics.css';

const DashboardPage = lazy(() => import('./dashboard-page').then((m) => ({ default: m.DashboardPage })));
const AgencyDrillPage = lazy(() => import('./drill-pages').then((m) => ({ default: m.AgencyDrillPage })));
const DossierListPage = lazy(() => import('./drill-pages').then((m) => ({ default: m.DossierListPage })));
const SliceTablesPage = lazy(() => import('./slice-tables-page').then((m) => ({ default: m.SliceTablesPage })));
const ReportFormPage = lazy(() => import('./report-form-page').then((m) => ({ default: m.ReportFormPage })));
const CatalogStatisticsPage = lazy(() => import('./catalog-statistics-page').then((m) => ({ default: m.CatalogStatisticsPage })));
const IndicatorsPage = lazy(() => import('./indicators-page').then((m) => ({ default: m.IndicatorsPage })));

export const STATISTICS_BASE = '/can-bo/thong-ke';

const TABS = [
  { key: '', label: 'Màn hình điều hành' },
  { key: 'so-lieu', label: 'Số liệu hồ sơ' },
  { key: 'bieu-mau', label: 'Biểu mẫu báo cáo' },
  { key: 'thu-tuc', label: 'Thủ tục hành chính' },
  { key: 'chi-so', label: 'Chỉ số QĐ 766' },
];

export function StatisticsSection() {
  const location = useLocation();
  const navigate = useNavigate();
  const { spec, setPeriod } = useStatisticsParams();
  const sub = location.pathname.slice(STATISTICS_BASE.length).replace(/^\//, '').split('/')[0] ?? '';
  // The drill-down pages belong to the dashboard tab.
  const active = TABS.some((t) => t.key === sub) ? sub : '';
  // Tabs keep the period; slice filters belong to the page that set them.
  const periodOnly = () => {
    const params = new URLSearchParams(location.search);
    const keep = new URLSearchParams();
    for (const k of ['preset', 'year', 'month', 'quarter', 'half', 'from', 'to']) {
      const v = params.get(k);
      if (v) keep.set(k, v);
    }
    const s = keep.toString();
    return s ? `?${s}` : '';
  };
  return (
    <>
      <AdminHeading title="Thống kê">
        Số liệu tổng hợp từ hồ sơ đã tiếp nhận, cập nhật ngay khi hồ sơ được xử lý. Hồ sơ liên thông tính một lần, tại cơ quan chủ trì giải quyết.
      </AdminHeading>
      <Tabs
        activeKey={active}
        items={TABS.map((t) => ({ key: t.key, label: t.label }))}
        onChange={(key) => navigate(`${STATISTICS_BASE}${key ? `/${key}` : ''}${periodOnly()}`)}
        style={{ marginBottom: 4 }}
      />
      <PeriodPicker value={spec} onChange={setPeriod} />
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route index element={<DashboardPage />} />
          <Route path="co-quan" element={<AgencyDrillPage />} />
          <Route path="ho-so" element={<DossierListPage />} />
          <Route path="so-lieu" element={<SliceTablesPage />} />
          <Route path="bieu-mau" element={<ReportFormPage />} />
          <Route path="thu-tuc" element={<CatalogStatisticsPage />} />
          <Route path="chi-so" element={<IndicatorsPage />} />
        </Routes>
      </Suspense>
    </>
  );
}
