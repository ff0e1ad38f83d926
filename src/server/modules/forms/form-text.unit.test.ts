import { describe, expect, it } from 'vitest';
import { fromLocal } from '../../../shared/calendar';
import { durationText, longDate, placeDate, shortDate, timeAndDate } from './form-text';

describe('form dates (NĐ 30/2020 Phụ lục I)', () => {
  it('pads days below 10 and the months January and February only', () => {
    expect(longDate(fromLocal('2021-03-05'))).toBe('ngày 05 tháng 3 năm 2021');
    expect(longDate(fromLocal('2021-01-09'))).toBe('ngày 09 tháng 01 năm 2021');
    expect(longDate(fromLocal('2021-02-28'))).toBe('ngày 28 tháng 02 năm 2021');
    expect(longDate(fromLocal('2021-12-18'))).toBe('ngày 18 tháng 12 năm 2021');
    expect(placeDate('Vị Thanh', fromLocal('2021-06-18'))).toBe('Vị Thanh, ngày 18 tháng 6 năm 2021');
  });

  it('reads instants on the Vietnamese wall clock whatever the host time zone', () => {
    // 23:30 UTC on 4 March is 06:30 on 5 March in Vietnam.
    const instant = new Date('2021-03-04T23:30:00Z');
    expect(shortDate(instant)).toBe('05/03/2021');
    expect(timeAndDate(instant)).toBe('06 giờ 30 phút, ngày 05/03/2021');
  });

  it('words processing times', () => {
    expect(durationText({ value: 5, unit: 'working_days' })).toBe('5 ngày làm việc');
    expect(durationText({ value: 4, unit: 'working_hours' })).toBe('4 giờ làm việc');
    expect(durationText({ value: 1.5, unit: 'working_days' })).toBe('1,5 ngày làm việc');
    expect(durationText({ value: 30, unit: 'calendar_days' })).toBe('30 ngày');
  });
});
