/**
 * What the provincial report is computed from, for one period and its cut-offs: catalog statistics, dossier
 * statistics and petition figures (statistics and petitions modules), and the reform records (document registry,
 * plans, staffing and finance, inspections, unit reports). Each reform source is `null` when its module holds no data
 * for the period, and the report then marks the figures it would give as missing.
 */
import { resolvePeriod } from '../../../shared/periods';
import { Permission } from '../../../shared/permissions';
import type { CutOffs, ReportPeriod } from '../../../shared/schemas/cchc-report';
import type { PetitionFiguresRow } from '../../../shared/schemas/petitions';
import type { CatalogStatistics, DossierFigures } from '../../../shared/schemas/statistics';
import type { Actor } from '../../auth/actor';
import type { Executor } from '../../db/client';
import { petitionFigures } from '../petitions/petition-figures';
import { getCatalogStatistics } from '../statistics/catalog-statistics';
import { statisticsRows } from '../statistics/dossier-statistics';
import { loadReformInputs, type ReformInputs } from './reform-inputs';

export interface ReportInputs extends ReformInputs {
  period: ReportPeriod;
  cutOffs: CutOffs;
  catalog: CatalogStatistics;
  /** Procedures in force at the end of the quarter before the catalog cut-off's, and that quarter. */
  catalogPreviousQuarter: { asOf: string; quarter: number; year: number; procedures: number };
  dossiers: DossierFigures;
  petitions: PetitionFiguresRow;
}

/**
 * The provincial report covers the whole province whoever composes it (the report itself is guarded by
 * `reform.manage`): statistics are read as a province-level account, without an agency scope.
 */
export function provinceReader(actor: Actor): Actor {
  return {
    ...actor,
    userKind: 'staff',
    userId: actor.userId ?? '00000000-0000-0000-0000-000000000000',
    permissions: new Set([Permission.STATISTICS_READ]),
    agencyId: null,
    agencyPath: null,
  };
}

/** The last day of the quarter before the one `date` falls in ('2021-06-15' → 31/03/2021, quarter I of 2021). */
export function previousQuarterEnd(date: string): { asOf: string; quarter: number; year: number } {
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3); // 0–3: the quarter before, counted from 1
  if (quarter === 0) return { asOf: `${year - 1}-12-31`, quarter: 4, year: year - 1 };
  const month = quarter * 3;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { asOf: `${year}-${String(month).padStart(2, '0')}-${last}`, quarter, year };
}

export async function loadReportInputs(executor: Executor, actor: Actor, period: ReportPeriod, cutOffs: CutOffs): Promise<ReportInputs> {
  const reader = provinceReader(actor);
  // Catalog: procedures in force on the catalog cut-off; decisions and internal processes signed from the period's start to it.
  const catalogTo = cutOffs.catalogAsOf < period.from ? period.from : cutOffs.catalogAsOf;
  const catalog = await getCatalogStatistics(executor, reader, { preset: 'custom', from: period.from, to: catalogTo, asOf: cutOffs.catalogAsOf });
  const previous = previousQuarterEnd(cutOffs.catalogAsOf);
  const before = await getCatalogStatistics(executor, reader, { preset: 'custom', from: previous.asOf, to: previous.asOf, asOf: previous.asOf });
  const catalogPreviousQuarter = { ...previous, procedures: before.procedures.total };
  const dossierPeriod = resolvePeriod({ preset: 'custom', from: cutOffs.dossiersFrom, to: cutOffs.dossiersTo });
  const { total: dossiers } = await statisticsRows(executor, dossierPeriod, 'none', {
    agencyId: null,
    agencyPath: null,
    label: 'Toàn tỉnh',
    filter: { agencies: null },
    lines: [],
  });
  const petitions = (await petitionFigures(executor, { from: period.from, to: period.to })).total;
  const reform = await loadReformInputs(executor, period);
  return { period, cutOffs, catalog, catalogPreviousQuarter, dossiers, petitions, ...reform };
}
