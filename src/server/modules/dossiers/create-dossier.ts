/**
 * Intake (tiếp nhận hồ sơ): at the desk (in person or a dossier that arrived by post) and online by a signed-in
 * citizen. One code per dossier whatever the channel, allocated in the intake transaction. The dossier binds to
 * the procedure version in force on the receipt date and copies what it needs from it.
 *
 * Use cases take (tx, actor, input, now?) so the history simulator can run dossiers with its own clock.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { toLocalDate } from '../../../shared/calendar';
import { AuditAction } from '../../../shared/audit-actions';
import { AppError } from '../../../shared/errors';
import { Permission } from '../../../shared/permissions';
import type { DeskIntakeInput, DossierRules, OnlineSubmissionInput, ProcedureSnapshot } from '../../../shared/schemas/dossiers';
import { maskIdNumber } from '../../../shared/text';
import { acceptanceDeadlines, scheduleAtReceipt } from '../../../shared/workflow/dossier-deadlines';
import { reduceDossier, type DossierEvent } from '../../../shared/workflow/dossier-state';
import { DossierAction, DossierStatus, auditActionOf } from '../../../shared/workflow/dossier-workflow';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import type { Executor } from '../../db/client';
import { agencies, departments, dossierActions, dossiers, users } from '../../db/schema';
import { inAgencyScope } from '../../policies';
import { loadWorkCalendar } from '../calendar/calendar.queries';
import { allocateDossierCode } from './allocate-dossier-code';
import { columnsOfState, type ActionActor } from './dossier-records';
import { checkChecklist, insertDocuments, prepareProvidedDocuments, type DocumentDraft } from './dossier-documents';
import { dueLine, notifyApplicant, notifyStaff, statusChangedMessage } from './dossier-notifications';
import { insertStepPlan, startCompetentPeriod } from './dossier-progress';
import { findRuleSet } from './dossier-rules';
import { requestHash, withIdempotency, type Idempotent } from './idempotency';
import { resolveProcedure } from './procedure-snapshot';
import { generateTrackingSecret, hashTrackingSecret } from './tracking-secret';

export interface IntakeResult {
  dossierId: string;
  code: string;
  /** Printed on the receipt; shown once (a retry with the same Idempotency-Key shows it again). */
  trackingSecret: string;
}

export interface IntakeOptions {
  idempotencyKey?: string | undefined;
}

export function actionActorOf(actor: Actor, role: ActionActor['role']): ActionActor {
  return { role, userId: actor.userId, name: actor.fullName, agencyId: role === 'staff' ? actor.agencyId : null };
}

interface AgencyRow {
  id: string;
  path: string;
  identifierCode: string;
  validTo: string | null;
}

async function loadAgencies(tx: Executor, ids: string[]): Promise<Map<string, AgencyRow>> {
  const rows = await tx
    .select({ id: agencies.id, path: agencies.path, identifierCode: agencies.identifierCode, validTo: agencies.validTo })
    .from(agencies)
    .where(inArray(agencies.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function deskDepartmentOf(tx: Executor, agencyId: string): Promise<string | null> {
  const [desk] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.agencyId, agencyId), eq(departments.isOneStopDesk, true)))
    .limit(1);
  return desk?.id ?? null;
}

/**
 * NĐ 118 Điều 28.2a: the competent agency's identifier, or for an inter-agency group the receiving desk's
 * (a dossier filed in person).
 */
function codeAgency(snapshot: ProcedureSnapshot, competent: AgencyRow, receiving: AgencyRow, channel: string): string {
  if (snapshot.interAgency && channel !== 'online') return receiving.identifierCode;
  return competent.identifierCode;
}

function checkChannel(snapshot: ProcedureSnapshot, channel: 'online' | 'in_person' | 'post') {
  const allowed = channel === 'online' ? snapshot.methods.includes('online') && snapshot.onlineLevel >= 3 : snapshot.methods.includes(channel);
  if (!allowed) {
    const how = { online: 'trực tuyến', in_person: 'trực tiếp', post: 'qua dịch vụ bưu chính' }[channel];
    throw new AppError('CHANNEL_NOT_ALLOWED', { message: `Thủ tục "${snapshot.name}" không nhận hồ sơ ${how}` });
  }
}

interface NewDossier {
  id: string;
  code: string;
  codePatternId: string;
  snapshot: ProcedureSnapshot;
  rules: DossierRules;
  applicant: {
    userId: string | null;
    kind: 'individual' | 'organisation';
    name: string;
    idNumber: string | null;
    phone: string | null;
    email: string | null;
    address: string | null;
    organisationName: string | null;
    taxCode: string | null;
  };
  summary: string | null;
  note: string | null;
  channel: 'online' | 'in_person' | 'post';
  helpedAtAgencyId: string | null;
  receivingAgencyId: string;
  competentAgencyId: string;
  receivedById: string | null;
  submittedAt: Date;
  deliveryMethod: 'at_desk' | 'online' | 'post';
  deliveryAddress: string | null;
  trackingSecretHash: string;
}

/** Inserts the dossier row (projection of its first event) and the first entry of its log. */
async function insertDossier(tx: Executor, d: NewDossier, event: DossierEvent, actor: ActionActor, hash: string) {
  const state = reduceDossier(null, event);
  const feeTotal = d.snapshot.fees.reduce((sum, f) => sum + f.amount, 0);
  await tx.insert(dossiers).values({
    id: d.id,
    code: d.code,
    codePatternId: d.codePatternId,
    procedureId: d.snapshot.procedureId,
    procedureVersionId: d.snapshot.versionId,
    procedure: d.snapshot,
    rules: d.rules,
    applicantUserId: d.applicant.userId,
    applicantKind: d.applicant.kind,
    applicantName: d.applicant.name,
    applicantIdNumber: d.applicant.idNumber,
    applicantPhone: d.applicant.phone,
    applicantEmail: d.applicant.email,
    applicantAddress: d.applicant.address,
    organisationName: d.applicant.organisationName,
    organisationTaxCode: d.applicant.taxCode,
    summary: d.summary,
    note: d.note,
    channel: d.channel,
    helpedAtAgencyId: d.helpedAtAgencyId,
    receivingAgencyId: d.receivingAgencyId,
    competentAgencyId: d.competentAgencyId,
    agencyIds: [...new Set([d.helpedAtAgencyId, d.receivingAgencyId, d.competentAgencyId].filter((x): x is string => !!x))],
    receivedById: d.receivedById,
    submittedAt: d.submittedAt,
    ...columnsOfState(state),
    lastSeq: 1,
    paymentState: feeTotal > 0 ? 'unpaid' : 'not_required',
    feeTotal,
    deliveryMethod: d.deliveryMethod,
    deliveryAddress: d.deliveryAddress,
    trackingSecretHash: d.trackingSecretHash,
  });
  await tx.insert(dossierActions).values({
    actionId: randomUUID(),
    dossierId: d.id,
    seq: 1,
    action: event.action,
    at: new Date(event.at),
    actorId: actor.userId,
    actorRole: actor.role,
    actorName: actor.name,
    actorAgencyId: actor.agencyId,
    fromStatus: null,
    toStatus: state.status,
    fromStep: null,
    toStep: state.currentStep,
    comment: null,
    payload: event.payload,
    requestHash: hash,
  });
  return state;
}

/** Tiếp nhận hồ sơ tại Bộ phận Một cửa. */
export async function receiveDossierAtDesk(
  tx: Executor,
  actor: Actor,
  input: DeskIntakeInput,
  now: Date = new Date(),
  options: IntakeOptions = {},
): Promise<Idempotent<IntakeResult>> {
  if (actor.userKind !== 'staff' || !actor.permissions.has(Permission.DOSSIER_INTAKE)) throw new AppError('FORBIDDEN');
  return withIdempotency(tx, `dossier.intake:${actor.userId}`, options.idempotencyKey, requestHash(input), async () => {
    const receivingAgencyId = input.receivingAgencyId ?? actor.agencyId;
    if (!receivingAgencyId) throw new AppError('FORBIDDEN', { message: 'Tài khoản chưa thuộc cơ quan nào, không thể tiếp nhận hồ sơ' });
    const date = toLocalDate(now);
    const { snapshot, competentAgencyId } = await resolveProcedure(tx, { procedureId: input.procedureId, competentAgencyId: input.competentAgencyId, date });
    checkChannel(snapshot, input.channel);

    const places = await loadAgencies(tx, [receivingAgencyId, competentAgencyId, ...(input.helpedAtAgencyId ? [input.helpedAtAgencyId] : [])]);
    const receiving = places.get(receivingAgencyId);
    if (!receiving || !inAgencyScope(actor, receiving.path)) {
      throw new AppError('FORBIDDEN', { message: 'Chỉ tiếp nhận hồ sơ tại Bộ phận Một cửa thuộc cơ quan của mình' });
    }
    if (input.helpedAtAgencyId && !places.has(input.helpedAtAgencyId)) {
      throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.helpedAtAgencyId', message: 'Không tìm thấy nơi hỗ trợ' }] } });
    }
    const competent = places.get(competentAgencyId)!;

    const a = input.applicant;
    if (a.userId) {
      const [account] = await tx.select({ id: users.id, kind: users.kind }).from(users).where(eq(users.id, a.userId));
      if (!account || account.kind !== 'citizen') {
        throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.applicant.userId', message: 'Không tìm thấy tài khoản công dân' }] } });
      }
    }
    const drafts = await prepareProvidedDocuments(tx, actor, snapshot, input.documents, { kind: 'application', applicantUserId: a.userId ?? null });
    checkChecklist(snapshot, drafts, 'desk');

    const calendar = await loadWorkCalendar(tx, competentAgencyId);
    const rules = await findRuleSet(tx, date);
    const schedule = scheduleAtReceipt(calendar, snapshot, now);
    const allocated = await allocateDossierCode(tx, codeAgency(snapshot, competent, receiving, input.channel), now);
    const secret = generateTrackingSecret();
    const deskDepartmentId = await deskDepartmentOf(tx, receivingAgencyId);
    const firstStep = snapshot.steps.length > 0 ? 0 : null;
    const id = randomUUID();
    const event: DossierEvent = {
      action: DossierAction.RECEIVE,
      at: now.toISOString(),
      fromStatus: null,
      toStatus: DossierStatus.RECEIVED,
      payload: {
        agencyId: receivingAgencyId,
        departmentId: deskDepartmentId,
        toStep: firstStep,
        receivedAt: now.toISOString(),
        processingStartedAt: schedule.processingStartedAt.toISOString(),
        dueAt: schedule.dueAt.toISOString(),
        stepDueAt: schedule.steps[0]?.plannedDueAt.toISOString() ?? null,
        channel: input.channel,
      },
    };
    const deliveryMethod = input.deliveryMethod ?? (input.channel === 'post' ? 'post' : 'at_desk');
    await insertDossier(
      tx,
      {
        id,
        code: allocated.code,
        codePatternId: allocated.patternId,
        snapshot,
        rules,
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
        channel: input.channel,
        helpedAtAgencyId: input.helpedAtAgencyId ?? null,
        receivingAgencyId,
        competentAgencyId,
        receivedById: actor.userId,
        submittedAt: now,
        deliveryMethod,
        deliveryAddress: input.deliveryAddress ?? a.address ?? null,
        trackingSecretHash: hashTrackingSecret(secret),
      },
      event,
      actionActorOf(actor, 'staff'),
      requestHash(input),
    );
    await insertDocuments(tx, id, drafts, actor.userId, null);
    await insertStepPlan(tx, id, schedule.steps, now, firstStep);
    await startCompetentPeriod(tx, id, competentAgencyId, schedule.processingStartedAt, schedule.dueAt);
    await recordAudit(tx, actor, {
      action: auditActionOf(DossierAction.RECEIVE),
      subjectType: 'dossier',
      subjectId: id,
      summary: { code: allocated.code, procedure: snapshot.code, channel: input.channel, applicantIdNumber: maskIdNumber(a.idNumber), competentAgencyId },
    });
    const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, id));
    await notifyApplicant(tx, row!, statusChangedMessage(DossierStatus.RECEIVED, [dueLine('Hẹn trả kết quả', schedule.dueAt), `Mã tra cứu: ${secret}`]));
    return { dossierId: id, code: allocated.code, trackingSecret: secret };
  });
}

/** Nộp hồ sơ trực tuyến: the dossier waits for the desk (alert within 2 hours, accept or return within 8 working hours). */
export async function submitDossierOnline(
  tx: Executor,
  actor: Actor,
  input: OnlineSubmissionInput,
  now: Date = new Date(),
  options: IntakeOptions = {},
): Promise<Idempotent<IntakeResult>> {
  if (actor.userKind !== 'citizen' || !actor.userId || !actor.permissions.has(Permission.DOSSIER_SUBMIT_OWN)) throw new AppError('FORBIDDEN');
  return withIdempotency(tx, `dossier.submit:${actor.userId}`, options.idempotencyKey, requestHash(input), async () => {
    const date = toLocalDate(now);
    const { snapshot, competentAgencyId } = await resolveProcedure(tx, { procedureId: input.procedureId, competentAgencyId: input.competentAgencyId, date });
    checkChannel(snapshot, 'online');
    const [user] = await tx.select().from(users).where(eq(users.id, actor.userId!));
    if (!user) throw new AppError('UNAUTHENTICATED');
    const drafts: DocumentDraft[] = await prepareProvidedDocuments(tx, actor, snapshot, input.documents, { kind: 'application', applicantUserId: user.id });
    checkChecklist(snapshot, drafts, 'online');

    const places = await loadAgencies(tx, [competentAgencyId]);
    const competent = places.get(competentAgencyId)!;
    // Online dossiers land at the competent agency's own desk (NĐ 118 Điều 17.2).
    const receivingAgencyId = competentAgencyId;
    const calendar = await loadWorkCalendar(tx, receivingAgencyId);
    const rules = await findRuleSet(tx, date);
    const deadlines = acceptanceDeadlines(calendar, rules, now);
    const allocated = await allocateDossierCode(tx, codeAgency(snapshot, competent, competent, 'online'), now);
    const secret = generateTrackingSecret();
    const deskDepartmentId = await deskDepartmentOf(tx, receivingAgencyId);
    const id = randomUUID();
    const event: DossierEvent = {
      action: DossierAction.SUBMIT,
      at: now.toISOString(),
      fromStatus: null,
      toStatus: DossierStatus.PENDING_ACCEPTANCE,
      payload: {
        agencyId: receivingAgencyId,
        departmentId: deskDepartmentId,
        acceptAlertAt: deadlines.acceptAlertAt.toISOString(),
        acceptDueAt: deadlines.acceptDueAt.toISOString(),
        channel: 'online',
      },
    };
    const contact = input.contact ?? {};
    const organisation = !!user.taxCode;
    await insertDossier(
      tx,
      {
        id,
        code: allocated.code,
        codePatternId: allocated.patternId,
        snapshot,
        rules,
        applicant: {
          userId: user.id,
          kind: organisation ? 'organisation' : 'individual',
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
        channel: 'online',
        helpedAtAgencyId: null,
        receivingAgencyId,
        competentAgencyId,
        receivedById: null,
        submittedAt: now,
        deliveryMethod: input.deliveryMethod ?? 'online',
        deliveryAddress: input.deliveryAddress ?? contact.address ?? user.address,
        trackingSecretHash: hashTrackingSecret(secret),
      },
      event,
      actionActorOf(actor, 'applicant'),
      requestHash(input),
    );
    await insertDocuments(tx, id, drafts, actor.userId, null);
    await recordAudit(tx, actor, {
      action: auditActionOf(DossierAction.SUBMIT),
      subjectType: 'dossier',
      subjectId: id,
      summary: { code: allocated.code, procedure: snapshot.code, channel: 'online', competentAgencyId },
    });
    const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, id));
    await notifyApplicant(tx, row!, statusChangedMessage(DossierStatus.PENDING_ACCEPTANCE, [`Mã tra cứu: ${secret}`, dueLine('Bộ phận Một cửa phản hồi chậm nhất', deadlines.acceptDueAt)]));
    await alertDesk(tx, row!, deadlines.acceptDueAt);
    return { dossierId: id, code: allocated.code, trackingSecret: secret };
  });
}

/** NĐ 118 Điều 17.2: the desk is told of an online dossier (here at once, well within the 2 hours). */
async function alertDesk(tx: Executor, row: typeof dossiers.$inferSelect, acceptDueAt: Date) {
  const officers = await tx
    .select({ id: users.id, roles: users.roles })
    .from(users)
    .where(and(eq(users.agencyId, row.receivingAgencyId), eq(users.kind, 'staff'), eq(users.status, 'active')));
  const desk = officers.filter((u) => u.roles.includes('desk_officer')).map((u) => u.id);
  await notifyStaff(tx, desk.slice(0, 50), row, {
    template: 'dossier.online_arrived',
    subject: 'Hồ sơ trực tuyến mới chờ tiếp nhận',
    body: `Hồ sơ ${row.code} (${row.procedure.name}) nộp trực tuyến, cần tiếp nhận hoặc yêu cầu bổ sung. ${dueLine('Hạn phản hồi', acceptDueAt)}`,
  });
}
