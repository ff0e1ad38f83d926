import type { AuditEntryView } from '../../../shared/schemas/audit';
import type { AuditRow } from './audit.queries';

export function presentAuditEntry(row: AuditRow): AuditEntryView {
  return {
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    actor: { id: row.actor_id, kind: row.actor_kind, label: row.actor_label },
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    summary: row.summary,
    ip: row.ip,
    requestId: row.request_id,
  };
}
