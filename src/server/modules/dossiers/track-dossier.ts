/**
 * Public tracking (tra cứu hồ sơ) by code plus the secret printed on the receipt, or the applicant's phone number:
 * status, timeline and due date, never personal data. A wrong secret answers exactly as an unknown code.
 */
import { sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { normalisePhone } from '../../../shared/id-number';
import { DOSSIER_ACTION_LABELS, DOSSIER_STATUS_LABELS, type DossierAction, type DossierStatus } from '../../../shared/workflow/dossier-workflow';
import { queryRows, type Executor } from '../../db/client';
import { rateLimited, type RateLimit } from '../../http/rate-limit';
import { trackingSecretMatches } from './tracking-secret';

/** Actions the public timeline leaves out: internal alerts and who worked on it. */
const HIDDEN: ReadonlySet<string> = new Set(['mark_due_soon', 'mark_overdue', 'assign']);

interface TrackedRow extends Record<string, unknown> {
  code: string;
  procedure_name: string;
  channel: string;
  status: string;
  submitted_at: Date | string;
  received_at: Date | string | null;
  due_at: Date | string | null;
  finished_at: Date | string | null;
  tracking_secret_hash: string;
  applicant_phone: string | null;
  competent_agency_name: string;
  actions: { at: string; action: string; toStatus: string }[];
}

/** Raw rows carry timestamps as Date (pg) or string (PGlite, json). */
const isoOf = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** One lookup is one statement: the rate-limit hits and the dossier with its timeline (a public page under load). */
export async function trackDossier(executor: Executor, code: string, proof: { secret?: string | undefined; phone?: string | undefined }, limits: readonly RateLimit[] = []) {
  const lookup = sql`
    SELECT d.code, d.procedure->>'name' AS procedure_name, d.channel, d.status, d.submitted_at, d.received_at, d.due_at, d.finished_at,
           d.tracking_secret_hash, d.applicant_phone, ag.name AS competent_agency_name,
           (SELECT coalesce(json_agg(json_build_object('at', a.at, 'action', a.action, 'toStatus', a.to_status) ORDER BY a.seq), '[]'::json)
            FROM dossier_actions a WHERE a.dossier_id = d.id) AS actions
    FROM dossiers d JOIN agencies ag ON ag.id = d.competent_agency_id
    WHERE d.code = ${code.trim()}`;
  const [row] = limits.length > 0 ? await rateLimited<TrackedRow>(executor, limits, lookup) : await queryRows<TrackedRow>(executor, lookup);
  const bySecret = !!row && !!proof.secret && trackingSecretMatches(proof.secret, row.tracking_secret_hash);
  const phone = proof.phone ? normalisePhone(proof.phone) : undefined;
  const byPhone = !!row && !!phone && !!row.applicant_phone && row.applicant_phone === phone;
  if (!row || !(bySecret || byPhone)) throw new AppError('NOT_FOUND', { message: 'Không tìm thấy hồ sơ với mã và thông tin tra cứu đã nhập' });
  return {
    code: row.code,
    procedureName: row.procedure_name,
    competentAgencyName: row.competent_agency_name,
    channel: row.channel as 'online' | 'in_person' | 'post',
    status: row.status as DossierStatus,
    statusLabel: DOSSIER_STATUS_LABELS[row.status as DossierStatus],
    submittedAt: isoOf(row.submitted_at)!,
    receivedAt: isoOf(row.received_at),
    dueAt: isoOf(row.due_at),
    finishedAt: isoOf(row.finished_at),
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
