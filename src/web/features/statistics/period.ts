/**
 * The period and slice of a statistics page live in the address (?preset=month&year=2021&month=3&agencyId=…), so a
 * figure's drill-down, a bookmark and the XLSX link all carry exactly what the page shows.
 */
import { useSearchParams } from 'react-router';
import { PERIOD_PRESETS, PeriodError, resolvePeriod, type Period, type PeriodPreset, type PeriodSpec } from '../../../shared/periods';
import type { QueryValue } from '../../api/client';

export const PERIOD_KEYS = ['preset', 'year', 'month', 'quarter', 'half', 'from', 'to'] as const;
export const SLICE_KEYS = ['agencyId', 'agencyOnly', 'unitId', 'level', 'levels', 'fieldId', 'procedureId', 'channel'] as const;
export type SliceKey = (typeof SLICE_KEYS)[number];

/** What a page shows when the address names no period: the current month (Vietnam time). */
export function defaultPeriod(now = new Date()): PeriodSpec {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  return { preset: 'month', year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

export function periodFromParams(params: URLSearchParams, fallback: PeriodSpec = defaultPeriod()): PeriodSpec {
  const preset = params.get('preset') as PeriodPreset | null;
  if (!preset || !PERIOD_PRESETS.includes(preset)) return fallback;
  return {
    preset,
    year: num(params.get('year')),
    month: num(params.get('month')),
    quarter: num(params.get('quarter')),
    half: num(params.get('half')),
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
}

/** The period resolved in the browser (the same pure code as the server), or the reason it is impossible. */
export function tryResolve(spec: PeriodSpec): { period: Period; error: null } | { period: null; error: string } {
  try {
    return { period: resolvePeriod(spec), error: null };
  } catch (err) {
    if (err instanceof PeriodError) return { period: null, error: err.message };
    throw err;
  }
}

/** Only the fields the preset uses, as query parameters. */
export function periodQuery(spec: PeriodSpec): Record<string, QueryValue> {
  switch (spec.preset) {
    case 'custom':
      return { preset: 'custom', from: spec.from, to: spec.to };
    case 'month':
    case 'statutory_month':
      return { preset: spec.preset, year: spec.year, month: spec.month };
    case 'quarter':
    case 'statutory_quarter':
      return { preset: spec.preset, year: spec.year, quarter: spec.quarter };
    case 'half_year':
      return { preset: spec.preset, year: spec.year, half: spec.half };
    default:
      return { preset: spec.preset, year: spec.year };
  }
}

export type Slice = Partial<Record<SliceKey, string>>;

export function sliceFromParams(params: URLSearchParams): Slice {
  const slice: Slice = {};
  for (const key of SLICE_KEYS) {
    const v = params.get(key);
    if (v) slice[key] = v;
  }
  return slice;
}

/** Builds '?…' from a query object, leaving out empty values. */
export function toSearch(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The page's period and slice from the address, and setters that keep the rest of the address. */
export function useStatisticsParams() {
  const [params, setParams] = useSearchParams();
  const spec = periodFromParams(params);
  const slice = sliceFromParams(params);
  const resolved = tryResolve(spec);
  const update = (changes: Record<string, QueryValue>, replaceKeys: readonly string[] = []) => {
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        for (const k of replaceKeys) next.delete(k);
        for (const [k, v] of Object.entries(changes)) {
          if (v === undefined || v === null || v === '') next.delete(k);
          else next.set(k, String(v));
        }
        return next;
      },
      { replace: false },
    );
  };
  return {
    params,
    spec,
    slice,
    period: resolved.period,
    periodError: resolved.error,
    /** Query parameters of the period and slice (for the API and for links). */
    query: { ...periodQuery(spec), ...slice } as Record<string, QueryValue>,
    setPeriod: (next: PeriodSpec) => update(periodQuery(next), PERIOD_KEYS),
    // Choosing another agency in a filter means its subtree again, whatever a drill-down had narrowed.
    setSlice: (changes: Slice) => update('agencyId' in changes && !('agencyOnly' in changes) ? { ...changes, agencyOnly: undefined } : changes),
    set: update,
  };
}
