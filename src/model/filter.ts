// Filtering and sorting credentials: pure, shared by `vcreds list` and the TUI.
import type { AccountType, CredentialStatus, CredentialType, CredentialView } from './credential.js';
import { displayName } from './credential.js';

export interface CredentialFilter {
  types: CredentialType[]; // empty = any
  statuses: CredentialStatus[]; // empty = any
  accounts: AccountType[]; // empty = any
  /** Case-insensitive substring of the owner's user name; empty = any. */
  owner: string;
  /** Only credentials expiring within N days (expired ones included, revoked ones not). */
  expiringWithinDays: number | null;
  /**
   * Only credentials that stop working in [expiresFrom, expiresTo): ISO dates (YYYY-MM-DD, UTC
   * midnights), as the TUI's timeline sets them for one week. Optional, so filters saved before
   * they existed (and the CLI's) still load; revoked credentials never match.
   */
  expiresFrom?: string | null;
  expiresTo?: string | null;
}

export const EMPTY_FILTER: CredentialFilter = { types: [], statuses: [], accounts: [], owner: '', expiringWithinDays: null };

export function isFilterEmpty(f: CredentialFilter): boolean {
  return !f.types.length && !f.statuses.length && !f.accounts.length && !f.owner.trim() && f.expiringWithinDays === null && !hasExpiryWindow(f);
}

/** True when the filter keeps only credentials stopping in a window of dates (a timeline week). */
export function hasExpiryWindow(f: CredentialFilter): boolean {
  return Boolean(f.expiresFrom || f.expiresTo);
}

/**
 * When a credential stops working, epoch ms: a superseded HMAC pair at the end of its grace (or
 * its expiry if sooner), anything else at its expiry; null when it never does or the date is
 * unreadable. The timeline's buckets (src/ops/report.ts endOf) use it too.
 */
export function stopsAt(c: Pick<CredentialView, 'expiresAt' | 'supersededUntil'>): number | null {
  const expires = c.expiresAt ? Date.parse(c.expiresAt) : NaN;
  const until = c.supersededUntil ? Date.parse(c.supersededUntil) : NaN;
  if (Number.isNaN(expires)) return Number.isNaN(until) ? null : until;
  return Number.isNaN(until) ? expires : Math.min(expires, until);
}

function inExpiryWindow(c: CredentialView, f: CredentialFilter): boolean {
  if (c.status === 'revoked') return false;
  const end = stopsAt(c);
  if (end === null) return false;
  const from = f.expiresFrom ? Date.parse(f.expiresFrom) : NaN;
  const to = f.expiresTo ? Date.parse(f.expiresTo) : NaN;
  return (Number.isNaN(from) || end >= from) && (Number.isNaN(to) || end < to);
}

export function matchesFilter(c: CredentialView, f: CredentialFilter): boolean {
  if (f.types.length && !f.types.includes(c.type)) return false;
  if (f.statuses.length && !f.statuses.includes(c.status)) return false;
  if (f.accounts.length && !f.accounts.includes(c.owner.accountType)) return false;
  const owner = f.owner.trim().toLowerCase();
  if (owner && !c.owner.userName.toLowerCase().includes(owner) && c.owner.userId.toLowerCase() !== owner) return false;
  if (f.expiringWithinDays !== null) {
    if (c.status === 'revoked' || c.daysLeft === null || c.daysLeft > f.expiringWithinDays) return false;
  }
  if (hasExpiryWindow(f) && !inExpiryWindow(c, f)) return false;
  return true;
}

/** The live text filter: name, id, owner or any role, case-insensitive. */
export function matchesText(c: CredentialView, text: string): boolean {
  const q = text.trim().toLowerCase();
  if (!q) return true;
  return (
    displayName(c).toLowerCase().includes(q) ||
    c.id.toLowerCase().includes(q) ||
    c.owner.userName.toLowerCase().includes(q) ||
    c.roles.some((r) => r.name.toLowerCase().includes(q))
  );
}

export type SortKey = 'expires' | 'name' | 'owner' | 'type' | 'status' | 'created';
export type SortDirection = 'asc' | 'desc';
export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: SortOrder = { key: 'expires', direction: 'asc' };

const STATUS_RANK: Record<CredentialStatus, number> = { expired: 0, expiring: 1, superseded: 1, active: 2, revoked: 3 };

function compareNullableTime(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1; // unknown dates go last
  if (b === null) return -1;
  return Date.parse(a) - Date.parse(b);
}

function compareBy(key: SortKey, a: CredentialView, b: CredentialView): number {
  switch (key) {
    case 'expires':
      return compareNullableTime(a.expiresAt, b.expiresAt);
    case 'created':
      return compareNullableTime(a.createdAt, b.createdAt);
    case 'name':
      return displayName(a).localeCompare(displayName(b));
    case 'owner':
      return a.owner.userName.localeCompare(b.owner.userName);
    case 'type':
      return a.type.localeCompare(b.type);
    case 'status':
      return STATUS_RANK[a.status] - STATUS_RANK[b.status];
  }
}

/**
 * The list's order as a comparison. Revoked credentials always sink to the bottom (they no longer
 * expire), and ties fall back to expiry then id so the order is stable across refreshes. Each date
 * is parsed once per comparator, not once per comparison (10,000 credentials make ~140,000).
 */
export function credentialComparator(order: SortOrder = DEFAULT_SORT): (a: CredentialView, b: CredentialView) => number {
  const sign = order.direction === 'asc' ? 1 : -1;
  const parsed = new Map<string, number>();
  const time = (iso: string | null): number => {
    if (iso === null) return NaN;
    let t = parsed.get(iso);
    if (t === undefined) parsed.set(iso, (t = Date.parse(iso)));
    return t;
  };
  const compareTime = (a: string | null, b: string | null): number => {
    if (a === b) return 0;
    if (a === null) return 1; // unknown dates go last
    if (b === null) return -1;
    return time(a) - time(b);
  };
  const compare = (key: SortKey, a: CredentialView, b: CredentialView): number =>
    key === 'expires' ? compareTime(a.expiresAt, b.expiresAt) : key === 'created' ? compareTime(a.createdAt, b.createdAt) : compareBy(key, a, b);
  return (a, b) => {
    const revoked = Number(a.status === 'revoked') - Number(b.status === 'revoked');
    if (revoked) return revoked;
    return sign * compare(order.key, a, b) || compareTime(a.expiresAt, b.expiresAt) || a.id.localeCompare(b.id);
  };
}

/** Sorted copy, in the list's order (see credentialComparator). */
export function sortCredentials(list: readonly CredentialView[], order: SortOrder = DEFAULT_SORT): CredentialView[] {
  return [...list].sort(credentialComparator(order));
}

// What the live text filter searches, lowercased once per credential: a key typed into the
// filter then costs one `includes` a row instead of lowercasing four fields of every row.
const SEPARATOR = '\u0000';
const haystacks = new WeakMap<CredentialView, string>();

/** matchesText's fields of `c`, lowercased and joined. */
export function searchText(c: CredentialView): string {
  return [displayName(c), c.id, c.owner.userName, ...c.roles.map((r) => r.name)].join(SEPARATOR).toLowerCase();
}

/** searchText, cached per credential object. */
export function textHaystack(c: CredentialView): string {
  let h = haystacks.get(c);
  if (h === undefined) {
    h = searchText(c);
    haystacks.set(c, h);
  }
  return h;
}

/** Indices of the rows that pass both filters, so a cursor can survive a filter change. */
export function filteredIndices(list: readonly CredentialView[], filter: CredentialFilter, text: string): number[] {
  const q = text.trim().toLowerCase();
  const anyFilter = !isFilterEmpty(filter);
  // A query holding the separator could match across two fields: ask matchesText instead.
  const matches = q.includes(SEPARATOR) ? (c: CredentialView) => matchesText(c, q) : (c: CredentialView) => textHaystack(c).includes(q);
  const out: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if ((!anyFilter || matchesFilter(c, filter)) && (!q || matches(c))) out.push(i);
  }
  return out;
}
