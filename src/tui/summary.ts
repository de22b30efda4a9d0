// Header counts and the expiry banner: what needs attention, in words.
import { stopsAt, type CredentialFilter } from '../model/filter.js';
import type { CredentialStatus, CredentialView } from '../model/credential.js';
import { DAY_MS, displayName, EXPIRING_WITHIN_DAYS } from '../model/credential.js';
import { truncate } from './truncate.js';

export interface StatusCounts extends Record<CredentialStatus, number> {
  total: number;
  /** Expiring within a day (a subset of `expiring`). */
  urgent: number;
}

export function countByStatus(list: readonly CredentialView[]): StatusCounts {
  const n: StatusCounts = { total: list.length, active: 0, expiring: 0, expired: 0, revoked: 0, superseded: 0, urgent: 0 };
  for (const c of list) {
    n[c.status] += 1;
    if (c.urgent) n.urgent += 1;
  }
  return n;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "10 credentials · 2 expired · 3 expiring within 7 days · 4 active · 1 revoked" */
export function countsText(n: StatusCounts): string {
  const parts = [plural(n.total, 'credential')];
  if (n.expired) parts.push(`${n.expired} expired`);
  if (n.expiring) parts.push(`${n.expiring} expiring within ${EXPIRING_WITHIN_DAYS} days`);
  parts.push(`${n.active} active`);
  if (n.revoked) parts.push(`${n.revoked} revoked`);
  return parts.join(' · ');
}

export interface ExpiryBanner {
  /** 'urgent' when something expires within a day: it must stand out. */
  level: 'urgent' | 'warning';
  text: string;
}

/**
 * The credentials the caller owns (for an admin, any in the organisation) that are expired or
 * expire within 7 days; null when none.
 */
export function expiryBanner(list: readonly CredentialView[], caller: { userId: string; isAdmin: boolean }): ExpiryBanner | null {
  let expired = 0;
  let expiring = 0;
  let urgent = 0;
  for (const c of list) {
    if (!caller.isAdmin && c.owner.userId !== caller.userId) continue;
    if (c.status === 'expired') expired += 1;
    else if (c.status === 'expiring') {
      expiring += 1;
      if (c.urgent) urgent += 1;
    }
  }
  if (!expired && !expiring) return null;
  const noun = (n: number) => (caller.isAdmin ? plural(n, 'credential') : `${n} of your credentials`);
  const parts: string[] = [];
  const later = expiring - urgent;
  if (urgent) parts.push(`${noun(urgent)} ${urgent === 1 ? 'expires' : 'expire'} within a day`);
  if (later) parts.push(urgent ? `${later} more within ${EXPIRING_WITHIN_DAYS} days` : `${noun(later)} ${later === 1 ? 'expires' : 'expire'} within ${EXPIRING_WITHIN_DAYS} days`);
  if (expired) parts.push(parts.length ? `${expired} expired` : `${noun(expired)} ${expired === 1 ? 'has' : 'have'} expired`);
  const text = `${urgent ? '!!' : '!'} ${parts.join(' · ')}`;
  return { level: urgent ? 'urgent' : 'warning', text };
}

/** Chips for the active filters, e.g. ["type: HMAC", "status: expired, expiring", "owner: bob"]. */
export function filterChips(f: CredentialFilter, text = ''): string[] {
  const chips: string[] = [];
  if (text.trim()) chips.push(`/${text.trim()}`);
  if (f.types.length) chips.push(`type: ${f.types.map((t) => (t === 'hmac' ? 'HMAC' : 'OAuth')).join(', ')}`);
  if (f.statuses.length) chips.push(`status: ${f.statuses.join(', ')}`);
  if (f.accounts.length) chips.push(`account: ${f.accounts.map((a) => (a === 'api' ? 'API' : 'user')).join(', ')}`);
  if (f.owner.trim()) chips.push(`owner: ${f.owner.trim()}`);
  if (f.expiringWithinDays !== null) chips.push(`expiring ≤ ${f.expiringWithinDays}d`);
  const window = expiryWindowChip(f);
  if (window) chips.push(window);
  return chips;
}

/** "expires week of 2026-12-07" for a timeline week; other windows by their dates. */
export function expiryWindowChip(f: CredentialFilter): string | null {
  const from = f.expiresFrom ?? null;
  const to = f.expiresTo ?? null;
  if (!from && !to) return null;
  if (from && to && Date.parse(to) - Date.parse(from) === 7 * DAY_MS) return `expires week of ${from}`;
  if (from && to) return `expires ${from} to ${new Date(Date.parse(to) - DAY_MS).toISOString().slice(0, 10)}`;
  return from ? `expires from ${from}` : `expires before ${to}`;
}

export interface NextExpiry {
  name: string;
  at: number;
}

/**
 * The soonest future end among the credentials the caller can see (what is loaded), revoked ones
 * left out; null when nothing will expire. A superseded pair ends with its grace.
 */
export function nextExpiry(list: readonly CredentialView[], now: number): NextExpiry | null {
  let best: CredentialView | null = null;
  let bestAt = Infinity;
  for (const c of list) {
    if (c.status === 'revoked') continue;
    const at = stopsAt(c);
    if (at === null || at <= now) continue;
    if (at < bestAt || (at === bestAt && best && c.id < best.id)) {
      best = c;
      bestAt = at;
    }
  }
  return best ? { name: displayName(best), at: bestAt } : null;
}

/** "in less than a minute", "in 40 minutes", "in 5 hours", "in 3 days" (whole units, rounded down). */
export function inWords(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'in less than a minute';
  if (minutes < 60) return `in ${plural(minutes, 'minute')}`;
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 48) return `in ${plural(hours, 'hour')}`;
  return `in ${plural(Math.floor(ms / DAY_MS), 'day')}`;
}

/** "next: jenkins-1 in 5 hours"; null when nothing will expire. The name is others' text: escaped and cut. */
export function nextExpiryText(list: readonly CredentialView[], now: number): string | null {
  const next = nextExpiry(list, now);
  return next ? `next: ${truncate(next.name, 24)} ${inWords(next.at - now)}` : null;
}
