/**
 * A report's figures: the system's figure for every prefilled indicator (số liệu hệ thống), the unit's entries, and
 * overrides of a system figure, which need a reason that is kept with the figure.
 */
import type { Executor } from '../../db/client';
import { AppError } from '../../../shared/errors';
import type { ReportFigure, ReportTemplate } from '../../../shared/schemas/unit-reports';
import { computePrefills } from './prefill-sources';
import type { LoadedReport, StoredFigures } from './unit-reports.queries';

export interface FigureEntry {
  code: string;
  value: number | null;
  overrideReason?: string | null | undefined;
}

/** The system's figures of the report's unit and period, by indicator code (only prefilled indicators). */
export async function systemFiguresOf(executor: Executor, report: LoadedReport): Promise<Map<string, number | null>> {
  const indicators = report.template.content.indicators.filter((i) => i.prefill);
  const byKey = await computePrefills(
    executor,
    { agencyId: report.agency.id, agencyPath: report.agency.path },
    { from: report.round.periodFrom, to: report.round.periodTo },
    indicators.map((i) => i.prefill!),
  );
  return new Map(indicators.map((i) => [i.code, byKey.get(i.prefill!) ?? null]));
}

/**
 * New stored figures from the stored ones, the entries sent (only those change) and the system's figures now.
 * A prefilled indicator left unchanged (or cleared) follows the system; a different value is an override and needs a
 * reason (the earlier reason stays when the override is kept). Throws with the indicator's code in `details`.
 */
export function mergeFigures(template: ReportTemplate, stored: StoredFigures, entries: readonly FigureEntry[], system: Map<string, number | null>): StoredFigures {
  const byCode = new Map(template.content.indicators.map((i) => [i.code, i]));
  const sent = new Map<string, FigureEntry>();
  for (const e of entries) {
    const indicator = byCode.get(e.code);
    if (!indicator) throw new AppError('UNIT_REPORT_FIGURE_UNKNOWN', { details: { code: e.code } });
    if (e.value !== null && indicator.decimals === 0 && !Number.isInteger(e.value)) {
      throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: `figures.${e.code}`, message: `"${indicator.label}" phải là số nguyên` }] } });
    }
    sent.set(e.code, e);
  }
  const out: StoredFigures = {};
  for (const indicator of template.content.indicators) {
    const before = stored[indicator.code];
    const entry = sent.get(indicator.code);
    if (!indicator.prefill) {
      out[indicator.code] = { value: entry ? entry.value : (before?.value ?? null), source: 'unit', systemValue: null, overrideReason: null };
      continue;
    }
    const sys = system.get(indicator.code) ?? null;
    const followSystem = { value: sys, source: 'system' as const, systemValue: sys, overrideReason: null };
    if (entry) {
      if (entry.value === null || entry.value === sys) {
        out[indicator.code] = followSystem;
        continue;
      }
      const reason = entry.overrideReason?.trim() || (before?.source === 'unit' ? before.overrideReason : null);
      if (!reason) throw new AppError('UNIT_REPORT_OVERRIDE_REASON_REQUIRED', { details: { code: indicator.code, label: indicator.label, systemValue: sys } });
      out[indicator.code] = { value: entry.value, source: 'unit', systemValue: sys, overrideReason: reason };
    } else if (before?.source === 'unit') {
      out[indicator.code] = { ...before, systemValue: sys };
    } else {
      out[indicator.code] = followSystem;
    }
  }
  return out;
}

/** What a submitted report still lacks: figures without a value and required narrative sections left empty. */
export function missingContent(template: ReportTemplate, figures: StoredFigures, narrative: Record<string, string>) {
  return {
    figures: template.content.indicators.filter((i) => figures[i.code]?.value === null || figures[i.code]?.value === undefined).map((i) => i.code),
    sections: template.content.sections.filter((s) => s.required && !(narrative[s.code] ?? '').trim()).map((s) => s.code),
  };
}

/** Figures as shown: the stored ones, with the live system figures overlaid while the unit may still edit. */
export function overlaySystem(figures: ReportFigure[], system: Map<string, number | null> | null): ReportFigure[] {
  if (!system) return figures;
  return figures.map((f) => {
    if (!system.has(f.code)) return f;
    const sys = system.get(f.code) ?? null;
    return f.source === 'system' ? { ...f, value: sys, systemValue: sys } : { ...f, systemValue: sys };
  });
}
