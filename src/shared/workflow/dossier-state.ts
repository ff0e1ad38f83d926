/**
 * A dossier's processing state derives from its append-only action log: `reduceDossier` applies one
 * logged action to the state, `replayDossier` folds the whole log. Everything that needs a calendar
 * or the database (due dates, the next step's department, the outcome) is computed by the server
 * when the action is recorded and stored in the action's payload, so replaying needs neither.
 */
import type { Outcome } from '../calendar/types';
import { DossierAction, type DossierAction as Action, type DossierStatus as Status } from './dossier-workflow';

/** Due-date alert raised by the sweep job. */
export const DeadlineAlert = { DUE_SOON: 'due_soon', OVERDUE: 'overdue' } as const;
export type DeadlineAlert = (typeof DeadlineAlert)[keyof typeof DeadlineAlert];

/** Where a supplement request was made: at intake (desk) or during appraisal (competent agency). */
export type SupplementStage = 'intake' | 'appraisal';

export interface SuspensionPeriod {
  readonly from: string;
  readonly to: string | null;
}

/** The projection stored in the `dossiers` row; instants are ISO strings. */
export interface DossierState {
  readonly status: Status;
  /** Status to go back to after a supplement or an inter-agency hand-off. */
  readonly resumeStatus: Status | null;
  readonly currentStep: number | null;
  readonly currentAgencyId: string;
  readonly currentDepartmentId: string | null;
  readonly assigneeId: string | null;
  /** Official receipt instant (Giấy tiếp nhận); null while pending acceptance. */
  readonly receivedAt: string | null;
  /** Instant the current count started (receipt, or the complete supplement under the restart rule). */
  readonly processingStartedAt: string | null;
  /** Current due instant (after an extension, the new one). */
  readonly dueAt: string | null;
  /** Due instant by the legal time, before any extension; statistics count against it by default. */
  readonly originalDueAt: string | null;
  readonly stepDueAt: string | null;
  /** Set once: the apology with a new date may be sent only once (NĐ 118 Điều 19.6). */
  readonly extendedAt: string | null;
  /** Online dossiers: alert the desk by this instant (2 hours) and accept or return by the next (8 working hours). */
  readonly acceptAlertAt: string | null;
  readonly acceptDueAt: string | null;
  /** Periods waiting for a supplement after receipt (the clock does not run). */
  readonly suspensions: readonly SuspensionPeriod[];
  readonly supplementRequestedAt: string | null;
  readonly supplementRequests: { readonly intake: number; readonly appraisal: number };
  readonly deadlineAlert: DeadlineAlert | null;
  readonly finishedAt: string | null;
  readonly outcome: Outcome | null;
  /** Số văn bản given by the clerk when the result is issued. */
  readonly documentNumber: string | null;
}

/** Values the server computed when the action was recorded. Only those relevant to the action are read. */
export interface DossierEventPayload {
  readonly agencyId?: string;
  readonly departmentId?: string | null;
  readonly assigneeId?: string | null;
  readonly toStep?: number | null;
  readonly receivedAt?: string;
  readonly processingStartedAt?: string;
  readonly dueAt?: string | null;
  readonly originalDueAt?: string | null;
  readonly stepDueAt?: string | null;
  readonly acceptAlertAt?: string | null;
  readonly acceptDueAt?: string | null;
  readonly stage?: SupplementStage;
  readonly outcome?: Outcome | null;
  readonly documentNumber?: string;
  readonly [key: string]: unknown;
}

export interface DossierEvent {
  readonly action: Action;
  /** ISO instant the action was recorded. */
  readonly at: string;
  readonly fromStatus: Status | null;
  readonly toStatus: Status;
  readonly payload: DossierEventPayload;
}

const EMPTY: Omit<DossierState, 'status' | 'currentAgencyId'> = {
  resumeStatus: null,
  currentStep: null,
  currentDepartmentId: null,
  assigneeId: null,
  receivedAt: null,
  processingStartedAt: null,
  dueAt: null,
  originalDueAt: null,
  stepDueAt: null,
  extendedAt: null,
  acceptAlertAt: null,
  acceptDueAt: null,
  suspensions: [],
  supplementRequestedAt: null,
  supplementRequests: { intake: 0, appraisal: 0 },
  deadlineAlert: null,
  finishedAt: null,
  outcome: null,
  documentNumber: null,
};

function required<T>(value: T | undefined, action: Action, field: string): T {
  if (value === undefined) throw new Error(`dossier event ${action} lacks payload.${field}`);
  return value;
}

/** Moves to another step (and possibly another agency, department and assignee). */
function moveTo(state: DossierState, p: DossierEventPayload): Partial<DossierState> {
  return {
    currentStep: p.toStep !== undefined ? p.toStep : state.currentStep,
    currentAgencyId: p.agencyId ?? state.currentAgencyId,
    currentDepartmentId: p.departmentId !== undefined ? p.departmentId : state.currentDepartmentId,
    assigneeId: p.assigneeId !== undefined ? p.assigneeId : null,
    stepDueAt: p.stepDueAt !== undefined ? p.stepDueAt : state.stepDueAt,
  };
}

/** A new count: receipt, acceptance or a complete supplement under the restart rule. */
function startClock(event: DossierEvent): Partial<DossierState> {
  const p = event.payload;
  return {
    processingStartedAt: required(p.processingStartedAt, event.action, 'processingStartedAt'),
    dueAt: required(p.dueAt, event.action, 'dueAt'),
    originalDueAt: p.originalDueAt ?? p.dueAt ?? null,
    extendedAt: null,
    deadlineAlert: null,
  };
}

function finish(event: DossierEvent): Partial<DossierState> {
  return { finishedAt: event.at, outcome: event.payload.outcome ?? null, deadlineAlert: null, resumeStatus: null };
}

/** Applies one logged action. Creation events (`submit`, `receive`) ignore `state`. */
export function reduceDossier(state: DossierState | null, event: DossierEvent): DossierState {
  const p = event.payload;
  const next = (changes: Partial<DossierState>): DossierState => ({ ...state!, ...changes, status: event.toStatus });
  if (state === null && event.action !== DossierAction.SUBMIT && event.action !== DossierAction.RECEIVE) {
    throw new Error(`the first event of a dossier must be submit or receive, got ${event.action}`);
  }
  switch (event.action) {
    case DossierAction.SUBMIT:
      return {
        ...EMPTY,
        status: event.toStatus,
        currentAgencyId: required(p.agencyId, event.action, 'agencyId'),
        currentDepartmentId: p.departmentId ?? null,
        acceptAlertAt: p.acceptAlertAt ?? null,
        acceptDueAt: p.acceptDueAt ?? null,
      };
    case DossierAction.RECEIVE:
      return {
        ...EMPTY,
        status: event.toStatus,
        currentAgencyId: required(p.agencyId, event.action, 'agencyId'),
        currentDepartmentId: p.departmentId ?? null,
        currentStep: p.toStep ?? null,
        stepDueAt: p.stepDueAt ?? null,
        receivedAt: required(p.receivedAt, event.action, 'receivedAt'),
        ...startClock(event),
      };
    case DossierAction.ACCEPT:
      return next({
        ...moveTo(state!, p),
        receivedAt: required(p.receivedAt, event.action, 'receivedAt'),
        ...startClock(event),
        acceptAlertAt: null,
        acceptDueAt: null,
      });
    case DossierAction.REQUEST_SUPPLEMENT: {
      const stage = required(p.stage, event.action, 'stage');
      const clockStarted = state!.receivedAt !== null;
      return next({
        resumeStatus: state!.status,
        supplementRequestedAt: event.at,
        supplementRequests: { ...state!.supplementRequests, [stage]: state!.supplementRequests[stage] + 1 },
        suspensions: clockStarted ? [...state!.suspensions, { from: event.at, to: null }] : state!.suspensions,
        dueAt: clockStarted ? null : state!.dueAt,
        stepDueAt: clockStarted ? null : state!.stepDueAt,
        deadlineAlert: null,
        acceptAlertAt: null,
        acceptDueAt: null,
      });
    }
    case DossierAction.PROVIDE_SUPPLEMENT: {
      const base: Partial<DossierState> = { resumeStatus: null, supplementRequestedAt: null };
      if (state!.receivedAt === null) {
        return next({ ...base, acceptAlertAt: p.acceptAlertAt ?? null, acceptDueAt: p.acceptDueAt ?? null });
      }
      const suspensions = state!.suspensions.map((s) => (s.to === null ? { from: s.from, to: event.at } : s));
      return next({ ...base, suspensions, ...startClock(event), stepDueAt: p.stepDueAt ?? null });
    }
    case DossierAction.FORWARD:
    case DossierAction.RECEIVE_FROM_AGENCY:
    case DossierAction.APPROVE:
    case DossierAction.SIGN:
      return next({ ...moveTo(state!, p), resumeStatus: null });
    case DossierAction.ASSIGN:
      return next({
        assigneeId: p.assigneeId ?? null,
        currentDepartmentId: p.departmentId !== undefined ? p.departmentId : state!.currentDepartmentId,
      });
    case DossierAction.SEND_TO_AGENCY:
      return next({ ...moveTo(state!, p), resumeStatus: state!.status });
    case DossierAction.ISSUE:
      return next({ ...finish(event), documentNumber: required(p.documentNumber, event.action, 'documentNumber'), assigneeId: null });
    case DossierAction.RETURN_RESULT:
    case DossierAction.ACKNOWLEDGE_RESULT:
      return next({});
    case DossierAction.REFUSE:
    case DossierAction.STOP:
    case DossierAction.WITHDRAW:
    case DossierAction.CLOSE_NO_SUPPLEMENT:
      return next({
        ...finish(event),
        suspensions: state!.suspensions.map((s) => (s.to === null ? { from: s.from, to: event.at } : s)),
        acceptAlertAt: null,
        acceptDueAt: null,
        assigneeId: null,
      });
    case DossierAction.APOLOGISE_EXTEND:
      return next({ dueAt: required(p.dueAt, event.action, 'dueAt') ?? null, extendedAt: event.at, deadlineAlert: null });
    case DossierAction.MARK_DUE_SOON:
      return next({ deadlineAlert: DeadlineAlert.DUE_SOON });
    case DossierAction.MARK_OVERDUE:
      return next({ deadlineAlert: DeadlineAlert.OVERDUE });
    default: {
      const unknown: never = event.action;
      throw new Error(`unknown dossier action ${String(unknown)}`);
    }
  }
}

/** Folds a dossier's whole log, in order, into its current state. */
export function replayDossier(events: readonly DossierEvent[]): DossierState {
  let state: DossierState | null = null;
  for (const event of events) state = reduceDossier(state, event);
  if (!state) throw new Error('a dossier has at least one event');
  return state;
}
