/**
 * Sổ theo dõi hồ sơ of a receiving desk for a period: the dossiers it received between two local dates, with the
 * dates of the hand-offs the book records (sent to the competent agency, result back, returned to the applicant).
 */
import { sql } from 'drizzle-orm';
import { addCalendarDays, fromLocal } from '../../../shared/calendar';
import type { FormDataOf } from '../../../shared/schemas/forms';
import { DOSSIER_STATUS_LABELS, type DossierStatus } from '../../../shared/workflow/dossier-workflow';
import { queryRows, type Executor } from '../../db/client';
import type { AgencyHeading } from './form-data.queries';

/** The most rows one book holds; a longer period is split (a desk receives far fewer in a month). */
export const TRACKING_BOOK_MAX_ROWS = 20_000;

interface BookRow {
  code: string;
  procedure_name: string;
  sets: number | null;
  applicant_name: string;
  organisation_name: string | null;
  applicant_address: string | null;
  applicant_phone: string | null;
  lead_agency: string;
  status: string;
  received_at: Date | string;
  due_at: Date | string | null;
  forwarded_at: Date | string | null;
  result_at: Date | string | null;
  returned_at: Date | string | null;
  collected_by: string | null;
}

const instant = (v: Date | string | null) => (v === null ? null : new Date(v));
const NOTED_STATUSES = new Set(['refused', 'stopped', 'withdrawn', 'closed_no_supplement', 'waiting_for_supplement']);

export async function buildTrackingBookData(
  executor: Executor,
  agency: AgencyHeading,
  period: { from: string; to: string },
  issuedAt = new Date(),
): Promise<{ data: FormDataOf<'tracking_book'>; truncated: boolean }> {
  const start = fromLocal(period.from);
  const end = fromLocal(addCalendarDays(period.to, 1));
  const rows = await queryRows<BookRow>(
    executor,
    sql`SELECT d.code, d.procedure->>'name' AS procedure_name, (d.procedure->>'sets')::int AS sets,
               d.applicant_name, d.organisation_name, d.applicant_address, d.applicant_phone, ca.name AS lead_agency, d.status,
               d.received_at, d.due_at,
               (SELECT min(a.at) FROM dossier_actions a WHERE a.dossier_id = d.id AND a.action IN ('forward', 'send_to_agency')) AS forwarded_at,
               (SELECT max(a.at) FROM dossier_actions a WHERE a.dossier_id = d.id AND a.action = 'issue') AS result_at,
               r.at AS returned_at, r.payload->>'receiverName' AS collected_by
        FROM dossiers d
        JOIN agencies ca ON ca.id = d.competent_agency_id
        LEFT JOIN LATERAL (
          SELECT a.at, a.payload FROM dossier_actions a WHERE a.dossier_id = d.id AND a.action = 'return_result' ORDER BY a.seq DESC LIMIT 1
        ) r ON true
        WHERE d.receiving_agency_id = ${agency.id} AND d.received_at >= ${start.toISOString()} AND d.received_at < ${end.toISOString()}
        ORDER BY d.received_at, d.code
        LIMIT ${TRACKING_BOOK_MAX_ROWS + 1}`,
  );
  const truncated = rows.length > TRACKING_BOOK_MAX_ROWS;
  return {
    truncated,
    data: {
      agency,
      period,
      issuedAt,
      rows: rows.slice(0, TRACKING_BOOK_MAX_ROWS).map((r) => ({
        code: r.code,
        procedureName: r.procedure_name,
        sets: r.sets && r.sets > 0 ? r.sets : 1,
        applicantName: r.organisation_name ? `${r.applicant_name} (${r.organisation_name})` : r.applicant_name,
        address: r.applicant_address,
        phone: r.applicant_phone,
        leadAgencyName: r.lead_agency,
        receivedAt: instant(r.received_at)!,
        dueAt: instant(r.due_at),
        forwardedAt: instant(r.forwarded_at),
        resultAt: instant(r.result_at),
        returnedAt: instant(r.returned_at),
        collectedBy: r.collected_by,
        note: NOTED_STATUSES.has(r.status) ? DOSSIER_STATUS_LABELS[r.status as DossierStatus] : null,
      })),
    },
  };
}
