// Filtering and sorting credentials: pure, shared by `vcreds list` and the TUI.
import type { AccountType, CredentialStatus, CredentialType, CredentialView } from './credential.js';
import { displayName, timeOf } from './credential.js';

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
export function stopsAt(c: Pick<CredentialView, 'expiresAt' | 'supersededUntil'> & { expiresTime?: number | null }): number | null {
  // A view carries its expiry parsed (expiresTime); a bare credential is parsed here.
  const expires = c.expiresTime !== undefined ? (c.expiresTime ?? NaN) : c.expiresAt ? Date.parse(c.expiresAt) : NaN;
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

function compareTime(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1; // unknown dates go last
  if (b === null) return -1;
  return a - b;
}

/**
 * The list's order as a comparison. Revoked credentials always sink to the bottom (they no longer
 * expire), and ties fall back to expiry then id so the order is stable across refreshes. Expiry
 * is compared as the view's number (expiresTime); a creation date is parsed once per comparator,
 * not once per comparison (10,000 credentials make ~140,000).
 */
export function credentialComparator(order: SortOrder = DEFAULT_SORT): (a: CredentialView, b: CredentialView) => number {
  const sign = order.direction === 'asc' ? 1 : -1;
  const parsed = new Map<string, number | null>();
  const created = (c: CredentialView): number | null => {
    if (c.createdAt === null) return null;
    let t = parsed.get(c.createdAt);
    if (t === undefined) parsed.set(c.createdAt, (t = timeOf(c.createdAt)));
    return t;
  };
  const expiry = (a: CredentialView, b: CredentialView) => compareTime(a.expiresTime, b.expiresTime);
  const compare = (a: CredentialView, b: CredentialView): number => {
    switch (order.key) {
      case 'expires':
        return expiry(a, b);
      case 'created':
        return compareTime(created(a), created(b));
      case 'name':
        return displayName(a).localeCompare(displayName(b));
      case 'owner':
        return a.owner.userName.localeCompare(b.owner.userName);
      case 'type':
        return a.type.localeCompare(b.type);
      case 'status':
        return STATUS_RANK[a.status] - STATUS_RANK[b.status];
    }
  };
  return (a, b) => {
    const revoked = Number(a.status === 'revoked') - Number(b.status === 'revoked');
    if (revoked) return revoked;
    // Ids by code unit: a total order like localeCompare's, without its cost.
    return sign * compare(a, b) || expiry(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
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

/** matchesText's fields of `c`, lowercased and joined (an HMAC key's name is its owner: once). */
export function searchText(c: CredentialView): string {
  const named = c.name === null ? [c.owner.userName, c.id] : [c.name, c.id, c.owner.userName];
  return [...named, ...c.roles.map((r) => r.name)].join(SEPARATOR).toLowerCase();
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
