/**
 * Builds, in memory, the rows the dossier use cases would write for a sequence of events — the dossier projection,
 * its action log with the same payloads, documents, the step plan with start and finish instants, each agency's
 * period, the code — using the same pure rules (shared/workflow, shared/calendar) and the same statistics deltas.
 * Each method mirrors one handler of modules/dossiers (named in its comment); simulation.test.ts runs the same events
 * through the real use cases and compares the results.
 *
 * Not written: notifications, per-dossier audit rows and the sweep's due-soon/overdue marks (the simulator records
 * one audit row per run), payments.
 */
import { randomUUID } from 'node:crypto';
import { toLocalDate, type WorkCalendar } from '../../../shared/calendar';
import type { DossierRules, ProcedureSnapshot, ProvidedDocumentInput, SnapshotStep } from '../../../shared/schemas/dossiers';
import { formatDossierCode } from '../../../shared/workflow/dossier-code';
import { acceptanceDeadlines, outcomeAt, scheduleAfterSupplement, scheduleAtReceipt, supplementClosureAt, type StepPlan } from '../../../shared/workflow/dossier-deadlines';
import { reduceDossier, type DossierEvent, type DossierState } from '../../../shared/workflow/dossier-state';
import { DOSSIER_WORKFLOW, targetStatus, type DossierAction, type DossierStatus } from '../../../shared/workflow/dossier-workflow';
import type { dossierActions, dossierAgencyPeriods, dossierDocuments, dossierSteps, dossiers } from '../../db/schema';
import type { AnyActionInput, InputOf } from '../dossiers/action-context';
import { columnsOfState } from '../dossiers/dossier-records';
import { requestHash } from '../dossiers/idempotency';
import { generateTrackingSecret, hashTrackingSecret } from '../dossiers/tracking-secret';
import { DeltaSet, addStatDeltas, type StatDossier } from '../statistics/stat-deltas';

export interface SimAgency {
  id: string;
  path: string;
  identifierCode: string;
  deskDepartmentId: string | null;
}

export type SimRole = 'desk' | 'specialist' | 'head' | 'leader' | 'clerk' | 'applicant' | 'system';

export interface SimApplicantData {
  userId: string | null;
  kind: 'individual' | 'organisation';
  name: string;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

/** One event of a dossier's history, in the shape the use cases take (replayable through them). */
export type PlanEvent =
  | { kind: 'receive'; at: Date; by: 'desk'; input: DeskIntakeShape }
  | { kind: 'submit'; at: Date; by: 'applicant'; input: OnlineShape }
  | { kind: 'action'; at: Date; by: SimRole; input: AnyActionInput };

export interface DeskIntakeShape {
  procedureId: string;
  competentAgencyId: string;
  receivingAgencyId: string;
  channel: 'in_person' | 'post';
  applicant: { kind: 'individual'; fullName: string; idNumber?: string; phone?: string; address?: string };
  documents: ProvidedDocumentInput[];
  deliveryMethod?: 'at_desk' | 'post';
}

export interface OnlineShape {
  procedureId: string;
  competentAgencyId: string;
  documents: ProvidedDocumentInput[];
}

export interface BuilderContext {
  /** The competent agency's calendar (the use cases load the same one). */
  calendar: WorkCalendar;
  snapshot: ProcedureSnapshot;
  fieldId: string;
  rules: DossierRules;
  codePattern: { id: string; pattern: string };
  competent: SimAgency;
  receiving: SimAgency;
  /** The next number of an agency's day (the code counter). */
  nextSeq(agencyCode: string, day: string): number;
  /** The uploaded sample scan online documents point to (null: online documents are recorded without a file). */
  sampleFileId: string | null;
  /** The dossier's id when it must be the same on every run (a resumable load); random otherwise. */
  id?: string;
  /**
   * Only the dossier row and its statistics deltas will be written (`SimulateOptions.dossiersOnly`): skip what
   * nothing reads then — document rows and the request hashes of the action log.
   */
  rowOnly?: boolean;
}

type DossierInsert = typeof dossiers.$inferInsert;
type ActionInsert = typeof dossierActions.$inferInsert;
type DocumentInsert = typeof dossierDocuments.$inferInsert;
type StepInsert = typeof dossierSteps.$inferInsert;
type PeriodInsert = typeof dossierAgencyPeriods.$inferInsert;

interface Planned {
  payload: Record<string, unknown>;
  comment?: string | null;
  extra?: Partial<DossierInsert>;
  documents?: Omit<DocumentInsert, 'dossierId'>[];
  after?: () => void;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const date = (s: string | null) => (s ? new Date(s) : null);
const STAFF_NAMES: Record<SimRole, string> = {
  desk: 'Cán bộ Bộ phận Một cửa',
  specialist: 'Chuyên viên xử lý',
  head: 'Lãnh đạo phòng',
  leader: 'Lãnh đạo cơ quan',
  clerk: 'Văn thư',
  applicant: '',
  system: 'Hệ thống',
};

export class DossierBuilder {
  readonly id: string;
  readonly plan: PlanEvent[] = [];
  readonly actions: ActionInsert[] = [];
  readonly documents: DocumentInsert[] = [];
  readonly steps = new Map<number, { plannedDueAt: Date; startedAt: Date | null; finishedAt: Date | null; assigneeId: string | null }>();
  readonly periods: (PeriodInsert & { seq: number })[] = [];
  readonly deltas = new DeltaSet();
  row!: DossierInsert;
  state!: DossierState;
  private seq = 0;

  constructor(readonly ctx: BuilderContext) {
    this.id = ctx.id ?? randomUUID();
  }

  get status(): DossierStatus {
    return this.state.status;
  }

  private get statDossier(): StatDossier {
    return {
      competentAgencyId: this.ctx.competent.id,
      procedureId: this.ctx.snapshot.procedureId,
      procedureVersionId: this.ctx.snapshot.versionId,
      channel: this.row.channel,
      procedure: this.ctx.snapshot,
      rules: this.ctx.rules,
    };
  }

  private actorOf(by: SimRole) {
    if (by === 'applicant') return { role: 'applicant' as const, userId: this.row.applicantUserId ?? null, name: this.row.applicantName, agencyId: null };
    if (by === 'system') return { role: 'system' as const, userId: null, name: STAFF_NAMES.system, agencyId: null };
    const agencyId = by === 'desk' ? this.ctx.receiving.id : this.ctx.competent.id;
    return { role: 'staff' as const, userId: null, name: STAFF_NAMES[by], agencyId };
  }

  /** allocate-dossier-code.ts, with the counter kept by the caller; intake-dossier.ts codeAgency picks the identifier. */
  private code(at: Date, channel: string): string {
    const { snapshot, competent, receiving } = this.ctx;
    // NĐ 118 Điều 28.2a: the receiving desk's identifier for an inter-agency group filed in person.
    const agencyCode = snapshot.interAgency && channel !== 'online' ? receiving.identifierCode : competent.identifierCode;
    const day = toLocalDate(at);
    return formatDossierCode(this.ctx.codePattern.pattern, { agencyCode, date: day, seq: this.ctx.nextSeq(agencyCode, day) });
  }

  // ---- intake (intake-dossier.ts)

  private create(at: Date, channel: 'online' | 'in_person' | 'post', applicant: SimApplicantData, event: DossierEvent, documents: ProvidedDocumentInput[], deliveryMethod: string, hash: string, by: SimRole) {
    const { snapshot, receiving, competent, rules } = this.ctx;
    const state = reduceDossier(null, event);
    const feeTotal = snapshot.fees.reduce((sum, f) => sum + f.amount, 0);
    this.row = {
      id: this.id,
      code: this.code(at, channel),
      codePatternId: this.ctx.codePattern.id,
      procedureId: snapshot.procedureId,
      procedureVersionId: snapshot.versionId,
      procedure: snapshot,
      rules,
      applicantUserId: applicant.userId,
      applicantKind: applicant.kind,
      applicantName: applicant.name,
      applicantIdNumber: applicant.idNumber,
      applicantPhone: applicant.phone,
      applicantEmail: applicant.email,
      applicantAddress: applicant.address,
      organisationName: null,
      organisationTaxCode: null,
      summary: null,
      note: null,
      channel,
      helpedAtAgencyId: null,
      receivingAgencyId: receiving.id,
      competentAgencyId: competent.id,
      agencyIds: [...new Set([receiving.id, competent.id])],
      receivedById: null,
      submittedAt: at,
      ...columnsOfState(state),
      lastSeq: 1,
      paymentState: feeTotal > 0 ? 'unpaid' : 'not_required',
      feeTotal,
      deliveryMethod,
      deliveryAddress: applicant.address,
      deliveryState: 'not_ready',
      syncState: 'pending',
      syncedAt: null,
      trackingSecretHash: hashTrackingSecret(generateTrackingSecret()),
      createdAt: at,
      updatedAt: at,
    };
    this.state = state;
    this.seq = 1;
    const actor = this.actorOf(by);
    this.actions.push({
      actionId: randomUUID(),
      dossierId: this.id,
      seq: 1,
      action: event.action,
      at,
      actorId: actor.userId,
      actorRole: actor.role,
      actorName: actor.name,
      actorAgencyId: actor.agencyId,
      fromStatus: null,
      toStatus: state.status,
      fromStep: null,
      toStep: state.currentStep,
      comment: null,
      payload: event.payload as Record<string, unknown>,
      requestHash: hash,
    });
    if (!this.ctx.rowOnly) for (const d of documents) this.documents.push(...this.documentRows(d, 'application', null, at));
    addStatDeltas(this.deltas, this.statDossier, null, state, { action: event.action, at });
  }

  /** prepareProvidedDocuments: one row per file (paper counts on the first), or one paper-only row. */
  private documentRows(d: ProvidedDocumentInput, kind: 'application' | 'supplement', actionId: string | null, at: Date): DocumentInsert[] {
    const name = d.index !== undefined ? this.ctx.snapshot.documents[d.index]!.name : d.name!;
    const base = { dossierId: this.id, kind, checklistIndex: d.index ?? null, name, reusedFromDocumentId: null, documentNumber: null, actionId, createdById: null, createdAt: at, updatedAt: at };
    const rows: DocumentInsert[] = [];
    let paper = { originals: d.originals, copies: d.copies };
    for (const fileId of d.fileIds) {
      rows.push({ ...base, ...paper, fileId });
      paper = { originals: 0, copies: 0 };
    }
    if (paper.originals + paper.copies > 0) rows.push({ ...base, ...paper, fileId: null });
    return rows;
  }

  /** receiveDossierAtDesk → intakeDossier (desk). */
  receive(at: Date, input: DeskIntakeShape): this {
    const { calendar, snapshot, receiving, competent } = this.ctx;
    this.plan.push({ kind: 'receive', at, by: 'desk', input });
    const schedule = scheduleAtReceipt(calendar, snapshot, at);
    const firstStep = snapshot.steps.length > 0 ? 0 : null;
    const event: DossierEvent = {
      action: 'receive',
      at: at.toISOString(),
      fromStatus: null,
      toStatus: 'received',
      payload: {
        agencyId: receiving.id,
        departmentId: receiving.deskDepartmentId,
        channel: input.channel,
        toStep: firstStep,
        receivedAt: at.toISOString(),
        processingStartedAt: schedule.processingStartedAt.toISOString(),
        dueAt: schedule.dueAt.toISOString(),
        stepDueAt: schedule.steps[0]?.plannedDueAt.toISOString() ?? null,
      },
    };
    const a = input.applicant;
    const applicant: SimApplicantData = { userId: null, kind: 'individual', name: a.fullName, idNumber: a.idNumber ?? null, phone: a.phone ?? null, email: null, address: a.address ?? null };
    const parsed = { ...input, summary: undefined, note: undefined };
    this.create(at, input.channel, applicant, event, input.documents, input.deliveryMethod ?? (input.channel === 'post' ? 'post' : 'at_desk'), this.ctx.rowOnly ? '' : requestHash(parsed), 'desk');
    this.insertStepPlan(schedule.steps, at, firstStep);
    this.periods.push({ dossierId: this.id, agencyId: competent.id, externalAgencyName: null, role: 'competent', startedAt: schedule.processingStartedAt, dueAt: schedule.dueAt, finishedAt: null, outcome: null, seq: 0 });
    return this;
  }

  /** submitDossierOnline → intakeDossier (online). */
  submit(at: Date, input: OnlineShape, applicant: SimApplicantData): this {
    const { calendar, receiving, rules } = this.ctx;
    this.plan.push({ kind: 'submit', at, by: 'applicant', input });
    const acceptance = acceptanceDeadlines(calendar, rules, at);
    const event: DossierEvent = {
      action: 'submit',
      at: at.toISOString(),
      fromStatus: null,
      toStatus: 'pending_acceptance',
      payload: { agencyId: receiving.id, departmentId: receiving.deskDepartmentId, channel: 'online', acceptAlertAt: acceptance.acceptAlertAt.toISOString(), acceptDueAt: acceptance.acceptDueAt.toISOString() },
    };
    this.create(at, 'online', applicant, event, input.documents, 'online', this.ctx.rowOnly ? '' : requestHash(input), 'applicant');
    return this;
  }

  // ---- step bookkeeping (dossier-progress.ts)

  private insertStepPlan(plan: readonly StepPlan[], startedAt: Date, current: number | null) {
    for (const s of plan) this.steps.set(s.position, { plannedDueAt: s.plannedDueAt, startedAt: s.position === current ? startedAt : null, finishedAt: null, assigneeId: null });
  }

  private moveStep(from: number | null, to: number | null, now: Date, assigneeId: string | null = null) {
    if (from === to) return;
    if (from !== null && this.steps.has(from)) this.steps.get(from)!.finishedAt = now;
    if (to !== null && this.steps.has(to)) Object.assign(this.steps.get(to)!, { startedAt: now, finishedAt: null, assigneeId });
  }

  private plannedDueOf(position: number | null): Date | null {
    return position === null ? null : (this.steps.get(position)?.plannedDueAt ?? null);
  }

  private openPeriod(role: 'competent' | 'participating') {
    for (let i = this.periods.length - 1; i >= 0; i--) if (this.periods[i]!.role === role && !this.periods[i]!.finishedAt) return this.periods[i]!;
    return undefined;
  }

  /** routing-actions.ts placeOfStep. */
  private placeOfStep(step: SnapshotStep | undefined) {
    if (step?.role === 'desk') return { agencyId: this.ctx.receiving.id, departmentId: step.departmentId ?? this.ctx.receiving.deskDepartmentId };
    return { agencyId: this.ctx.competent.id, departmentId: step?.departmentId ?? null };
  }

  // ---- actions (perform-action.ts and the handlers)

  act(at: Date, by: SimRole, input: AnyActionInput): this {
    this.plan.push({ kind: 'action', at, by, input });
    const planned = this.handle(at, input);
    const role = by === 'applicant' ? 'applicant' : by === 'system' ? 'system' : 'staff';
    const rule = DOSSIER_WORKFLOW.find((r) => r.action === input.action && r.from.includes(this.state.status) && r.by === role);
    if (!rule) throw new Error(`simulation: ${input.action} by ${role} is not allowed from ${this.state.status}`);
    const before = this.state;
    const toStatus = targetStatus(rule, before.status, before.resumeStatus);
    const event: DossierEvent = { action: input.action as DossierAction, at: at.toISOString(), fromStatus: before.status, toStatus, payload: planned.payload };
    const after = reduceDossier(before, event);
    this.seq++;
    const actor = this.actorOf(by);
    this.actions.push({
      actionId: input.actionId,
      dossierId: this.id,
      seq: this.seq,
      action: input.action,
      at,
      actorId: actor.userId,
      actorRole: actor.role,
      actorName: actor.name,
      actorAgencyId: actor.agencyId,
      fromStatus: before.status,
      toStatus: after.status,
      fromStep: before.currentStep,
      toStep: after.currentStep,
      comment: planned.comment !== undefined ? planned.comment : (input.comment ?? null),
      payload: planned.payload,
      requestHash: this.ctx.rowOnly ? '' : requestHash({ dossierId: this.id, input }),
    });
    this.row = { ...this.row, ...columnsOfState(after), ...planned.extra, lastSeq: this.seq, updatedAt: at };
    this.state = after;
    for (const d of planned.documents ?? []) this.documents.push({ ...d, dossierId: this.id, actionId: input.actionId, createdAt: at, updatedAt: at });
    planned.after?.();
    addStatDeltas(this.deltas, this.statDossier, before, after, { action: input.action, at });
    return this;
  }

  private handle(now: Date, input: AnyActionInput): Planned {
    const { calendar, snapshot, rules } = this.ctx;
    const state = this.state;
    const rowDueAt = date(state.dueAt);
    const rowOriginalDueAt = date(state.originalDueAt);
    const steps = snapshot.steps;
    const stepAt = (position: number | null) => (position === null ? undefined : steps[position]);
    switch (input.action) {
      case 'accept': {
        // intake-actions.ts accept
        const schedule = scheduleAtReceipt(calendar, snapshot, now);
        const firstStep = steps.length > 0 ? 0 : null;
        return {
          payload: {
            receivedAt: now.toISOString(),
            processingStartedAt: schedule.processingStartedAt.toISOString(),
            dueAt: schedule.dueAt.toISOString(),
            toStep: firstStep,
            stepDueAt: iso(schedule.steps[0]?.plannedDueAt),
            departmentId: state.currentDepartmentId,
            assigneeId: null,
          },
          extra: { receivedById: null },
          after: () => {
            this.insertStepPlan(schedule.steps, now, firstStep);
            this.periods.push({ dossierId: this.id, agencyId: this.ctx.competent.id, externalAgencyName: null, role: 'competent', startedAt: schedule.processingStartedAt, dueAt: schedule.dueAt, finishedAt: null, outcome: null, seq: this.seq });
          },
        };
      }
      case 'request_supplement': {
        // intake-actions.ts requestSupplement (the window and the once-per-stage rule are the generator's business)
        const i = input as InputOf<'request_supplement'>;
        const stage = state.status === 'pending_acceptance' || state.status === 'received' ? 'intake' : 'appraisal';
        const closesAt = supplementClosureAt(rules, now);
        const list = i.items.map((item, n) => `${n + 1}. ${item.name}: ${item.reason}`);
        return { payload: { stage, items: i.items, closesAt: iso(closesAt) }, comment: i.comment ?? list.join('\n') };
      }
      case 'provide_supplement': {
        const i = input as InputOf<'provide_supplement'>;
        const documents = i.documents.flatMap((d) => this.documentRows(d, 'supplement', null, now)).map(({ dossierId: _d, ...rest }) => rest);
        if (!state.receivedAt) {
          const deadlines = acceptanceDeadlines(calendar, rules, now);
          return { payload: { acceptAlertAt: deadlines.acceptAlertAt.toISOString(), acceptDueAt: deadlines.acceptDueAt.toISOString() }, comment: i.comment ?? null, documents };
        }
        const suspensions = state.suspensions.map((s) => ({ from: new Date(s.from), to: s.to ? new Date(s.to) : now }));
        const schedule = scheduleAfterSupplement(calendar, snapshot, rules, new Date(state.receivedAt), suspensions, now, state.currentStep);
        const stepDue = schedule.steps.find((p) => p.position === state.currentStep)?.plannedDueAt ?? null;
        return {
          payload: { processingStartedAt: schedule.processingStartedAt.toISOString(), dueAt: schedule.dueAt.toISOString(), stepDueAt: iso(stepDue), rule: rules.supplementRule },
          comment: i.comment ?? null,
          documents,
          after: () => {
            for (const p of schedule.steps) if (this.steps.has(p.position)) this.steps.get(p.position)!.plannedDueAt = p.plannedDueAt;
            const open = this.openPeriod('competent');
            if (open) open.dueAt = schedule.dueAt;
          },
        };
      }
      case 'close_no_supplement':
        return {
          payload: {},
          comment: input.comment ?? 'Quá thời hạn bổ sung, hoàn thiện hồ sơ',
          after: () => this.endWork(now, null, state.currentStep),
        };
      case 'forward': {
        // routing-actions.ts forward (to the next step; no assignee or department chosen)
        let toStep: number | null = null;
        if (steps.length > 0) toStep = (state.currentStep ?? -1) + 1;
        const place = steps.length > 0 ? this.placeOfStep(stepAt(toStep)) : { agencyId: this.ctx.competent.id, departmentId: null };
        const departmentId = place.departmentId ?? (steps.length === 0 ? state.currentDepartmentId : null);
        return {
          payload: { toStep, agencyId: place.agencyId, departmentId, assigneeId: null, stepDueAt: iso(this.plannedDueOf(toStep)) },
          comment: input.comment ?? null,
          after: () => this.moveStep(state.currentStep, toStep, now),
        };
      }
      case 'send_to_agency': {
        const i = input as InputOf<'send_to_agency'>;
        const next = stepAt((state.currentStep ?? -1) + 1);
        const toStep = next?.role === 'other_agency' ? state.currentStep! + 1 : state.currentStep;
        const agencyDueAt = next?.role === 'other_agency' ? calendar.addWorkingMinutes(calendar.processingStart(now), next.allottedMinutes) : null;
        const partner = { agencyId: i.agencyId ?? null, externalAgencyName: i.externalAgencyName ?? null };
        return {
          payload: { ...partner, toStep, assigneeId: null, agencyDueAt: iso(agencyDueAt), stepDueAt: iso(agencyDueAt) },
          comment: i.comment ?? null,
          after: () => {
            this.moveStep(state.currentStep, toStep, now);
            this.periods.push({ dossierId: this.id, ...partner, role: 'participating', startedAt: now, dueAt: agencyDueAt, finishedAt: null, outcome: null, seq: this.seq });
          },
        };
      }
      case 'receive_from_agency': {
        const current = stepAt(state.currentStep);
        const afterPartner = current?.role === 'other_agency' && stepAt(state.currentStep! + 1) ? state.currentStep! + 1 : state.currentStep;
        const place = this.placeOfStep(stepAt(afterPartner));
        return {
          payload: { toStep: afterPartner, agencyId: this.ctx.competent.id, departmentId: place.departmentId, assigneeId: null, stepDueAt: iso(this.plannedDueOf(afterPartner)) },
          comment: input.comment ?? null,
          after: () => {
            const open = this.openPeriod('participating');
            if (open) Object.assign(open, { finishedAt: now, outcome: open.dueAt ? calendar.classifyOutcome(now, open.dueAt) : null });
            this.moveStep(state.currentStep, afterPartner, now);
          },
        };
      }
      case 'approve':
        return { payload: {}, comment: input.comment ?? null };
      case 'sign': {
        const clerk = steps.find((s) => s.role === 'clerk' && s.position > (state.currentStep ?? -1));
        return {
          payload: clerk ? { toStep: clerk.position, departmentId: clerk.departmentId, assigneeId: null } : {},
          comment: input.comment ?? null,
          after: () => {
            if (clerk) this.moveStep(state.currentStep, clerk.position, now);
          },
        };
      }
      case 'issue': {
        const i = input as InputOf<'issue'>;
        const outcome = outcomeAt(rules, now, rowDueAt, rowOriginalDueAt);
        return { payload: { documentNumber: i.documentNumber, outcome }, comment: i.comment ?? null, extra: { deliveryState: 'ready' }, after: () => this.endWork(now, outcome, state.currentStep) };
      }
      case 'return_result': {
        const i = input as InputOf<'return_result'>;
        return { payload: { method: i.method, receiverName: i.receiverName ?? null, postalTrackingNumber: i.postalTrackingNumber ?? null }, comment: i.comment ?? null, extra: { deliveryState: 'delivered' } };
      }
      case 'refuse':
      case 'stop':
      case 'withdraw': {
        // ending-actions.ts: a refusal after receipt is a resolution with an outcome; a stop or withdrawal is not.
        const reason = (input as { reason?: string }).reason;
        const outcome = input.action === 'refuse' && state.receivedAt ? outcomeAt(rules, now, rowDueAt, rowOriginalDueAt) : null;
        return { payload: { reason: reason ?? null, outcome }, comment: reason ?? null, after: () => this.endWork(now, outcome, state.currentStep) };
      }
      default:
        throw new Error(`simulation does not build ${input.action}`);
    }
  }

  /** The current step ends and the competent agency's period closes (issue, refusal, stop, closure). */
  private endWork(now: Date, outcome: string | null, currentStep: number | null) {
    this.moveStep(currentStep, null, now);
    const open = this.openPeriod('competent');
    if (open) Object.assign(open, { finishedAt: now, outcome });
  }

  /** Step rows as dossier_steps holds them. */
  stepRows(): StepInsert[] {
    return [...this.steps.entries()].map(([position, s]) => ({ dossierId: this.id, position, ...s }));
  }

  periodRows(): PeriodInsert[] {
    return this.periods.map(({ seq: _seq, ...p }) => p);
  }
}
