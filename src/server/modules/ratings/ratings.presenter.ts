import type { Executor } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { can } from '../../policies';
import { errorMessages } from '../../../shared/errors';
import { DossierStatus } from '../../../shared/workflow/dossier-workflow';
import {
  RATING_CRITERIA,
  ratingCriterionLabels,
  ratingLevelLabel,
  scaleLevels,
  type DossierRatingStatus,
  type DossierRatingView,
  type RatingChannel,
  type RatingScale,
} from '../../../shared/schemas/ratings';
import type { DossierSubject } from '../../policies/dossiers.policy';
import { getFeedbackSettings } from './feedback-settings';
import { findRating, findReturnedAt, type DossierRow, type RatingRecord } from './ratings.queries';

export function presentRating(r: RatingRecord): DossierRatingView {
  const x = r.rating;
  const scale = x.scale as RatingScale;
  return {
    id: x.id,
    dossierId: x.dossierId,
    scale,
    overall: x.overall,
    overallLabel: ratingLevelLabel(x.overall, scale),
    satisfied: x.satisfied,
    criteria: x.criteria,
    comment: x.comment,
    channel: x.channel as RatingChannel,
    enteredOnBehalf: x.onBehalf,
    enteredBy: x.enteredById ? { id: x.enteredById, fullName: r.enteredByName ?? '' } : null,
    ratedAt: x.ratedAt.toISOString(),
    updatedAt: x.updatedAt.toISOString(),
    revision: x.revision,
    changeableUntil: x.changeableUntil.toISOString(),
  };
}

/**
 * The rating page's data. `asApplicant`: the viewer is the applicant (signed in or holding the receipt);
 * `subject` is given for signed-in viewers so staff abilities can be checked.
 */
export async function presentRatingStatus(
  executor: Executor,
  actor: Actor,
  found: { dossier: DossierRow; agencyName: string },
  who: { asApplicant: boolean; subject?: DossierSubject },
): Promise<DossierRatingStatus> {
  const d = found.dossier;
  const [record, returnedAt, settings] = await Promise.all([findRating(executor, d.id), findReturnedAt(executor, d.id), getFeedbackSettings(executor)]);
  const now = new Date();
  const returned = d.status === DossierStatus.RETURNED;
  const open = !record || now <= record.rating.changeableUntil;
  const onBehalf = !!who.subject && can(actor, 'rate_on_behalf', 'dossier_rating', who.subject);
  const blocker = !returned ? 'RATING_NOT_AVAILABLE' : !open ? 'RATING_LOCKED' : null;
  const scale = (record?.rating.scale as RatingScale | undefined) ?? settings.ratingScale;
  return {
    dossier: { id: d.id, code: d.code, procedureName: d.procedure.name, agencyName: found.agencyName, returnedAt: returnedAt?.toISOString() ?? null },
    scale,
    levels: scaleLevels(scale),
    criteria: RATING_CRITERIA.filter((c) => c !== 'other').map((code) => ({ code, label: ratingCriterionLabels[code] })),
    rating: record ? presentRating(record) : null,
    abilities: {
      rate: who.asApplicant && returned && open,
      rate_on_behalf: onBehalf && returned && open && (!record || record.rating.onBehalf),
    },
    blockedBy: blocker ? { code: blocker, message: errorMessages[blocker] } : null,
  };
}
