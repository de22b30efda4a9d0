// The create wizard's field rules (shared/veracode-api.md §5), pure and clock-injected so they can
// be tested without rendering. Every message names the field, what is wrong and what to do.
import { DAY_MS, type Credential } from '../model/credential.js';
import { NAME_MAX, dateExpiry } from '../ops/create-rules.js';

export type WizardField = 'type' | 'owner' | 'name' | 'expiry' | 'description' | 'roles';

export interface FieldError {
  field: WizardField;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: FieldError };

const fail = <T>(field: WizardField, message: string): Checked<T> => ({ ok: false, error: { field, message } });
const CONTROL = /[\u0000-\u001f\u007f]/;

/** `YYYY-MM-DD` of an instant, in UTC (the API speaks UTC). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The latest expiry the organisation allows, as an instant and as the date shown to the user. */
export function maxExpiry(now: number, maxTtlDays: number): { ms: number; date: string } {
  const ms = now + maxTtlDays * DAY_MS;
  return { ms, date: isoDate(ms) };
}

/** Name: 1-64 characters, no control characters, unique (case-insensitively) among the owner's clients. */
export function validateName(raw: string, ownerId: string, credentials: readonly Credential[]): Checked<string> {
  const name = raw.trim();
  if (name.length === 0) return fail('name', 'Name is empty: type a name of 1 to 64 characters.');
  if (name.length > NAME_MAX) {
    return fail('name', `Name is ${name.length} characters long: shorten it to at most ${NAME_MAX}.`);
  }
  if (CONTROL.test(name)) return fail('name', 'Name contains a control character: use printable characters only.');
  const taken = credentials.some(
    (c) => c.type === 'oauth' && c.owner.userId === ownerId && (c.name ?? '').toLowerCase() === name.toLowerCase(),
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

/**
 * Expiry as a number of days or a date (YYYY-MM-DD, UTC). A date means the end of that day, but
 * never later than the organisation's maximum, so the maximum date the wizard shows is accepted.
 */
export function parseExpiry(raw: string, now: number, maxTtlDays: number): Checked<Expiry> {
  const text = raw.trim();
  const max = maxExpiry(now, maxTtlDays);
  const range = `1 to ${maxTtlDays} days, or a date up to ${max.date}`;
  if (text === '') return fail('expiry', `Expiry is empty: type a number of days (${range}).`);
  if (/^\d+$/.test(text)) {
    const days = Number(text);
    if (days < 1 || days > maxTtlDays) {
      return fail('expiry', `Expiry of ${days} days is out of range: the organisation allows ${range}.`);
    }
    const ms = now + days * DAY_MS;
    return { ok: true, value: { expiresAt: new Date(ms).toISOString(), date: isoDate(ms), days } };
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return fail('expiry', `Expiry "${text}" is neither a number of days nor a date: type e.g. 90 or ${max.date}.`);
  const d = dateExpiry(text, now, maxTtlDays);
  if (d.kind === 'invalid') return fail('expiry', `Expiry date ${text} does not exist: check the month and day.`);
  if (d.kind === 'past') return fail('expiry', `Expiry date ${text} is not in the future: pick a date after ${isoDate(now)}.`);
  if (d.kind === 'beyond') return fail('expiry', `Expiry date ${text} is past the organisation's maximum: pick a date up to ${max.date}.`);
  const ms = d.ms;
  return { ok: true, value: { expiresAt: new Date(ms).toISOString(), date: isoDate(ms), days: Math.ceil((ms - now) / DAY_MS) } };
}

export function validateDescription(raw: string): Checked<string> {
  const text = raw.trim();
  if (CONTROL.test(text)) return fail('description', 'Description contains a control character: use printable characters only.');
  return { ok: true, value: text };
}

/** Roles: at least one, and only roles the owner holds (a client is a down-scoped copy of its owner). */
export function validateRoles(selected: readonly string[], ownerRoles: readonly string[]): Checked<string[]> {
  if (selected.length === 0) return fail('roles', 'Roles: none selected. Select at least one with Space.');
  const foreign = selected.filter((r) => !ownerRoles.includes(r));
  if (foreign.length > 0) {
    return fail('roles', `Roles: ${foreign.join(', ')} not held by the owner. Clear them; a client can only have its owner's roles.`);
  }
  return { ok: true, value: [...selected] };
}

/** Lifetime of an existing client in whole days, clamped to what the organisation allows (for a clone). */
export function lifetimeDays(c: Pick<Credential, 'createdAt' | 'expiresAt'>, maxTtlDays: number): number {
  const created = c.createdAt ? Date.parse(c.createdAt) : Number.NaN;
  const expires = c.expiresAt ? Date.parse(c.expiresAt) : Number.NaN;
  if (Number.isNaN(created) || Number.isNaN(expires)) return maxTtlDays;
  const days = Math.round((expires - created) / DAY_MS);
  return Math.min(Math.max(days, 1), maxTtlDays);
}

/** `<name> (copy)`, or `(copy 2)`… when that is taken; cut to fit 64 characters. */
export function cloneName(name: string, ownerId: string, credentials: readonly Credential[]): string {
  for (let n = 1; n < 100; n++) {
    const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`;
    const candidate = name.slice(0, NAME_MAX - suffix.length) + suffix;
    if (validateName(candidate, ownerId, credentials).ok) return candidate;
  }
  return `${name.slice(0, NAME_MAX - 7)} (copy)`;
}
