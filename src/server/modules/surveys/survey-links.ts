import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Public token of a campaign's open link (anyone holding the link may answer while the campaign is open). */
export function newOpenLinkToken(): string {
  return randomBytes(16).toString('base64url');
}

/** Token of a personal invitation, derived from its id so it is never stored and can be printed again. */
export function surveyInvitationToken(secret: string, invitationId: string): string {
  return createHmac('sha256', secret).update(`survey-invitation:${invitationId}`).digest('base64url').slice(0, 24);
}

export function isSurveyInvitationToken(secret: string, invitationId: string, token: string): boolean {
  const expected = Buffer.from(surveyInvitationToken(secret, invitationId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Portal pages of the questionnaire (web routes). */
export const openLinkUrl = (publicUrl: string, token: string) => `${publicUrl}/khao-sat/${encodeURIComponent(token)}`;
export const invitationUrl = (publicUrl: string, secret: string, invitationId: string) =>
  `${publicUrl}/khao-sat/phieu/${invitationId}?khoa=${surveyInvitationToken(secret, invitationId)}`;
