/**
 * Each expectation is worked out by hand with the default hours (07:00–11:30, 13:30–17:00, 8 h a day) and the
 * 2021 official calendar (Tết 10–16/02, Giỗ Tổ 21/04, 30/04–03/05).
 */
import { describe, expect, it } from 'vitest';
import { createWorkCalendar, fromLocal } from '../calendar';
import {
  acceptanceDeadlines,
  endOfWorkingDay,
  isDueSoon,
  lastApologyDate,
  outcomeAt,
  planSteps,
  receiptStep,
  scheduleAfterSupplement,
  scheduleAtReceipt,
  supplementClosureAt,
  supplementWindowEnd,
} from './dossier-deadlines';

const calendar = createWorkCalendar();
const at = (date: string, time: string) => fromLocal(date, time);
const fiveDays = {
  time: { value: 5, unit: 'working_days' as const },
  cutoffTime: null,
  steps: [
    { position: 0, allottedMinutes: 60 },
    { position: 1, allottedMinutes: 20 * 60 },
    { position: 2, allottedMinutes: 4 * 60 },
  ],
};

describe('scheduleAtReceipt', () => {
  it('counts 5 working days from the receipt instant and plans each step after the previous one', () => {
    // Mon 01/03 09:00: Mon gives 6 h, Tue–Fri 32 h, Mon 08/03 the last 2 h → 09:00.
    const s = scheduleAtReceipt(calendar, fiveDays, at('2021-03-01', '09:00'));
    expect(s.processingStartedAt).toEqual(at('2021-03-01', '09:00'));
    expect(s.dueAt).toEqual(at('2021-03-08', '09:00'));
    // Desk 1 h → Mon 10:00. Specialist 20 h: Mon 5 h, Tue 8 h, Wed 7 h → Wed 16:00. Head 4 h: Wed 1 h, Thu 3 h → Thu 10:00.
    expect(s.steps).toEqual([
      { position: 0, plannedDueAt: at('2021-03-01', '10:00') },
      { position: 1, plannedDueAt: at('2021-03-03', '16:00') },
      { position: 2, plannedDueAt: at('2021-03-04', '10:00') },
    ]);
  });

  it('skips the 2021 Tết break', () => {
    // Tue 09/02 14:00, 3 days = 24 h: Tue 3 h; 10–16/02 off; Wed 17 and Thu 18 16 h; Fri 19 the last 5 h → 14:00.
    const s = scheduleAtReceipt(calendar, { ...fiveDays, time: { value: 3, unit: 'working_days' } }, at('2021-02-09', '14:00'));
    expect(s.dueAt).toEqual(at('2021-02-19', '14:00'));
  });

  it('counts from the next working day when received after the procedure cut-off', () => {
    const s = scheduleAtReceipt(calendar, { ...fiveDays, time: { value: 1, unit: 'working_days' }, cutoffTime: '15:00' }, at('2021-03-01', '15:30'));
    expect(s.processingStartedAt).toEqual(at('2021-03-02', '07:00'));
    expect(s.dueAt).toEqual(at('2021-03-02', '17:00'));
  });
});

describe('scheduleAfterSupplement', () => {
  const received = at('2021-03-01', '09:00');
  const suspensions = [{ from: at('2021-03-02', '10:00'), to: at('2021-04-20', '15:00') }];

  it('restarts the whole time when the complete dossier arrives (NĐ 118 Điều 19.5)', () => {
    // From Tue 20/04 15:00, 40 h: Tue 2 h; Wed 21 Giỗ Tổ off; Thu, Fri, Mon, Tue 32 h; Wed 28 the last 6 h → 15:00.
    const s = scheduleAfterSupplement(calendar, fiveDays, { supplementRule: 'restart' }, received, suspensions, at('2021-04-20', '15:00'), 1);
    expect(s.processingStartedAt).toEqual(at('2021-04-20', '15:00'));
    expect(s.dueAt).toEqual(at('2021-04-28', '15:00'));
    // Step 1 (20 h) from Tue 20/04 15:00: Tue 2 h, Thu 8 h, Fri 8 h, Mon 26 2 h → 09:00; step 2 (4 h) → Mon 15:00.
    expect(s.steps).toEqual([
      { position: 1, plannedDueAt: at('2021-04-26', '09:00') },
      { position: 2, plannedDueAt: at('2021-04-26', '15:00') },
    ]);
  });

  it('resumes with the time left under the pause rule', () => {
    // Used before the request: Mon 6 h + Tue 3 h = 9 h; 31 h left from Tue 20/04 15:00 → Tue 27/04 14:00.
    const s = scheduleAfterSupplement(calendar, fiveDays, { supplementRule: 'pause' }, received, suspensions, at('2021-04-20', '15:00'), 1);
    expect(s.dueAt).toEqual(at('2021-04-27', '14:00'));
    expect(s.processingStartedAt).toEqual(received);
  });
});

describe('online acceptance, supplement window and closure', () => {
  it('gives the desk 2 clock hours for the alert and 8 working hours to accept', () => {
    // Thu 29/04 16:00: 1 h that day; 30/04–03/05 off; Tue 04/05 07:00 + 7 h → 16:00.
    const d = acceptanceDeadlines(calendar, { onlineAlertHours: 2, onlineAcceptWorkingHours: 8 }, at('2021-04-29', '16:00'));
    expect(d.acceptAlertAt).toEqual(at('2021-04-29', '18:00'));
    expect(d.acceptDueAt).toEqual(at('2021-05-04', '16:00'));
  });

  it('ends the supplement window 3 working days after receipt', () => {
    expect(supplementWindowEnd(calendar, { supplementWindowWorkingDays: 3 }, at('2021-04-29', '09:00'))).toBe('2021-05-06');
    expect(supplementWindowEnd(calendar, { supplementWindowWorkingDays: null }, at('2021-04-29', '09:00'))).toBeNull();
  });

  it('closes an unanswered supplement request 15 days after the notice', () => {
    expect(supplementClosureAt({ closeAfterSupplementDays: 15 }, at('2026-03-02', '10:00'))).toEqual(at('2026-03-17', '10:00'));
    expect(supplementClosureAt({ closeAfterSupplementDays: null }, at('2026-03-02', '10:00'))).toBeNull();
  });
});

describe('due soon, apology and outcome', () => {
  const due = at('2021-03-08', '09:00');

  it('warns one working day before the due instant', () => {
    // Fri 05/03 10:00 + 8 working hours = Mon 08/03 10:00, after the due instant.
    expect(isDueSoon(calendar, { dueSoonWorkingDays: 1 }, due, at('2021-03-05', '10:00'))).toBe(true);
    // Thu 04/03 10:00 + 8 h = Fri 10:00, before it.
    expect(isDueSoon(calendar, { dueSoonWorkingDays: 1 }, due, at('2021-03-04', '10:00'))).toBe(false);
    expect(isDueSoon(calendar, { dueSoonWorkingDays: 1 }, due, at('2021-03-08', '10:00'))).toBe(false);
  });

  it('accepts the apology until the day before the due date, and dates the new due at closing time', () => {
    expect(lastApologyDate({ apologyDaysBeforeDue: 1 }, due)).toBe('2021-03-07');
    expect(endOfWorkingDay(calendar, '2021-03-10')).toEqual(at('2021-03-10', '17:00'));
  });

  it('counts the outcome against the original due date unless configured otherwise', () => {
    const extended = at('2021-03-10', '17:00');
    const finished = at('2021-03-09', '10:00');
    expect(outcomeAt({ statisticsAgainst: 'original' }, finished, extended, due)).toBe('late');
    expect(outcomeAt({ statisticsAgainst: 'current' }, finished, extended, due)).toBe('early');
    expect(outcomeAt({ statisticsAgainst: 'original' }, at('2021-03-08', '16:00'), due, due)).toBe('on_time');
    expect(outcomeAt({ statisticsAgainst: 'original' }, finished, null, null)).toBeNull();
  });

  it('plans nothing for a procedure without an internal process', () => {
    expect(planSteps(calendar, { ...fiveDays, steps: [] }, due)).toEqual([]);
  });
});

describe('receiptStep', () => {
  it('starts at the desk step when the process has one, else before the first step', () => {
    expect(receiptStep([{ position: 0, role: 'desk' }, { position: 1, role: 'specialist' }])).toBe(0);
    expect(receiptStep([{ position: 0, role: 'specialist' }])).toBeNull();
    expect(receiptStep([])).toBeNull();
  });
});
