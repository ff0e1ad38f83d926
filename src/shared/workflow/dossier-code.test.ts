import { describe, expect, it } from 'vitest';
import { dossierCodePatternProblem, formatDossierCode } from './dossier-code';

const TT01_2018 = '{agency}-{yy}{mm}{dd}-{seq:4}';

describe('formatDossierCode', () => {
  it('fills the TT 01/2018 pattern as in the example 000.00.06.H56-231027-0361', () => {
    expect(formatDossierCode(TT01_2018, { agencyCode: '000.00.06.H56', date: '2023-10-27', seq: 361 })).toBe('000.00.06.H56-231027-0361');
  });

  it('pads the sequence to its width and grows past it instead of wrapping', () => {
    expect(formatDossierCode(TT01_2018, { agencyCode: 'X', date: '2021-01-04', seq: 1 })).toBe('X-210104-0001');
    expect(formatDossierCode(TT01_2018, { agencyCode: 'X', date: '2021-01-04', seq: 10000 })).toBe('X-210104-10000');
    expect(formatDossierCode('{agency}.{yyyy}{mm}{dd}.{seq:6}', { agencyCode: 'G22', date: '2026-01-10', seq: 42 })).toBe('G22.20260110.000042');
  });

  it('refuses patterns that cannot give unique codes, and bad parts', () => {
    expect(dossierCodePatternProblem(TT01_2018)).toBeUndefined();
    expect(dossierCodePatternProblem('{yy}{mm}{dd}-{seq:4}')).toMatch(/agency/);
    expect(dossierCodePatternProblem('{agency}-{yy}{mm}{dd}')).toMatch(/seq/);
    expect(dossierCodePatternProblem('{agency}-{seq:4}')).toMatch(/năm/);
    expect(dossierCodePatternProblem('{agency}-{yy}{mm}{dd}-{seq:4}-{foo}')).toMatch(/không hợp lệ/);
    expect(() => formatDossierCode('{agency}', { agencyCode: 'X', date: '2021-01-04', seq: 1 })).toThrow();
    expect(() => formatDossierCode(TT01_2018, { agencyCode: 'X', date: '2021-1-4', seq: 1 })).toThrow(RangeError);
    expect(() => formatDossierCode(TT01_2018, { agencyCode: 'X', date: '2021-01-04', seq: 0 })).toThrow(RangeError);
  });
});
