/**
 * Classification of dossiers against their due date, at local (Vietnam) date level (practice, see
 * DOMAIN.md "Outcome"): the clock time of the due instant does not matter, only its date.
 */
import { parseIsoDate, toLocalDate } from './local-time.js';
import { OUTCOMES, PENDING_STATUSES, type IsoDate, type Outcome, type PendingStatus } from './types.js';

/**
 * Outcome of a finished dossier: finished on a date before the due date → `'early'` (trước hạn);
 * on the due date → `'on_time'` (đúng hạn), even after the due clock time; after it → `'late'` (quá hạn).
 */
export function classifyOutcome(finishedAt: Date, dueAt: Date): Outcome {
  const finished = toLocalDate(finishedAt);
  const due = toLocalDate(dueAt);
  if (finished < due) return OUTCOMES.EARLY;
  if (finished === due) return OUTCOMES.ON_TIME;
  return OUTCOMES.LATE;
}

/**
 * State of a dossier still pending at the end of a reporting period: due date on or after the
 * period's end date → `'within_deadline'` (trong hạn), before it → `'overdue'` (quá hạn).
 * `periodEnd` is the period's last date (`'2021-06-14'`) or any instant on it.
 */
export function classifyPending(dueAt: Date, periodEnd: Date | IsoDate): PendingStatus {
  let end: IsoDate;
  if (typeof periodEnd === 'string') {
    parseIsoDate(periodEnd, 'periodEnd'); // validates
    end = periodEnd;
  } else {
    end = toLocalDate(periodEnd);
  }
  return toLocalDate(dueAt) >= end ? PENDING_STATUSES.WITHIN_DEADLINE : PENDING_STATUSES.OVERDUE;
}
