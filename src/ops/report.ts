// The hygiene report (`vcreds report`) as data: what a security team reviews about an
// organisation's credentials, and the weekly expiry timeline (shared with the TUI's timeline).
// Pure functions of the credentials, the users and an injected clock; the renderers are in
// src/report/ (markdown, html, csv).
import { stopsAt } from '../model/filter.js';
import type { Caller, User } from '../identity/types.js';
import { ADMIN_ROLES } from '../identity/wire.js';
import { DAY_MS, EXPIRING_WITHIN_DAYS, viewOf, type Credential, type CredentialStatus, type CredentialView, type OAuthSecret, type Owner } from '../model/credential.js';

/** "Expired or expiring within" this many days. */
export const REPORT_SOON_DAYS = 30;
/** `--older-than` unless given: a common rotation policy (PCI DSS and most audits ask for 90 days). */
export const DEFAULT_OLDER_THAN_DAYS = 90;
export const TIMELINE_WEEKS_BACK = 4;
export const TIMELINE_WEEKS_AHEAD = 13;
const WEEK_MS = 7 * DAY_MS;

// ---------------------------------------------------------------------------------------------
// The weekly timeline

/** Statuses in stacking order (bottom first): the most pressing at the base of each bar. */
export const TIMELINE_STATUSES = ['expired', 'expiring', 'superseded', 'active', 'revoked'] as const satisfies readonly CredentialStatus[];

export interface WeekBucket {
  /** Weeks from the current one: -weeksBack … weeksAhead-1; 0 is the week holding `now`. */
  offset: number;
  /** Start (inclusive) and end (exclusive) of the week, epoch ms, UTC midnights. */
  start: number;
  end: number;
  /** The start as YYYY-MM-DD (UTC). */
  startDate: string;
  /** Credentials ending in this week, per status (their status now). */
  counts: Record<CredentialStatus, number>;
  total: number;
  /** Their ids, in input order: what choosing the bar filters the list to. */
  ids: string[];
}

export interface Timeline {
  weeks: WeekBucket[];
  /** Credentials ending before the first week, after the last one, and with no end at all. */
  earlier: number;
  later: number;
  never: number;
  /** The largest bar (0 when every week is empty), to scale a chart. */
  max: number;
  now: number;
}

export interface TimelineOptions {
  /** Whole weeks shown before the current one (default 4). */
  weeksBack?: number;
  /** Weeks shown from the current one on, the current one included (default 13: a quarter). */
  weeksAhead?: number;
  /** First day of a week: 1 Monday (ISO 8601, default), 0 Sunday. */
  weekStartsOn?: 0 | 1;
  /** Revoked credentials are left out unless this is set (their expiry no longer matters). */
  includeRevoked?: boolean;
}

export function emptyCounts(): Record<CredentialStatus, number> {
  return { active: 0, expiring: 0, expired: 0, revoked: 0, superseded: 0 };
}

/** Midnight UTC of the first day of the week holding `t`. */
export function weekStart(t: number, weekStartsOn: 0 | 1 = 1): number {
  const d = new Date(t);
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const back = (d.getUTCDay() - weekStartsOn + 7) % 7;
  return midnight - back * DAY_MS;
}

/**
 * When a credential stops working: a superseded HMAC pair at the end of its grace (or its expiry
 * if sooner), anything else at its expiry; null when it never expires or the date is unreadable.
 */
export function endOf(c: Pick<Credential, 'expiresAt' | 'supersededUntil'> & { status?: CredentialStatus }): number | null {
  return stopsAt(c);
}

/**
 * One bar per week, `weeksBack` before the current week and `weeksAhead` from it (default 4 and
 * 13: 17 bars), each counting the credentials that stop working that week (endOf), per status.
 * The TUI's timeline and the report's chart both draw this.
 */
export function weeklyBuckets(list: readonly Pick<CredentialView, 'id' | 'status' | 'expiresAt' | 'supersededUntil'>[], now: number, options: TimelineOptions = {}): Timeline {
  const back = options.weeksBack ?? TIMELINE_WEEKS_BACK;
  const ahead = options.weeksAhead ?? TIMELINE_WEEKS_AHEAD;
  const first = weekStart(now, options.weekStartsOn ?? 1) - back * WEEK_MS;
  const weeks: WeekBucket[] = [];
  for (let i = 0; i < back + ahead; i++) {
    const start = first + i * WEEK_MS;
    weeks.push({ offset: i - back, start, end: start + WEEK_MS, startDate: new Date(start).toISOString().slice(0, 10), counts: emptyCounts(), total: 0, ids: [] });
  }
  const lastEnd = first + weeks.length * WEEK_MS;
  let earlier = 0;
  let later = 0;
  let never = 0;
  for (const c of list) {
    if (c.status === 'revoked' && !options.includeRevoked) continue;
    const end = endOf(c);
    if (end === null) never++;
    else if (end < first) earlier++;
    else if (end >= lastEnd) later++;
    else {
      const w = weeks[Math.floor((end - first) / WEEK_MS)]!;
      w.counts[c.status]++;
      w.total++;
      w.ids.push(c.id);
    }
  }
  return { weeks, earlier, later, never, max: Math.max(0, ...weeks.map((w) => w.total)), now };
}

// ---------------------------------------------------------------------------------------------
// The findings

export type FindingKind = 'expired-not-revoked' | 'expiring-soon' | 'admin-service-account' | 'old-key' | 'oauth-multiple-secrets';
export type Severity = 'high' | 'medium' | 'low';

/** One row of the CSV: one thing to act on. `detail` is ours (never others' text). */
export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** The credential concerned; null for an account finding with no live credential. */
  credential: CredentialView | null;
  owner: Owner;
  /** Roles that matter to the finding (the administrator roles of an account), else the credential's. */
  roles: string[];
  /** Whole days since the key (or the OAuth client's newest live secret) was created, when known. */
  ageDays: number | null;
  detail: string;
}

export interface AdminServiceAccount {
  owner: Owner;
  /** Its administrator roles (adminapi, extadmin). */
  adminRoles: string[];
  roles: string[];
  /** Its credentials that still work (not revoked, not expired). */
  liveCredentials: CredentialView[];
}

export interface AgedCredential {
  credential: CredentialView;
  ageDays: number;
  /** When the age counts from (ISO): the key's creation, or the OAuth client's newest live secret's. */
  since: string;
  /** An HMAC pair's creation worked out from its expiry (the API does not give it). */
  estimated: boolean;
}

export interface MultiSecretClient {
  credential: CredentialView;
  liveSecrets: OAuthSecret[];
}

export interface HygieneReport {
  /** ISO instant of `now`. */
  generatedAt: string;
  now: number;
  olderThanDays: number;
  soonDays: number;
  scope: {
    apiUrl: string;
    profile: string | null;
    /** Who the report was made as; isAdmin false means only their own credentials were visible. */
    caller: { userName: string; isAdmin: boolean } | null;
  };
  counts: Record<CredentialStatus, number>;
  total: number;
  /** Everything expired, or stopping within soonDays (not revoked), soonest first. */
  expiredOrExpiring: CredentialView[];
  /** Expired and never revoked: they should be revoked (or renewed), not left in place. */
  expiredNotRevoked: CredentialView[];
  adminServiceAccounts: AdminServiceAccount[];
  oldKeys: AgedCredential[];
  multiSecretClients: MultiSecretClient[];
  timeline: Timeline;
  /** Every finding above, once each, most severe first (the CSV's rows). */
  findings: Finding[];
  /** Parts the server could not give (quoted in the report). */
  warnings: string[];
}

export interface ReportInput {
  credentials: readonly Credential[];
  users?: readonly User[];
  caller?: Pick<Caller, 'userName' | 'isAdmin'> | null;
  apiUrl: string;
  profile?: string | null;
  warnings?: readonly string[];
}

export interface ReportOptions {
  now: number;
  olderThanDays?: number;
  soonDays?: number;
  timeline?: TimelineOptions;
}

const isLive = (c: CredentialView) => c.status !== 'revoked' && c.status !== 'expired';

function liveSecrets(c: CredentialView, now: number): OAuthSecret[] {
  return c.secrets.filter((s) => {
    const t = s.expiresAt ? Date.parse(s.expiresAt) : NaN;
    return Number.isNaN(t) || t > now;
  });
}

/** Veracode's HMAC pairs live a year: their creation, which the API does not give, is a year before expiry. */
export const HMAC_LIFETIME_DAYS = 365;

/**
 * When the age of a key counts from: an OAuth client's newest live secret, else its creation, else
 * (an HMAC pair, whose creation the API does not give) a year before its expiry, estimated.
 */
export function ageSince(c: CredentialView, now: number): { since: string; estimated: boolean } | null {
  const valid = (s: string | null | undefined): s is string => Boolean(s) && !Number.isNaN(Date.parse(s!));
  if (c.type === 'oauth') {
    const created = liveSecrets(c, now).map((s) => s.createdAt).filter(valid);
    if (created.length) return { since: created.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)), estimated: false };
  }
  if (valid(c.createdAt)) return { since: c.createdAt, estimated: false };
  if (c.type === 'hmac' && valid(c.expiresAt)) return { since: new Date(Date.parse(c.expiresAt) - HMAC_LIFETIME_DAYS * DAY_MS).toISOString(), estimated: true };
  return null;
}

const byEnd = (a: CredentialView, b: CredentialView) => (endOf(a) ?? Infinity) - (endOf(b) ?? Infinity) || a.id.localeCompare(b.id);

/** "in 5 days", "today", "3 days ago": how far `end` is from `now`, in whole days. */
export function relativeDays(end: number, now: number): string {
  const days = Math.round((end - now) / DAY_MS);
  if (days === 0) return end >= now ? 'today' : 'earlier today';
  const n = Math.abs(days);
  return days > 0 ? `in ${n} day${n === 1 ? '' : 's'}` : `${n} day${n === 1 ? '' : 's'} ago`;
}

export function buildReport(input: ReportInput, options: ReportOptions): HygieneReport {
  const now = options.now;
  const olderThanDays = options.olderThanDays ?? DEFAULT_OLDER_THAN_DAYS;
  const soonDays = options.soonDays ?? REPORT_SOON_DAYS;
  const views = input.credentials.map((c) => viewOf(c, now));
  const counts = emptyCounts();
  for (const v of views) counts[v.status]++;

  const soonLimit = now + soonDays * DAY_MS;
  const expiredOrExpiring = views.filter((v) => v.status !== 'revoked' && (v.status === 'expired' || (endOf(v) ?? Infinity) <= soonLimit)).sort(byEnd);
  const expiredNotRevoked = views.filter((v) => v.status === 'expired').sort(byEnd);

  // API service accounts with an administrator role: from the users the caller sees, and from the
  // owners of HMAC keys (which act with all of their owner's roles).
  const accounts = new Map<string, { owner: Owner; roles: string[] }>();
  for (const u of input.users ?? []) {
    if (u.accountType === 'api') accounts.set(u.userId, { owner: { userId: u.userId, userName: u.userName, accountType: 'api' }, roles: u.roles.map((r) => r.name) });
  }
  for (const v of views) {
    if (v.owner.accountType === 'api' && v.type === 'hmac' && !accounts.has(v.owner.userId)) accounts.set(v.owner.userId, { owner: v.owner, roles: v.roles.map((r) => r.name) });
  }
  const adminServiceAccounts: AdminServiceAccount[] = [];
  for (const a of accounts.values()) {
    const adminRoles = a.roles.filter((r) => ADMIN_ROLES.has(r));
    if (!adminRoles.length) continue;
    adminServiceAccounts.push({ ...a, adminRoles, liveCredentials: views.filter((v) => v.owner.userId === a.owner.userId && isLive(v)).sort(byEnd) });
  }
  adminServiceAccounts.sort((a, b) => a.owner.userName.localeCompare(b.owner.userName));

  const oldKeys: AgedCredential[] = [];
  for (const v of views) {
    if (!isLive(v)) continue;
    const age = ageSince(v, now);
    if (!age) continue;
    const ageDays = Math.floor((now - Date.parse(age.since)) / DAY_MS);
    if (ageDays > olderThanDays) oldKeys.push({ credential: v, ageDays, ...age });
  }
  oldKeys.sort((a, b) => b.ageDays - a.ageDays || a.credential.id.localeCompare(b.credential.id));

  const multiSecretClients = views
    .filter((v) => v.type === 'oauth' && isLive(v))
    .map((v) => ({ credential: v, liveSecrets: liveSecrets(v, now) }))
    .filter((m) => m.liveSecrets.length > 1);

  const ageOf = (v: CredentialView): number | null => {
    const age = ageSince(v, now);
    return age ? Math.floor((now - Date.parse(age.since)) / DAY_MS) : null;
  };
  const roleNames = (v: CredentialView) => v.roles.map((r) => r.name);
  const findings: Finding[] = [];
  for (const v of expiredNotRevoked) {
    findings.push({ kind: 'expired-not-revoked', severity: 'high', credential: v, owner: v.owner, roles: roleNames(v), ageDays: ageOf(v), detail: `expired ${relativeDays(endOf(v)!, now)}, never revoked` });
  }
  for (const v of expiredOrExpiring) {
    if (v.status === 'expired') continue;
    const end = endOf(v)!;
    const pressing = v.status === 'superseded' || end - now <= EXPIRING_WITHIN_DAYS * DAY_MS;
    const what = v.status === 'superseded' ? 'superseded, stops working' : 'expires';
    findings.push({ kind: 'expiring-soon', severity: pressing ? 'high' : 'medium', credential: v, owner: v.owner, roles: roleNames(v), ageDays: ageOf(v), detail: `${what} ${relativeDays(end, now)}` });
  }
  for (const a of adminServiceAccounts) {
    const detail = `API service account with ${a.adminRoles.join(', ')}`;
    if (!a.liveCredentials.length) findings.push({ kind: 'admin-service-account', severity: 'medium', credential: null, owner: a.owner, roles: a.adminRoles, ageDays: null, detail: `${detail}, no live credential` });
    for (const v of a.liveCredentials) findings.push({ kind: 'admin-service-account', severity: 'medium', credential: v, owner: a.owner, roles: a.adminRoles, ageDays: ageOf(v), detail });
  }
  for (const m of multiSecretClients) {
    findings.push({ kind: 'oauth-multiple-secrets', severity: 'medium', credential: m.credential, owner: m.credential.owner, roles: roleNames(m.credential), ageDays: ageOf(m.credential), detail: `${m.liveSecrets.length} live secrets: retire the previous one once the new one is in use` });
  }
  for (const o of oldKeys) {
    findings.push({ kind: 'old-key', severity: 'low', credential: o.credential, owner: o.credential.owner, roles: roleNames(o.credential), ageDays: o.ageDays, detail: `${o.ageDays} days old (over ${olderThanDays})${o.estimated ? ', from its expiry: HMAC pairs live a year' : ''}` });
  }
  const rank: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
  findings.sort((a, b) => rank[a.severity] - rank[b.severity]); // stable: kinds keep their order

  return {
    generatedAt: new Date(now).toISOString(),
    now,
    olderThanDays,
    soonDays,
    scope: { apiUrl: input.apiUrl, profile: input.profile ?? null, caller: input.caller ? { userName: input.caller.userName, isAdmin: input.caller.isAdmin } : null },
    counts,
    total: views.length,
    expiredOrExpiring,
    expiredNotRevoked,
    adminServiceAccounts,
    oldKeys,
    multiSecretClients,
    timeline: weeklyBuckets(views, now, options.timeline),
    findings,
    warnings: [...(input.warnings ?? [])],
  };
}
