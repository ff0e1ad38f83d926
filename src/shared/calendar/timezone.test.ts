import { afterAll, describe, expect, it } from 'vitest';
import { fromLocal, localDateTime, toLocalDate } from './local-time.js';
import { proposeOfficialCalendar } from './propose-holidays.js';
import { createWorkCalendar } from './work-calendar.js';

/**
 * Results must not depend on the host time zone. Node applies a change of process.env.TZ at run
 * time, so the same computations are repeated under several zones (including ones with daylight
 * saving and extreme offsets) and compared. The whole suite is also meant to be run with
 * TZ=UTC and TZ=America/New_York.
 */
const ZONES = ['UTC', 'America/New_York', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/London'];
const originalTz = process.env.TZ;

function compute(): string[] {
  const cal = createWorkCalendar();
  const at = fromLocal;
  const show = (d: Date | null) => (d ? `${localDateTime(d).date} ${localDateTime(d).time} ${d.toISOString()}` : 'null');
  const deadline = cal.computeDeadline({
    receivedAt: at('2021-03-01', '09:00'),
    duration: { value: 5, unit: 'working_days' },
    rule: 'pause',
    suspensions: [{ from: at('2021-03-03', '10:00'), to: at('2021-03-08', '14:00') }],
  });
  return [
    show(cal.computeDueAt(at('2021-02-08', '09:00'), { value: 5, unit: 'working_days' })),
    show(cal.computeDueAt(at('2021-03-09', '15:30'), { value: 4, unit: 'working_hours' }, { cutOff: '15:00' })),
    show(cal.computeDueAt(at('2021-02-05', '09:00'), { value: 7, unit: 'calendar_days' })),
    // 14 Mar 2021 is the US switch to daylight saving time; 28 Mar the UK one.
    show(cal.computeDueAt(at('2021-03-12', '16:00'), { value: 1, unit: 'working_days' })),
    show(cal.computeDueAt(at('2021-03-26', '16:00'), { value: 1, unit: 'working_days' })),
    show(cal.computeDueAt(at('2026-01-08', '09:00'), { value: 2, unit: 'working_days' })),
    show(deadline.dueAt),
    String(cal.workingMinutesBetween(at('2021-01-01', '00:00'), at('2022-01-01', '00:00'))),
    cal.addWorkingDays('2026-08-28', 3),
    toLocalDate(new Date('2021-02-21T17:00:00Z')),
    cal.classifyOutcome(new Date('2021-02-22T17:30:00Z'), at('2021-02-22', '09:00')),
    JSON.stringify(proposeOfficialCalendar(2025).daysOff.map((d) => d.date)),
    JSON.stringify(proposeOfficialCalendar(2030).daysOff.map((d) => d.date)),
  ];
}

describe('time-zone independence', () => {
  afterAll(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('gives identical results under every host time zone', () => {
    const results = new Map<string, string[]>();
    const hourReadings = new Set<number>();
    for (const zone of ZONES) {
      process.env.TZ = zone;
      hourReadings.add(new Date('2021-03-01T02:00:00Z').getHours());
      results.set(zone, compute());
    }
    // The zone change really took effect (the host-local hour differs between zones)…
    expect(hourReadings.size).toBeGreaterThan(3);
    // …and the calendar did not notice.
    const reference = results.get('UTC')!;
    expect(reference[0]).toBe('2021-02-22 09:00 2021-02-22T02:00:00.000Z');
    expect(reference[6]).toBe('2021-03-11 11:00 2021-03-11T04:00:00.000Z');
    for (const [zone, values] of results) expect(values, zone).toEqual(reference);
  });
});
