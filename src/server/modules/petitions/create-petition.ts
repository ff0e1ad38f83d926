/**
 * Tiếp nhận và vào sổ phản ánh, kiến nghị: online on the portal (a signed-in citizen, or anyone giving contact
 * details) or entered by staff from a letter, an e-mail, a paper handed in or a phone call. Registration gives
 * the code and fixes the forwarding and answer deadlines from the receipt instant.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { petitionActions, petitions, procedures, users } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { inAgencyScope } from '../../policies';
import { enqueueNotification } from '../notifications/enqueue-notification';
import { getFeedbackSettings } from '../ratings/feedback-settings';
import { loadWorkCalendar } from '../calendar/calendar.queries';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import { formatDate, maskIdNumber } from '../../../shared/text';
import type { PetitionRegisterInput, PetitionSubmitInput, PetitionerInput } from '../../../shared/schemas/petitions';
import { PetitionStatus, computePetitionDeadlines, type PetitionChannel } from '../../../shared/workflow/petition-workflow';
import { nextPetitionCode } from './petition-code';
import { petitionTrackingToken, petitionTrackingUrl, type PetitionContext } from './petition-context';
import { findActiveAgency } from './petitions.queries';
import { attachPetitionFiles } from './petition-attachments';
import { classifyPetition } from './petition-actions';

/** A letter may be registered late, but not dated in the future nor more than a year back. */
const MAX_BACKDATING_DAYS = 366;
const CLOCK_SKEW_MS = 2 * 60 * 1000;

interface Petitioner {
  userId: string | null;
  fullName: string;
  organisationName: string | null;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

interface NewPetition {
  channel: PetitionChannel;
  agencyId: string;
  receivedAt: Date;
  title: string;
  content: string;
  procedureId?: string | undefined;
  dossierId?: string | undefined;
  publishConsent: boolean;
  submissionKey?: string | undefined;
  enteredById: string | null;
  petitioner: Petitioner;
  fileIds: readonly string[];
}

const fieldError = (code: string, path: string, message: string) =>
  new AppError(code, { details: { fields: [{ path, message }] } });

function fromInput(p: PetitionerInput, userId: string | null): Petitioner {
  return {
    userId,
    fullName: p.fullName,
    organisationName: p.organisationName || null,
    idNumber: p.idNumber ?? null,
    phone: p.phone ?? null,
    email: p.email ?? null,
    address: p.address,
  };
}

/** Online submission on the portal. */
export async function submitPetition(tx: Tx, actor: Actor, ctx: PetitionContext, input: PetitionSubmitInput): Promise<string> {
  let petitioner: Petitioner;
  if (actor.userId && actor.userKind === 'citizen') {
    const [account] = await tx.select().from(users).where(eq(users.id, actor.userId));
    petitioner = input.petitioner
      ? fromInput(input.petitioner, actor.userId)
      : {
          userId: actor.userId,
          fullName: account!.fullName,
          organisationName: account!.organisationName,
          idNumber: account!.idNumber,
          phone: account!.phone,
          email: account!.email,
          address: account!.address,
        };
  } else {
    if (!input.petitioner) {
      throw fieldError('VALIDATION_FAILED', 'body.petitioner', 'Vui lòng cung cấp họ tên, địa chỉ và số điện thoại hoặc thư điện tử của người phản ánh');
    }
    petitioner = fromInput(input.petitioner, null);
  }
  const agency = await findActiveAgency(tx, input.agencyId);
  if (!agency) throw fieldError('PETITION_AGENCY_INVALID', 'body.agencyId', 'Cơ quan tiếp nhận không hợp lệ hoặc không còn hoạt động');
  return insertPetition(tx, actor, ctx, { ...input, channel: 'online', receivedAt: new Date(), enteredById: null, petitioner });
}

/** A petition received by letter, e-mail, in person or by phone, entered by an officer who handles petitions. */
export async function registerPetition(tx: Tx, actor: Actor, ctx: PetitionContext, input: PetitionRegisterInput): Promise<string> {
  const agencyId = input.agencyId ?? actor.agencyId;
  const agency = agencyId ? await findActiveAgency(tx, agencyId) : undefined;
  if (!agency) throw fieldError('PETITION_AGENCY_INVALID', 'body.agencyId', 'Cơ quan tiếp nhận không hợp lệ hoặc không còn hoạt động');
  if (!inAgencyScope(actor, agency.path)) throw new AppError('FORBIDDEN');
  const receivedAt = new Date(input.receivedAt);
  const now = Date.now();
  if (receivedAt.getTime() > now + CLOCK_SKEW_MS || receivedAt.getTime() < now - MAX_BACKDATING_DAYS * 86_400_000) {
    throw fieldError('PETITION_RECEIVED_AT_INVALID', 'body.receivedAt', 'Thời điểm tiếp nhận không được sau hiện tại hoặc trước quá 1 năm');
  }
  // A petitioner who has an account sees the petition among their own.
  const [account] = input.petitioner.idNumber
    ? await tx.select({ id: users.id }).from(users).where(and(eq(users.idNumber, input.petitioner.idNumber), eq(users.kind, 'citizen')))
    : [];
  const id = await insertPetition(tx, actor, ctx, {
    ...input,
    agencyId: agency.id,
    receivedAt,
    enteredById: actor.userId,
    petitioner: fromInput(input.petitioner, account?.id ?? null),
  });
  if (input.category) await classifyPetition(tx, actor, ctx, { id }, { category: input.category });
  return id;
}

async function insertPetition(tx: Tx, actor: Actor, ctx: PetitionContext, input: NewPetition): Promise<string> {
  if (input.submissionKey) {
    const [earlier] = await tx
      .select({ id: petitions.id, petitionerUserId: petitions.petitionerUserId, enteredById: petitions.enteredById })
      .from(petitions)
      .where(eq(petitions.submissionKey, input.submissionKey));
    if (earlier) {
      const sameSender = earlier.enteredById === input.enteredById && earlier.petitionerUserId === input.petitioner.userId;
      if (!sameSender) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      return earlier.id;
    }
  }
  if (input.procedureId) {
    const [procedure] = await tx.select({ id: procedures.id }).from(procedures).where(eq(procedures.id, input.procedureId));
    if (!procedure) throw fieldError('PETITION_LINK_INVALID', 'body.procedureId', 'Thủ tục hành chính không tồn tại');
  }
  const settings = await getFeedbackSettings(tx);
  const calendar = await loadWorkCalendar(tx, input.agencyId);
  const deadlines = computePetitionDeadlines(calendar, input.receivedAt, {
    forwardWorkingDays: settings.petitionForwardWorkingDays,
    answerWorkingDays: settings.petitionAnswerWorkingDays,
  });
  const now = new Date();
  const code = await nextPetitionCode(tx, now);
  const p = input.petitioner;
  const [row] = await tx
    .insert(petitions)
    .values({
      code,
      channel: input.channel,
      status: PetitionStatus.RECEIVED,
      title: input.title,
      content: input.content,
      agencyId: input.agencyId,
      receivedByAgencyId: input.agencyId,
      procedureId: input.procedureId ?? null,
      dossierId: input.dossierId ?? null,
      petitionerUserId: p.userId,
      petitionerName: p.fullName,
      petitionerOrganisation: p.organisationName,
      petitionerIdNumber: p.idNumber,
      petitionerPhone: p.phone,
      petitionerEmail: p.email,
      petitionerAddress: p.address,
      publishConsent: input.publishConsent,
      submissionKey: input.submissionKey ?? null,
      enteredById: input.enteredById,
      receivedAt: input.receivedAt,
      registeredAt: now,
      agencyReceivedAt: input.receivedAt,
      ...deadlines,
    })
    .returning({ id: petitions.id });
  const id = row!.id;
  await attachPetitionFiles(tx, actor, id, input.fileIds, 'petition');
  await tx.insert(petitionActions).values({
    petitionId: id,
    action: 'register',
    fromStatus: null,
    toStatus: PetitionStatus.RECEIVED,
    actorId: actor.userId,
    actorRole: input.enteredById ? 'staff' : p.userId ? 'petitioner' : 'anonymous_petitioner',
    actorLabel: actor.fullName ?? p.fullName,
    agencyId: input.agencyId,
    payload: { channel: input.channel, ...deadlines },
    at: now,
  });
  await recordAudit(tx, actor, {
    action: AuditAction.PETITION_REGISTERED,
    subjectType: 'petition',
    subjectId: id,
    summary: {
      code,
      channel: input.channel,
      agencyId: input.agencyId,
      receivedAt: input.receivedAt.toISOString(),
      hasAccount: !!p.userId,
      attachments: input.fileIds.length,
      idNumber: maskIdNumber(p.idNumber) ?? undefined,
    },
  });
  const trackLink = p.userId ? '' : ` Tra cứu và đánh giá kết quả tại: ${petitionTrackingUrl(ctx, code, petitionTrackingToken(ctx.trackingSecret, id))}`;
  await notifyPetitioner(tx, p, id, {
    subject: `Đã tiếp nhận phản ánh, kiến nghị ${code}`,
    body: `Phản ánh, kiến nghị "${input.title}" đã được tiếp nhận với mã ${code}. Hạn trả lời: ${formatDate(deadlines.answerDueOn)}.${trackLink}`,
    template: 'petition.registered',
  });
  return id;
}

/** E-mail when the petitioner gave one, otherwise SMS; nothing when neither was given. */
export async function notifyPetitioner(
  tx: Tx,
  p: { userId: string | null; email: string | null; phone: string | null },
  petitionId: string,
  message: { subject: string; body: string; template: string },
): Promise<void> {
  const channel = p.email ? 'email' : p.phone ? 'sms' : null;
  if (!channel) return;
  await enqueueNotification(tx, {
    channel,
    recipient: (channel === 'email' ? p.email : p.phone)!,
    userId: p.userId,
    subject: message.subject,
    body: message.body,
    template: message.template,
    relatedType: 'petition',
    relatedId: petitionId,
  });
}
