import type { Actor } from '../../auth/actor';
import { abilitiesFor } from '../../policies';
import { API_TOKEN_ACTIONS, type ApiTokenView } from '../../../shared/schemas/users';
import { tokenSubject, type ApiTokenRow } from './api-tokens.queries';

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

export function apiTokenStatus(row: ApiTokenRow, now = new Date()): ApiTokenView['status'] {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt && new Date(row.expiresAt) <= now) return 'expired';
  return 'active';
}

/** A token without its secret (only the sha256 is stored; the prefix lets people recognise it). */
export function presentApiToken(actor: Actor, row: ApiTokenRow): ApiTokenView {
  const status = apiTokenStatus(row);
  const abilities = abilitiesFor(actor, 'api_token', tokenSubject(row), API_TOKEN_ACTIONS);
  abilities.revoke = abilities.revoke! && status !== 'revoked';
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    status,
    user: { id: row.userId, fullName: row.userFullName, username: row.username },
    createdBy: row.createdById ? { id: row.createdById, fullName: row.createdByName! } : null,
    createdAt: iso(row.createdAt)!,
    lastUsedAt: iso(row.lastUsedAt),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    abilities,
  };
}
