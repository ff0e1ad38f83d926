/**
 * What the provincial report is computed from, for one period and its cut-offs: catalog statistics, dossier
 * statistics and petition figures (statistics and petitions modules), and the reform records (document registry,
 * plans, staffing and finance, inspections, unit reports). Each reform source is `null` when its module holds no data
 * for the period, and the report then marks the figures it would give as missing.
 */
import { quarterName, resolvePeriod } from '../../../shared/periods';
import { Permission } from '../../../shared/permissions';
import type { CutOffs, ReportPeriod } from '../../../shared/schemas/cchc-report';
import type { PetitionFiguresRow } from '../../../shared/schemas/petitions';
import type { CatalogStatistics, DossierFigures } from '../../../shared/schemas/statistics';
import type { Actor } from '../../auth/actor';
import type { Executor } from '../../db/client';
import { petitionFigures } from '../petitions/petition-figures';
import { getCatalogStatistics, proceduresInForce } from '../statistics/catalog-statistics';
import { statisticsRows } from '../statistics/dossier-statistics';
import { loadReformInputs, type ReformInputs } from './reform-inputs';

export interface ReportInputs extends ReformInputs {
  period: ReportPeriod;
  cutOffs: CutOffs;
  catalog: CatalogStatistics;
  /** Procedures in force in the whole province at the end of the quarter before the catalog cut-off's. */
  catalogPreviousQuarter: { asOf: string; name: string; procedures: number };
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

/** The quarter before the one `date` falls in ('2021-06-15' → Quý I năm 2021, to 31/03/2021). */
export function previousQuarter(date: string): { asOf: string; name: string } {
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3); // the quarter before, counted from 1 (0: last year's fourth)
  const [year, quarter] = q === 0 ? [Number(date.slice(0, 4)) - 1, 4] : [Number(date.slice(0, 4)), q];
  return { asOf: resolvePeriod({ preset: 'quarter', year, quarter }).to, name: quarterName(year, quarter) };
}

export async function loadReportInputs(executor: Executor, actor: Actor, period: ReportPeriod, cutOffs: CutOffs): Promise<ReportInputs> {
  const reader = provinceReader(actor);
  // Catalog: procedures in force on the catalog cut-off; decisions and internal processes signed from the period's start to it.
  const catalogTo = cutOffs.catalogAsOf < period.from ? period.from : cutOffs.catalogAsOf;
  const catalog = await getCatalogStatistics(executor, reader, { preset: 'custom', from: period.from, to: catalogTo, asOf: cutOffs.catalogAsOf });
  const previous = previousQuarter(cutOffs.catalogAsOf);
  const catalogPreviousQuarter = { ...previous, procedures: (await proceduresInForce(executor, previous.asOf)).total };
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
