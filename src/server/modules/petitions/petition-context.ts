import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../../env';

/** What petition use cases need beyond the transaction and the actor. */
export interface PetitionContext {
  /** Secret from which tracking tokens are derived (never stored). */
  trackingSecret: string;
  /** Base of links sent to petitioners. */
  publicUrl: string;
}

export function petitionContext(config: AppConfig): PetitionContext {
  return { trackingSecret: config.sessionSecret, publicUrl: config.publicUrl };
}

/**
 * Tracking token of a petition: derived from its id with an HMAC, so nothing secret is stored and a retried
 * submission gets the same token back. Rotating the secret invalidates the tokens.
 */
export function petitionTrackingToken(secret: string, petitionId: string): string {
  return createHmac('sha256', secret).update(`petition-tracking:${petitionId}`).digest('base64url').slice(0, 24);
}

export function isPetitionTrackingToken(secret: string, petitionId: string, token: string): boolean {
  const expected = Buffer.from(petitionTrackingToken(secret, petitionId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Portal page where a petitioner without an account follows the petition (web route). */
export function petitionTrackingUrl(ctx: PetitionContext, code: string, token: string): string {
  return `${ctx.publicUrl}/phan-anh-kien-nghi/tra-cuu?ma=${encodeURIComponent(code)}&khoa=${encodeURIComponent(token)}`;
}
