/** Addresses inside the statistics section, each carrying the period (and slice) it was opened with. */
import type { PeriodSpec } from '../../../shared/periods';
import type { DossierStatisticsRow, GroupBy } from '../../../shared/schemas/statistics';
import type { QueryValue } from '../../api/client';
import type { DrillCategoryKey } from './figures-table';
import { periodQuery, toSearch, type Slice } from './period';

export const STATISTICS_PATH = '/can-bo/thong-ke';

/**
 * An agency's figures by procedure. From a by-agency row (`alone`, the default) the agency's own dossiers, as the
 * row counts them — the agencies under it have rows of their own.
 */
export const agencyDrillHref = (spec: PeriodSpec, agencyId: string, alone = true) =>
  `${STATISTICS_PATH}/co-quan${toSearch({ ...periodQuery(spec), agencyId, ...(alone ? { agencyOnly: 'true' } : {}) })}`;

export const dossierListHref = (spec: PeriodSpec, slice: Slice, category: DrillCategoryKey) =>
  `${STATISTICS_PATH}/ho-so${toSearch({ ...periodQuery(spec), ...slice, category } as Record<string, QueryValue>)}`;

/** The slice a grouped row stands for, added to the page's own filters (null: a month row, listed by its dates). */
export function rowSlice(groupBy: GroupBy, row: DossierStatisticsRow | null): Slice | null {
  if (!row) return {};
  switch (groupBy) {
    case 'agency':
      // Each agency row counts that agency alone.
      return { agencyId: row.key, agencyOnly: 'true' };
    case 'field':
      return { fieldId: row.key };
    case 'procedure':
      return { procedureId: row.key };
    case 'channel':
      return { channel: row.key };
    case 'level':
      return { level: row.key };
    case 'none':
      return {};
    default:
      return null;
  }
}

/** The dossier list behind a figure of a grouped table, or null when that slice cannot be listed. */
export function drillHrefFor(spec: PeriodSpec, base: Slice, groupBy: GroupBy) {
  return (row: DossierStatisticsRow | null, category: DrillCategoryKey): string | null => {
    if (groupBy === 'month' && row) {
      // A month row: the same category over that month (within the chosen period).
      const from = `${row.key}-01`;
      const last = new Date(Date.UTC(Number(row.key.slice(0, 4)), Number(row.key.slice(5, 7)), 0)).getUTCDate();
      return `${STATISTICS_PATH}/ho-so${toSearch({ preset: 'custom', from, to: `${row.key}-${String(last).padStart(2, '0')}`, ...base, category } as Record<string, QueryValue>)}`;
    }
    const slice = rowSlice(groupBy, row);
    return slice ? dossierListHref(spec, { ...base, ...slice }, category) : null;
  };
}
