// Validation of a new OAuth client, shared by `vcreds create oauth` and the TUI's wizard.
import type { CreateOAuthClientInput } from '../identity/types.js';
import { DAY_MS, type Role } from '../model/credential.js';

export const NAME_MAX = 64;

export interface OAuthDraft {
  name: string;
  description?: string;
  /** Exactly one of ttlDays / expires. */
  ttlDays?: string | number;
  /** YYYY-MM-DD: the client is valid through that day (UTC), capped at the organisation's maximum. */
  expires?: string;
  roles: string[];
  userId?: string;
}

export interface FieldError {
  /** The CLI flag (or wizard field) at fault. */
  field: 'name' | 'description' | 'ttl-days' | 'expires' | 'role' | 'user';
  message: string;
}

export type OAuthValidation = { ok: true; input: CreateOAuthClientInput } | { ok: false; errors: FieldError[] };

export type DateExpiry = { kind: 'ok'; ms: number } | { kind: 'invalid' } | { kind: 'past' } | { kind: 'beyond'; maxMs: number };

/**
 * An expiry given as a date (YYYY-MM-DD, UTC) means the end of that day, but never later than the
 * organisation's maximum (now + maxTtlDays), so the last date allowed is accepted as such. One
 * rule for `create oauth --expires` and the wizard, so the same date means the same instant.
 */
export function dateExpiry(text: string, now: number, maxTtlDays: number): DateExpiry {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const start = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== text) return { kind: 'invalid' };
  const end = start + DAY_MS - 1;
  const maxMs = now + maxTtlDays * DAY_MS;
  if (end <= now) return { kind: 'past' };
  if (start > maxMs) return { kind: 'beyond', maxMs };
  return { kind: 'ok', ms: Math.min(end, maxMs) };
}

/** Checks the draft against the server's rules (shared §5) so the user hears about them before any call. */
export function validateOAuthDraft(
  draft: OAuthDraft,
  context: { now: number; maxTtlDays: number; ownerRoles: readonly Role[] },
): OAuthValidation {
  const errors: FieldError[] = [];
  const name = draft.name.trim();
  if (!name) errors.push({ field: 'name', message: 'a name is required (1 to 64 characters)' });
  else if ([...name].length > NAME_MAX) errors.push({ field: 'name', message: `the name is ${[...name].length} characters long; at most ${NAME_MAX} are allowed` });

  let expiresAt: string | null = null;
  const max = context.maxTtlDays;
  if (draft.ttlDays !== undefined && draft.expires !== undefined) {
    errors.push({ field: 'expires', message: 'give either --ttl-days or --expires, not both' });
  } else if (draft.ttlDays !== undefined) {
    const text = String(draft.ttlDays).trim();
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < 1 || n > max) {
      errors.push({ field: 'ttl-days', message: `"${text}" is not a whole number of days from 1 to ${max}` });
    } else {
      expiresAt = new Date(context.now + n * DAY_MS).toISOString();
    }
  } else if (draft.expires !== undefined) {
    const text = draft.expires.trim();
    const d = dateExpiry(text, context.now, max);
    if (d.kind === 'invalid') errors.push({ field: 'expires', message: `"${text}" is not a date in the form YYYY-MM-DD` });
    else if (d.kind === 'past') errors.push({ field: 'expires', message: `${text} is not in the future` });
    else if (d.kind === 'beyond') {
      errors.push({ field: 'expires', message: `${text} is more than ${max} days away (the organisation's maximum, ${new Date(d.maxMs).toISOString().slice(0, 10)})` });
    } else expiresAt = new Date(d.ms).toISOString();
  } else {
    errors.push({ field: 'ttl-days', message: `a lifetime is required: --ttl-days N (1 to ${max}) or --expires YYYY-MM-DD` });
  }

  const allowed = context.ownerRoles.map((r) => r.name);
  const roles = [...new Set(draft.roles.map((r) => r.trim()).filter(Boolean))];
  if (roles.length === 0) {
    errors.push({ field: 'role', message: `at least one role is required; allowed: ${allowed.join(', ') || '(the owner has no roles)'}` });
  } else {
    const unknown = roles.filter((r) => !allowed.some((a) => a.toLowerCase() === r.toLowerCase()));
    if (unknown.length) {
      errors.push({ field: 'role', message: `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among the owner's roles; allowed: ${allowed.join(', ') || '(none)'}` });
    }
  }
  if (errors.length) return { ok: false, errors };
  // Use the server's spelling of each role.
  const canonical = roles.map((r) => allowed.find((a) => a.toLowerCase() === r.toLowerCase())!);
  const input: CreateOAuthClientInput = { name, expiresAt: expiresAt!, roles: canonical };
  const description = draft.description?.trim();
  if (description) input.description = description;
  if (draft.userId) input.userId = draft.userId;
  return { ok: true, input };
}
