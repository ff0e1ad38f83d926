import { describe, expect, it } from 'vitest';
import { distribute, demoStaffCounts } from './demo-staffing.data';

describe('distribute', () => {
  it('splits a total in proportion to the weights, the parts summing to the total exactly', () => {
    expect(distribute(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(distribute(7, [0, 5, 2])).toEqual([0, 5, 2]);
    for (const total of [0, 1, 592, 14_954]) {
      const parts = distribute(total, [95, 70, 2150, 3450, 1010, 0.5]);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
    }
  });

  it('gives every demo agency a consistent staff count (no group negative, theory within the head count)', () => {
    for (const c of demoStaffCounts) {
      const total = c.postgraduate + c.university + c.collegeOrBelow;
      expect(c.university, c.agencyKey).toBeGreaterThanOrEqual(0);
      expect(c.theorySenior + c.theoryIntermediate, c.agencyKey).toBeLessThanOrEqual(total);
      expect(c.educationHealth, c.agencyKey).toBeLessThanOrEqual(total);
    }
  });
});
