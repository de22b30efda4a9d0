// Identity API answers (users, roles, api_credentials, HAL pages) as they arrive, and lenient
// parsers: unknown fields are ignored, missing optional ones become null. A wrong shape is a
// ShapeError, which the service reports as ApiError kind 'malformed'. (The assumed OAuth-client
// shapes live in oauth-clients.ts.)
import type { AccountType, Role } from '../model/credential.js';
import type { Caller, User } from './types.js';
import { splitKeyPrefix } from '../signing/region.js';
import { parseTimestamp } from './time.js';

export class ShapeError extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'ShapeError';
  }
}

export type Json = Record<string, unknown>;

export function asObject(v: unknown, what: string): Json {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new ShapeError(`${what} is not an object`);
  return v as Json;
}

export function optString(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;
}

export function reqString(o: Json, field: string, what: string): string {
  const v = optString(o[field]);
  if (v === null) throw new ShapeError(`${what} has no ${field}`);
  return v;
}

/** `{api_id, expiration_ts, revocation_ts?, revocation_user?}` */
export interface ApiCredentialInfo {
  apiId: string;
  expiresAt: string | null;
  createdAt: string | null;
  revokedAt: string | null;
}

export interface ParsedUser {
  user: User;
  /** undefined: the answer had no `api_credentials` key at all (ask per user); null: none. */
  apiCredential: ApiCredentialInfo | null | undefined;
}

export interface Page<T> {
  items: T[];
  number: number;
  totalPages: number | null;
  totalElements: number | null;
}

export const ADMIN_ROLES = new Set(['extadmin', 'adminapi']);

// An organisation has a few dozen roles and thousands of users holding them: one frozen object
// per distinct role, shared by every user and credential, instead of one per holder.
const ROLES = new Map<string, Role>();

function role(name: string, description: string | null): Role {
  const key = `${name}\u0000${description ?? ''}`;
  let r = ROLES.get(key);
  if (!r) {
    r = Object.freeze(description ? { name, description } : { name });
    ROLES.set(key, r);
  }
  return r;
}

export function parseRole(v: unknown): Role | undefined {
  if (typeof v === 'string') return role(v, null);
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Json;
  const name = optString(o.role_name);
  if (!name) return undefined;
  return role(name, optString(o.role_description));
}

export function parseRoles(v: unknown): Role[] {
  return Array.isArray(v) ? v.map(parseRole).filter((r): r is Role => r !== undefined) : [];
}

export function parseAccountType(v: unknown): AccountType {
  return typeof v === 'string' && v.toUpperCase() === 'API' ? 'api' : 'user';
}

/** The bare API id: any region prefix (`vera01ei-`) stripped. */
export function bareApiId(id: string): string {
  return splitKeyPrefix(id).bare;
}

export function parseApiCredential(v: unknown): ApiCredentialInfo | null {
  if (v === null || v === undefined) return null;
  const o = asObject(v, 'api_credentials');
  const apiId = optString(o.api_id);
  if (!apiId) return null;
  return {
    apiId: bareApiId(apiId),
    expiresAt: parseTimestamp(o.expiration_ts),
    createdAt: parseTimestamp(o.created_ts ?? o.creation_ts),
    revokedAt: parseTimestamp(o.revocation_ts),
  };
}

export function parseUser(v: unknown): ParsedUser {
  const o = asObject(v, 'user');
  const user: User = {
    userId: reqString(o, 'user_id', 'user'),
    userName: optString(o.user_name) ?? reqString(o, 'user_id', 'user'),
    email: optString(o.email_address),
    firstName: optString(o.first_name),
    lastName: optString(o.last_name),
    accountType: parseAccountType(o.account_type),
    roles: parseRoles(o.roles),
    loginEnabled: o.login_enabled !== false,
  };
  return { user, apiCredential: 'api_credentials' in o ? parseApiCredential(o.api_credentials) : undefined };
}

export function callerOf(user: User): Caller {
  return { ...user, isAdmin: user.roles.some((r) => ADMIN_ROLES.has(r.name.toLowerCase())) };
}

function optInt(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
}

/** A HAL page: `_embedded[key]` (missing on an empty page) plus `page` metadata. */
export function parsePage<T>(body: unknown, key: string, item: (v: unknown) => T): Page<T> {
  const o = asObject(body, 'page');
  const embedded = o._embedded && typeof o._embedded === 'object' ? (o._embedded as Json)[key] : undefined;
  if (embedded !== undefined && !Array.isArray(embedded)) throw new ShapeError(`_embedded.${key} is not a list`);
  const meta = o.page && typeof o.page === 'object' ? (o.page as Json) : {};
  return {
    items: (embedded ?? []).map(item),
    number: optInt(meta.number) ?? 0,
    totalPages: optInt(meta.total_pages),
    totalElements: optInt(meta.total_elements),
  };
}

/**
 * POST /api_credentials → `{api_id, api_secret, expiration_ts}`. Both parts are kept exactly as
 * sent, region prefix included, because that is what belongs in the credentials file.
 */
export function parseGeneratedHmac(v: unknown): { apiId: string; apiSecret: string; expiresAt: string | null } {
  const o = asObject(v, 'generated credential');
  return {
    apiId: reqString(o, 'api_id', 'generated credential'),
    apiSecret: reqString(o, 'api_secret', 'generated credential'),
    expiresAt: parseTimestamp(o.expiration_ts),
  };
}
