/**
 * Draws a random sample of dossiers whose result was returned in a period by the agencies surveyed, creates one
 * personal invitation per dossier and sends the applicant the link (e-mail, else SMS). A dossier is invited at
 * most once per campaign.
 */
import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { dossierActions, dossiers, surveyInvitations } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import { addCalendarDays, fromLocal } from '../../../shared/calendar';
import { formatDate } from '../../../shared/text';
import { DossierAction, DossierStatus } from '../../../shared/workflow/dossier-workflow';
import type { SurveySampleInput } from '../../../shared/schemas/surveys';
import { enqueueNotification } from '../notifications/enqueue-notification';
import { runSurveyAction } from './save-survey-campaign';
import { invitationUrl } from './survey-links';
import { agencyRefs } from './surveys.queries';

export interface SurveyLinkContext {
  secret: string;
  publicUrl: string;
}

export async function sampleSurveyDossiers(tx: Tx, actor: Actor, links: SurveyLinkContext, campaignId: string, input: SurveySampleInput) {
  const invitations: { id: string; dossierCode: string; agency: { id: string; name: string }; url: string }[] = [];
  await runSurveyAction(tx, actor, campaignId, 'sample', async (record) => {
    const start = fromLocal(input.returnedFrom);
    const end = fromLocal(addCalendarDays(input.returnedTo, 1));
    const returnedInPeriod = tx
      .select({ one: sql`1` })
      .from(dossierActions)
      .where(
        and(
          eq(dossierActions.dossierId, dossiers.id),
          inArray(dossierActions.action, [DossierAction.RETURN_RESULT, DossierAction.ACKNOWLEDGE_RESULT]),
          sql`${dossierActions.at} >= ${start.toISOString()} AND ${dossierActions.at} < ${end.toISOString()}`,
        ),
      );
    const alreadyInvited = tx
      .select({ one: sql`1` })
      .from(surveyInvitations)
      .where(and(eq(surveyInvitations.campaignId, campaignId), eq(surveyInvitations.dossierId, dossiers.id)));
    const picked = await tx
      .select({
        id: dossiers.id,
        code: dossiers.code,
        agencyId: dossiers.competentAgencyId,
        userId: dossiers.applicantUserId,
        email: dossiers.applicantEmail,
        phone: dossiers.applicantPhone,
      })
      .from(dossiers)
      .where(
        and(
          eq(dossiers.status, DossierStatus.RETURNED),
          inArray(dossiers.competentAgencyId, record.campaign.targetAgencyIds),
          sql`EXISTS (${returnedInPeriod})`,
          notExists(alreadyInvited),
        ),
      )
      .orderBy(sql`random()`)
      .limit(input.size);
    if (picked.length === 0) return { audit: { requested: input.size, invited: 0 } };

    const rows = await tx
      .insert(surveyInvitations)
      .values(picked.map((d) => ({ campaignId, dossierId: d.id, agencyId: d.agencyId })))
      .returning({ id: surveyInvitations.id, dossierId: surveyInvitations.dossierId });
    const names = new Map((await agencyRefs(tx, [...new Set(picked.map((d) => d.agencyId))])).map((a) => [a.id, a]));
    const invitationOf = new Map(rows.map((r) => [r.dossierId, r.id]));
    for (const d of picked) {
      const id = invitationOf.get(d.id)!;
      const url = invitationUrl(links.publicUrl, links.secret, id);
      invitations.push({ id, dossierCode: d.code, agency: names.get(d.agencyId)!, url });
      const channel = d.email ? 'email' : d.phone ? 'sms' : null;
      if (channel) {
        await enqueueNotification(tx, {
          channel,
          recipient: (channel === 'email' ? d.email : d.phone)!,
          userId: d.userId,
          subject: `Khảo sát mức độ hài lòng: ${record.campaign.title}`,
          body: `Xin mời Ông/Bà cho ý kiến về việc giải quyết hồ sơ ${d.code} (đến hết ngày ${formatDate(record.campaign.closesOn)}): ${url}`,
          template: 'survey.invitation',
          relatedType: 'survey_invitation',
          relatedId: id,
        });
      }
    }
    return { audit: { requested: input.size, invited: picked.length } };
  });
  return { invited: invitations.length, invitations };
}
