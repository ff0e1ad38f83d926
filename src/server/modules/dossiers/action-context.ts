/** What an action handler receives and what it returns to the dispatcher (perform-action.ts). */
import type { WorkCalendar } from '../../../shared/calendar';
import type { DossierActionInput } from '../../../shared/schemas/dossiers';
import type { DossierState } from '../../../shared/workflow/dossier-state';
import type { ActorRole } from '../../../shared/workflow/dossier-workflow';
import type { Actor } from '../../auth/actor';
import type { Executor } from '../../db/client';
import type { DocumentDraft } from './dossier-documents';
import type { DossierMessage } from './dossier-notifications';
import type { DossierRow } from './dossier-records';

/** Actions only the deadline sweep records. */
export interface SystemActionInput {
  actionId: string;
  action: 'mark_due_soon' | 'mark_overdue' | 'close_no_supplement';
  comment?: string | undefined;
  fileIds: string[];
}

export type AnyActionInput = DossierActionInput | SystemActionInput;
export type InputOf<A extends AnyActionInput['action']> = Extract<AnyActionInput, { action: A }>;

export interface ActionContext {
  tx: Executor;
  actor: Actor;
  role: ActorRole;
  row: DossierRow;
  state: DossierState;
  now: Date;
  /** The competent agency's work calendar (loaded on first use). */
  calendar(): Promise<WorkCalendar>;
}

export interface ActionPlan {
  /** Computed values and the action's own fields, stored in the log. */
  payload: Record<string, unknown>;
  comment?: string | null;
  documents?: DocumentDraft[];
  /** Columns outside the projection (delivery state, agencies involved). */
  extra?: Partial<DossierRow>;
  /** Work after the log and projection are written (steps, agency periods). */
  after?: (state: DossierState) => Promise<void>;
  /** Message to the applicant; by default one is sent when the status changes. null: none. */
  notify?: DossierMessage | null;
}

export type ActionHandler<A extends AnyActionInput['action']> = (ctx: ActionContext, input: InputOf<A>) => Promise<ActionPlan>;

export const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);
