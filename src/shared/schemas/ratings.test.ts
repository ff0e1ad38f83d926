import { describe, expect, it } from 'vitest';
import { DossierRatingInput, isSatisfied, ratePercent, ratingLevelLabel, satisfiedThreshold } from './ratings';

describe('rating scales', () => {
  it('count "hài lòng" and above as satisfied on both scales', () => {
    expect([1, 2, 3].map((l) => isSatisfied(l, 3))).toEqual([false, true, true]);
    expect([1, 2, 3, 4, 5].map((l) => isSatisfied(l, 5))).toEqual([false, false, false, true, true]);
    expect(ratingLevelLabel(satisfiedThreshold[3], 3)).toBe('Hài lòng');
    expect(ratingLevelLabel(satisfiedThreshold[5], 5)).toBe('Hài lòng');
  });

  it('give no rate for an empty base', () => {
    expect(ratePercent(2, 3)).toBe(66.7);
    expect(ratePercent(0, 0)).toBeNull();
  });

  it('accept only the NĐ 118 criteria', () => {
    expect(DossierRatingInput.safeParse({ overall: 2, criteria: { staff_attitude: 2 } }).success).toBe(true);
    expect(DossierRatingInput.safeParse({ overall: 2, criteria: { friendliness: 2 } }).success).toBe(false);
    expect(DossierRatingInput.safeParse({ overall: 0 }).success).toBe(false);
  });
});
