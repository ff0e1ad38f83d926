/** The code pattern and the processing rules in force on a receipt date (versioned data, see migration 0004). */
import { desc, lte, sql } from 'drizzle-orm';
import type { DossierRules } from '../../../shared/schemas/dossiers';
import { dossierCodePatternProblem } from '../../../shared/workflow/dossier-code';
import type { Executor } from '../../db/client';
import { dossierCodePatterns, dossierRuleSets } from '../../db/schema';

/**
 * The row valid on `date`: the latest starting on or before it; a date before every row takes the earliest one
 * (the oldest regime is the best guess for history loaded from before the system).
 */
async function pickByDate<T extends { validFrom: string }>(rows: () => Promise<T[]>, earliest: () => Promise<T[]>, what: string): Promise<T> {
  const [row] = await rows();
  if (row) return row;
  const [first] = await earliest();
  if (!first) throw new Error(`No ${what} configured`);
  return first;
}

export async function findCodePattern(executor: Executor, date: string) {
  const row = await pickByDate(
    () => executor.select().from(dossierCodePatterns).where(lte(dossierCodePatterns.validFrom, date)).orderBy(desc(dossierCodePatterns.validFrom)).limit(1),
    () => executor.select().from(dossierCodePatterns).orderBy(sql`${dossierCodePatterns.validFrom} asc`).limit(1),
    'dossier code pattern',
  );
  const problem = dossierCodePatternProblem(row.pattern);
  if (problem) throw new Error(`Dossier code pattern ${row.id}: ${problem}`);
  return row;
}

export async function findRuleSet(executor: Executor, date: string): Promise<DossierRules> {
  const row = await pickByDate(
    () => executor.select().from(dossierRuleSets).where(lte(dossierRuleSets.validFrom, date)).orderBy(desc(dossierRuleSets.validFrom)).limit(1),
    () => executor.select().from(dossierRuleSets).orderBy(sql`${dossierRuleSets.validFrom} asc`).limit(1),
    'dossier rule set',
  );
  return { ...row.rules, ruleSetId: row.id };
}
