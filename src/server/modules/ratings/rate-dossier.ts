/**
 * Đánh giá mức độ hài lòng về giải quyết một hồ sơ (NĐ 118 Điều 33): one rating per dossier, only once the result
 * was returned, by the applicant (signed in, or with the receipt's code and secret), or entered for them by a desk
 * officer, which is recorded as such. The applicant may change it until `changeableUntil`; an officer never
 * overwrites the applicant's own rating.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { dossierRatings } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { authorize } from '../../policies';
import { AppError } from '../../../shared/errors';
import { AuditAction } from '../../../shared/audit-actions';
import { DossierStatus } from '../../../shared/workflow/dossier-workflow';
import { isSatisfied, type DossierRatingInput, type RatingChannel, type RatingScale } from '../../../shared/schemas/ratings';
import { subjectOf } from '../dossiers/perform-action';
import { trackingSecretMatches } from '../dossiers/tracking-secret';
import { getFeedbackSettings } from './feedback-settings';
import { findDossierForRating, findRating } from './ratings.queries';

const DAY_MS = 86_400_000;

/** Who is rating: the signed-in applicant, the holder of the receipt, or a desk officer for the applicant. */
export type RatingAuthor =
  | { kind: 'applicant'; dossierId: string }
  | { kind: 'receipt'; code: string; secret: string }
  | { kind: 'desk'; dossierId: string; channel: Exclude<RatingChannel, 'online'> };

/** The dossier an author addresses, authorized; a wrong receipt secret answers as an unknown code. */
export async function loadRatedDossier(tx: Tx, actor: Actor, author: RatingAuthor, options: { lock?: boolean } = {}) {
  if (author.kind === 'receipt') {
    const found = await findDossierForRating(tx, { code: author.code }, options);
    if (!found || !trackingSecretMatches(author.secret, found.dossier.trackingSecretHash)) {
      throw new AppError('NOT_FOUND', { message: 'Không tìm thấy hồ sơ với mã và mã tra cứu đã nhập' });
    }
    return found;
  }
  const found = await findDossierForRating(tx, { id: author.dossierId }, options);
  const subject = found ? await subjectOf(tx, found.dossier) : undefined;
  authorize(actor, author.kind === 'desk' ? 'rate_on_behalf' : 'rate', 'dossier_rating', subject);
  return found!;
}

const invalid = (fields: { path: string; message: string }[]) => new AppError('VALIDATION_FAILED', { details: { fields } });

function checkLevels(input: DossierRatingInput, scale: RatingScale) {
  const fields: { path: string; message: string }[] = [];
  if (input.overall > scale) fields.push({ path: 'body.overall', message: `Mức đánh giá từ 1 đến ${scale}` });
  for (const [criterion, level] of Object.entries(input.criteria)) {
    if (level !== undefined && level > scale) fields.push({ path: `body.criteria.${criterion}`, message: `Mức đánh giá từ 1 đến ${scale}` });
  }
  if (fields.length > 0) throw invalid(fields);
}

export async function rateDossier(tx: Tx, actor: Actor, author: RatingAuthor, input: DossierRatingInput): Promise<string> {
  const { dossier } = await loadRatedDossier(tx, actor, author, { lock: true });
  if (dossier.status !== DossierStatus.RETURNED) throw new AppError('RATING_NOT_AVAILABLE');
  const onBehalf = author.kind === 'desk';
  const channel: RatingChannel = author.kind === 'desk' ? author.channel : 'online';
  const existing = (await findRating(tx, dossier.id))?.rating;
  const now = new Date();

  if (existing) {
    if (onBehalf && !existing.onBehalf) throw new AppError('RATING_GIVEN_BY_APPLICANT');
    if (now > existing.changeableUntil) throw new AppError('RATING_LOCKED');
  }
  const settings = await getFeedbackSettings(tx);
  // A rating keeps the scale it was first given on, even if the setting changes meanwhile.
  const scale = (existing?.scale as RatingScale | undefined) ?? settings.ratingScale;
  checkLevels(input, scale);

  const values = {
    overall: input.overall,
    satisfied: isSatisfied(input.overall, scale),
    criteria: Object.fromEntries(Object.entries(input.criteria).filter(([, v]) => v !== undefined)) as Record<string, number>,
    comment: input.comment || null,
    channel,
    onBehalf,
    enteredById: onBehalf ? actor.userId : null,
    updatedAt: now,
  };
  let id: string;
  if (existing) {
    await tx
      .update(dossierRatings)
      .set({ ...values, revision: existing.revision + 1 })
      .where(eq(dossierRatings.id, existing.id));
    id = existing.id;
  } else {
    const [row] = await tx
      .insert(dossierRatings)
      .values({
        ...values,
        dossierId: dossier.id,
        agencyId: dossier.competentAgencyId,
        procedureId: dossier.procedureId,
        applicantUserId: dossier.applicantUserId,
        scale,
        ratedAt: now,
        changeableUntil: new Date(now.getTime() + settings.ratingChangeDays * DAY_MS),
      })
      .returning({ id: dossierRatings.id });
    id = row!.id;
  }
  await recordAudit(tx, actor, {
    action: existing ? AuditAction.RATING_CHANGED : AuditAction.RATING_GIVEN,
    subjectType: 'dossier',
    subjectId: dossier.id,
    summary: { code: dossier.code, scale, overall: input.overall, channel, onBehalf, via: author.kind },
  });
  return id;
}
