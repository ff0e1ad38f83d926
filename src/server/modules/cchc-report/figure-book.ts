/**
 * The figures of a report as they are written into it: each has a key, a label, its value, the printed text and the
 * source it came from (module, table, cut-off), so the screen can show where every number comes from. A figure
 * whose source is not in the system is kept as missing and printed as "…", never invented.
 */
import { formatVnCount, formatVnNumber, type Figure, type Part } from '../../../shared/schemas/cchc-report';

export interface FigureSpec {
  label: string;
  source: string;
  formula?: string | null;
  /** 'count' prints 2 digits below 10 ("08"); 'number' "89.672"; 'percent' "97,1%". */
  format?: 'count' | 'number' | 'percent' | 'percent0';
}

export const MISSING_TEXT = '…';

export function formatFigure(value: number, format: FigureSpec['format'] = 'number'): string {
  switch (format) {
    case 'count':
      return formatVnCount(value);
    case 'percent':
      return `${formatVnNumber(value, 1)}%`;
    case 'percent0':
      return `${formatVnNumber(Math.round(value), 0)}%`;
    default:
      return formatVnNumber(value, 1);
  }
}

export class FigureBook {
  private readonly byKey = new Map<string, Figure>();

  /** Records a figure and returns the part that prints it. The same key recorded twice must agree. */
  put(key: string, value: number | null | undefined, spec: FigureSpec): Part {
    const missing = value === null || value === undefined;
    const text = missing ? MISSING_TEXT : formatFigure(value, spec.format);
    const existing = this.byKey.get(key);
    if (existing && existing.value !== (missing ? null : value)) throw new Error(`figure ${key} recorded with two values`);
    if (!existing) this.byKey.set(key, { key, label: spec.label, value: missing ? null : value, text, source: spec.source, formula: spec.formula ?? null, missing });
    return { kind: 'figure', key, text };
  }

  get(key: string): Figure | undefined {
    return this.byKey.get(key);
  }

  all(): Figure[] {
    return [...this.byKey.values()];
  }
}
