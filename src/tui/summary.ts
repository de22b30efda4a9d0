// Header counts and the expiry banner: what needs attention, in words.
import type { CredentialFilter } from '../model/filter.js';
import type { CredentialStatus, CredentialView } from '../model/credential.js';
import { EXPIRING_WITHIN_DAYS } from '../model/credential.js';

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
  return chips;
}
