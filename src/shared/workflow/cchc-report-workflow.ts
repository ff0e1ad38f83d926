/**
 * Workflow of the provincial administrative-reform report (báo cáo CCHC): a draft is written, sent for review,
 * approved by the leader, then issued with a number. One table read by the server (to accept or refuse an action,
 * 409 listing what is allowed) and by the UI (to show only the buttons that apply). An issued report is frozen.
 */
import { Permission } from '../permissions';

export const CchcReportStatus = {
  /** Dự thảo: figures recomputed on every view, narrative editable. */
  DRAFT: 'draft',
  /** Chờ thẩm định: sent to the leader; figures still live, narrative locked. */
  REVIEW: 'review',
  /** Đã duyệt: waiting for its number. */
  APPROVED: 'approved',
  /** Đã ban hành: number and date given, DOCX and PDF stored with their sha256; never changes again. */
  ISSUED: 'issued',
} as const;
export type CchcReportStatus = (typeof CchcReportStatus)[keyof typeof CchcReportStatus];
export const CCHC_REPORT_STATUSES = Object.values(CchcReportStatus) as [CchcReportStatus, ...CchcReportStatus[]];

export const cchcReportStatusLabels: Record<CchcReportStatus, string> = {
  draft: 'Dự thảo',
  review: 'Chờ thẩm định',
  approved: 'Đã duyệt',
  issued: 'Đã ban hành',
};

export const CchcReportAction = {
  SUBMIT: 'submit',
  RETURN: 'return',
  APPROVE: 'approve',
  ISSUE: 'issue',
} as const;
export type CchcReportAction = (typeof CchcReportAction)[keyof typeof CchcReportAction];
export const CCHC_REPORT_ACTIONS = Object.values(CchcReportAction) as [CchcReportAction, ...CchcReportAction[]];

export const cchcReportActionLabels: Record<CchcReportAction, string> = {
  submit: 'Trình thẩm định',
  return: 'Trả lại để chỉnh sửa',
  approve: 'Duyệt báo cáo',
  issue: 'Cấp số và ban hành',
};

export interface CchcReportTransition {
  action: CchcReportAction;
  to: CchcReportStatus;
  permission: Permission;
}

const t = (action: CchcReportAction, to: CchcReportStatus): CchcReportTransition => ({ action, to, permission: Permission.REFORM_MANAGE });

export const cchcReportWorkflow: Record<CchcReportStatus, readonly CchcReportTransition[]> = {
  draft: [t('submit', 'review')],
  review: [t('approve', 'approved'), t('return', 'draft')],
  approved: [t('issue', 'issued'), t('return', 'draft')],
  issued: [],
};

export function findCchcReportTransition(status: CchcReportStatus, action: CchcReportAction): CchcReportTransition | undefined {
  return cchcReportWorkflow[status].find((tr) => tr.action === action);
}

export function allowedCchcReportActions(status: CchcReportStatus): CchcReportAction[] {
  return cchcReportWorkflow[status].map((tr) => tr.action);
}

/** Only a draft's narrative, cut-offs, recipients and signer may change. */
export const isCchcReportEditable = (status: CchcReportStatus) => status === 'draft';
