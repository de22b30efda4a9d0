// What the three renderers of the hygiene report share: titles, labels and dates, all ours. Text
// from others (names, owners, roles, the server's warnings) is escaped by each renderer for its
// own format, never here.
import type { CredentialStatus, CredentialView } from '../model/credential.js';
import { displayName } from '../model/credential.js';
import { endOf, relativeDays, TIMELINE_STATUSES, type HygieneReport, type WeekBucket } from '../ops/report.js';

export const TITLE = 'Veracode API credentials: hygiene report';

export const STATUS_LABEL: Record<CredentialStatus, string> = {
  expired: 'Expired',
  expiring: 'Expiring (7 days)',
  superseded: 'Superseded',
  active: 'Active',
  revoked: 'Revoked',
};

/** The statuses the chart stacks (revoked are left out of the timeline). */
export const CHART_STATUSES = TIMELINE_STATUSES.filter((s) => s !== 'revoked');

/** Section headings, in report order. */
export function sectionTitles(r: HygieneReport) {
  return {
    summary: 'Summary',
    timeline: `Expiry timeline: one bar per week, ${-r.timeline.weeks[0]!.offset} weeks back and ${r.timeline.weeks.length + r.timeline.weeks[0]!.offset} ahead`,
    soon: `Expired, or expiring within ${r.soonDays} days`,
    expired: 'Expired keys never revoked',
    admins: 'API service accounts holding administrator roles',
    old: `Keys older than ${r.olderThanDays} days`,
    multi: 'OAuth clients with more than one live secret',
  };
}

/** YYYY-MM-DD HH:MM UTC. */
export function utcMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function dateOf(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 10);
}

/** When it stops working, as a date and in words: "2026-03-01 (in 5 days)". */
export function endText(c: CredentialView, now: number): string {
  const end = endOf(c);
  if (end === null) return 'never';
  return `${new Date(end).toISOString().slice(0, 10)} (${relativeDays(end, now)})`;
}

export const typeLabel = (c: CredentialView) => (c.type === 'hmac' ? 'HMAC' : 'OAuth');

/** A credential's name (HMAC keys have none: their owner stands in), others' text. */
export const nameOf = (c: CredentialView) => displayName(c);

/** "Week of 2026-03-02" and whether it is this week. */
export function weekLabel(w: WeekBucket): string {
  return w.offset === 0 ? `${w.startDate} (this week)` : w.startDate;
}

/** One line on who and what the report covers (others' text inside: escape it). */
export function scopeParts(r: HygieneReport): { caller: string | null; admin: boolean; apiUrl: string; profile: string | null } {
  return { caller: r.scope.caller?.userName ?? null, admin: r.scope.caller?.isAdmin ?? false, apiUrl: r.scope.apiUrl, profile: r.scope.profile };
}

export const SEVERITY_LABEL = { high: 'High', medium: 'Medium', low: 'Low' } as const;

/** How many findings of each severity, for the summary. */
export function severityCounts(r: HygieneReport): Record<'high' | 'medium' | 'low', number> {
  const out = { high: 0, medium: 0, low: 0 };
  for (const f of r.findings) out[f.severity]++;
  return out;
}
