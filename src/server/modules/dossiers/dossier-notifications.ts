/**
 * Messages to the applicant (every status change, supplement requests, apologies) and to staff (online arrivals,
 * due-soon and overdue dossiers), written to the outbox in the transaction of the change.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { formatDateTime } from '../../../shared/text';
import { DOSSIER_STATUS_LABELS, type DossierStatus } from '../../../shared/workflow/dossier-workflow';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema';
import { enqueueNotification } from '../notifications/enqueue-notification';
import type { DossierRow } from './dossier-records';

type Recipient = Pick<DossierRow, 'id' | 'code' | 'applicantUserId' | 'applicantEmail' | 'applicantPhone' | 'procedure'>;

export interface DossierMessage {
  template: string;
  subject: string;
  /** Details after the standard first line; the whole SMS text when no email address is known. */
  body: string;
}

/** Email when the applicant gave an address, otherwise SMS to their phone. */
export async function notifyApplicant(tx: Executor, dossier: Recipient, message: DossierMessage): Promise<void> {
  const subject = `[${dossier.code}] ${message.subject}`;
  const common = { userId: dossier.applicantUserId, template: message.template, relatedType: 'dossier', relatedId: dossier.id };
  if (dossier.applicantEmail) {
    const body = `Hồ sơ ${dossier.code} (${dossier.procedure.name}): ${message.subject}.\n\n${message.body}\n\nTra cứu hồ sơ bằng mã hồ sơ và mã tra cứu in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.`;
    await enqueueNotification(tx, { ...common, channel: 'email', recipient: dossier.applicantEmail, subject, body });
  } else if (dossier.applicantPhone) {
    await enqueueNotification(tx, { ...common, channel: 'sms', recipient: dossier.applicantPhone, body: `Ho so ${dossier.code}: ${message.subject}. ${message.body}`.slice(0, 480) });
  }
}

/** The standard message of a status change. */
export function statusChangedMessage(status: DossierStatus, details: string[] = []): DossierMessage {
  return { template: 'dossier.status_changed', subject: `Trạng thái mới: ${DOSSIER_STATUS_LABELS[status]}`, body: details.filter(Boolean).join('\n') };
}

export const dueLine = (label: string, at: Date | string | null | undefined) => (at ? `${label}: ${formatDateTime(at)}` : '');

/** Emails staff members (active, with an address); used for alerts to the assignee or a department. */
export async function notifyStaff(tx: Executor, userIds: readonly string[], dossier: Pick<DossierRow, 'id' | 'code'>, message: DossierMessage): Promise<number> {
  if (userIds.length === 0) return 0;
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.id, [...new Set(userIds)]), eq(users.kind, 'staff'), eq(users.status, 'active')));
  let sent = 0;
  for (const u of rows) {
    if (!u.email) continue;
    await enqueueNotification(tx, {
      channel: 'email',
      recipient: u.email,
      userId: u.id,
      subject: `[${dossier.code}] ${message.subject}`,
      body: message.body,
      template: message.template,
      relatedType: 'dossier',
      relatedId: dossier.id,
    });
    sent += 1;
  }
  return sent;
}
