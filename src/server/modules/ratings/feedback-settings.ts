import { eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { feedbackSettings } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/record-audit';
import { AuditAction } from '../../../shared/audit-actions';
import { FEEDBACK_SETTINGS_DEFAULTS, type FeedbackSettings, type RatingScale } from '../../../shared/schemas/ratings';

const KEY = 'province';

export interface StoredFeedbackSettings extends FeedbackSettings {
  updatedAt: Date | null;
}

/** The province's settings, or the shipped defaults while nobody has changed them. */
export async function getFeedbackSettings(executor: Executor): Promise<StoredFeedbackSettings> {
  const [row] = await executor.select().from(feedbackSettings).where(eq(feedbackSettings.key, KEY));
  if (!row) return { ...FEEDBACK_SETTINGS_DEFAULTS, updatedAt: null };
  return {
    petitionForwardWorkingDays: row.petitionForwardWorkingDays,
    petitionAnswerWorkingDays: row.petitionAnswerWorkingDays,
    ratingScale: row.ratingScale as RatingScale,
    ratingChangeDays: row.ratingChangeDays,
    updatedAt: row.updatedAt,
  };
}

/** Changes apply to what happens next: deadlines already set and ratings already given keep their values. */
export async function updateFeedbackSettings(tx: Tx, actor: Actor, input: FeedbackSettings): Promise<void> {
  const before = await getFeedbackSettings(tx);
  const values = { ...input, updatedById: actor.userId, updatedAt: new Date() };
  await tx
    .insert(feedbackSettings)
    .values({ key: KEY, ...values })
    .onConflictDoUpdate({ target: feedbackSettings.key, set: values });
  const { updatedAt: _ignored, ...previous } = before;
  await recordAudit(tx, actor, {
    action: AuditAction.FEEDBACK_SETTINGS_UPDATED,
    subjectType: 'feedback_settings',
    subjectId: KEY,
    summary: { before: previous, after: input },
  });
}
