/**
 * Public tracking (tra cứu hồ sơ) by code plus the secret printed on the receipt, or the applicant's phone number:
 * status, timeline and due date, never personal data. A wrong secret answers exactly as an unknown code.
 */
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { normalisePhone } from '../../../shared/id-number';
import { DOSSIER_ACTION_LABELS, DOSSIER_STATUS_LABELS, type DossierAction, type DossierStatus } from '../../../shared/workflow/dossier-workflow';
import type { Executor } from '../../db/client';
import { agencies, dossiers } from '../../db/schema';
import { trackingSecretMatches } from './tracking-secret';

/** Actions the public timeline leaves out: internal alerts and who worked on it. */
const HIDDEN: ReadonlySet<string> = new Set(['mark_due_soon', 'mark_overdue', 'assign']);

export async function trackDossier(executor: Executor, code: string, proof: { secret?: string | undefined; phone?: string | undefined }) {
  const [row] = await executor
    .select({
      id: dossiers.id,
      code: dossiers.code,
      procedure: dossiers.procedure,
      channel: dossiers.channel,
      status: dossiers.status,
      submittedAt: dossiers.submittedAt,
      receivedAt: dossiers.receivedAt,
      dueAt: dossiers.dueAt,
      finishedAt: dossiers.finishedAt,
      trackingSecretHash: dossiers.trackingSecretHash,
      applicantPhone: dossiers.applicantPhone,
      competentAgencyName: agencies.name,
      // The timeline in the same round trip (a public page under load: one query per lookup).
      actions: sql<{ at: string; action: string; toStatus: string }[]>`(
        SELECT coalesce(json_agg(json_build_object('at', a.at, 'action', a.action, 'toStatus', a.to_status) ORDER BY a.seq), '[]'::json)
        FROM dossier_actions a WHERE a.dossier_id = ${dossiers.id})`,
    })
    .from(dossiers)
    .innerJoin(agencies, eq(agencies.id, dossiers.competentAgencyId))
    .where(eq(dossiers.code, code.trim()));
  const bySecret = !!row && !!proof.secret && trackingSecretMatches(proof.secret, row.trackingSecretHash);
  const phone = proof.phone ? normalisePhone(proof.phone) : undefined;
  const byPhone = !!row && !!phone && !!row.applicantPhone && row.applicantPhone === phone;
  if (!row || !(bySecret || byPhone)) throw new AppError('NOT_FOUND', { message: 'Không tìm thấy hồ sơ với mã và thông tin tra cứu đã nhập' });
  return {
    code: row.code,
    procedureName: row.procedure.name,
    competentAgencyName: row.competentAgencyName,
    channel: row.channel as 'online' | 'in_person' | 'post',
    status: row.status as DossierStatus,
    statusLabel: DOSSIER_STATUS_LABELS[row.status as DossierStatus],
    submittedAt: row.submittedAt.toISOString(),
    receivedAt: row.receivedAt?.toISOString() ?? null,
    dueAt: row.dueAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    timeline: row.actions
      .filter((a) => !HIDDEN.has(a.action))
      .map((a) => ({
        at: new Date(a.at).toISOString(),
        action: a.action as DossierAction,
        actionLabel: DOSSIER_ACTION_LABELS[a.action as DossierAction],
        status: a.toStatus as DossierStatus,
        statusLabel: DOSSIER_STATUS_LABELS[a.toStatus as DossierStatus],
      })),
  };
}
