/**
 * Reporting periods (kỳ báo cáo): custom dates, calendar presets (month, quarter, half-year, year), the data cut-offs
 * of administrative-reform reports (581/BNV-CCHC: Q1 15/12–14/3, H1 15/12–14/6, Q3 15/6–14/9, year 15/12–14/12) and
 * the statutory periods of TT 09/2026/TT-BTP (Điều 9: months 1, 2, 4, 5, 7, 8, 10, 11; quarters I and III; the first
 * half; the year), whose cut-off follows NĐ 09/2019/NĐ-CP Điều 12 (from the 15th of the month before the period to
 * the 14th of its last month — the rule as we read it; the decree's text is not in the repository) and whose report
 * is due on the 20th (agencies, communes) or the 23rd (province) of that last month (TT 09/2026 Điều 11.2).
 *
 * Dates are local (Vietnam) calendar dates 'YYYY-MM-DD'; `from` and `to` are both included. Pure: no Node or DOM.
 */
import { addCalendarDays } from './calendar/local-time'; // not the index: the browser would load the holiday tables

export const PERIOD_PRESETS = [
  'custom',
  'month',
  'quarter',
  'half_year',
  'year',
  'reform_q1',
  'reform_h1',
  'reform_q3',
  'reform_year',
  'statutory_month',
  'statutory_quarter',
  'statutory_half_year',
  'statutory_year',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const periodPresetLabels: Record<PeriodPreset, string> = {
  custom: 'Tùy chọn từ ngày đến ngày',
  month: 'Tháng',
  quarter: 'Quý',
  half_year: '6 tháng',
  year: 'Năm',
  reform_q1: 'Báo cáo CCHC quý I (15/12 – 14/3)',
  reform_h1: 'Báo cáo CCHC 6 tháng (15/12 – 14/6)',
  reform_q3: 'Báo cáo CCHC quý III (15/6 – 14/9)',
  reform_year: 'Báo cáo CCHC năm (15/12 – 14/12)',
  statutory_month: 'Báo cáo KSTTHC tháng (TT 09/2026)',
  statutory_quarter: 'Báo cáo KSTTHC quý (TT 09/2026)',
  statutory_half_year: 'Báo cáo KSTTHC 6 tháng đầu năm (TT 09/2026)',
  statutory_year: 'Báo cáo KSTTHC năm (TT 09/2026)',
};

/** What a caller asks for; which fields are needed depends on the preset. */
export interface PeriodSpec {
  preset: PeriodPreset;
  from?: string | undefined;
  to?: string | undefined;
  year?: number | undefined;
  /** 1–12 (month presets). */
  month?: number | undefined;
  /** 1–4 (quarter presets). */
  quarter?: number | undefined;
  /** 1 or 2 (half_year). */
  half?: number | undefined;
}

export interface Period {
  preset: PeriodPreset;
  /** First and last local date, both included. */
  from: string;
  to: string;
  /** Vietnamese label, e.g. "Quý I năm 2021 (từ 01/01/2021 đến 31/03/2021)". */
  label: string;
  /** Statutory periods: last day to send the report (agencies and communes; the province three days later). */
  reportDueOn: string | null;
}

/** Thrown for an impossible period; `field` names the query parameter at fault. */
export class PeriodError extends Error {
  constructor(
    message: string,
    readonly field: keyof PeriodSpec,
  ) {
    super(message);
    this.name = 'PeriodError';
  }
}

/** TT 09/2026 Điều 9: monthly reports for these months only (the others are covered by quarter, half and year). */
export const STATUTORY_MONTHS = [1, 2, 4, 5, 7, 8, 10, 11] as const;
export const STATUTORY_QUARTERS = [1, 3] as const;
/** Earliest and latest dates accepted anywhere (the system keeps ten years and more; nothing before 2000). */
export const MIN_PERIOD_DATE = '2000-01-01';
export const MAX_PERIOD_DATE = '2100-12-31';
/** A custom period spans at most this many days (a few years of history in one table). */
export const MAX_PERIOD_DAYS = 3_660;

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
/** "Quý I năm 2021" (q 1–4). */
export const quarterName = (y: number, q: number) => `Quý ${ROMAN[q - 1]} năm ${y}`;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** dd/mm/yyyy */
export const formatPeriodDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** Last day of a month (m 1–12). */
function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** True for a real calendar date in the accepted range. */
export function isValidPeriodDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1 || d > lastDayOfMonth(y, m)) return false;
  return date >= MIN_PERIOD_DATE && date <= MAX_PERIOD_DATE;
}

/** Days from `from` to `to`, both included. */
export function periodLength(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

function requireYear(spec: PeriodSpec): number {
  const y = spec.year;
  if (y === undefined || !Number.isInteger(y) || y < 2000 || y > 2100) throw new PeriodError('Năm báo cáo phải từ 2000 đến 2100', 'year');
  return y;
}

function requireInt(spec: PeriodSpec, field: 'month' | 'quarter' | 'half', allowed: readonly number[], message: string): number {
  const v = spec[field];
  if (v === undefined || !allowed.includes(v)) throw new PeriodError(message, field);
  return v;
}

const range = (from: string, to: string) => `từ ${formatPeriodDate(from)} đến ${formatPeriodDate(to)}`;

function make(preset: PeriodPreset, from: string, to: string, name: string, reportDueOn: string | null = null): Period {
  return { preset, from, to, label: `${name} (${range(from, to)})`, reportDueOn };
}

/** The cut-off period ending on the 14th of month `endMonth` of `year`, starting on the 15th of the month before `startMonth`. */
function cutOff(year: number, startMonth: number, endMonth: number): { from: string; to: string } {
  const from = startMonth === 1 ? iso(year - 1, 12, 15) : iso(year, startMonth - 1, 15);
  return { from, to: iso(year, endMonth, 14) };
}

/** Resolves a preset (or custom dates) to its dates and label; throws PeriodError when impossible. */
export function resolvePeriod(spec: PeriodSpec): Period {
  switch (spec.preset) {
    case 'custom': {
      const { from, to } = spec;
      if (!from || !isValidPeriodDate(from)) throw new PeriodError('Ngày bắt đầu không hợp lệ (YYYY-MM-DD, từ năm 2000)', 'from');
      if (!to || !isValidPeriodDate(to)) throw new PeriodError('Ngày kết thúc không hợp lệ (YYYY-MM-DD, từ năm 2000)', 'to');
      if (to < from) throw new PeriodError('Ngày kết thúc phải từ ngày bắt đầu trở đi', 'to');
      if (periodLength(from, to) > MAX_PERIOD_DAYS) throw new PeriodError(`Kỳ thống kê dài tối đa ${MAX_PERIOD_DAYS} ngày`, 'to');
      return { preset: 'custom', from, to, label: `Từ ngày ${formatPeriodDate(from)} đến ngày ${formatPeriodDate(to)}`, reportDueOn: null };
    }
    case 'month': {
      const y = requireYear(spec);
      const m = requireInt(spec, 'month', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 'Tháng phải từ 1 đến 12');
      return make('month', iso(y, m, 1), iso(y, m, lastDayOfMonth(y, m)), `Tháng ${m}/${y}`);
    }
    case 'quarter': {
      const y = requireYear(spec);
      const q = requireInt(spec, 'quarter', [1, 2, 3, 4], 'Quý phải từ 1 đến 4');
      const endMonth = q * 3;
      return make('quarter', iso(y, endMonth - 2, 1), iso(y, endMonth, lastDayOfMonth(y, endMonth)), quarterName(y, q));
    }
    case 'half_year': {
      const y = requireYear(spec);
      const h = requireInt(spec, 'half', [1, 2], 'Nửa năm phải là 1 (6 tháng đầu năm) hoặc 2 (6 tháng cuối năm)');
      return h === 1 ? make('half_year', iso(y, 1, 1), iso(y, 6, 30), `6 tháng đầu năm ${y}`) : make('half_year', iso(y, 7, 1), iso(y, 12, 31), `6 tháng cuối năm ${y}`);
    }
    case 'year': {
      const y = requireYear(spec);
      return make('year', iso(y, 1, 1), iso(y, 12, 31), `Năm ${y}`);
    }
    case 'reform_q1':
    case 'reform_h1':
    case 'reform_q3':
    case 'reform_year': {
      const y = requireYear(spec);
      const [start, end, name] = (
        {
          reform_q1: [1, 3, `Quý I năm ${y}`],
          reform_h1: [1, 6, `6 tháng đầu năm ${y}`],
          reform_q3: [7, 9, `Quý III năm ${y}`],
          reform_year: [1, 12, `Năm ${y}`],
        } as const
      )[spec.preset];
      const { from, to } = cutOff(y, start, end);
      return make(spec.preset, from, to, `Kỳ báo cáo cải cách hành chính ${name.charAt(0).toLowerCase()}${name.slice(1)}`, iso(y, end, 20));
    }
    case 'statutory_month': {
      const y = requireYear(spec);
      const m = requireInt(spec, 'month', STATUTORY_MONTHS, 'Báo cáo tháng theo Thông tư 09/2026/TT-BTP chỉ có các tháng 1, 2, 4, 5, 7, 8, 10, 11');
      const { from, to } = cutOff(y, m, m);
      return make('statutory_month', from, to, `Báo cáo tháng ${m}/${y}`, iso(y, m, 20));
    }
    case 'statutory_quarter': {
      const y = requireYear(spec);
      const q = requireInt(spec, 'quarter', STATUTORY_QUARTERS, 'Báo cáo quý theo Thông tư 09/2026/TT-BTP chỉ có quý I và quý III');
      const { from, to } = cutOff(y, q * 3 - 2, q * 3);
      return make('statutory_quarter', from, to, `Báo cáo quý ${ROMAN[q - 1]} năm ${y}`, iso(y, q * 3, 20));
    }
    case 'statutory_half_year': {
      const y = requireYear(spec);
      const { from, to } = cutOff(y, 1, 6);
      return make('statutory_half_year', from, to, `Báo cáo 6 tháng đầu năm ${y}`, iso(y, 6, 20));
    }
    case 'statutory_year': {
      const y = requireYear(spec);
      const { from, to } = cutOff(y, 1, 12);
      return make('statutory_year', from, to, `Báo cáo năm ${y}`, iso(y, 12, 20));
    }
    default: {
      const unknown: never = spec.preset;
      throw new PeriodError(`Loại kỳ không hợp lệ: ${String(unknown)}`, 'preset');
    }
  }
}

/** The period of the same length just before `period` (to compare with "kỳ trước"). */
export function previousPeriod(period: Pick<Period, 'from' | 'to'>): { from: string; to: string } {
  const days = periodLength(period.from, period.to);
  return { from: addCalendarDays(period.from, -days), to: addCalendarDays(period.from, -1) };
}

/** Calendar months overlapping a period: first day of each month, in order. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const start = iso(y, m, 1);
    if (start > to) return out;
    out.push(start);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
}

/** First day of the month of a date. */
export const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
/** Last day of the month of a date. */
export function monthEnd(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return iso(y, m, lastDayOfMonth(y, m));
}

/**
 * Splits [from, to] into whole calendar months and the leftover days at either end, so sums over a period can read a
 * monthly table for the whole months and a daily table for the rest.
 */
export function splitByMonths(from: string, to: string): { months: { from: string; to: string } | null; days: { from: string; to: string }[] } {
  const firstWhole = from === monthStart(from) ? from : addCalendarDays(monthEnd(from), 1);
  const lastWholeEnd = to === monthEnd(to) ? to : addCalendarDays(monthStart(to), -1);
  if (firstWhole > lastWholeEnd) return { months: null, days: [{ from, to }] };
  const days: { from: string; to: string }[] = [];
  if (from < firstWhole) days.push({ from, to: addCalendarDays(firstWhole, -1) });
  if (lastWholeEnd < to) days.push({ from: addCalendarDays(lastWholeEnd, 1), to });
  return { months: { from: firstWhole, to: monthStart(lastWholeEnd) }, days };
}
