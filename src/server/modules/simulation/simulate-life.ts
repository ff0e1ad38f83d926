/**
 * One simulated dossier's life, driven through a DossierBuilder so every event respects what the use cases would
 * accept: online submission and acceptance within the desk's working hours, some withdrawn or refused; a refusal at
 * the desk; supplements at intake or during appraisal (inside the 3-working-day window), most answered (the count
 * restarts) and some closed; the internal process step by step, with the partner agencies' steps (inter-agency) sent
 * and taken back; approval, signature and the result issued early, on time or late against the due date; the result
 * handed over; a few stopped at the applicant's request. Nothing happens after the horizon: such dossiers stay pending.
 */
import { randomUUID } from 'node:crypto';
import { addCalendarDays, toLocalDate } from '../../../shared/calendar';
import { statDueOf } from '../statistics/stat-deltas';
import type { AnyActionInput } from '../dossiers/action-context';
import { supplementClosureAt, supplementWindowEnd } from '../../../shared/workflow/dossier-deadlines';
import type { DossierBuilder, SimApplicantData, SimRole } from './dossier-builder';
import type { Random } from './seeded-random';
import type { SimApplicant } from './sim-people';

/** Shares used by the generator (the seed's province: 97 % of resolved dossiers on time). */
export const LIFE_RATES = {
  onlineWithdrawn: 0.015,
  onlineRefusedAtIntake: 0.01,
  refusedAfterReceipt: 0.008,
  supplementAtIntake: 0.035,
  supplementInAppraisal: 0.03,
  supplementAnswered: 0.88,
  stopped: 0.004,
  early: 0.76,
  onTime: 0.21,
  // the rest late
} as const;

export interface LifeOptions {
  channel: 'online' | 'in_person' | 'post';
  /** Submission (online) or receipt (desk) instant. */
  arrival: Date;
  applicant: SimApplicant;
  /** Applicant account of online dossiers (null: filed through the national portal without a local account). */
  applicantUserId: string | null;
  horizon: Date;
  sampleFileId: string | null;
  /**
   * Where the result must fall against a reporting period ending on `periodEnd` (a local date), for a history that
   * reproduces a report's figures (plan-history.ts): issued within the period on time or late, or after it (and
   * then never stopped inside it). Without a plan the result is early, on time or late at LIFE_RATES.
   */
  plan?: LifePlan;
  /** Told where the dossier stands when its result is about to be decided (plan-history.ts's first pass). */
  observe?: (o: LifeObservation) => void;
}

export interface LifePlan {
  resolve: 'on_time' | 'late' | 'after';
  periodEnd: string;
}

export interface LifeObservation {
  /** Local date of the earliest possible result, and the due date statistics count against. */
  earliestDate: string;
  dueDate: string;
}

interface NextAction {
  by: SimRole;
  input: () => AnyActionInput;
}

const base = () => ({ actionId: randomUUID(), fileIds: [] as string[] });
const byRole: Record<string, SimRole> = { specialist: 'specialist', department_head: 'head', leader: 'leader' };

/** What remains from the current status and step to the issued result (routing-actions.ts, result-actions.ts). */
export function remainingActions(b: DossierBuilder, rng: Random): NextAction[] {
  const steps = b.ctx.snapshot.steps;
  const out: NextAction[] = [];
  let status = b.status;
  let pos = b.state.currentStep;
  if (status === 'received') {
    out.push({ by: 'desk', input: () => ({ ...base(), action: 'forward' }) });
    pos = steps.length > 0 ? (pos ?? -1) + 1 : null;
    status = 'in_progress';
  }
  if (status !== 'in_progress') return out;
  while (steps.length > 0 && pos !== null) {
    const nextIndex = pos + 1;
    const next = steps[nextIndex];
    if (!next || (next.role === 'clerk' && nextIndex === steps.length - 1)) break;
    const actor = byRole[steps[pos]!.role] ?? 'specialist';
    if (next.role === 'other_agency') {
      const name = next.responsibleLabel;
      out.push({ by: actor, input: () => ({ ...base(), action: 'send_to_agency', externalAgencyName: name }) });
      out.push({ by: 'specialist', input: () => ({ ...base(), action: 'receive_from_agency' }) });
      pos = steps[nextIndex + 1] ? nextIndex + 1 : nextIndex;
      continue;
    }
    out.push({ by: actor, input: () => ({ ...base(), action: 'forward' }) });
    pos = nextIndex;
  }
  out.push({ by: 'leader', input: () => ({ ...base(), action: 'approve' }) });
  out.push({ by: 'leader', input: () => ({ ...base(), action: 'sign' }) });
  out.push({ by: 'clerk', input: () => ({ ...base(), action: 'issue', documentNumber: `${rng.int(1, 9999)}/KQ` }) });
  return out;
}

export function simulateLife(rng: Random, b: DossierBuilder, o: LifeOptions): void {
  const { calendar: cal, snapshot, rules } = b.ctx;
  const can = (t: Date) => t.getTime() <= o.horizon.getTime();
  const minutes = (t: Date, n: number) => new Date(t.getTime() + n * 60_000);
  const working = (t: Date, n: number) => cal.addWorkingMinutes(cal.processingStart(t), n);
  const required = snapshot.documents.filter((d) => d.required);
  const paper = required.map((d) => ({ index: d.index, originals: d.originals + d.copies > 0 ? d.originals : 1, copies: d.copies, fileIds: [] as string[] }));
  const base = { procedureId: snapshot.procedureId, competentAgencyId: b.ctx.competent.id };
  const reason = 'Người nộp đề nghị';

  let t: Date;
  if (o.channel === 'online') {
    const documents = o.sampleFileId ? required.map((d) => ({ index: d.index, originals: 0, copies: 0, fileIds: [o.sampleFileId!] })) : paper;
    const applicant: SimApplicantData = { userId: o.applicantUserId, kind: 'individual', name: o.applicant.fullName, idNumber: o.applicant.idNumber, phone: o.applicant.phone, email: null, address: o.applicant.address };
    b.submit(o.arrival, { ...base, documents }, applicant);
    const r = rng.next();
    if (r < LIFE_RATES.onlineWithdrawn) {
      const at = minutes(o.arrival, rng.int(10, 600));
      if (can(at)) b.act(at, 'applicant', { actionId: randomUUID(), fileIds: [], action: 'withdraw', reason: `${reason} rút hồ sơ` });
      return;
    }
    // The desk answers within its 8 working hours, now and then later.
    t = working(o.arrival, rng.chance(0.95) ? rng.int(5, 8 * 60) : rng.int(8 * 60, 20 * 60));
    if (!can(t)) return;
    if (r < LIFE_RATES.onlineWithdrawn + LIFE_RATES.onlineRefusedAtIntake) {
      b.act(t, 'desk', { actionId: randomUUID(), fileIds: [], action: 'refuse', reason: 'Hồ sơ không thuộc thẩm quyền giải quyết' });
      return;
    }
    b.act(t, 'desk', { actionId: randomUUID(), fileIds: [], action: 'accept' });
  } else {
    b.receive(o.arrival, {
      ...base,
      receivingAgencyId: b.ctx.receiving.id,
      channel: o.channel,
      applicant: { kind: 'individual', fullName: o.applicant.fullName, idNumber: o.applicant.idNumber, phone: o.applicant.phone, address: o.applicant.address },
      documents: paper,
    });
    t = o.arrival;
  }

  const u = rng.next();
  if (u < LIFE_RATES.refusedAfterReceipt) {
    const at = minutes(t, rng.int(5, 50));
    if (can(at)) b.act(at, 'desk', { actionId: randomUUID(), fileIds: [], action: 'refuse', reason: 'Hồ sơ không đủ điều kiện giải quyết' });
    return;
  }
  const supplement = (stage: 'intake' | 'appraisal', at: Date): boolean => {
    const items = [{ index: required[0]?.index, name: required[0]?.name ?? 'Giấy tờ kèm theo', reason: 'Bản sao không rõ nội dung, đề nghị nộp lại' }];
    b.act(at, stage === 'intake' ? 'desk' : 'specialist', { actionId: randomUUID(), fileIds: [], action: 'request_supplement', items });
    if (!rng.chance(LIFE_RATES.supplementAnswered)) {
      const closesAt = supplementClosureAt(rules, at);
      const close = closesAt ? minutes(closesAt, rng.int(1, 600)) : working(minutes(at, rng.int(20, 45) * 1440), 60);
      if (can(close)) b.act(close, closesAt ? 'system' : 'desk', { actionId: randomUUID(), fileIds: [], action: 'close_no_supplement' });
      return false;
    }
    const provided = working(minutes(at, rng.int(1, 8) * 1440), rng.int(0, 7 * 60));
    if (!can(provided)) return false;
    const document = required[0] ? { index: required[0].index } : { name: 'Giấy tờ bổ sung' };
    b.act(provided, 'desk', { actionId: randomUUID(), fileIds: [], action: 'provide_supplement', documents: [{ ...document, originals: 1, copies: 0, fileIds: [] }] });
    t = provided;
    return true;
  };
  if (u < LIFE_RATES.refusedAfterReceipt + LIFE_RATES.supplementAtIntake) {
    const at = minutes(t, rng.int(5, 40));
    if (!can(at) || !supplement('intake', at)) return;
  }

  // The desk hands the dossier on; a specialist may then ask for a supplement within the window.
  let rest = remainingActions(b, rng);
  const first = rest[0]!;
  t = working(minutes(t, 1), rng.int(10, 240));
  if (!can(t)) return;
  b.act(t, first.by, first.input());
  const appraisal = LIFE_RATES.refusedAfterReceipt + LIFE_RATES.supplementAtIntake + LIFE_RATES.supplementInAppraisal;
  if (u >= LIFE_RATES.refusedAfterReceipt + LIFE_RATES.supplementAtIntake && u < appraisal && b.status === 'in_progress' && b.state.processingStartedAt) {
    const lastDay = supplementWindowEnd(cal, rules, new Date(b.state.processingStartedAt));
    const at = working(minutes(t, 1), rng.int(30, 900));
    if (lastDay === null || toLocalDate(at) <= lastDay) {
      if (!can(at) || !supplement('appraisal', at)) return;
    }
  }

  // The result: early, on time or late against the due date in force now (after a restart, the new one).
  rest = remainingActions(b, rng);
  const due = new Date(b.state.dueAt!);
  const start = new Date(Math.max(t.getTime(), new Date(b.state.processingStartedAt ?? t).getTime()));
  const x = rng.next();
  let finish: Date;
  if (x < LIFE_RATES.early) finish = cal.processingStart(new Date(start.getTime() + (due.getTime() - start.getTime()) * (0.2 + 0.65 * rng.next())));
  else if (x < LIFE_RATES.early + LIFE_RATES.onTime) finish = new Date(due.getTime() - rng.int(0, 90) * 60_000);
  else finish = cal.addWorkingMinutes(due, rng.int(1, 4) * 480 + rng.int(0, 300));
  const earliest = minutes(t, rest.length * 5);
  if (finish.getTime() < earliest.getTime()) finish = earliest;
  const dueDate = statDueOf(b.state, rules.statisticsAgainst) ?? toLocalDate(due);
  o.observe?.({ earliestDate: toLocalDate(earliest), dueDate });
  if (o.plan) finish = plannedFinish(o.plan, { earliest, finish, dueDate, rng, cal });

  const stopAt = rng.chance(LIFE_RATES.stopped) && o.plan?.resolve !== 'on_time' && o.plan?.resolve !== 'late' ? rng.int(0, rest.length - 1) : -1;
  const span = finish.getTime() - t.getTime();
  let previous = t;
  for (let i = 0; i < rest.length; i++) {
    let at = i === rest.length - 1 ? finish : new Date(t.getTime() + (span * (i + 1)) / rest.length - rng.int(0, 30) * 60_000);
    if (at.getTime() <= previous.getTime()) at = minutes(previous, 1);
    if (!can(at)) return;
    if (i === stopAt) {
      b.act(at, 'desk', { actionId: randomUUID(), fileIds: [], action: 'stop', reason: `${reason} dừng giải quyết hồ sơ` });
      return;
    }
    b.act(at, rest[i]!.by, rest[i]!.input());
    previous = at;
  }

  // Handing over the result (an online result stays in the applicant's account).
  if (b.row.deliveryMethod === 'online') return;
  const handed = working(minutes(finish, rng.int(60, 6 * 1440)), rng.int(0, 120));
  if (!can(handed)) return;
  const post = b.row.deliveryMethod === 'post';
  b.act(handed, 'desk', {
    actionId: randomUUID(),
    fileIds: [],
    action: 'return_result',
    method: post ? 'post' : 'at_desk',
    ...(post ? { postalTrackingNumber: `EB${rng.int(100_000_000, 999_999_999)}VN` } : { receiverName: b.row.applicantName }),
  });
}

/**
 * The result instant a plan asks for: on a day no later than both the due date and the period's end (on time), on
 * a day after the due date inside the period (late), or after the period (on time where the due date allows).
 * Stays inside working hours where it can; `earliest` always wins (the steps before need their minutes).
 */
function plannedFinish(
  plan: LifePlan,
  x: { earliest: Date; finish: Date; dueDate: string; rng: Random; cal: DossierBuilder['ctx']['calendar'] },
): Date {
  const { earliest, rng, cal } = x;
  const lastHour = cal.config.hours[cal.config.hours.length - 1]?.end ?? '17:00';
  const firstHour = cal.config.hours[0]?.start ?? '07:00';
  const dayEnd = (d: string) => cal.fromLocal(d, lastHour);
  const dayStart = (d: string) => cal.fromLocal(d, firstHour);
  const pick = (from: Date, to: Date, lastDate: string) => {
    if (to.getTime() <= from.getTime()) return from;
    const raw = new Date(from.getTime() + (to.getTime() - from.getTime()) * (0.15 + 0.8 * rng.next()));
    const inHours = cal.processingStart(raw);
    return toLocalDate(inHours) <= lastDate ? inHours : raw;
  };
  const after = (a: Date, b: Date) => (a.getTime() > b.getTime() ? a : b);
  if (plan.resolve === 'on_time') {
    const last = x.dueDate < plan.periodEnd ? x.dueDate : plan.periodEnd;
    return pick(earliest, dayEnd(last), last);
  }
  if (plan.resolve === 'late') return pick(after(earliest, dayStart(addCalendarDays(x.dueDate, 1))), dayEnd(plan.periodEnd), plan.periodEnd);
  const from = after(earliest, dayStart(addCalendarDays(plan.periodEnd, 1)));
  if (x.finish.getTime() >= from.getTime()) return x.finish;
  if (x.dueDate > plan.periodEnd) return pick(from, dayEnd(x.dueDate), x.dueDate);
  return cal.addWorkingMinutes(from, rng.int(1, 4) * 480);
}
