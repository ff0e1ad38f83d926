/**
 * Petition workflow (phản ánh, kiến nghị, NĐ 20/2008): status → allowed actions → who may take them.
 * One table read by the server (to accept or refuse an action, 409 listing what is allowed) and by the UI
 * (to show only the buttons that apply). The status of a petition follows its append-only action log.
 *
 * Steps of NĐ 20/2008: guide → receive → register → classify → forward within 5 working days when another
 * agency is competent → process → respond → publish the result.
 */
import type { WorkCalendar } from '../calendar';
import { Permission } from '../permissions';

export const PetitionStatus = {
  /** Đã tiếp nhận, vào sổ: registered with a code, waiting to be classified. */
  RECEIVED: 'received',
  /** Đã phân loại: within this agency's competence, waiting to be assigned. */
  CLASSIFIED: 'classified',
  /** Đang xử lý: assigned to an officer. */
  IN_PROGRESS: 'in_progress',
  /** Đã trả lời. */
  ANSWERED: 'answered',
  /** Đã công khai kết quả trả lời trên Cổng (without personal data). */
  PUBLISHED: 'published',
  /** Đã chuyển cơ quan có thẩm quyền ngoài hệ thống. */
  FORWARDED: 'forwarded',
  /** Không đủ điều kiện xử lý (e.g. a complaint or denunciation, handled under other laws). */
  REJECTED: 'rejected',
  /** Người phản ánh rút phản ánh, kiến nghị. */
  WITHDRAWN: 'withdrawn',
} as const;
export type PetitionStatus = (typeof PetitionStatus)[keyof typeof PetitionStatus];
export const PETITION_STATUSES = Object.values(PetitionStatus) as [PetitionStatus, ...PetitionStatus[]];

export const petitionStatusLabels: Record<PetitionStatus, string> = {
  received: 'Đã tiếp nhận',
  classified: 'Đã phân loại',
  in_progress: 'Đang xử lý',
  answered: 'Đã trả lời',
  published: 'Đã công khai',
  forwarded: 'Đã chuyển cơ quan có thẩm quyền',
  rejected: 'Không đủ điều kiện xử lý',
  withdrawn: 'Đã rút',
};

export const PetitionAction = {
  CLASSIFY: 'classify',
  ASSIGN: 'assign',
  FORWARD: 'forward',
  REJECT: 'reject',
  ANSWER: 'answer',
  PUBLISH: 'publish',
  UNPUBLISH: 'unpublish',
  WITHDRAW: 'withdraw',
  SET_PUBLISH_CONSENT: 'set_publish_consent',
  RATE_ANSWER: 'rate_answer',
} as const;
export type PetitionAction = (typeof PetitionAction)[keyof typeof PetitionAction];
export const PETITION_ACTIONS = Object.values(PetitionAction) as [PetitionAction, ...PetitionAction[]];

export const petitionActionLabels: Record<PetitionAction, string> = {
  classify: 'Phân loại',
  assign: 'Giao xử lý',
  forward: 'Chuyển cơ quan có thẩm quyền',
  reject: 'Từ chối xử lý',
  answer: 'Trả lời',
  publish: 'Công khai kết quả',
  unpublish: 'Gỡ công khai',
  withdraw: 'Rút phản ánh, kiến nghị',
  set_publish_consent: 'Đồng ý / không đồng ý công khai',
  rate_answer: 'Đánh giá kết quả trả lời',
};

/** Who takes an action: staff holding a permission in the petition's agency scope, or the petitioner. */
export type PetitionActor = { kind: 'staff'; permission: Permission } | { kind: 'petitioner' };

export interface PetitionTransition {
  action: PetitionAction;
  /** Status after the action; `null` keeps the current status. */
  to: PetitionStatus | null;
  by: PetitionActor;
}

const staff: PetitionActor = { kind: 'staff', permission: Permission.PETITION_HANDLE };
const petitioner: PetitionActor = { kind: 'petitioner' };
const OPEN_STATUSES: PetitionStatus[] = ['received', 'classified', 'in_progress'];

const t = (action: PetitionAction, to: PetitionStatus | null, by: PetitionActor): PetitionTransition => ({ action, to, by });

/**
 * The workflow table. `forward` hands the petition to another agency of the system as `received` there (its
 * clock restarts), or ends here as `forwarded` when the competent agency is outside the system.
 */
export const petitionWorkflow: Record<PetitionStatus, readonly PetitionTransition[]> = {
  received: [
    t('classify', 'classified', staff),
    t('forward', 'received', staff),
    t('reject', 'rejected', staff),
    t('withdraw', 'withdrawn', petitioner),
    t('set_publish_consent', null, petitioner),
  ],
  classified: [
    t('assign', 'in_progress', staff),
    t('classify', 'classified', staff),
    t('forward', 'received', staff),
    t('reject', 'rejected', staff),
    t('withdraw', 'withdrawn', petitioner),
    t('set_publish_consent', null, petitioner),
  ],
  in_progress: [
    t('answer', 'answered', staff),
    t('assign', 'in_progress', staff),
    t('classify', 'in_progress', staff),
    t('forward', 'received', staff),
    t('withdraw', 'withdrawn', petitioner),
    t('set_publish_consent', null, petitioner),
  ],
  answered: [t('publish', 'published', staff), t('rate_answer', null, petitioner), t('set_publish_consent', null, petitioner)],
  published: [t('unpublish', 'answered', staff), t('rate_answer', null, petitioner), t('set_publish_consent', null, petitioner)],
  forwarded: [],
  rejected: [],
  withdrawn: [],
};

export function findPetitionTransition(status: PetitionStatus, action: PetitionAction): PetitionTransition | undefined {
  return petitionWorkflow[status].find((tr) => tr.action === action);
}

export function allowedPetitionActions(status: PetitionStatus): PetitionAction[] {
  return petitionWorkflow[status].map((tr) => tr.action);
}

/** Statuses in which the petition still waits for this system to act (pending in statistics). */
export function isOpenPetitionStatus(status: PetitionStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export const PetitionCategory = {
  /** Nội dung quy định hành chính. */
  REGULATION_CONTENT: 'regulation_content',
  /** Thủ tục hành chính, việc thực hiện thủ tục. */
  PROCEDURE: 'procedure',
  /** Hành vi, thái độ của cán bộ, công chức. */
  STAFF_CONDUCT: 'staff_conduct',
  OTHER: 'other',
} as const;
export type PetitionCategory = (typeof PetitionCategory)[keyof typeof PetitionCategory];
export const PETITION_CATEGORIES = Object.values(PetitionCategory) as [PetitionCategory, ...PetitionCategory[]];

export const petitionCategoryLabels: Record<PetitionCategory, string> = {
  regulation_content: 'Nội dung quy định hành chính',
  procedure: 'Thủ tục hành chính và việc thực hiện',
  staff_conduct: 'Hành vi, thái độ của cán bộ, công chức',
  other: 'Nội dung khác',
};

export const PetitionChannel = {
  /** Gửi trực tuyến trên Cổng. */
  ONLINE: 'online',
  /** Văn bản gửi qua bưu chính. */
  LETTER: 'letter',
  /** Văn bản nộp trực tiếp. */
  IN_PERSON: 'in_person',
  /** Thư điện tử. */
  EMAIL: 'email',
  /** Điện thoại. */
  PHONE: 'phone',
} as const;
export type PetitionChannel = (typeof PetitionChannel)[keyof typeof PetitionChannel];
export const PETITION_CHANNELS = Object.values(PetitionChannel) as [PetitionChannel, ...PetitionChannel[]];
/** Channels a staff member enters on the petitioner's behalf. */
export const STAFF_ENTERED_CHANNELS = ['letter', 'in_person', 'email', 'phone'] as const satisfies readonly PetitionChannel[];

export const petitionChannelLabels: Record<PetitionChannel, string> = {
  online: 'Trực tuyến',
  letter: 'Văn bản qua bưu chính',
  in_person: 'Văn bản nộp trực tiếp',
  email: 'Thư điện tử',
  phone: 'Điện thoại',
};

export interface PetitionDeadlineRules {
  /** NĐ 20/2008: 5 working days to forward a petition outside the agency's competence. */
  forwardWorkingDays: number;
  answerWorkingDays: number;
}

/**
 * Deadlines of a petition received at `receivedAt` by the agency now responsible, as local dates: the n-th
 * working day after the day of receipt (a petition received on Tuesday with 5 days is due the next Tuesday,
 * later when holidays intervene).
 */
export function computePetitionDeadlines(calendar: WorkCalendar, receivedAt: Date, rules: PetitionDeadlineRules) {
  const day = calendar.toLocalDate(receivedAt);
  return {
    forwardDueOn: calendar.addWorkingDays(day, rules.forwardWorkingDays),
    answerDueOn: calendar.addWorkingDays(day, rules.answerWorkingDays),
  };
}

/** Late when the local day of `at` is after the due day (compared at date level). */
export function isPastDueDay(calendar: WorkCalendar, at: Date, dueOn: string): boolean {
  return calendar.toLocalDate(at) > dueOn;
}
