import type { Executor } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { AuditAction } from '../../../shared/audit-actions';
import { getUserFor, type UserRow } from './users.queries';
import { revealsIdNumber } from './users.presenter';

/**
 * Opens an account. A citizen's profile is personal data (Luật 91/2025/QH15): when staff open it, the view is
 * recorded in the same transaction, so there is no read without its trace. Another citizen's profile is 404.
 */
export async function viewUser(tx: Executor, actor: Actor, id: string): Promise<UserRow> {
  const row = await getUserFor(tx, actor, 'read', id);
  if (row.kind === 'citizen' && actor.userId !== row.id) {
    await recordAudit(tx, actor, {
      action: AuditAction.PERSONAL_DATA_VIEWED,
      subjectType: 'user',
      subjectId: row.id,
      summary: { view: 'profile', idNumberShown: revealsIdNumber(actor, row) },
    });
  }
  return row;
}
