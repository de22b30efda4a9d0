// Turns whatever is in the config file (possibly hand-edited) into valid Preferences: anything
// unknown or invalid falls back to its default, so a bad file never stops the app.
import { DEFAULT_SORT, EMPTY_FILTER, type CredentialFilter, type SortDirection, type SortKey, type SortOrder } from '../model/filter.js';
import type { AccountType, CredentialStatus, CredentialType } from '../model/credential.js';
import { COLUMN_IDS, DEFAULT_COLUMNS, type ColumnId, type Preferences, type ProfileApiUrl, type TargetBinding, type TargetState } from './preferences-types.js';
import { formatTarget, parseTarget } from '../targets/descriptor.js';

// `satisfies Record<Union, true>` makes the compiler flag a value added to a union but not here.
const SORT_KEYS = Object.keys({ expires: true, name: true, owner: true, type: true, status: true, created: true } satisfies Record<SortKey, true>);
const DIRECTIONS = Object.keys({ asc: true, desc: true } satisfies Record<SortDirection, true>);
const TYPES = Object.keys({ hmac: true, oauth: true } satisfies Record<CredentialType, true>);
const STATUSES = Object.keys({ active: true, expiring: true, expired: true, revoked: true, superseded: true } satisfies Record<CredentialStatus, true>);
const ACCOUNTS = Object.keys({ user: true, api: true } satisfies Record<AccountType, true>);

export function defaultPreferences(): Preferences {
  return {
    columns: [...DEFAULT_COLUMNS],
    sort: { ...DEFAULT_SORT },
    filter: { ...EMPTY_FILTER, types: [], statuses: [], accounts: [] },
    defaultProfile: null,
    apiUrl: null,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Known members of `allowed`, deduplicated, in the given order; undefined if `v` is not an array. */
function members<T extends string>(v: unknown, allowed: readonly string[]): T[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return [...new Set(v.filter((x): x is T => typeof x === 'string' && allowed.includes(x)))];
}

function columns(v: unknown): ColumnId[] {
  const list = members<ColumnId>(v, COLUMN_IDS);
  return list && list.length ? list : [...DEFAULT_COLUMNS];
}

function sort(v: unknown): SortOrder {
  if (isRecord(v) && SORT_KEYS.includes(v.key as string) && DIRECTIONS.includes(v.direction as string)) {
    return { key: v.key as SortKey, direction: v.direction as SortDirection };
  }
  return { ...DEFAULT_SORT };
}

function filter(v: unknown): CredentialFilter {
  const f = defaultPreferences().filter;
  if (!isRecord(v)) return f;
  const days = v.expiringWithinDays;
  return {
    types: members<CredentialType>(v.types, TYPES) ?? f.types,
    statuses: members<CredentialStatus>(v.statuses, STATUSES) ?? f.statuses,
    accounts: members<AccountType>(v.accounts, ACCOUNTS) ?? f.accounts,
    owner: typeof v.owner === 'string' ? v.owner : f.owner,
    expiringWithinDays: typeof days === 'number' && Number.isInteger(days) && days >= 0 ? days : null,
    ...expiryWindow(v.expiresFrom, v.expiresTo),
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = (v: unknown): string | null =>
  typeof v === 'string' && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v)) && new Date(Date.parse(v)).toISOString().startsWith(v) ? v : null;

/** The timeline's week (optional fields): kept only as real YYYY-MM-DD dates, from before to. */
function expiryWindow(fromRaw: unknown, toRaw: unknown): Pick<CredentialFilter, 'expiresFrom' | 'expiresTo'> {
  const from = isoDate(fromRaw);
  const to = isoDate(toRaw);
  if (!from && !to) return {};
  if (from && to && to <= from) return {};
  return { ...(from ? { expiresFrom: from } : {}), ...(to ? { expiresTo: to } : {}) };
}

function optionalString(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

function url(v: unknown): string | null {
  const s = optionalString(v);
  if (!s || !URL.canParse(s)) return null;
  return /^https?:$/.test(new URL(s).protocol) ? s : null;
}

const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

function targetState(v: unknown): TargetState | undefined {
  if (!isRecord(v) || typeof v.holds !== 'string' || typeof v.at !== 'string') return undefined;
  if (v.outcome !== 'delivered' && v.outcome !== 'proven' && v.outcome !== 'failed') return undefined;
  return { holds: v.holds, at: v.at, outcome: v.outcome, ...(typeof v.reason === 'string' ? { reason: v.reason.slice(0, 500) } : {}) };
}

/** Valid bindings only (a descriptor that parses, exactly one owner), one per owner and target. */
function targets(v: unknown): TargetBinding[] {
  if (!Array.isArray(v)) return [];
  const out: TargetBinding[] = [];
  const seen = new Set<string>();
  for (const b of v) {
    if (!isRecord(b) || typeof b.target !== 'string') continue;
    const credentialId = optionalString(b.credentialId);
    const profile = optionalString(b.profile);
    if (Boolean(credentialId) === Boolean(profile)) continue;
    let target: string;
    try {
      target = formatTarget(parseTarget(b.target));
    } catch {
      continue;
    }
    const key = `${credentialId ? `id:${credentialId.toLowerCase()}` : `profile:${profile}`} ${target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const binding: TargetBinding = { ...(credentialId ? { credentialId } : { profile: profile! }), target };
    if (typeof b.idName === 'string' && VAR_NAME.test(b.idName)) binding.idName = b.idName;
    if (typeof b.valueName === 'string' && VAR_NAME.test(b.valueName)) binding.valueName = b.valueName;
    if (typeof b.masked === 'boolean') binding.masked = b.masked;
    if (typeof b.protected === 'boolean') binding.protected = b.protected;
    const last = targetState(b.last);
    if (last) binding.last = last;
    out.push(binding);
  }
  return out;
}

export function sanitizePreferences(data: unknown): Preferences {
  const d = isRecord(data) ? data : {};
  const prefs: Preferences = {
    columns: columns(d.columns),
    sort: sort(d.sort),
    filter: filter(d.filter),
    defaultProfile: optionalString(d.defaultProfile),
    apiUrl: url(d.apiUrl),
  };
  const t = targets(d.targets);
  if (t.length) prefs.targets = t;
  const p = profileApiUrls(d.profileApiUrls);
  if (p.length) prefs.profileApiUrls = p;
  return prefs;
}

/** Valid entries only (a profile name and an http(s) URL), the last one of each profile. */
function profileApiUrls(v: unknown): ProfileApiUrl[] {
  if (!Array.isArray(v)) return [];
  const byProfile = new Map<string, ProfileApiUrl>();
  for (const e of v) {
    if (!isRecord(e)) continue;
    const profile = optionalString(e.profile);
    const apiUrl = url(e.apiUrl);
    if (!profile || profile.length > 64 || !apiUrl) continue;
    byProfile.delete(profile);
    byProfile.set(profile, { profile, apiUrl });
  }
  return [...byProfile.values()];
}

/** The API URL kept for `profile`, or null. */
export function profileApiUrl(prefs: Pick<Preferences, 'profileApiUrls'>, profile: string): string | null {
  return prefs.profileApiUrls?.find((e) => e.profile === profile)?.apiUrl ?? null;
}

/** `profileApiUrls` with `profile` set to `apiUrl` (null: removed), for PreferencesStore.update. */
export function withProfileApiUrl(prefs: Pick<Preferences, 'profileApiUrls'>, profile: string, apiUrl: string | null): ProfileApiUrl[] {
  const rest = (prefs.profileApiUrls ?? []).filter((e) => e.profile !== profile);
  return apiUrl ? [...rest, { profile, apiUrl }] : rest;
}

const SECRET_NAME = /secret|password|passwd|token|api_?key/i;
const LONG_HEX = /[0-9a-f]{128,}/i;

/** The path of the first thing in `value` that looks like a secret, or null. */
export function findSecretLike(value: unknown, path = 'preferences'): string | null {
  if (typeof value === 'string') return LONG_HEX.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const hit = findSecretLike(item, `${path}[${i}]`);
      if (hit) return hit;
    }
    return null;
  }
  if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (SECRET_NAME.test(key)) return `${path}.${key}`;
      const hit = findSecretLike(item, `${path}.${key}`);
      if (hit) return hit;
    }
  }
  return null;
}
