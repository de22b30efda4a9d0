// The assumed contract's rules for creating OAuth clients and adding secrets (name 1-64 characters
// and unique per owner, expiry within the organisation's maximum, roles a subset of the owner's,
// at most 2 live secrets); refusals name what is wrong.
import type { Caller } from './auth.js';
import { httpCodeError, validationError } from './replies.js';
import { isLiveSecret, type Store } from './store.js';
import type { DbClient, DbUser } from './store-types.js';
import { DAY_MS, parseTs } from './time.js';

export const MAX_LIVE_SECRETS = 2;
/** A client's clock a little ahead of ours must not turn "365 days" into a refusal. */
const CLOCK_SLACK_MS = 5 * 60_000;

export interface NewClient {
  name: string;
  description: string;
  roles: string[];
  expiration: number;
}

export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw validationError(['body: must be a JSON object']);
  return body as Record<string, unknown>;
}

export function checkExpiration(raw: unknown, now: number, maxTtlDays: number, field = 'expiration_ts'): number {
  if (raw === undefined || raw === null || raw === '') throw httpCodeError(400, `${field}: required (a date such as 2026-01-31T00:00:00.000+0000)`);
  const t = parseTs(raw);
  if (t === undefined) throw httpCodeError(400, `${field}: not a date the server understands (use 2026-01-31T00:00:00.000+0000)`);
  if (t <= now) throw httpCodeError(400, `${field}: must be in the future`);
  if (t > now + maxTtlDays * DAY_MS + CLOCK_SLACK_MS) {
    throw httpCodeError(400, `${field}: must be no more than ${maxTtlDays} days from now (the organisation's maximum)`);
  }
  return t;
}

function roleNames(raw: unknown): string[] {
  if (!Array.isArray(raw) || raw.length === 0) throw httpCodeError(400, 'roles: choose at least one role');
  const names = raw.map((r) => (typeof r === 'string' ? r : typeof r === 'object' && r !== null ? (r as { role_name?: unknown }).role_name : undefined));
  if (names.some((n) => typeof n !== 'string' || n === '')) throw httpCodeError(400, 'roles: each role must be {"role_name": "..."}');
  return [...new Set(names as string[])];
}

/** Validates a POST /oauth_clients body for `owner`, whose usable roles are `ownerRoles`. */
export function validateNewClient(
  body: Record<string, unknown>, owner: DbUser, ownerRoles: readonly string[], store: Store, now: number, maxTtlDays: number,
): NewClient {
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (name.length < 1 || name.length > 64) throw httpCodeError(400, 'name: must be 1 to 64 characters');
  if (body.description !== undefined && body.description !== null && typeof body.description !== 'string') {
    throw httpCodeError(400, 'description: must be text');
  }
  const description = typeof body.description === 'string' ? body.description : '';
  if (description.length > 512) throw httpCodeError(400, 'description: must be at most 512 characters');
  const expiration = checkExpiration(body.expiration_ts, now, maxTtlDays);
  const roles = roleNames(body.roles);
  for (const r of roles) {
    if (!ownerRoles.includes(r)) {
      throw httpCodeError(400, `roles: "${r}" is not one of ${owner.user_name}'s roles (${ownerRoles.join(', ')}); a client can only have roles its owner holds`);
    }
  }
  const taken = (store.clientsByUser.get(owner.user_id) ?? []).some((c) => c.revoked === null && c.name.toLowerCase() === name.toLowerCase());
  if (taken) throw httpCodeError(409, `name: ${owner.user_name} already has an OAuth client named "${name}"; choose another name`);
  return { name, description, roles, expiration };
}

export function checkCanAddSecret(client: DbClient, now: number): void {
  if (client.revoked !== null) throw httpCodeError(409, 'This OAuth client is revoked; create a new client instead');
  if (client.expiration <= now) throw httpCodeError(409, 'This OAuth client has expired; create a new client instead');
  const live = client.secrets.filter((s) => isLiveSecret(s, now)).length;
  if (live >= MAX_LIVE_SECRETS) {
    throw httpCodeError(409, `This client already has ${MAX_LIVE_SECRETS} live secrets; retire one before adding another`);
  }
}

/** The roles a caller may hand on: a bearer caller cannot exceed its own token's roles. */
export function usableRoles(caller: Caller, owner: DbUser): readonly string[] {
  return owner.user_id === caller.user.user_id ? caller.roles : owner.roles;
}
