// One normalised credential type for both kinds, and its pure rules. The clock is always injected.

export type CredentialType = 'hmac' | 'oauth';
export type AccountType = 'user' | 'api';
/** 'superseded': an HMAC pair replaced by a newer one, still working until `supersededUntil`. */
export type CredentialStatus = 'active' | 'expiring' | 'expired' | 'revoked' | 'superseded';

/** Veracode e-mails a week and a day before expiry; we warn at the same two points. */
export const EXPIRING_WITHIN_DAYS = 7;
export const URGENT_WITHIN_DAYS = 1;
export const DAY_MS = 86_400_000;

export interface Owner {
  userId: string;
  userName: string;
  accountType: AccountType;
}

export interface Role {
  name: string;
  description?: string;
}

export interface OAuthSecret {
  secretId: string;
  createdAt: string | null;
  expiresAt: string | null;
}

export interface Credential {
  /** HMAC: the bare API id. OAuth: the client id. */
  id: string;
  type: CredentialType;
  /** OAuth client name; null for HMAC. */
  name: string | null;
  description: string | null;
  owner: Owner;
  /** ISO 8601 UTC, or null when unknown. */
  expiresAt: string | null;
  createdAt: string | null;
  revokedAt: string | null;
  roles: Role[];
  /** OAuth only; empty for HMAC. */
  secrets: OAuthSecret[];
  /** Names of the local profiles in ~/.veracode/credentials that hold this key (HMAC only). */
  profiles: string[];
  /**
   * HMAC only: its owner generated a newer pair, and this one keeps working until then (Veracode
   * revokes the previous pair 24 hours after a new one is generated). Absent or null otherwise.
   */
  supersededUntil?: string | null;
}

export interface CredentialView extends Credential {
  status: CredentialStatus;
  /** Whole days until expiry (ceil), negative once expired; null without an expiry. */
  daysLeft: number | null;
  /** Expires within URGENT_WITHIN_DAYS (and not yet expired or revoked). */
  urgent: boolean;
  /**
   * `expiresAt` in epoch milliseconds, null without a readable one: parsed once per view, because
   * sorting and summing up 100,000 rows compare it millions of times.
   */
  expiresTime: number | null;
}

/** Epoch ms of an ISO instant; null for null or an unreadable one. */
export function timeOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

export function daysLeft(expiresAt: string | null, now: number): number | null {
  return daysLeftAt(timeOf(expiresAt), now);
}

function daysLeftAt(expires: number | null, now: number): number | null {
  return expires === null ? null : Math.ceil((expires - now) / DAY_MS);
}

type StatusFields = Pick<Credential, 'expiresAt' | 'revokedAt' | 'supersededUntil'>;

export function statusOf(c: StatusFields, now: number): CredentialStatus {
  return statusAt(c, timeOf(c.expiresAt), now);
}

/** statusOf with the expiry already parsed. */
function statusAt(c: StatusFields, expires: number | null, now: number): CredentialStatus {
  if (c.revokedAt) return 'revoked';
  const until = timeOf(c.supersededUntil);
  // The grace is over: the server has revoked it by now.
  if (until !== null && until <= now) return 'revoked';
  if (expires !== null && expires <= now) return 'expired';
  if (until !== null) return 'superseded';
  if (expires === null) return 'active';
  if (expires - now <= EXPIRING_WITHIN_DAYS * DAY_MS) return 'expiring';
  return 'active';
}

export function isUrgent(c: StatusFields, now: number): boolean {
  const expires = timeOf(c.expiresAt);
  return urgentAt(statusAt(c, expires, now), expires, now);
}

function urgentAt(status: CredentialStatus, expires: number | null, now: number): boolean {
  return status === 'expiring' && expires !== null && expires - now <= URGENT_WITHIN_DAYS * DAY_MS;
}

export function viewOf(c: Credential, now: number): CredentialView {
  const expiresTime = timeOf(c.expiresAt);
  const status = statusAt(c, expiresTime, now);
  // Object.assign rather than a spread: on Node 20 each spread-made object gets a hidden class of
  // its own, ~4 MB of them for 10,000 credentials, and slower property reads in the table.
  return Object.assign({}, c, { status, daysLeft: daysLeftAt(expiresTime, now), urgent: urgentAt(status, expiresTime, now), expiresTime });
}

export function viewsOf(credentials: readonly Credential[], now: number): CredentialView[] {
  return credentials.map((c) => viewOf(c, now));
}

/** The date part of an ISO instant; `missing` when there is none. */
export function dateOnly(isoString: string | null, missing = '—'): string {
  return isoString ? isoString.slice(0, 10) : missing;
}

/** Long ids keep their head and tail (the tail is what the revoke dialog asks for). */
export function shortId(id: string, width = 9): string {
  if (id.length <= width) return id;
  const tail = 4;
  const head = Math.max(1, width - tail - 1);
  return `${id.slice(0, head)}…${id.slice(-tail)}`;
}

/** HMAC credentials have no name; the owner stands in for it in tables. */
export function displayName(c: Credential): string {
  return c.name ?? c.owner.userName;
}
