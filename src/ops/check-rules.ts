// `vcreds check`: the pure judgement of credentials against expiry windows, Nagios style.
import type { CredentialType, CredentialView } from '../model/credential.js';
import { DAY_MS, displayName, shortId } from '../model/credential.js';

export type CheckState = 'OK' | 'WARNING' | 'CRITICAL' | 'UNKNOWN';

/** Exit codes read by Nagios, Icinga, Zabbix, Sensu and friends. */
export const CHECK_EXIT: Record<CheckState, number> = { OK: 0, WARNING: 1, CRITICAL: 2, UNKNOWN: 3 };

/**
 * Order of precedence, worst first: a known problem outranks "could not tell", so one
 * unreachable profile never hides an expired key. Documented in `vcreds check --help`.
 */
const RANK: Record<CheckState, number> = { CRITICAL: 0, WARNING: 1, UNKNOWN: 2, OK: 3 };

/** A credential that could not be judged from its expiry: rejected by the server, or unreachable. */
export interface CheckFailure {
  kind: 'failure';
  state: 'CRITICAL' | 'UNKNOWN';
  id: string | null;
  type: CredentialType | null;
  label: string | null;
  reason: string;
}

export type CheckSubject = CredentialView | CheckFailure;

export interface CheckThresholds {
  /** WARNING when the credential expires within this many days. */
  warn: number;
  /** CRITICAL when it expires within this many days (or is expired or revoked). */
  critical: number;
  now: number;
}

export interface CheckResult {
  state: CheckState;
  id: string | null;
  type: CredentialType | null;
  label: string | null;
  expiresAt: string | null;
  daysLeft: number | null;
  message: string;
  line: string;
}

export interface CheckReport {
  state: CheckState;
  exitCode: number;
  /** Worst first. */
  results: CheckResult[];
}


function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * A duration in words. Days to come round up, like the list's days left (2.3 days is "in 3
 * days", the same number `vcreds list` shows); days past round down ("178 days ago").
 */
function whenText(ms: number, days: 'up' | 'down'): string {
  if (ms < 2 * 3_600_000) return plural(Math.max(1, Math.round(ms / 60_000)), 'minute');
  if (ms < DAY_MS) return plural(Math.round(ms / 3_600_000), 'hour');
  return plural(days === 'up' ? Math.ceil(ms / DAY_MS) : Math.floor(ms / DAY_MS), 'day');
}

function judge(c: CredentialView, t: CheckThresholds): { state: CheckState; message: string } {
  if (c.status === 'revoked') return { state: 'CRITICAL', message: `revoked ${c.revokedAt ? c.revokedAt.slice(0, 10) : ''}`.trim() };
  if (c.status === 'superseded' && c.supersededUntil) {
    // A newer pair replaced it: it stops working when the renewal grace ends, whatever its expiry.
    const left = Date.parse(c.supersededUntil) - t.now;
    const message = `superseded by a newer pair; stops working in ${whenText(left, 'up')} (${c.supersededUntil.slice(0, 16).replace('T', ' ')} UTC)`;
    return { state: left <= t.critical * DAY_MS ? 'CRITICAL' : left <= t.warn * DAY_MS ? 'WARNING' : 'OK', message };
  }
  const expiry = c.expiresAt ? Date.parse(c.expiresAt) : NaN;
  if (Number.isNaN(expiry)) return { state: 'OK', message: 'has no expiry date' };
  const left = expiry - t.now;
  const date = new Date(expiry).toISOString().slice(0, 10);
  if (left <= 0) {
    const ago = t.now - expiry;
    return { state: 'CRITICAL', message: ago < DAY_MS ? `expired ${whenText(ago, 'down')} ago (${date})` : `expired ${whenText(ago, 'down')} ago` };
  }
  const message = `expires in ${whenText(left, 'up')} (${date})`;
  if (left <= t.critical * DAY_MS) return { state: 'CRITICAL', message };
  if (left <= t.warn * DAY_MS) return { state: 'WARNING', message };
  return { state: 'OK', message };
}

/** What names a credential in a line: its local profiles, else its name (OAuth) or owner. */
export function checkLabel(c: CredentialView): string {
  return c.profiles.length ? c.profiles.join(',') : displayName(c);
}

function lineOf(state: CheckState, type: string | null, id: string | null, label: string | null, message: string): string {
  return [state, type, id ? shortId(id) : null, label ? `(${label})` : null, message].filter(Boolean).join(' ');
}

export function evaluateCheck(subjects: readonly CheckSubject[], thresholds: CheckThresholds): CheckReport {
  const results: CheckResult[] = subjects.map((s) => {
    if ('kind' in s && s.kind === 'failure') {
      return { state: s.state, id: s.id, type: s.type, label: s.label, expiresAt: null, daysLeft: null, message: s.reason, line: lineOf(s.state, s.type, s.id, s.label, s.reason) };
    }
    const c = s as CredentialView;
    const { state, message } = judge(c, thresholds);
    const label = checkLabel(c);
    return { state, id: c.id, type: c.type, label, expiresAt: c.expiresAt, daysLeft: c.daysLeft, message, line: lineOf(state, c.type, c.id, label, message) };
  });
  if (results.length === 0) {
    const message = 'no credentials to check';
    results.push({ state: 'UNKNOWN', id: null, type: null, label: null, expiresAt: null, daysLeft: null, message, line: `UNKNOWN ${message}` });
  }
  // Stable: worst first, then the soonest expiry.
  const sorted = results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => RANK[a.r.state] - RANK[b.r.state] || expiryKey(a.r) - expiryKey(b.r) || a.i - b.i)
    .map(({ r }) => r);
  const state = sorted[0]!.state;
  return { state, exitCode: CHECK_EXIT[state], results: sorted };
}

function expiryKey(r: CheckResult): number {
  const t = r.expiresAt ? Date.parse(r.expiresAt) : NaN;
  return Number.isNaN(t) ? Number.MAX_SAFE_INTEGER : t;
}
