/**
 * The back office's sections: one table for the sider menu and the route guards, so a menu item and its route can
 * never disagree about who may open them. A section shows when the user holds ANY of its permissions; the server
 * checks again on every request. Modules replace `load` with their own page as they ship.
 */
import { createElement, type ComponentType } from 'react';
import { Permission } from '../../../shared/permissions';

export const BACK_OFFICE_BASE = '/can-bo';

export type SectionIcon = 'queue' | 'intake' | 'catalog' | 'statistics' | 'units' | 'users' | 'calendar' | 'audit' | 'petitions' | 'reform-documents' | 'reform-plans' | 'reform-staffing' | 'reform-inspections' | 'reform-report' | 'reform-unit-reports';

export interface BackOfficeSection {
  /** Path below /can-bo. */
  path: string;
  label: string;
  icon: SectionIcon;
  permissions: readonly Permission[];
  load: () => Promise<{ Component: ComponentType }>;
}

const placeholder = (label: string) => () =>
  import('./section-placeholder').then((m) => ({ Component: () => createElement(m.SectionPlaceholder, { title: label }) }));

function section(path: string, label: string, icon: SectionIcon, permissions: Permission[], load?: BackOfficeSection['load']): BackOfficeSection {
  return { path, label, icon, permissions, load: load ?? placeholder(label) };
}

export const backOfficeSections: BackOfficeSection[] = [
  section('ho-so', 'Hàng đợi hồ sơ', 'queue', [Permission.DOSSIER_READ_AGENCY, Permission.DOSSIER_PROCESS], () =>
    import('../queue/dossiers-section').then((m) => ({ Component: m.DossiersSection })),
  ),
  section('tiep-nhan', 'Tiếp nhận', 'intake', [Permission.DOSSIER_INTAKE], () => import('../intake/intake-page').then((m) => ({ Component: m.IntakePage }))),
  section('thu-tuc', 'Danh mục TTHC', 'catalog', [Permission.CATALOG_MANAGE], () => import('../admin/catalog-admin-page').then((m) => ({ Component: m.CatalogAdminPage }))),
  section('thong-ke', 'Thống kê', 'statistics', [Permission.STATISTICS_READ], () =>
    import('../statistics/statistics-section').then((m) => ({ Component: m.StatisticsSection })),
  ),
  section('phan-anh', 'Phản ánh, kiến nghị', 'petitions', [Permission.PETITION_HANDLE], () =>
    import('../petitions-office/petitions-section').then((m) => ({ Component: m.PetitionsSection })),
  ),
  section('van-ban', 'Sổ văn bản CCHC', 'reform-documents', [Permission.REFORM_MANAGE, Permission.REFORM_REPORT_UNIT], () => import('../reform/documents-page').then((m) => ({ Component: m.DocumentsPage }))),
  section('ke-hoach-cchc', 'Kế hoạch CCHC', 'reform-plans', [Permission.REFORM_MANAGE, Permission.REFORM_REPORT_UNIT], () => import('../reform/plans-page').then((m) => ({ Component: m.PlansPage }))),
  section('bien-che', 'Biên chế, tự chủ', 'reform-staffing', [Permission.REFORM_MANAGE, Permission.REFORM_REPORT_UNIT], () => import('../reform/staffing-page').then((m) => ({ Component: m.StaffingPage }))),
  section('kiem-tra', 'Kiểm tra CCHC', 'reform-inspections', [Permission.REFORM_MANAGE, Permission.REFORM_REPORT_UNIT], () => import('../reform/inspections-page').then((m) => ({ Component: m.InspectionsPage }))),
  section('bao-cao-don-vi', 'Báo cáo đơn vị', 'reform-unit-reports', [Permission.REFORM_MANAGE, Permission.REFORM_REPORT_UNIT], () =>
    import('../reform/unit-report-section').then((m) => ({ Component: m.UnitReportsSection })),
  ),
  section('bao-cao-cchc', 'Báo cáo CCHC', 'reform-report', [Permission.REFORM_MANAGE], () => import('../reform/cchc-report-page').then((m) => ({ Component: m.CchcReportPage }))),
  section('don-vi', 'Đơn vị và cơ quan', 'units', [Permission.UNITS_MANAGE], () => import('../admin/units-admin-page').then((m) => ({ Component: m.UnitsAdminPage }))),
  section('nguoi-dung', 'Người dùng', 'users', [Permission.USERS_MANAGE], () => import('../admin/users-admin-page').then((m) => ({ Component: m.UsersAdminPage }))),
  section('lich-lam-viec', 'Lịch làm việc', 'calendar', [Permission.CALENDAR_MANAGE], () => import('../admin/calendar-page').then((m) => ({ Component: m.CalendarPage }))),
  section('nhat-ky', 'Nhật ký hệ thống', 'audit', [Permission.AUDIT_READ], () => import('../admin/audit-page').then((m) => ({ Component: m.AuditPage }))),
];

export function visibleSections(can: (...permissions: string[]) => boolean): BackOfficeSection[] {
  return backOfficeSections.filter((s) => can(...s.permissions));
}
