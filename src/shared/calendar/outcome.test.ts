import { describe, expect, it } from 'vitest';
import { fromLocal } from './local-time.js';
import { classifyOutcome, classifyPending } from './outcome.js';
import { createWorkCalendar } from './work-calendar.js';

const due = fromLocal('2021-02-22', '09:00'); // Mon 22 Feb 2021 09:00 (the Tết 2021 example)

describe('classifyOutcome: compared at local date level', () => {
  it.each([
    ['the day before → early', '2021-02-19', '16:00', 'early'],
    ['the due date, before the due time → on time', '2021-02-22', '08:00', 'on_time'],
    ['the due date, after the due time → still on time', '2021-02-22', '16:30', 'on_time'],
    ['the due date, 23:59 local → on time', '2021-02-22', '23:59', 'on_time'],
    ['the next day 00:00 local → late', '2021-02-23', '00:00', 'late'],
    ['weeks later → late', '2021-03-15', '10:00', 'late'],
  ] as const)('%s', (_label, date, time, expected) => {
    expect(classifyOutcome(fromLocal(date, time), due)).toBe(expected);
  });

  it('uses the Vietnamese date, not the UTC date', () => {
    // 2021-02-22T17:30Z is Tue 23 Feb 00:30 in Vietnam (still the 22nd in UTC) → late.
    expect(classifyOutcome(new Date('2021-02-22T17:30:00Z'), due)).toBe('late');
    // 2021-02-21T17:00Z is Mon 22 Feb 00:00 in Vietnam (the 21st in UTC) → on time.
    expect(classifyOutcome(new Date('2021-02-21T17:00:00Z'), due)).toBe('on_time');
  });

  it('is exposed on the calendar too', () => {
    expect(createWorkCalendar().classifyOutcome(fromLocal('2021-02-19', '10:00'), due)).toBe('early');
  });
});

describe('classifyPending: due date at or after the period end → within deadline', () => {
  // H1 2021 data cut-off 14/6/2021 (581/BNV-CCHC).
  it.each([
    ['due after the period end', '2021-06-15', 'within_deadline'],
    ['due on the period end date (any time)', '2021-06-14', 'within_deadline'],
    ['due the day before', '2021-06-13', 'overdue'],
  ] as const)('%s', (_label, dueDate, expected) => {
    expect(classifyPending(fromLocal(dueDate, '08:00'), '2021-06-14')).toBe(expected);
    // The period end may be given as an instant on that date.
    expect(classifyPending(fromLocal(dueDate, '08:00'), fromLocal('2021-06-14', '23:59'))).toBe(expected);
  });

  it('uses the Vietnamese date of the due instant', () => {
    // 2021-06-13T17:00Z = 14 Jun 00:00 in Vietnam → within deadline for a period ending 14 Jun.
    expect(classifyPending(new Date('2021-06-13T17:00:00Z'), '2021-06-14')).toBe('within_deadline');
    expect(classifyPending(new Date('2021-06-13T16:59:00Z'), '2021-06-14')).toBe('overdue');
  });

  it('rejects a malformed period end', () => {
    expect(() => classifyPending(due, '14/06/2021')).toThrow(/periodEnd "14\/06\/2021"/);
  });
});
