import type { Executor } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { toLocalDate } from '../../../shared/calendar';
import { maskIdNumber } from '../../../shared/text';
import { ratingLevelLabel, type RatingScale } from '../../../shared/schemas/ratings';
import type { PetitionDetail, PetitionListItem, PublishedPetition } from '../../../shared/schemas/petitions';
import {
  isOpenPetitionStatus,
  petitionActionLabels,
  petitionCategoryLabels,
  petitionChannelLabels,
  petitionStatusLabels,
  type PetitionAction,
  type PetitionCategory,
  type PetitionChannel,
  type PetitionStatus,
} from '../../../shared/workflow/petition-workflow';
import { todayInVietnam } from '../units/units.queries';
import { petitionAbilities } from './petition-transition';
import { listPetitionAttachments } from './petition-attachments';
import { petitionAlertLabels } from './sweep-petition-deadlines';
import {
  findAgencyNames,
  findProcedureRef,
  findUserNames,
  listPetitionHistory,
  type LoadedPetition,
  type PetitionListRow,
  type PublishedPetitionRow,
} from './petitions.queries';

const historyLabels: Record<string, string> = { register: 'Tiếp nhận, vào sổ', ...petitionAlertLabels };

type DeadlineFacts = { status: string; answerDueOn: string; answeredLate: boolean | null };

function deadlineState(p: DeadlineFacts): PetitionListItem['deadlineState'] {
  const status = p.status as PetitionStatus;
  if (status === 'answered' || status === 'published') return p.answeredLate ? 'answered_late' : 'answered_on_time';
  if (isOpenPetitionStatus(status)) return todayInVietnam() > p.answerDueOn ? 'overdue' : 'within_deadline';
  return 'closed';
}

const ref = (id: string | null, names: Map<string, string>) => (id ? { id, name: names.get(id) ?? '' } : null);

export function presentPetitionListItem(row: PetitionListRow): PetitionListItem {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    channel: row.channel,
    status: row.status as PetitionStatus,
    statusLabel: petitionStatusLabels[row.status as PetitionStatus],
    category: row.category as PetitionCategory | null,
    agency: { id: row.agencyId, name: row.agencyName },
    petitionerName: row.petitionerName,
    receivedAt: row.receivedAt.toISOString(),
    forwardDueOn: row.forwardDueOn,
    answerDueOn: row.answerDueOn,
    deadlineState: deadlineState(row),
    assignedTo: row.assignedToId ? { id: row.assignedToId, name: row.assignedToName ?? '' } : null,
  };
}

/** The full petition for staff in scope and for the petitioner (contact shown, ID number masked). */
export async function presentPetitionDetail(executor: Executor, actor: Actor, loaded: LoadedPetition, viaTrackingToken = false): Promise<PetitionDetail> {
  const p = loaded.row;
  const [people, agencyNames, history, procedure, attachments] = await Promise.all([
    findUserNames(executor, [p.assignedToId, p.enteredById, p.answeredById]),
    findAgencyNames(executor, [p.agencyId, p.receivedByAgencyId, p.forwardedFromAgencyId]),
    listPetitionHistory(executor, p.id),
    findProcedureRef(executor, p.procedureId),
    listPetitionAttachments(executor, p.id),
  ]);
  const status = p.status as PetitionStatus;
  const scale = p.answerRatingScale as RatingScale | null;
  return {
    ...presentPetitionListItem({
      ...p,
      agencyName: agencyNames.get(p.agencyId) ?? '',
      assignedToName: p.assignedToId ? (people.get(p.assignedToId) ?? '') : null,
    }),
    content: p.content,
    categoryLabel: p.category ? petitionCategoryLabels[p.category as PetitionCategory] : null,
    channelLabel: petitionChannelLabels[p.channel as PetitionChannel],
    receivedBy: ref(p.receivedByAgencyId, agencyNames)!,
    procedure,
    dossierId: p.dossierId,
    petitioner: {
      fullName: p.petitionerName,
      organisationName: p.petitionerOrganisation,
      idNumberMasked: maskIdNumber(p.petitionerIdNumber),
      phone: p.petitionerPhone,
      email: p.petitionerEmail,
      address: p.petitionerAddress,
      hasAccount: !!p.petitionerUserId,
    },
    publishConsent: p.publishConsent,
    registeredAt: p.registeredAt.toISOString(),
    enteredBy: ref(p.enteredById, people),
    forwarding: {
      dueOn: p.forwardDueOn,
      forwardedAt: p.forwardedAt?.toISOString() ?? null,
      fromAgency: ref(p.forwardedFromAgencyId, agencyNames),
      toExternal: p.forwardedToExternal,
      late: p.forwardedLate,
    },
    answer:
      p.answer && p.answeredAt
        ? { text: p.answer, answeredAt: p.answeredAt.toISOString(), answeredBy: ref(p.answeredById, people), late: p.answeredLate ?? false }
        : null,
    rejectionReason: p.rejectionReason,
    publication:
      status === 'published'
        ? { title: p.publicTitle ?? '', question: p.publicQuestion ?? '', answer: p.publicAnswer ?? '', publishedAt: p.publishedAt?.toISOString() ?? null }
        : null,
    answerRating:
      scale && p.answerRatingLevel && p.answerRatedAt
        ? {
            scale,
            level: p.answerRatingLevel,
            label: ratingLevelLabel(p.answerRatingLevel, scale),
            satisfied: p.answerRatingSatisfied ?? false,
            comment: p.answerRatingComment,
            ratedAt: p.answerRatedAt.toISOString(),
          }
        : null,
    attachments: attachments.map((a) => ({
      fileId: a.fileId,
      fileName: a.fileName,
      size: a.size,
      mimeType: a.mimeType,
      kind: a.kind as 'petition' | 'answer',
      addedAt: a.addedAt.toISOString(),
    })),
    history: history.map((h) => ({
      action: h.action,
      actionLabel: historyLabels[h.action] ?? petitionActionLabels[h.action as PetitionAction] ?? h.action,
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      actorLabel: h.actorLabel,
      agencyName: h.agencyName,
      note: h.note,
      at: h.at.toISOString(),
    })),
    abilities: petitionAbilities(actor, loaded, viaTrackingToken),
  };
}

/** The public view: wording prepared at publication, no petitioner field at all. */
export function presentPublishedPetition(row: PublishedPetitionRow, procedure: PublishedPetition['procedure']): PublishedPetition {
  return {
    id: row.id,
    code: row.code,
    title: row.title ?? '',
    question: row.question ?? '',
    answer: row.answer ?? '',
    category: row.category as PetitionCategory | null,
    categoryLabel: row.category ? petitionCategoryLabels[row.category as PetitionCategory] : null,
    agency: { id: row.agencyId, name: row.agencyName },
    procedure,
    receivedOn: toLocalDate(row.receivedAt),
    answeredOn: row.answeredAt ? toLocalDate(row.answeredAt) : null,
    publishedAt: row.publishedAt!.toISOString(),
  };
}
