/**
 * Intake (tiếp nhận hồ sơ): at the desk (in person, or a dossier that arrived by post) and online by a signed-in
 * citizen. One code per dossier whatever the channel. Use cases take (tx, actor, input, now?) so the history
 * simulator can run dossiers with its own clock.
 */
import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { Permission } from '../../../shared/permissions';
import type { DeskIntakeInput, OnlineSubmissionInput } from '../../../shared/schemas/dossiers';
import type { Actor } from '../../auth/actor';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema';
import { inAgencyScope } from '../../policies';
import { requestHash, withIdempotency, type Idempotent } from './idempotency';
import { intakeDossier, type IntakeOptions, type IntakeResult } from './intake-dossier';

export { actionActorOf, deskDepartmentOf, type IntakeOptions, type IntakeResult } from './intake-dossier';

/** Tiếp nhận hồ sơ tại Bộ phận Một cửa: complete on paper or scans, received at once. */
export async function receiveDossierAtDesk(
  tx: Executor,
  actor: Actor,
  input: DeskIntakeInput,
  now: Date = new Date(),
  options: IntakeOptions = {},
): Promise<Idempotent<IntakeResult>> {
  if (actor.userKind !== 'staff' || !actor.permissions.has(Permission.DOSSIER_INTAKE)) throw new AppError('FORBIDDEN');
  const hash = requestHash(input);
  return withIdempotency(tx, `dossier.intake:${actor.userId}`, options.idempotencyKey, hash, async () => {
    const receivingAgencyId = input.receivingAgencyId ?? actor.agencyId;
    if (!receivingAgencyId) throw new AppError('FORBIDDEN', { message: 'Tài khoản chưa thuộc cơ quan nào, không thể tiếp nhận hồ sơ' });
    const a = input.applicant;
    if (a.userId) {
      const [account] = await tx.select({ kind: users.kind }).from(users).where(eq(users.id, a.userId));
      if (account?.kind !== 'citizen') {
        throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.applicant.userId', message: 'Không tìm thấy tài khoản công dân' }] } });
      }
    }
    return intakeDossier(
      tx,
      actor,
      {
        channel: input.channel,
        procedureId: input.procedureId,
        competentAgencyId: input.competentAgencyId,
        receivingAgencyId,
        checkReceivingDesk: (desk) => {
          if (!inAgencyScope(actor, desk.path)) throw new AppError('FORBIDDEN', { message: 'Chỉ tiếp nhận hồ sơ tại Bộ phận Một cửa thuộc cơ quan của mình' });
        },
        helpedAtAgencyId: input.helpedAtAgencyId,
        documents: input.documents,
        applicant: {
          userId: a.userId ?? null,
          kind: a.kind,
          name: a.fullName,
          idNumber: a.idNumber ?? null,
          phone: a.phone ?? null,
          email: a.email ?? null,
          address: a.address ?? null,
          organisationName: a.organisationName ?? null,
          taxCode: a.taxCode ?? null,
        },
        summary: input.summary ?? null,
        note: input.note ?? null,
        deliveryMethod: input.deliveryMethod ?? (input.channel === 'post' ? 'post' : 'at_desk'),
        deliveryAddress: input.deliveryAddress ?? a.address ?? null,
        hash,
      },
      now,
    );
  });
}

/** Nộp hồ sơ trực tuyến: the dossier waits for the desk (alert within 2 hours, answer within 8 working hours). */
export async function submitDossierOnline(
  tx: Executor,
  actor: Actor,
  input: OnlineSubmissionInput,
  now: Date = new Date(),
  options: IntakeOptions = {},
): Promise<Idempotent<IntakeResult>> {
  if (actor.userKind !== 'citizen' || !actor.userId || !actor.permissions.has(Permission.DOSSIER_SUBMIT_OWN)) throw new AppError('FORBIDDEN');
  const hash = requestHash(input);
  return withIdempotency(tx, `dossier.submit:${actor.userId}`, options.idempotencyKey, hash, async () => {
    const [user] = await tx.select().from(users).where(eq(users.id, actor.userId!));
    if (!user) throw new AppError('UNAUTHENTICATED');
    const contact = input.contact ?? {};
    return intakeDossier(
      tx,
      actor,
      {
        channel: 'online',
        procedureId: input.procedureId,
        competentAgencyId: input.competentAgencyId,
        documents: input.documents,
        applicant: {
          userId: user.id,
          kind: user.taxCode ? 'organisation' : 'individual',
          name: user.fullName,
          idNumber: user.idNumber,
          phone: contact.phone ?? user.phone,
          email: contact.email ?? user.email,
          address: contact.address ?? user.address,
          organisationName: user.organisationName,
          taxCode: user.taxCode,
        },
        summary: input.summary ?? null,
        note: null,
        deliveryMethod: input.deliveryMethod ?? 'online',
        deliveryAddress: input.deliveryAddress ?? contact.address ?? user.address,
        hash,
      },
      now,
    );
  });
}
