/**
 * Unit periodic reform report workflow (báo cáo CCHC định kỳ của sở, ngành, UBND cấp huyện): status → allowed
 * actions → who may take them. One table read by the server (to accept or refuse an action, 409 listing what is
 * allowed) and by the UI (to show only the buttons that apply). The status follows the report's append-only
 * action log.
 *
 * A unit's reporter (REFORM_REPORT_UNIT, own agency) fills and submits; the Department of Home Affairs
 * (REFORM_MANAGE, over the round's organiser) returns it with comments or accepts it. A returned report goes back to
 * the unit, which corrects and submits again.
 */
import { Permission } from '../permissions';

export const UnitReportStatus = {
  /** Chưa lập: expected, nothing saved yet. */
  NOT_STARTED: 'not_started',
  /** Đang soạn. */
  DRAFT: 'draft',
  /** Đã gửi, chờ Sở Nội vụ xem xét. */
  SUBMITTED: 'submitted',
  /** Trả lại để bổ sung, chỉnh sửa. */
  RETURNED: 'returned',
  /** Đã tiếp nhận. */
  ACCEPTED: 'accepted',
} as const;
export type UnitReportStatus = (typeof UnitReportStatus)[keyof typeof UnitReportStatus];
export const UNIT_REPORT_STATUSES = Object.values(UnitReportStatus) as [UnitReportStatus, ...UnitReportStatus[]];

export const unitReportStatusLabels: Record<UnitReportStatus, string> = {
  not_started: 'Chưa lập',
  draft: 'Đang soạn',
  submitted: 'Đã gửi, chờ xem xét',
  returned: 'Trả lại để chỉnh sửa',
  accepted: 'Đã tiếp nhận',
};

export const UnitReportAction = {
  SAVE_DRAFT: 'save_draft',
  SUBMIT: 'submit',
  RETURN: 'return',
  ACCEPT: 'accept',
} as const;
export type UnitReportAction = (typeof UnitReportAction)[keyof typeof UnitReportAction];
export const UNIT_REPORT_ACTIONS = Object.values(UnitReportAction) as [UnitReportAction, ...UnitReportAction[]];

export const unitReportActionLabels: Record<UnitReportAction, string> = {
  save_draft: 'Lưu nháp',
  submit: 'Gửi báo cáo',
  return: 'Trả lại để chỉnh sửa',
  accept: 'Tiếp nhận',
};

/** System entries of the action log (reminders), never taken by a person. */
export const UnitReportReminder = { DUE_SOON: 'remind_due_soon', OVERDUE: 'remind_overdue' } as const;
export type UnitReportReminder = (typeof UnitReportReminder)[keyof typeof UnitReportReminder];
export const unitReportReminderLabels: Record<UnitReportReminder, string> = {
  remind_due_soon: 'Nhắc sắp đến hạn gửi báo cáo',
  remind_overdue: 'Nhắc quá hạn gửi báo cáo',
};

/** Who takes an action: the reporting unit, or the round's manager (Sở Nội vụ). */
export type UnitReportActor = { kind: 'unit'; permission: Permission } | { kind: 'manager'; permission: Permission };

export interface UnitReportTransition {
  action: UnitReportAction;
  /** Status after the action; `null` keeps the current status. */
  to: UnitReportStatus | null;
  by: UnitReportActor;
}

const unit: UnitReportActor = { kind: 'unit', permission: Permission.REFORM_REPORT_UNIT };
const manager: UnitReportActor = { kind: 'manager', permission: Permission.REFORM_MANAGE };
const t = (action: UnitReportAction, to: UnitReportStatus | null, by: UnitReportActor): UnitReportTransition => ({ action, to, by });

/** The workflow table. Saving a returned report keeps it `returned` (the reviewer's comment still applies) until it is sent again. */
export const unitReportWorkflow: Record<UnitReportStatus, readonly UnitReportTransition[]> = {
  not_started: [t('save_draft', 'draft', unit), t('submit', 'submitted', unit)],
  draft: [t('save_draft', null, unit), t('submit', 'submitted', unit)],
  returned: [t('save_draft', null, unit), t('submit', 'submitted', unit)],
  submitted: [t('return', 'returned', manager), t('accept', 'accepted', manager)],
  accepted: [],
};

export function findUnitReportTransition(status: UnitReportStatus, action: UnitReportAction): UnitReportTransition | undefined {
  return unitReportWorkflow[status].find((tr) => tr.action === action);
}

export function allowedUnitReportActions(status: UnitReportStatus): UnitReportAction[] {
  return unitReportWorkflow[status].map((tr) => tr.action);
}

/** Statuses in which the unit may still change the content. */
export function isEditableUnitReportStatus(status: UnitReportStatus): boolean {
  return unitReportWorkflow[status].some((tr) => tr.action === 'save_draft');
}

/** Who takes `action` (every action appears once in the table with one kind of actor). */
export function unitReportActionActor(action: UnitReportAction): UnitReportActor {
  return Object.values(unitReportWorkflow)
    .flat()
    .find((tr) => tr.action === action)!.by;
}

/**
 * Timeliness (as DHIS2 counts it): a report is on time when its FIRST submission falls on or before the due day
 * (local dates); a report returned for corrections and sent again keeps the timeliness of its first submission,
 * since the unit met the deadline and the corrections were asked by the reviewer.
 */
export type Timeliness = 'on_time' | 'late' | 'missing' | 'not_due';

export function timelinessOf(firstSubmittedOn: string | null, dueOn: string, today: string): Timeliness {
  if (firstSubmittedOn) return firstSubmittedOn <= dueOn ? 'on_time' : 'late';
  return today > dueOn ? 'missing' : 'not_due';
}

export const timelinessLabels: Record<Timeliness, string> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  missing: 'Chưa gửi (quá hạn)',
  not_due: 'Chưa gửi (còn hạn)',
};
