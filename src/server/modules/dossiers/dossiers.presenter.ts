/** Dossiers as the API shows them: list rows (ID numbers masked), the detail with its timeline and allowed actions. */
import type { DossierDetail, DossierListItem, DossierRules } from '../../../shared/schemas/dossiers';
import { maskIdNumber } from '../../../shared/text';
import { supplementClosureAt } from '../../../shared/workflow/dossier-deadlines';
import { DOSSIER_ACTION_LABELS, DOSSIER_STATUS_LABELS, type DossierAction, type DossierStatus } from '../../../shared/workflow/dossier-workflow';
import type { Actor } from '../../auth/actor';
import type { Executor } from '../../db/client';
import { abilitiesFor } from '../../policies';
import type { DossierSubject } from '../../policies/dossiers.policy';
import type { DossierRow } from './dossier-records';
import { loadDossierParts, type DossierListRow } from './dossiers.queries';
import { actionsFor } from './perform-action';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export const DOSSIER_ABILITIES = ['read', 'act', 'read_personal_data', 'update_documents', 'reissue_tracking_secret'] as const;

function supplementDeadline(rules: DossierRules, requestedAt: Date | null): string | null {
  return requestedAt ? iso(supplementClosureAt(rules, requestedAt)) : null;
}

export function presentListItem(row: DossierListRow): DossierListItem {
  const step = row.currentStep !== null ? row.procedure.steps[row.currentStep] : undefined;
  return {
    id: row.id,
    code: row.code,
    procedureCode: row.procedure.code,
    procedureName: row.procedure.name,
    applicantName: row.applicantName,
    applicantIdNumberMasked: maskIdNumber(row.applicantIdNumber),
    channel: row.channel as DossierListItem['channel'],
    status: row.status as DossierStatus,
    statusLabel: DOSSIER_STATUS_LABELS[row.status as DossierStatus],
    submittedAt: row.submittedAt.toISOString(),
    receivedAt: iso(row.receivedAt),
    dueAt: iso(row.dueAt),
    deadlineAlert: (row.deadlineAlert as DossierListItem['deadlineAlert']) ?? null,
    acceptAlertAt: iso(row.acceptAlertAt),
    acceptDueAt: iso(row.acceptDueAt),
    supplementDeadline: supplementDeadline(row.rules, row.supplementRequestedAt),
    currentStep: row.currentStep,
    currentStepName: step?.name ?? null,
    stepDueAt: iso(row.stepDueAt),
    competentAgency: { id: row.competentAgencyId, name: row.competentAgencyName },
    assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? '' } : null,
  };
}

export async function presentDossierDetail(
  executor: Executor,
  actor: Actor,
  row: DossierRow,
  subject: DossierSubject,
  options: { revealPersonalData: boolean },
): Promise<DossierDetail> {
  const parts = await loadDossierParts(executor, row);
  const { names } = parts;
  const ref = (map: Map<string, string>, id: string | null) => (id ? { id, name: map.get(id) ?? '' } : null);
  const step = row.currentStep !== null ? row.procedure.steps[row.currentStep] : undefined;
  const stepRows = new Map(parts.steps.map((s) => [s.position, s]));
  return {
    id: row.id,
    code: row.code,
    procedureCode: row.procedure.code,
    procedureName: row.procedure.name,
    procedureVersionId: row.procedureVersionId,
    procedure: row.procedure,
    summary: row.summary,
    applicantName: row.applicantName,
    applicantIdNumberMasked: maskIdNumber(row.applicantIdNumber),
    applicant: {
      kind: row.applicantKind as 'individual' | 'organisation',
      userId: row.applicantUserId,
      fullName: row.applicantName,
      idNumber: options.revealPersonalData ? row.applicantIdNumber : maskIdNumber(row.applicantIdNumber),
      phone: row.applicantPhone,
      email: row.applicantEmail,
      address: row.applicantAddress,
      organisationName: row.organisationName,
      taxCode: row.organisationTaxCode,
    },
    channel: row.channel as DossierDetail['channel'],
    status: row.status as DossierStatus,
    statusLabel: DOSSIER_STATUS_LABELS[row.status as DossierStatus],
    submittedAt: row.submittedAt.toISOString(),
    receivedAt: iso(row.receivedAt),
    processingStartedAt: iso(row.processingStartedAt),
    dueAt: iso(row.dueAt),
    originalDueAt: iso(row.originalDueAt),
    extendedAt: iso(row.extendedAt),
    finishedAt: iso(row.finishedAt),
    outcome: (row.outcome as DossierDetail['outcome']) ?? null,
    documentNumber: row.documentNumber,
    deadlineAlert: (row.deadlineAlert as DossierDetail['deadlineAlert']) ?? null,
    acceptAlertAt: iso(row.acceptAlertAt),
    acceptDueAt: iso(row.acceptDueAt),
    supplementDeadline: supplementDeadline(row.rules, row.supplementRequestedAt),
    suspensions: row.suspensions.map((s) => ({ from: s.from, to: s.to })),
    currentStep: row.currentStep,
    currentStepName: step?.name ?? null,
    stepDueAt: iso(row.stepDueAt),
    helpedAtAgency: ref(names.agency, row.helpedAtAgencyId),
    receivingAgency: ref(names.agency, row.receivingAgencyId)!,
    competentAgency: ref(names.agency, row.competentAgencyId)!,
    currentAgency: ref(names.agency, row.currentAgencyId)!,
    currentDepartment: ref(names.department, row.currentDepartmentId),
    assignee: ref(names.user, row.assigneeId),
    paymentState: row.paymentState as DossierDetail['paymentState'],
    feeTotal: row.feeTotal,
    deliveryMethod: row.deliveryMethod as DossierDetail['deliveryMethod'],
    deliveryState: row.deliveryState as DossierDetail['deliveryState'],
    syncState: row.syncState as DossierDetail['syncState'],
    documents: parts.documents.map(({ document: d, file }) => ({
      id: d.id,
      kind: d.kind as DossierDetail['documents'][number]['kind'],
      index: d.checklistIndex,
      name: d.name,
      originals: d.originals,
      copies: d.copies,
      file: file ? { id: file.id, fileName: file.fileName, size: file.size, mimeType: file.mimeType } : null,
      digitised: d.fileId !== null,
      reusable: d.reusable,
      reusedFromDocumentId: d.reusedFromDocumentId,
      documentNumber: d.documentNumber,
      actionId: d.actionId,
      createdAt: d.createdAt.toISOString(),
    })),
    steps: row.procedure.steps.map((s) => {
      const done = stepRows.get(s.position);
      return {
        position: s.position,
        name: s.name,
        role: s.role,
        responsibleLabel: s.responsibleLabel,
        allottedMinutes: s.allottedMinutes,
        interAgency: s.interAgency,
        department: ref(names.department, s.departmentId),
        plannedDueAt: iso(done?.plannedDueAt),
        startedAt: iso(done?.startedAt),
        finishedAt: iso(done?.finishedAt),
        current: s.position === row.currentStep,
      };
    }),
    agencyPeriods: parts.periods.map((p) => ({
      agency: ref(names.agency, p.agencyId),
      externalAgencyName: p.externalAgencyName,
      role: p.role as 'competent' | 'participating',
      startedAt: p.startedAt.toISOString(),
      dueAt: iso(p.dueAt),
      finishedAt: iso(p.finishedAt),
      outcome: (p.outcome as DossierDetail['outcome']) ?? null,
    })),
    timeline: parts.actions.map((a) => ({
      seq: a.seq,
      action: a.action as DossierAction,
      actionLabel: DOSSIER_ACTION_LABELS[a.action as DossierAction],
      at: a.at.toISOString(),
      actor: { kind: a.actorRole, name: a.actorName },
      fromStatus: (a.fromStatus as DossierStatus | null) ?? null,
      toStatus: a.toStatus as DossierStatus,
      comment: a.comment,
      payload: a.payload,
    })),
    allowedActions: actionsFor(actor, subject, row.status as DossierStatus),
    abilities: abilitiesFor(actor, 'dossier', subject, DOSSIER_ABILITIES),
  };
}
