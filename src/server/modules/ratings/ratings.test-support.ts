/** Test support: a dossier taken through the real workflow up to the point a rating or a survey needs. Tests only. */
import type { Executor } from '../../db/client';
import { act, deskInput, receive, type DossierWorld } from '../dossiers/dossiers.test-support';

export async function dossierThroughWorkflow(
  db: Executor,
  w: DossierWorld,
  options: { applicantUserId?: string; upTo?: 'received' | 'result_ready' | 'returned' } = {},
) {
  const now = new Date();
  const intake = await receive(db, w, now, { applicant: { ...deskInput(w).applicant, userId: options.applicantUserId } });
  const id = intake.dossierId;
  if (options.upTo !== 'received') {
    await act(db, w.actors.desk, id, { action: 'forward' }, now);
    await act(db, w.actors.specialist, id, { action: 'forward' }, now);
    await act(db, w.actors.head, id, { action: 'forward' }, now);
    await act(db, w.actors.leader, id, { action: 'approve' }, now);
    await act(db, w.actors.leader, id, { action: 'sign' }, now);
    await act(db, w.actors.clerk, id, { action: 'issue', documentNumber: `${intake.code}/GCN` }, now);
    if (options.upTo !== 'result_ready') await act(db, w.actors.desk, id, { action: 'return_result', method: 'at_desk' }, now);
  }
  return { id, code: intake.code, secret: intake.trackingSecret };
}
