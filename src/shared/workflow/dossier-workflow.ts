/**
 * The dossier workflow (quy trình xử lý hồ sơ) as data: statuses, actions, and for each action the
 * statuses it may start from, the status it leads to, who performs it and the permission it needs.
 * The server enforces it (409 ACTION_NOT_ALLOWED lists the allowed actions) and the web app reads it
 * to show only the buttons the actor may use. Pure: no Node or DOM APIs.
 *
 * Payment, delivery and synchronisation have their own state columns and are not processing statuses.
 */
import { Permission } from '../permissions';

export const DossierStatus = {
  /** Nộp trực tuyến, chờ Bộ phận Một cửa tiếp nhận (NĐ 118 Điều 17.2). */
  PENDING_ACCEPTANCE: 'pending_acceptance',
  /** Đã tiếp nhận tại Bộ phận Một cửa (bước tiếp nhận của quy trình nội bộ). */
  RECEIVED: 'received',
  /** Đang xử lý tại bước k của quy trình nội bộ. */
  IN_PROGRESS: 'in_progress',
  /** Chờ bổ sung, hoàn thiện hồ sơ (NĐ 118 Điều 16.3, 17.2a, 19.5). */
  WAITING_FOR_SUPPLEMENT: 'waiting_for_supplement',
  /** Đang xử lý tại cơ quan phối hợp (một cửa liên thông). */
  AT_OTHER_AGENCY: 'at_other_agency',
  /** Lãnh đạo đã phê duyệt, chờ ký. */
  APPROVED: 'approved',
  /** Đã ký, chờ văn thư vào số, phát hành. */
  SIGNED: 'signed',
  /** Đã có kết quả (đã phát hành), chờ trả. */
  RESULT_READY: 'result_ready',
  /** Đã trả kết quả. */
  RETURNED: 'returned',
  /** Từ chối giải quyết (Phiếu từ chối). */
  REFUSED: 'refused',
  /** Dừng giải quyết theo yêu cầu của tổ chức, cá nhân (NĐ 118 Điều 21). */
  STOPPED: 'stopped',
  /** Rút hồ sơ trực tuyến trước khi được tiếp nhận. */
  WITHDRAWN: 'withdrawn',
  /** Đóng hồ sơ do không bổ sung sau 15 ngày (NĐ 118 Điều 19.5). */
  CLOSED_NO_SUPPLEMENT: 'closed_no_supplement',
} as const;
export type DossierStatus = (typeof DossierStatus)[keyof typeof DossierStatus];
export const ALL_DOSSIER_STATUSES = Object.values(DossierStatus);

export const DossierAction = {
  /** Creation by a signed-in applicant online (status pending_acceptance). */
  SUBMIT: 'submit',
  /** Creation at the desk (in person or by post): the dossier is received at once. */
  RECEIVE: 'receive',
  ACCEPT: 'accept',
  REQUEST_SUPPLEMENT: 'request_supplement',
  PROVIDE_SUPPLEMENT: 'provide_supplement',
  FORWARD: 'forward',
  ASSIGN: 'assign',
  SEND_TO_AGENCY: 'send_to_agency',
  RECEIVE_FROM_AGENCY: 'receive_from_agency',
  APPROVE: 'approve',
  SIGN: 'sign',
  ISSUE: 'issue',
  RETURN_RESULT: 'return_result',
  ACKNOWLEDGE_RESULT: 'acknowledge_result',
  REFUSE: 'refuse',
  STOP: 'stop',
  WITHDRAW: 'withdraw',
  APOLOGISE_EXTEND: 'apologise_extend',
  CLOSE_NO_SUPPLEMENT: 'close_no_supplement',
  MARK_DUE_SOON: 'mark_due_soon',
  MARK_OVERDUE: 'mark_overdue',
} as const;
export type DossierAction = (typeof DossierAction)[keyof typeof DossierAction];
export const ALL_DOSSIER_ACTIONS = Object.values(DossierAction);

/** Who performs an action: the applicant (owner of the dossier), staff, or the system (sweep job). */
export const ActorRole = { APPLICANT: 'applicant', STAFF: 'staff', SYSTEM: 'system' } as const;
export type ActorRole = (typeof ActorRole)[keyof typeof ActorRole];

/** Target of a transition: a status, the same status, or the status held before a suspension. */
export const SAME = 'same' as const;
export const RESUME = 'resume' as const;
export type TransitionTarget = DossierStatus | typeof SAME | typeof RESUME;

export interface TransitionRule {
  readonly action: DossierAction;
  /** Statuses the action may start from; empty for the two creation actions. */
  readonly from: readonly DossierStatus[];
  readonly to: TransitionTarget;
  readonly by: ActorRole;
  /** Staff need at least one of these; empty for applicants and the system. */
  readonly permissions: readonly Permission[];
}

const S = DossierStatus;
const A = DossierAction;
const P = Permission;

/** Statuses in which the competent agency's clock runs (due-soon and overdue apply). */
export const CLOCK_RUNNING_STATUSES: readonly DossierStatus[] = [S.RECEIVED, S.IN_PROGRESS, S.AT_OTHER_AGENCY, S.APPROVED, S.SIGNED];
/** Received and not yet resolved: counted as pending (đang giải quyết) in statistics. */
export const PENDING_STATUSES: readonly DossierStatus[] = [...CLOCK_RUNNING_STATUSES, S.WAITING_FOR_SUPPLEMENT];
/** Resolved (đã giải quyết): a result or a refusal was issued; counted early / on time / late. */
export const RESOLVED_STATUSES: readonly DossierStatus[] = [S.RESULT_READY, S.RETURNED, S.REFUSED];
/** No further processing action is possible. */
export const TERMINAL_STATUSES: readonly DossierStatus[] = [S.RETURNED, S.REFUSED, S.STOPPED, S.WITHDRAWN, S.CLOSED_NO_SUPPLEMENT];
/** Before the decision is issued the applicant may ask to stop (NĐ 118 Điều 21). */
const STOPPABLE: readonly DossierStatus[] = [S.RECEIVED, S.IN_PROGRESS, S.WAITING_FOR_SUPPLEMENT, S.AT_OTHER_AGENCY, S.APPROVED, S.SIGNED];

/**
 * The workflow table. An action may have several rules (e.g. the desk asks for a supplement at
 * intake with `dossier.intake`, the specialist during appraisal with `dossier.process`).
 */
export const DOSSIER_WORKFLOW: readonly TransitionRule[] = [
  { action: A.SUBMIT, from: [], to: S.PENDING_ACCEPTANCE, by: 'applicant', permissions: [] },
  { action: A.RECEIVE, from: [], to: S.RECEIVED, by: 'staff', permissions: [P.DOSSIER_INTAKE] },
  { action: A.ACCEPT, from: [S.PENDING_ACCEPTANCE], to: S.RECEIVED, by: 'staff', permissions: [P.DOSSIER_INTAKE] },
  { action: A.REQUEST_SUPPLEMENT, from: [S.PENDING_ACCEPTANCE, S.RECEIVED], to: S.WAITING_FOR_SUPPLEMENT, by: 'staff', permissions: [P.DOSSIER_INTAKE] },
  { action: A.REQUEST_SUPPLEMENT, from: [S.IN_PROGRESS], to: S.WAITING_FOR_SUPPLEMENT, by: 'staff', permissions: [P.DOSSIER_PROCESS] },
  { action: A.PROVIDE_SUPPLEMENT, from: [S.WAITING_FOR_SUPPLEMENT], to: RESUME, by: 'applicant', permissions: [] },
  { action: A.PROVIDE_SUPPLEMENT, from: [S.WAITING_FOR_SUPPLEMENT], to: RESUME, by: 'staff', permissions: [P.DOSSIER_INTAKE] },
  { action: A.FORWARD, from: [S.RECEIVED], to: S.IN_PROGRESS, by: 'staff', permissions: [P.DOSSIER_INTAKE, P.DOSSIER_PROCESS] },
  { action: A.FORWARD, from: [S.IN_PROGRESS], to: S.IN_PROGRESS, by: 'staff', permissions: [P.DOSSIER_PROCESS, P.DOSSIER_REVIEW] },
  { action: A.ASSIGN, from: [S.RECEIVED, S.IN_PROGRESS], to: SAME, by: 'staff', permissions: [P.DOSSIER_REVIEW, P.DOSSIER_APPROVE] },
  { action: A.SEND_TO_AGENCY, from: [S.IN_PROGRESS], to: S.AT_OTHER_AGENCY, by: 'staff', permissions: [P.DOSSIER_PROCESS, P.DOSSIER_REVIEW] },
  { action: A.RECEIVE_FROM_AGENCY, from: [S.AT_OTHER_AGENCY], to: S.IN_PROGRESS, by: 'staff', permissions: [P.DOSSIER_PROCESS, P.DOSSIER_REVIEW] },
  { action: A.APPROVE, from: [S.IN_PROGRESS], to: S.APPROVED, by: 'staff', permissions: [P.DOSSIER_APPROVE] },
  { action: A.SIGN, from: [S.APPROVED], to: S.SIGNED, by: 'staff', permissions: [P.DOSSIER_APPROVE] },
  { action: A.ISSUE, from: [S.SIGNED], to: S.RESULT_READY, by: 'staff', permissions: [P.DOSSIER_ISSUE] },
  { action: A.RETURN_RESULT, from: [S.RESULT_READY], to: S.RETURNED, by: 'staff', permissions: [P.DOSSIER_RETURN] },
  { action: A.ACKNOWLEDGE_RESULT, from: [S.RESULT_READY], to: S.RETURNED, by: 'applicant', permissions: [] },
  { action: A.REFUSE, from: [S.PENDING_ACCEPTANCE, S.RECEIVED], to: S.REFUSED, by: 'staff', permissions: [P.DOSSIER_INTAKE] },
  { action: A.REFUSE, from: [S.IN_PROGRESS, S.APPROVED], to: S.REFUSED, by: 'staff', permissions: [P.DOSSIER_REVIEW, P.DOSSIER_APPROVE] },
  { action: A.STOP, from: STOPPABLE, to: S.STOPPED, by: 'applicant', permissions: [] },
  { action: A.STOP, from: STOPPABLE, to: S.STOPPED, by: 'staff', permissions: [P.DOSSIER_INTAKE] },
  { action: A.WITHDRAW, from: [S.PENDING_ACCEPTANCE], to: S.WITHDRAWN, by: 'applicant', permissions: [] },
  {
    action: A.APOLOGISE_EXTEND,
    from: [S.RECEIVED, S.IN_PROGRESS, S.AT_OTHER_AGENCY, S.APPROVED, S.SIGNED],
    to: SAME,
    by: 'staff',
    permissions: [P.DOSSIER_REVIEW, P.DOSSIER_APPROVE],
  },
  { action: A.CLOSE_NO_SUPPLEMENT, from: [S.WAITING_FOR_SUPPLEMENT], to: S.CLOSED_NO_SUPPLEMENT, by: 'system', permissions: [] },
  { action: A.CLOSE_NO_SUPPLEMENT, from: [S.WAITING_FOR_SUPPLEMENT], to: S.CLOSED_NO_SUPPLEMENT, by: 'staff', permissions: [P.DOSSIER_INTAKE] },
  { action: A.MARK_DUE_SOON, from: CLOCK_RUNNING_STATUSES, to: SAME, by: 'system', permissions: [] },
  // Also for online dossiers the desk has not accepted within its 8 working hours.
  { action: A.MARK_OVERDUE, from: [...CLOCK_RUNNING_STATUSES, S.PENDING_ACCEPTANCE], to: SAME, by: 'system', permissions: [] },
];

/** Actions a person chooses (the rest are creations or done by the sweep job). */
export const CREATION_ACTIONS: readonly DossierAction[] = [A.SUBMIT, A.RECEIVE];
export const SYSTEM_ONLY_ACTIONS: readonly DossierAction[] = [A.MARK_DUE_SOON, A.MARK_OVERDUE];

/** Who is asking, as the workflow sees it. */
export interface WorkflowActor {
  readonly role: ActorRole;
  readonly permissions: ReadonlySet<string> | readonly string[];
}

function hasAny(actor: WorkflowActor, permissions: readonly Permission[]): boolean {
  if (permissions.length === 0) return true;
  const held = actor.permissions;
  return permissions.some((p) => (Array.isArray(held) ? held.includes(p) : (held as ReadonlySet<string>).has(p)));
}

/** The rule that lets `actor` perform `action` from `status`, if any. */
export function findTransition(status: DossierStatus, action: DossierAction, actor: WorkflowActor): TransitionRule | undefined {
  return DOSSIER_WORKFLOW.find(
    (rule) => rule.action === action && rule.from.includes(status) && rule.by === actor.role && hasAny(actor, rule.permissions),
  );
}

/** Actions `actor` may perform from `status`, in table order, without duplicates. */
export function allowedActions(status: DossierStatus, actor: WorkflowActor): DossierAction[] {
  const out: DossierAction[] = [];
  for (const rule of DOSSIER_WORKFLOW) {
    if (rule.from.includes(status) && rule.by === actor.role && hasAny(actor, rule.permissions) && !out.includes(rule.action)) {
      out.push(rule.action);
    }
  }
  return out;
}

/** The status an action leads to, resolving `same` and `resume` against the current state. */
export function targetStatus(rule: TransitionRule, current: DossierStatus, resumeStatus: DossierStatus | null): DossierStatus {
  if (rule.to === SAME) return current;
  if (rule.to === RESUME) {
    if (!resumeStatus) throw new Error(`action ${rule.action} resumes, but the dossier has no status to resume`);
    return resumeStatus;
  }
  return rule.to;
}

export const isTerminal = (status: DossierStatus) => TERMINAL_STATUSES.includes(status);
export const isPending = (status: DossierStatus) => PENDING_STATUSES.includes(status);
export const isClockRunning = (status: DossierStatus) => CLOCK_RUNNING_STATUSES.includes(status);

export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  pending_acceptance: 'Chờ tiếp nhận',
  received: 'Đã tiếp nhận',
  in_progress: 'Đang xử lý',
  waiting_for_supplement: 'Chờ bổ sung hồ sơ',
  at_other_agency: 'Đang xử lý tại cơ quan phối hợp',
  approved: 'Đã phê duyệt, chờ ký',
  signed: 'Đã ký, chờ phát hành',
  result_ready: 'Đã có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
  refused: 'Từ chối giải quyết',
  stopped: 'Dừng giải quyết',
  withdrawn: 'Đã rút hồ sơ',
  closed_no_supplement: 'Đóng hồ sơ do không bổ sung',
};

export const DOSSIER_ACTION_LABELS: Record<DossierAction, string> = {
  submit: 'Nộp hồ sơ trực tuyến',
  receive: 'Tiếp nhận hồ sơ',
  accept: 'Tiếp nhận hồ sơ trực tuyến',
  request_supplement: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  provide_supplement: 'Bổ sung hồ sơ',
  forward: 'Chuyển bước xử lý',
  assign: 'Phân công xử lý',
  send_to_agency: 'Chuyển cơ quan phối hợp',
  receive_from_agency: 'Nhận lại từ cơ quan phối hợp',
  approve: 'Phê duyệt',
  sign: 'Ký kết quả',
  issue: 'Vào số, phát hành kết quả',
  return_result: 'Trả kết quả',
  acknowledge_result: 'Xác nhận đã nhận kết quả trực tuyến',
  refuse: 'Từ chối giải quyết',
  stop: 'Dừng giải quyết theo yêu cầu',
  withdraw: 'Rút hồ sơ',
  apologise_extend: 'Xin lỗi và hẹn lại ngày trả kết quả',
  close_no_supplement: 'Đóng hồ sơ do không bổ sung',
  mark_due_soon: 'Cảnh báo sắp đến hạn',
  mark_overdue: 'Cảnh báo quá hạn',
};

/** Audit action code of a workflow action. */
export function auditActionOf(action: DossierAction): string {
  return `dossier.${action}`;
}
