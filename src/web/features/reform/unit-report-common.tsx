/** Colours and paths shared by the unit report screens (tag colours readable at WCAG AA). */
import type { Timeliness, UnitReportStatus } from '../../../shared/workflow/unit-report-workflow';

export const UNIT_REPORTS_BASE = '/can-bo/bao-cao-don-vi';

export const statusColors: Record<UnitReportStatus, string> = {
  not_started: 'default',
  draft: 'blue',
  submitted: '#0958d9',
  returned: '#ad4e00',
  accepted: '#237804',
};

export const timelinessColors: Record<Timeliness, string> = {
  on_time: '#237804',
  late: '#ad4e00',
  missing: '#a8071a',
  not_due: 'default',
};
