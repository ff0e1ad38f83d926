import { describe, expect, it } from 'vitest';
import { fromLocal, localDateTime } from './local-time.js';
import type { DeadlineResult } from './deadline.js';
import type { Duration, Suspension } from './types.js';
import { createWorkCalendar } from './work-calendar.js';

/** Default hours 07:00–11:30 and 13:30–17:00 (8 h a day); March 2021 has no holidays. */
const cal = createWorkCalendar();
const at = (date: string, time: string) => fromLocal(date, time);
const show = (d: Date | null) => {
  if (d === null) return null;
  const { date, time } = localDateTime(d);
  return `${date} ${time}`;
};
const days = (value: number): Duration => ({ value, unit: 'working_days' });
const summary = (r: DeadlineResult) =>
  r.status === 'running'
    ? { status: r.status, dueAt: show(r.dueAt), startedAt: show(r.startedAt) }
    : { status: r.status, dueAt: r.dueAt, suspendedSince: show(r.suspendedSince), remaining: r.remaining };

// Received Mon 1 Mar 2021 09:00, 5 working days: without supplements due Mon 8 Mar 09:00.
const receivedAt = at('2021-03-01', '09:00');
// Supplement requested Wed 3 Mar 10:00, complete dossier received Mon 8 Mar 14:00.
const supplement: Suspension = { from: at('2021-03-03', '10:00'), to: at('2021-03-08', '14:00') };

describe('computeDeadline without suspensions', () => {
  it('matches computeDueAt', () => {
    expect(summary(cal.computeDeadline({ receivedAt, duration: days(5) }))).toEqual({
      status: 'running',
      dueAt: '2021-03-08 09:00',
      startedAt: '2021-03-01 09:00',
    });
    expect(show(cal.computeDueAt(receivedAt, days(5)))).toBe('2021-03-08 09:00');
  });
});

describe("rule 'restart' (default, NĐ 118 Điều 19.5)", () => {
  it('the full time restarts when the complete dossier arrives: Mon 8 Mar 14:00 + 5 → Mon 15 Mar 14:00', () => {
    // Working days after Mon 8: Tue 9, Wed 10, Thu 11, Fri 12, Mon 15.
    const result = cal.computeDeadline({ receivedAt, duration: days(5), suspensions: [supplement] });
    expect(summary(result)).toEqual({ status: 'running', dueAt: '2021-03-15 14:00', startedAt: '2021-03-08 14:00' });
    expect(summary(cal.computeDeadline({ receivedAt, duration: days(5), rule: 'restart', suspensions: [supplement] }))).toEqual(
      summary(result),
    );
  });

  it('the completed dossier is a new receipt: after the cut-off it counts from the next opening', () => {
    // Complete Mon 8 Mar 15:30, cut-off 15:00 → start Tue 9 Mar 07:00; 40 h → Mon 15 Mar 17:00.
    const result = cal.computeDeadline({
      receivedAt,
      duration: days(5),
      cutOff: '15:00',
      suspensions: [{ from: at('2021-03-03', '10:00'), to: at('2021-03-08', '15:30') }],
    });
    expect(summary(result)).toEqual({ status: 'running', dueAt: '2021-03-15 17:00', startedAt: '2021-03-09 07:00' });
  });

  it('completed on a Saturday → counted from Monday opening', () => {
    // Complete Sat 6 Mar 10:00 → start Mon 8 Mar 07:00; 5 working days → Fri 12 Mar 17:00.
    const result = cal.computeDeadline({
      receivedAt,
      duration: days(5),
      suspensions: [{ from: at('2021-03-02', '10:00'), to: at('2021-03-06', '10:00') }],
    });
    expect(summary(result)).toEqual({ status: 'running', dueAt: '2021-03-12 17:00', startedAt: '2021-03-08 07:00' });
  });

  it('only the last suspension matters (suspensions may be given in any order)', () => {
    // Second supplement completed Wed 10 Mar 09:00 → + 5 working days → Wed 17 Mar 09:00.
    const second: Suspension = { from: at('2021-03-09', '08:00'), to: at('2021-03-10', '09:00') };
    const result = cal.computeDeadline({ receivedAt, duration: days(5), suspensions: [second, supplement] });
    expect(summary(result)).toEqual({ status: 'running', dueAt: '2021-03-17 09:00', startedAt: '2021-03-10 09:00' });
  });

  it('while waiting, dueAt is null and the whole duration remains', () => {
    const result = cal.computeDeadline({ receivedAt, duration: days(5), suspensions: [{ from: at('2021-03-03', '10:00'), to: null }] });
    expect(summary(result)).toEqual({
      status: 'suspended',
      dueAt: null,
      suspendedSince: '2021-03-03 10:00',
      remaining: { value: 5, unit: 'working_days' },
    });
  });

  it('restart across Tết 2021: complete dossier Tue 9 Feb 16:00, 3 working days → Fri 19 Feb 16:00', () => {
    // Working days after Tue 9: Wed 17 (1), Thu 18 (2), Fri 19 (3).
    const result = cal.computeDeadline({
      receivedAt: at('2021-02-01', '09:00'),
      duration: days(3),
      suspensions: [{ from: at('2021-02-02', '09:00'), to: at('2021-02-09', '16:00') }],
    });
    expect(summary(result)).toMatchObject({ status: 'running', dueAt: '2021-02-19 16:00' });
  });
});

describe("rule 'pause' (alternative)", () => {
  it('the clock stops while waiting and resumes with the time left: → Thu 11 Mar 11:00', () => {
    // Used before: Mon 09:00–17:00 = 6 h, Tue 8 h, Wed 07:00–10:00 = 3 h → 17 h; 23 h left.
    // Resume Mon 8 Mar 14:00: 3 h Mon (20 left), Tue 8 (12), Wed 8 (4), Thu 07:00 + 4 h = 11:00.
    const result = cal.computeDeadline({ receivedAt, duration: days(5), rule: 'pause', suspensions: [supplement] });
    expect(summary(result)).toEqual({ status: 'running', dueAt: '2021-03-11 11:00', startedAt: '2021-03-01 09:00' });
    // Cross-check: the original due (Mon 8 Mar 09:00) plus the working time spent waiting
    // (Wed 10:00–17:00 5 h, Thu 8, Fri 8, Mon 07:00–14:00 5 h = 26 h) gives the same instant.
    const waited = cal.workingMinutesBetween(supplement.from, supplement.to!);
    expect(waited).toBe(26 * 60);
    expect(show(cal.addWorkingMinutes(at('2021-03-08', '09:00'), waited))).toBe('2021-03-11 11:00');
  });

  it('while waiting, dueAt is null and the unused time is reported', () => {
    const result = cal.computeDeadline({
      receivedAt,
      duration: days(5),
      rule: 'pause',
      suspensions: [{ from: at('2021-03-03', '10:00'), to: null }],
    });
    // 40 − 17 = 23 h = 2.875 working days.
    expect(summary(result)).toEqual({
      status: 'suspended',
      dueAt: null,
      suspendedSince: '2021-03-03 10:00',
      remaining: { value: 2.875, unit: 'working_days' },
    });
  });

  it('two suspensions add up', () => {
    // 4 working hours received Mon 1 Mar 09:00. Pause 10:00–Tue 07:00 (used 1 h, 3 left),
    // resume Tue 07:00; pause Tue 08:00–Tue 13:30 (used 1 h, 2 left); resume 13:30 + 2 h = 15:30.
    const result = cal.computeDeadline({
      receivedAt,
      duration: { value: 4, unit: 'working_hours' },
      rule: 'pause',
      suspensions: [
        { from: at('2021-03-02', '08:00'), to: at('2021-03-02', '13:30') },
        { from: at('2021-03-01', '10:00'), to: at('2021-03-02', '07:00') },
      ],
    });
    expect(summary(result)).toMatchObject({ status: 'running', dueAt: '2021-03-02 15:30' });
  });

  it('a suspension after the time ran out does not move the due instant', () => {
    // 4 working hours from Mon 09:00 → Mon 15:00 (2.5 h morning, 1.5 h from 13:30).
    const closed = cal.computeDeadline({
      receivedAt,
      duration: { value: 4, unit: 'working_hours' },
      rule: 'pause',
      suspensions: [{ from: at('2021-03-02', '08:00'), to: at('2021-03-03', '10:00') }],
    });
    expect(summary(closed)).toMatchObject({ status: 'running', dueAt: '2021-03-01 15:00' });
    // Still open: dueAt is null (status suspended) with nothing left.
    const open = cal.computeDeadline({
      receivedAt,
      duration: { value: 4, unit: 'working_hours' },
      rule: 'pause',
      suspensions: [{ from: at('2021-03-02', '08:00'), to: null }],
    });
    expect(summary(open)).toMatchObject({ status: 'suspended', dueAt: null, remaining: { value: 0, unit: 'working_hours' } });
  });

  it('resumption honours the cut-off like a receipt', () => {
    // 1 working day from Mon 1 Mar 09:00; pause Mon 10:00 (1 h used, 7 left) until Tue 15:30.
    // With cut-off 15:00 the clock resumes Wed 07:00 → 4.5 h to 11:30, 2.5 h from 13:30 → Wed 16:00.
    const input = {
      receivedAt,
      duration: days(1),
      rule: 'pause' as const,
      suspensions: [{ from: at('2021-03-01', '10:00'), to: at('2021-03-02', '15:30') }],
    };
    expect(summary(cal.computeDeadline({ ...input, cutOff: '15:00' }))).toMatchObject({ dueAt: '2021-03-03 16:00' });
    // Without cut-off: resume Tue 15:30, 1.5 h (5.5 left) → Wed 07:00 + 4.5 = 11:30, 1 h from 13:30 → 14:30.
    expect(summary(cal.computeDeadline(input))).toMatchObject({ dueAt: '2021-03-03 14:30' });
  });

  it('a suspension that begins before the clock started uses no time', () => {
    // Received Fri 5 Mar 17:30 → start Mon 8 Mar 07:00; suspended Sat 6 09:00 – Mon 8 10:00.
    // Resume Mon 10:00 with the full day → Tue 9 Mar 10:00.
    const result = cal.computeDeadline({
      receivedAt: at('2021-03-05', '17:30'),
      duration: days(1),
      rule: 'pause',
      suspensions: [{ from: at('2021-03-06', '09:00'), to: at('2021-03-08', '10:00') }],
    });
    expect(summary(result)).toEqual({ status: 'running', dueAt: '2021-03-09 10:00', startedAt: '2021-03-08 07:00' });
  });

  it('pause over Tết 2021: waiting time inside the break costs nothing extra', () => {
    // 2 working days from Mon 8 Feb 09:00 (due without pause: Wed 17 Feb 09:00).
    // Pause Tue 9 Feb 07:00 – Wed 17 Feb 07:00: used Mon 6 h, 10 left; resume Wed 17 07:00:
    // 8 h Wed (2 left) → Thu 18 Feb 09:00 (the pause cost exactly Tue 9's 8 h).
    const result = cal.computeDeadline({
      receivedAt: at('2021-02-08', '09:00'),
      duration: days(2),
      rule: 'pause',
      suspensions: [{ from: at('2021-02-09', '07:00'), to: at('2021-02-17', '07:00') }],
    });
    expect(summary(result)).toMatchObject({ dueAt: '2021-02-18 09:00' });
  });

  it('calendar days pause on elapsed calendar time', () => {
    // 10 calendar days from Mon 1 Mar 09:00 (due without pause: Thu 11 Mar 09:00).
    // Pause Wed 3 Mar 09:00 – Fri 5 Mar 09:00: 2 days used, 8 left; Fri 5 09:00 + 8 = Sat 13 → Mon 15 Mar 09:00.
    const result = cal.computeDeadline({
      receivedAt,
      duration: { value: 10, unit: 'calendar_days' },
      rule: 'pause',
      suspensions: [{ from: at('2021-03-03', '09:00'), to: at('2021-03-05', '09:00') }],
    });
    expect(summary(result)).toMatchObject({ status: 'running', dueAt: '2021-03-15 09:00' });
    const open = cal.computeDeadline({
      receivedAt,
      duration: { value: 10, unit: 'calendar_days' },
      rule: 'pause',
      suspensions: [{ from: at('2021-03-03', '09:00'), to: null }],
    });
    expect(summary(open)).toMatchObject({ status: 'suspended', remaining: { value: 8, unit: 'calendar_days' } });
  });
});

describe('suspension validation', () => {
  const base = { receivedAt, duration: days(5) };
  it.each([
    ['starts before receipt', [{ from: at('2021-03-01', '08:00'), to: at('2021-03-02', '08:00') }], /starts before the dossier was received/],
    ['ends before it starts', [{ from: at('2021-03-03', '08:00'), to: at('2021-03-02', '08:00') }], /ends before it starts/],
    [
      'overlap',
      [
        { from: at('2021-03-02', '08:00'), to: at('2021-03-04', '08:00') },
        { from: at('2021-03-03', '08:00'), to: at('2021-03-05', '08:00') },
      ],
      /overlap/,
    ],
    [
      'an open suspension that is not the last',
      [
        { from: at('2021-03-02', '08:00'), to: null },
        { from: at('2021-03-03', '08:00'), to: at('2021-03-05', '08:00') },
      ],
      /only the last suspension may be open/,
    ],
    ['an invalid Date', [{ from: new Date(Number.NaN), to: null }], /suspensions\[0\]\.from is an invalid Date/],
  ] as const)('rejects a suspension that %s', (_label, suspensions, message) => {
    expect(() => cal.computeDeadline({ ...base, suspensions })).toThrow(message);
  });

  it('accepts touching suspensions and a zero-length one', () => {
    const result = cal.computeDeadline({
      ...base,
      rule: 'pause',
      suspensions: [
        { from: at('2021-03-02', '08:00'), to: at('2021-03-02', '09:00') },
        { from: at('2021-03-02', '09:00'), to: at('2021-03-02', '09:00') },
      ],
    });
    // Waiting cost 1 working hour: Mon 8 Mar 09:00 + 1 h → 10:00.
    expect(summary(result)).toMatchObject({ status: 'running', dueAt: '2021-03-08 10:00' });
  });

  it('rejects an unknown rule', () => {
    expect(() => cal.computeDeadline({ ...base, rule: 'freeze' as never })).toThrow(/supplement rule "freeze"/);
  });
});
