// Option value parsers: each names what is allowed, so commander can say "option X: ... allowed ...".
import { InvalidArgumentError } from 'commander';
import { checkApiUrl } from '../api/base-url.js';
import type { AccountType, CredentialStatus, CredentialType } from '../model/credential.js';
import type { RegionName } from '../signing/region.js';

function listOf<T extends string>(allowed: readonly T[]) {
  return (value: string, previous: T[] = []): T[] => {
    const parts = value.split(',').map((v) => v.trim().toLowerCase()).filter(Boolean);
    if (!parts.length) throw new InvalidArgumentError(`Allowed: ${allowed.join(', ')}.`);
    for (const p of parts) {
      if (!(allowed as readonly string[]).includes(p)) throw new InvalidArgumentError(`Allowed: ${allowed.join(', ')} (comma-separated for several).`);
    }
    return [...new Set([...previous, ...(parts as T[])])];
  };
}

export const parseTypes = listOf<CredentialType>(['hmac', 'oauth']);
export const parseStatuses = listOf<CredentialStatus>(['active', 'expiring', 'expired', 'revoked', 'superseded']);
export const parseAccounts = listOf<AccountType>(['user', 'api']);

export function parseRegion(value: string): RegionName {
  const v = value.trim().toLowerCase();
  if (v === 'com' || v === 'eu' || v === 'us') return v;
  throw new InvalidArgumentError('Allowed: com (api.veracode.com), eu (api.veracode.eu), us (api.veracode.us).');
}

/** A whole number within [min, max]. */
export function intIn(min: number, max: number, what = 'a whole number') {
  return (value: string): number => {
    const v = value.trim();
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      throw new InvalidArgumentError(`Expected ${what} from ${min} to ${max}.`);
    }
    return Number(v);
  };
}

export const parseDays = intIn(0, 3650, 'a whole number of days');
export const parsePort = intIn(0, 65535, 'a port number');
export const parseUserCount = intIn(1, 100_000, 'a number of users');

/** A fraction from 0 to 1, e.g. 0.1 for one request in ten. */
export function parseRate(value: string): number {
  const v = value.trim();
  if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(v)) throw new InvalidArgumentError('Expected a fraction from 0 to 1, e.g. 0.1 for one request in ten.');
  return Number(v);
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];
export function parseMethod(value: string): string {
  const m = value.trim().toUpperCase();
  if (!METHODS.includes(m)) throw new InvalidArgumentError(`Allowed: ${METHODS.join(', ')}.`);
  return m;
}

/** `-f key=value` as `gh api` types it: numbers, true, false and null become JSON values. */
export function parseField(value: string, previous: [string, unknown][] = []): [string, unknown][] {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError('Expected key=value.');
  const key = value.slice(0, eq);
  const raw = value.slice(eq + 1);
  let typed: unknown = raw;
  if (raw === 'true') typed = true;
  else if (raw === 'false') typed = false;
  else if (raw === 'null') typed = null;
  else if (/^-?\d+(\.\d+)?$/.test(raw) && Number.isFinite(Number(raw))) typed = Number(raw);
  return [...previous, [key, typed]];
}

/** The longest value of a free-text option unless it says otherwise: room for any name or id. */
export const MAX_TEXT_LENGTH = 1024;
/** Browsers' and proxies' common ceiling; a longer "URL" is a mistake (a pasted file, a secret). */
export const MAX_URL_LENGTH = 2048;
export const MAX_PROFILE_LENGTH = 64;

/**
 * A value that must say something: an empty or blank one (`--owner ""`, `rotate ""`) is refused
 * rather than quietly taken as "not given" (every owner, the default key), and so is one longer
 * than `max`. `what` names what is expected, e.g. nonBlank('a user name or id'); commander adds
 * which flag or argument it was. Returns the value trimmed.
 */
export function nonBlank(what: string, max = MAX_TEXT_LENGTH) {
  return (value: string): string => {
    const v = value.trim();
    if (!v) throw new InvalidArgumentError(`Expected ${what}; the value is empty.`);
    if (v.length > max) throw new InvalidArgumentError(`Expected ${what} of at most ${max} characters; this one has ${v.length}.`);
    return v;
  };
}

/** A profile name that can be written as an INI section header. */
export function checkProfileName(value: string): string {
  const v = value.trim();
  if (!v || /[[\]\r\n]/.test(v) || v.length > MAX_PROFILE_LENGTH) {
    throw new InvalidArgumentError(`A profile name is 1 to ${MAX_PROFILE_LENGTH} characters, without brackets or line breaks.`);
  }
  return v;
}

/** --api-url: checked when the command line is read (a usage error), not when connecting. */
export function parseApiUrl(value: string): string {
  const v = nonBlank('an API URL such as https://api.veracode.eu or http://127.0.0.1:8080', MAX_URL_LENGTH)(value);
  try {
    checkApiUrl(v);
  } catch (err) {
    throw new InvalidArgumentError(`${(err as Error).message}.`);
  }
  return v;
}
