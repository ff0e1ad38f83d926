/**
 * The hook the dossier use cases call after each logged action (and at creation), in the same transaction: adds
 * what the action changed to the statistics rollups. Actions that change nothing statistical (forwarding,
 * assignment, approval, signature, returning the result, sweep marks) cost no query.
 */
import { sql } from 'drizzle-orm';
import type { DossierState } from '../../../shared/workflow/dossier-state';
import type { Executor } from '../../db/client';
import { addToRollups, type RollupKey } from './rollup-writer';
import { DeltaSet, addStatDeltas, statChannelOf, type StatDossier, type StatEvent } from './stat-deltas';

export function rollupKeyOf(dossier: StatDossier, fieldId?: string): RollupKey {
  return {
    agencyId: dossier.competentAgencyId,
    procedureId: dossier.procedureId,
    fieldId: fieldId ?? sql`(SELECT field_id FROM procedure_versions WHERE id = ${dossier.procedureVersionId}::uuid)`,
    level: dossier.procedure.level,
    channel: statChannelOf(dossier.channel, dossier.procedure),
  };
}

export async function recordDossierStatistics(
  tx: Executor,
  dossier: StatDossier,
  before: DossierState | null,
  after: DossierState,
  event: StatEvent,
): Promise<void> {
  const entries = addStatDeltas(new DeltaSet(), dossier, before, after, event).entries();
  if (entries.length === 0) return;
  const key = rollupKeyOf(dossier);
  await addToRollups(
    tx,
    entries.map(([day, measures]) => ({ key, day, measures })),
  );
}
