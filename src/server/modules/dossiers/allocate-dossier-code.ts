/**
 * Mã số hồ sơ allocation. The per-agency daily counter is incremented with an upsert inside the intake
 * transaction: the row lock serialises concurrent intakes of one agency and day (on any number of instances
 * sharing the database), and a rolled-back intake rolls its number back, so numbers are unique and gap-free.
 */
import { sql } from 'drizzle-orm';
import { toLocalDate } from '../../../shared/calendar';
import { formatDossierCode } from '../../../shared/workflow/dossier-code';
import { queryRows, type Executor } from '../../db/client';
import { findCodePattern } from './dossier-rules';

export interface AllocatedCode {
  code: string;
  patternId: string;
  seq: number;
}

export async function allocateDossierCode(tx: Executor, agencyCode: string, receivedAt: Date): Promise<AllocatedCode> {
  const day = toLocalDate(receivedAt);
  const pattern = await findCodePattern(tx, day);
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`INSERT INTO dossier_code_counters (agency_code, day, n) VALUES (${agencyCode}, ${day}, 1)
        ON CONFLICT (agency_code, day) DO UPDATE SET n = dossier_code_counters.n + 1
        RETURNING n`,
  );
  const seq = Number(row!.n);
  return { code: formatDossierCode(pattern.pattern, { agencyCode, date: day, seq }), patternId: pattern.id, seq };
}
