/**
 * What every intake does, whatever the channel: bind the procedure version in force on the receipt date and its
 * competent agency, check the channel and the checklist, allocate the code in the transaction, write the dossier
 * with the first entry of its log, its documents and (once received) its step plan, audit and tell the applicant.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { toLocalDate } from '../../../shared/calendar';
import { AppError } from '../../../shared/errors';
import type { DossierRules, ProcedureSnapshot, ProvidedDocumentInput } from '../../../shared/schemas/dossiers';
import { maskIdNumber } from '../../../shared/text';
import { acceptanceDeadlines, receiptStep, scheduleAtReceipt } from '../../../shared/workflow/dossier-deadlines';
import { reduceDossier, type DossierEvent } from '../../../shared/workflow/dossier-state';
import { DossierAction, DossierStatus, auditActionOf } from '../../../shared/workflow/dossier-workflow';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { queryRows, type Executor } from '../../db/client';
import { agencies, dossierActions, dossiers, users } from '../../db/schema';
import { loadWorkCalendar } from '../calendar/calendar.queries';
import { allocateDossierCode } from './allocate-dossier-code';
import { columnsOfState, type ActionActor } from './dossier-records';
import { checkChecklist, insertDocuments, prepareProvidedDocuments } from './dossier-documents';
import { dueLine, notifyApplicant, notifyStaff, statusChangedMessage } from './dossier-notifications';
import { insertStepPlan, startCompetentPeriod } from './dossier-progress';
import { findRuleSet } from './dossier-rules';
import { resolveProcedure } from './procedure-snapshot';
import { recordDossierStatistics } from '../statistics/record-dossier-statistics';
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

export interface NewApplicant {
  userId: string | null;
  kind: 'individual' | 'organisation';
  name: string;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  organisationName: string | null;
  taxCode: string | null;
}

/** One intake as the two entry points (desk, online) describe it. */
export interface IntakeSpec {
  channel: 'online' | 'in_person' | 'post';
  procedureId: string;
  competentAgencyId?: string | undefined;
  /** The desk that receives it; online dossiers land at the competent agency's own desk. */
  receivingAgencyId?: string | undefined;
  /** Throws when the actor may not receive at that desk. */
  checkReceivingDesk?: (desk: AgencyRow) => void;
  helpedAtAgencyId?: string | undefined;
  documents: ProvidedDocumentInput[];
  applicant: NewApplicant;
  summary: string | null;
  note: string | null;
  deliveryMethod: 'at_desk' | 'online' | 'post';
  deliveryAddress: string | null;
  /** sha256 of the request, stored with the first log entry. */
  hash: string;
}

export function actionActorOf(actor: Actor, role: ActionActor['role']): ActionActor {
  return { role, userId: actor.userId, name: actor.fullName, agencyId: role === 'staff' ? actor.agencyId : null };
}

export interface AgencyRow {
  id: string;
  path: string;
  identifierCode: string;
  validTo: string | null;
  /** Its one-stop desk (Bộ phận Một cửa), if it has one. */
  deskDepartmentId: string | null;
}

async function loadAgencies(tx: Executor, ids: string[]): Promise<Map<string, AgencyRow>> {
  const rows = await tx
    .select({
      id: agencies.id,
      path: agencies.path,
      identifierCode: agencies.identifierCode,
      validTo: agencies.validTo,
      // Drizzle leaves a lone table's columns unqualified: name the outer one, or the subquery reads its own `id`.
      deskDepartmentId: deskDepartmentSql(sql`"agencies"."id"`),
    })
    .from(agencies)
    .where(inArray(agencies.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The one-stop desk (Bộ phận Một cửa) of an agency, as a scalar subquery. */
const deskDepartmentSql = (agencyId: SQL) => sql<string | null>`(SELECT d.id FROM departments d WHERE d.agency_id = ${agencyId} AND d.is_one_stop_desk LIMIT 1)`;

export async function deskDepartmentOf(tx: Executor, agencyId: string): Promise<string | null> {
  const [desk] = await queryRows<{ id: string | null }>(tx, sql`SELECT ${deskDepartmentSql(sql`${agencyId}::uuid`)} AS id`);
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
  applicant: NewApplicant;
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
  await recordDossierStatistics(tx, { ...d, procedureId: d.snapshot.procedureId, procedureVersionId: d.snapshot.versionId, procedure: d.snapshot }, null, state, { action: event.action, at: new Date(event.at) });
  return state;
}

/** Receives (desk) or registers (online) a dossier; the caller wraps it in the Idempotency-Key handling. */
export async function intakeDossier(tx: Executor, actor: Actor, spec: IntakeSpec, now: Date): Promise<IntakeResult> {
  const online = spec.channel === 'online';
  const date = toLocalDate(now);
  const { snapshot, competentAgencyId } = await resolveProcedure(tx, { procedureId: spec.procedureId, competentAgencyId: spec.competentAgencyId, date });
  checkChannel(snapshot, spec.channel);
  const receivingAgencyId = spec.receivingAgencyId ?? competentAgencyId;
  const places = await loadAgencies(tx, [receivingAgencyId, competentAgencyId, ...(spec.helpedAtAgencyId ? [spec.helpedAtAgencyId] : [])]);
  const receiving = places.get(receivingAgencyId);
  if (!receiving) throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.receivingAgencyId', message: 'Không tìm thấy nơi tiếp nhận' }] } });
  spec.checkReceivingDesk?.(receiving);
  if (spec.helpedAtAgencyId && !places.has(spec.helpedAtAgencyId)) {
    throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.helpedAtAgencyId', message: 'Không tìm thấy nơi hỗ trợ' }] } });
  }
  const drafts = await prepareProvidedDocuments(tx, actor, snapshot, spec.documents, { kind: 'application', applicantUserId: spec.applicant.userId });
  checkChecklist(snapshot, drafts, online ? 'online' : 'desk');

  // The competent agency's hours count; an online dossier's desk is that agency's own.
  const calendar = await loadWorkCalendar(tx, competentAgencyId);
  const rules = await findRuleSet(tx, date);
  const secret = generateTrackingSecret();
  const deskDepartmentId = receiving.deskDepartmentId;
  const id = randomUUID();
  const schedule = online ? null : scheduleAtReceipt(calendar, snapshot, now);
  const acceptance = online ? acceptanceDeadlines(calendar, rules, now) : null;
  const firstStep = receiptStep(snapshot.steps);
  const place = { agencyId: receivingAgencyId, departmentId: deskDepartmentId, channel: spec.channel };
  const event: DossierEvent = schedule
    ? {
        action: DossierAction.RECEIVE,
        at: now.toISOString(),
        fromStatus: null,
        toStatus: DossierStatus.RECEIVED,
        payload: {
          ...place,
          toStep: firstStep,
          receivedAt: now.toISOString(),
          processingStartedAt: schedule.processingStartedAt.toISOString(),
          dueAt: schedule.dueAt.toISOString(),
          stepDueAt: schedule.steps.find((s) => s.position === firstStep)?.plannedDueAt.toISOString() ?? null,
        },
      }
    : {
        action: DossierAction.SUBMIT,
        at: now.toISOString(),
        fromStatus: null,
        toStatus: DossierStatus.PENDING_ACCEPTANCE,
        payload: { ...place, acceptAlertAt: acceptance!.acceptAlertAt.toISOString(), acceptDueAt: acceptance!.acceptDueAt.toISOString() },
      };
  const role = online ? 'applicant' : 'staff';
  await insertDossier(
    tx,
    {
      id,
      // Replaced below: the day's number is taken last, so the counter row stays locked only until commit.
      code: `pending:${id}`,
      codePatternId: 'pending',
      snapshot,
      rules,
      applicant: spec.applicant,
      summary: spec.summary,
      note: spec.note,
      channel: spec.channel,
      helpedAtAgencyId: spec.helpedAtAgencyId ?? null,
      receivingAgencyId,
      competentAgencyId,
      receivedById: online ? null : actor.userId,
      submittedAt: now,
      deliveryMethod: spec.deliveryMethod,
      deliveryAddress: spec.deliveryAddress,
      trackingSecretHash: hashTrackingSecret(secret),
    },
    event,
    actionActorOf(actor, role),
    spec.hash,
  );
  await insertDocuments(tx, id, drafts, actor.userId, null);
  if (schedule) {
    await insertStepPlan(tx, id, schedule.steps, now, firstStep);
    await startCompetentPeriod(tx, id, competentAgencyId, schedule.processingStartedAt, schedule.dueAt);
  }
  const allocated = await allocateDossierCode(tx, codeAgency(snapshot, places.get(competentAgencyId)!, receiving, spec.channel), now);
  const [row] = await tx.update(dossiers).set({ code: allocated.code, codePatternId: allocated.patternId }).where(eq(dossiers.id, id)).returning();
  await recordAudit(tx, actor, {
    action: auditActionOf(event.action),
    subjectType: 'dossier',
    subjectId: id,
    summary: { code: allocated.code, procedure: snapshot.code, channel: spec.channel, applicantIdNumber: maskIdNumber(spec.applicant.idNumber), competentAgencyId },
  });
  const lines = schedule
    ? [dueLine('Hẹn trả kết quả', schedule.dueAt), `Mã tra cứu: ${secret}`]
    : [`Mã tra cứu: ${secret}`, dueLine('Bộ phận Một cửa phản hồi chậm nhất', acceptance!.acceptDueAt)];
  await notifyApplicant(tx, row!, statusChangedMessage(event.toStatus, lines));
  if (acceptance) await alertDesk(tx, row!, acceptance.acceptDueAt);
  return { dossierId: id, code: allocated.code, trackingSecret: secret };
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
