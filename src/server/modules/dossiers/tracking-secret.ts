/**
 * The short secret printed on the receipt next to the dossier code, so that public tracking cannot be used to
 * enumerate codes. Only its sha256 is stored; a lost secret is replaced (reissued), never shown again.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** No 0/O, 1/I/L: read aloud and typed from paper. 8 characters ≈ 40 bits, with rate limiting. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const TRACKING_SECRET_LENGTH = 8;

export function generateTrackingSecret(): string {
  let out = '';
  for (let i = 0; i < TRACKING_SECRET_LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** Case and spaces do not matter when typing it back. */
export function normaliseTrackingSecret(secret: string): string {
  return secret.replace(/[\s-]/g, '').toUpperCase();
}

export function hashTrackingSecret(secret: string): string {
  return createHash('sha256').update(`motcua-tracking:${normaliseTrackingSecret(secret)}`).digest('hex');
}

export function trackingSecretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashTrackingSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
