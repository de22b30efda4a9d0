// The rules a new OAuth client must meet, checked before any request so a mistake costs nothing.
// One set, used by `vcreds create oauth` and the TUI's wizard alike: each field has one validator
// and one wording, and every message names the field, what is wrong and what to do.
import type { CreateOAuthClientInput } from '../identity/types.js';
import { DAY_MS, type Credential, type Role } from '../model/credential.js';

/** The server's limits, counted in code points (what a user counts), not UTF-16 units. */
export const NAME_MAX = 64;
export const DESCRIPTION_MAX = 512;

export type CreateField = 'owner' | 'name' | 'expiry' | 'description' | 'roles';

/** The one error type of the create rules. */
export interface FieldError {
  field: CreateField;
  /** A whole sentence that names the field as the user knows it. */
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: FieldError };

const fail = <T>(field: CreateField, message: string): Checked<T> => ({ ok: false, error: { field, message } });

/** C0, DEL and C1 controls: they would reach other users' terminals as commands. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/** `YYYY-MM-DD` of an instant, in UTC (the API speaks UTC). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The latest expiry the organisation allows, as an instant and as the date shown to the user. */
export function maxExpiry(now: number, maxTtlDays: number): { ms: number; date: string } {
  const ms = now + maxTtlDays * DAY_MS;
  return { ms, date: isoDate(ms) };
}

function controlIn(text: string): string | null {
  const m = CONTROL.exec(text);
  return m ? `\\x${m[0].codePointAt(0)!.toString(16).padStart(2, '0')}` : null;
}

/** Name: 1-64 code points, no control characters, unique (case-insensitively) among the owner's clients. */
export function validateName(raw: string, ownerId: string, credentials: readonly Credential[]): Checked<string> {
  const name = raw.trim();
  const length = [...name].length;
  if (length === 0) return fail('name', `Name is empty: give a name of 1 to ${NAME_MAX} characters.`);
  if (length > NAME_MAX) return fail('name', `Name is ${length} characters long: shorten it to at most ${NAME_MAX}.`);
  const control = controlIn(name);
  if (control) return fail('name', `Name contains a control character (${control}): use printable characters only.`);
  const taken = credentials.some(
    (c) => c.type === 'oauth' && !c.revokedAt && c.owner.userId === ownerId && (c.name ?? '').toLowerCase() === name.toLowerCase(),
  );
  if (taken) return fail('name', `Name "${name}" is already used by another client of this owner: choose another name.`);
  return { ok: true, value: name };
}

export interface Expiry {
  /** ISO 8601 UTC, what the API is sent. */
  expiresAt: string;
  /** The date shown to the user. */
  date: string;
  days: number;
}

/** Which forms of expiry a caller accepts: the CLI has a flag for each, the wizard one field for both. */
export type ExpiryForm = 'days' | 'date' | 'either';

/**
 * Expiry as a number of days or a date (YYYY-MM-DD, UTC). A date means the end of that day, but
 * never later than the organisation's maximum, so the last date allowed is accepted as such and
 * the same date means the same instant wherever it is typed.
 */
export function parseExpiry(raw: string, now: number, maxTtlDays: number, form: ExpiryForm = 'either'): Checked<Expiry> {
  const text = raw.trim();
  const max = maxExpiry(now, maxTtlDays);
  const range = form === 'days' ? `1 to ${maxTtlDays}` : form === 'date' ? `a date up to ${max.date}` : `1 to ${maxTtlDays} days, or a date up to ${max.date}`;
  if (text === '') return fail('expiry', `Expiry is empty: give ${form === 'date' ? range : `a number of days (${range})`}.`);
  if (form !== 'date' && /^\d+$/.test(text)) {
    const days = Number(text);
    if (days < 1 || days > maxTtlDays) return fail('expiry', `Expiry of ${days} days is out of range: the organisation allows ${range}.`);
    const ms = now + days * DAY_MS;
    return { ok: true, value: { expiresAt: new Date(ms).toISOString(), date: isoDate(ms), days } };
  }
  if (form === 'days') return fail('expiry', `Expiry "${text}" is not a whole number of days: give ${range}.`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) {
    return fail('expiry', form === 'either'
      ? `Expiry "${text}" is neither a number of days nor a date: give e.g. 90 or ${max.date}.`
      : `Expiry "${text}" is not a date in the form YYYY-MM-DD: give e.g. ${max.date}.`);
  }
  const start = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(start) || isoDate(start) !== text) return fail('expiry', `Expiry date ${text} does not exist: check the month and day.`);
  const end = start + DAY_MS - 1;
  if (end <= now) return fail('expiry', `Expiry date ${text} is not in the future: pick a date after ${isoDate(now)}.`);
  if (start > max.ms) return fail('expiry', `Expiry date ${text} is more than ${maxTtlDays} days away: pick a date up to ${max.date} (the organisation's maximum).`);
  const ms = Math.min(end, max.ms);
  return { ok: true, value: { expiresAt: new Date(ms).toISOString(), date: isoDate(ms), days: Math.ceil((ms - now) / DAY_MS) } };
}

export function validateDescription(raw: string): Checked<string> {
  const text = raw.trim();
  const length = [...text].length;
  if (length > DESCRIPTION_MAX) return fail('description', `Description is ${length} characters long: shorten it to at most ${DESCRIPTION_MAX}.`);
  const control = controlIn(text);
  if (control) return fail('description', `Description contains a control character (${control}): use printable characters only.`);
  return { ok: true, value: text };
}

/**
 * Roles: at least one, and only roles the owner holds (a client is a down-scoped copy of its
 * owner). Matched case-insensitively; the answer uses the server's spelling, in the owner's order.
 */
export function validateRoles(selected: readonly string[], ownerRoles: readonly string[]): Checked<string[]> {
  const allowed = ownerRoles.join(', ') || '(the owner has no roles)';
  const wanted = [...new Set(selected.map((r) => r.trim()).filter(Boolean))];
  if (wanted.length === 0) return fail('roles', `Roles: none selected; choose at least one of: ${allowed}.`);
  const find = (r: string) => ownerRoles.find((a) => a.toLowerCase() === r.toLowerCase());
  const foreign = wanted.filter((r) => !find(r));
  if (foreign.length > 0) {
    return fail('roles', `Roles: ${foreign.join(', ')} ${foreign.length === 1 ? 'is' : 'are'} not among the owner's roles (a client can only have its owner's roles); allowed: ${allowed}.`);
  }
  const canonical = wanted.map((r) => find(r)!);
  return { ok: true, value: ownerRoles.filter((r) => canonical.includes(r)) };
}

export interface OAuthDraft {
  name: string;
  description?: string;
  /** As typed: a number of days, a date, or (wizard) either. */
  expiry: string;
  expiryForm?: ExpiryForm;
  roles: readonly string[];
  /** The owner, when not the caller. */
  userId?: string;
}

export interface OAuthRulesContext {
  now: number;
  maxTtlDays: number;
  ownerId: string;
  ownerRoles: readonly Role[];
  /** The organisation's credentials, for name uniqueness. */
  credentials: readonly Credential[];
}

export type OAuthValidation = { ok: true; input: CreateOAuthClientInput } | { ok: false; errors: FieldError[] };

/** Every rule at once: the request to send, or every problem of the draft. */
export function validateOAuthDraft(draft: OAuthDraft, context: OAuthRulesContext): OAuthValidation {
  const name = validateName(draft.name, context.ownerId, context.credentials);
  const expiry = parseExpiry(draft.expiry, context.now, context.maxTtlDays, draft.expiryForm);
  const description = validateDescription(draft.description ?? '');
  const roles = validateRoles(draft.roles, context.ownerRoles.map((r) => r.name));
  if (!name.ok || !expiry.ok || !description.ok || !roles.ok) {
    return { ok: false, errors: [name, expiry, description, roles].flatMap((c) => (c.ok ? [] : [c.error])) };
  }
  const input: CreateOAuthClientInput = { name: name.value, expiresAt: expiry.value.expiresAt, roles: roles.value };
  if (description.value) input.description = description.value;
  if (draft.userId) input.userId = draft.userId;
  return { ok: true, input };
}

/** Lifetime of an existing client in whole days, clamped to what the organisation allows (for a clone). */
export function lifetimeDays(c: Pick<Credential, 'createdAt' | 'expiresAt'>, maxTtlDays: number): number {
  const created = c.createdAt ? Date.parse(c.createdAt) : Number.NaN;
  const expires = c.expiresAt ? Date.parse(c.expiresAt) : Number.NaN;
  if (Number.isNaN(created) || Number.isNaN(expires)) return maxTtlDays;
  const days = Math.round((expires - created) / DAY_MS);
  return Math.min(Math.max(days, 1), maxTtlDays);
}

/** `<name> (copy)`, or `(copy 2)`… when that is taken; cut (by code points) to fit the limit. */
export function cloneName(name: string, ownerId: string, credentials: readonly Credential[]): string {
  const cut = (suffix: string) => [...name].slice(0, NAME_MAX - suffix.length).join('') + suffix;
  for (let n = 1; n < 100; n++) {
    const candidate = cut(n === 1 ? ' (copy)' : ` (copy ${n})`);
    if (validateName(candidate, ownerId, credentials).ok) return candidate;
  }
  return cut(' (copy)');
}
