/** Shapes catalog records for the API (labels, formatted amounts, computed time cuts, the actor's abilities). */
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { agencies, procedures, publicationDecisions } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { abilitiesFor, authorize } from '../../policies';
import type { InternalProcessSubject, ProcedureSubject, PublicationDecisionSubject } from '../../policies/catalog.policy';
import { AppError } from '../../../shared/errors';
import { formatMoney } from '../../../shared/text';
import {
  applicantKindLabels,
  decisionActionLabels,
  decisionStatusLabels,
  onlineScopeLabels,
  procedureLevelLabels,
  processRoleLabels,
  submissionMethodLabels,
  type DecisionAction,
  type DecisionStatus,
  type DecisionView,
  type InternalProcessSummary,
  type InternalProcessView,
  type ProcedureDetail,
  type ProcedureListItem,
  type ProcessRole,
  type TimeUnit,
} from '../../../shared/schemas/catalog';
import { formatProcessingTime, legalMinutes, publicationTimeliness, todayInVietnam } from './catalog-rules';
import { contentOfVersion, findProcedureIdentity, findProcedureVersionAsOf, versionAgencyIds, type ListedProcedure } from './catalog.queries';
import { listInternalProcesses, type InternalProcessRecord, type findInternalProcess } from './internal-processes.queries';
import type { DecisionItemRow, DecisionRecord } from './publication-decisions.queries';

export const PROCEDURE_ACTIONS = ['update', 'set_agencies', 'manage_internal_processes'] as const;
export const DECISION_ACTIONS_ABILITIES = ['update', 'delete', 'apply'] as const;

export function presentTime(time: { value: number; unit: TimeUnit; note?: string | null }) {
  return { value: time.value, unit: time.unit, note: time.note ?? null, label: formatProcessingTime(time), legalMinutes: legalMinutes(time) };
}

export function presentListItem(p: ListedProcedure): ProcedureListItem {
  return {
    id: p.id,
    versionId: p.versionId,
    code: p.code,
    name: p.name,
    field: p.field,
    level: p.level,
    levelLabel: procedureLevelLabels[p.level],
    time: presentTime(p.time),
    onlineLevel: p.onlineLevel,
    onlineScope: p.onlineScope,
    onTheSpot: p.onTheSpot,
    interAgency: p.interAgency,
    agencyCount: p.agencyCount,
    hasFee: p.hasFee,
    validFrom: p.validFrom,
    validTo: p.validTo,
  };
}

export function presentProcessSummary(r: InternalProcessRecord): InternalProcessSummary {
  return {
    id: r.id,
    agency: { id: r.agencyId, name: r.agencyName, shortName: r.agencyShortName },
    approvalDecisionNumber: r.approvalDecisionNumber,
    approvalDecisionDate: r.approvalDecisionDate,
    validFrom: r.validFrom,
    stepCount: r.stepCount,
    totalHours: r.totalMinutes / 60,
    legalHours: r.legalMinutes / 60,
    cutPercent: r.cutPercent,
    withinLegalTime: r.withinLegalTime,
  };
}

/** Full procedure as in force on `asOf` (all Điều 8 components), or 404 when it is not in force that day. */
export async function presentProcedureDetail(executor: Executor, actor: Actor, procedureId: string, asOf = todayInVietnam()): Promise<ProcedureDetail> {
  const identity = await findProcedureIdentity(executor, { id: procedureId });
  const subject = authorize<ProcedureSubject>(actor, 'read', 'procedure', identity && { id: identity.id, publishingAgencyPath: identity.publishingAgencyPath });
  const version = await findProcedureVersionAsOf(executor, procedureId, asOf);
  if (!version) throw new AppError('NOT_FOUND', { message: 'Thủ tục không có hiệu lực vào ngày đã chọn' });
  const content = contentOfVersion(version);
  const agencyIds = await versionAgencyIds(executor, version.id);
  const agencyRows = agencyIds.length
    ? await executor
        .select({ id: agencies.id, name: agencies.name, shortName: agencies.shortName, kind: agencies.kind, path: agencies.path })
        .from(agencies)
        .where(inArray(agencies.id, agencyIds))
        .orderBy(agencies.path)
    : [];
  const [publisher] = await executor.select({ id: agencies.id, name: agencies.name, shortName: agencies.shortName }).from(agencies).where(eq(agencies.id, identity!.publishingAgencyId));
  const [decision] = version.decisionId
    ? await executor.select({ id: publicationDecisions.id, number: publicationDecisions.number, signedOn: publicationDecisions.signedOn }).from(publicationDecisions).where(eq(publicationDecisions.id, version.decisionId))
    : [];
  const [replaces] = identity!.replacesProcedureId
    ? await executor.select({ id: procedures.id, code: procedures.code }).from(procedures).where(eq(procedures.id, identity!.replacesProcedureId))
    : [];
  const processes = await listInternalProcesses(executor, procedureId, asOf);
  return {
    id: identity!.id,
    code: identity!.code,
    publishingAgency: publisher!,
    replacesProcedure: replaces ?? null,
    version: { id: version.id, versionNo: version.versionNo, validFrom: version.validFrom, validTo: version.validTo, origin: version.origin, decision: decision ?? null },
    name: content.name,
    field: { id: version.fieldId, code: version.fieldCode, name: version.fieldName },
    level: content.level,
    levelLabel: procedureLevelLabels[content.level],
    departmentKey: content.departmentKey ?? null,
    time: presentTime(content.time),
    onlineLevel: content.onlineLevel,
    onlineScope: content.onlineScope,
    onlineScopeLabel: content.onlineScope ? onlineScopeLabels[content.onlineScope] : null,
    onTheSpot: content.onTheSpot,
    interAgency: content.interAgency,
    postalReturn: content.postalReturn,
    cutoffTime: content.cutoffTime ?? null,
    methods: content.methods.map((m) => ({ code: m, label: submissionMethodLabels[m] })),
    subjects: content.subjects.map((s) => ({ code: s, label: applicantKindLabels[s] })),
    steps: content.steps,
    documents: content.documents.map((d) => ({ name: d.name, originals: d.originals, copies: d.copies, formName: d.formName ?? null, formUrl: d.formUrl ?? null })),
    sets: content.sets,
    result: content.result,
    conditions: content.conditions ?? null,
    fees: content.fees.map((f) => ({ name: f.name, amount: f.amount, amountFormatted: formatMoney(f.amount), note: f.note ?? null })),
    feeExemptions: content.feeExemptions ?? null,
    legalBasis: content.legalBasis.map((l) => ({ number: l.number, title: l.title, issuedOn: l.issuedOn ?? null, url: l.url ?? null })),
    agencies: agencyRows.map(({ path: _path, ...a }) => a),
    internalProcesses: processes.map(presentProcessSummary),
    abilities: abilitiesFor(actor, 'procedure', subject, PROCEDURE_ACTIONS),
  };
}

export function presentDecision(actor: Actor, d: DecisionRecord, items?: DecisionItemRow[]): DecisionView {
  const subject: PublicationDecisionSubject = { id: d.id, status: d.status, publishingAgencyPath: d.publishingAgencyPath };
  const view: DecisionView = {
    id: d.id,
    publishingAgency: { id: d.publishingAgencyId, name: d.publishingAgencyName, shortName: d.publishingAgencyShortName },
    number: d.number,
    title: d.title,
    signedOn: d.signedOn,
    signerName: d.signerName,
    signerTitle: d.signerTitle,
    effectiveFrom: d.effectiveFrom,
    legalDocumentNumber: d.legalDocumentNumber,
    legalDocumentTitle: d.legalDocumentTitle,
    legalDocumentEffectiveFrom: d.legalDocumentEffectiveFrom,
    status: d.status as DecisionStatus,
    statusLabel: decisionStatusLabels[d.status as DecisionStatus],
    appliedAt: d.appliedAt ? d.appliedAt.toISOString() : null,
    timeliness: publicationTimeliness(d.signedOn, d.legalDocumentEffectiveFrom),
    itemCount: d.itemCount,
    abilities: abilitiesFor(actor, 'publication_decision', subject, DECISION_ACTIONS_ABILITIES),
  };
  if (items) {
    view.items = items.map((i) => {
      const content = i.content as { name?: string; code?: string } | null;
      // The replacing procedure's code is stored with its content; the API gives it as newProcedureCode.
      const { code: _code, ...stated } = content ?? {};
      return {
        id: i.id,
        position: i.position,
        action: i.action as DecisionAction,
        actionLabel: decisionActionLabels[i.action as DecisionAction],
        procedureCode: i.procedureCode,
        newProcedureCode: i.action === 'replace' ? (content?.code ?? null) : null,
        name: content?.name ?? null,
        content: content ? stated : null,
        resultProcedureId: i.resultProcedureId,
        resultVersionId: i.resultVersionId,
      };
    });
  }
  return view;
}

export function presentInternalProcess(actor: Actor, p: NonNullable<Awaited<ReturnType<typeof findInternalProcess>>>): InternalProcessView {
  const subject: InternalProcessSubject = { agencyPath: p.agencyPath, publishingAgencyPath: p.publishingAgencyPath };
  return {
    ...presentProcessSummary(p),
    procedure: { id: p.procedureId, code: p.procedureCode, name: p.procedureName ?? '' },
    validTo: p.validTo,
    steps: p.steps.map((s) => ({
      position: s.position,
      name: s.name,
      responsibleRole: s.responsibleRole as ProcessRole,
      responsibleRoleLabel: processRoleLabels[s.responsibleRole as ProcessRole],
      responsibleLabel: s.responsibleLabel,
      departmentId: s.departmentId,
      hours: s.allottedMinutes / 60,
      interAgency: s.interAgency,
    })),
    abilities: abilitiesFor(actor, 'internal_process', subject, ['approve']),
  };
}

