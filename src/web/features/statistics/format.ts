/**
 * Numbers as Vietnamese readers write them: a dot between thousands (89.672), a comma before decimals (97,3%).
 * Written out rather than left to Intl so that every browser, and the tests, print the same text.
 */
const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** 89672 → '89.672'; 4.25 → '4,25'. */
export function formatNumber(value: number, fractionDigits = 0): string {
  const sign = value < 0 ? '-' : '';
  const fixed = Math.abs(value).toFixed(fractionDigits);
  const [whole, fraction] = fixed.split('.') as [string, string | undefined];
  const trimmed = fraction?.replace(/0+$/, '');
  return `${sign}${groupThousands(whole)}${trimmed ? `,${trimmed}` : ''}`;
}

/** A count; null shows as a dash. */
export const formatCount = (value: number | null | undefined) => (value === null || value === undefined ? '–' : formatNumber(value));

/** 97.3 → '97,3%'; null (no denominator) → '–'. */
export const formatPercent = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${formatNumber(value, 1)}%`);

/** Days with one decimal: 3.5 → '3,5 ngày'. */
export const formatDays = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${formatNumber(value, 1)} ngày`);

/** Points with two decimals: 8.25 → '8,25'. */
export const formatPoints = (value: number | null | undefined) => (value === null || value === undefined ? '–' : formatNumber(value, 2));

/** '2021-03' → 'T3/2021' (chart axes). */
export const formatMonth = (month: string) => `T${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;

/** Agency names on chart axes: 'Ủy ban nhân dân huyện Vị Thủy' → 'UBND huyện Vị Thủy' (the usual abbreviation). */
export const shortAgencyName = (name: string) => name.replace(/^(Ủy|Uỷ) ban nhân dân\s+/u, 'UBND ');
