// OAuth client management: THE adapter for an ASSUMED contract.
//
// Veracode documents that OAuth clients can be managed "using the Identity API" but publishes no
// paths or field names. Every path and field name below comes from this project's own contract
// (described in docs/veracode-api.md) and appears nowhere else in the code. When Veracode's real API is
// known, correct it here (and in the emulator, which serves the same contract); nothing else
// should need to change.
import type { ApiClient } from '../api/client-types.js';
import type { Credential, OAuthSecret } from '../model/credential.js';
import type { CreateOAuthClientInput, CreatedOAuthClient, GeneratedOAuthSecret } from './types.js';
import { getShaped, readShape, streamPages } from './paging.js';
import { NO_PROFILES, NO_SECRETS, type Interner } from './intern.js';
import { formatTimestamp, parseTimestamp } from './time.js';
import { asObject, optString, parseAccountType, parseRoles, reqString, type Json } from './wire.js';

const BASE = '/api/authn/v2';
/** client_credentials token endpoint (form body, HTTP Basic with client id:secret). */
export const OAUTH_TOKEN_PATH = `${BASE}/oauth2/token`;
const CLIENTS = `${BASE}/oauth_clients`;
const EMBEDDED_KEY = 'oauth_clients';
/** The organisation's longest OAuth client lifetime when it says nothing else (Veracode: typically 365). */
export const MAX_TTL_DAYS = 365;

const enc = encodeURIComponent;

function parseSecret(v: unknown): OAuthSecret | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Json;
  const secretId = optString(o.secret_id);
  if (!secretId) return undefined;
  return { secretId, createdAt: parseTimestamp(o.created_ts), expiresAt: parseTimestamp(o.expiration_ts) };
}

/**
 * A client object of the assumed contract → Credential. With an interner (a load), the owner and
 * the role list are the load's shared ones.
 */
export function parseOAuthClient(v: unknown, intern?: Interner): Credential {
  const o = asObject(v, 'OAuth client');
  const clientId = reqString(o, 'client_id', 'OAuth client');
  const userId = optString(o.user_id) ?? '';
  const userName = optString(o.user_name) ?? userId;
  const accountType = parseAccountType(o.account_type);
  const roles = parseRoles(o.roles);
  const secrets = Array.isArray(o.secrets) ? o.secrets.map(parseSecret).filter((s): s is OAuthSecret => s !== undefined) : [];
  return {
    id: clientId,
    type: 'oauth',
    name: optString(o.name) ?? clientId,
    description: optString(o.description),
    owner: intern ? intern.owner(userId, userName, accountType) : { userId, userName, accountType },
    expiresAt: parseTimestamp(o.expiration_ts),
    createdAt: parseTimestamp(o.created_ts),
    revokedAt: parseTimestamp(o.revocation_ts),
    roles: intern ? intern.roles(roles) : roles,
    secrets: intern && secrets.length === 0 ? NO_SECRETS : secrets,
    profiles: intern ? NO_PROFILES : [],
  };
}

function parseGeneratedSecret(v: unknown, clientId: string, fallback?: Credential): GeneratedOAuthSecret {
  const o = asObject(v, 'new OAuth secret');
  const secretId = reqString(o, 'secret_id', 'new OAuth secret');
  const known = fallback?.secrets.find((s) => s.secretId === secretId);
  return {
    clientId: optString(o.client_id) ?? clientId,
    secretId,
    clientSecret: reqString(o, 'client_secret', 'new OAuth secret'),
    createdAt: parseTimestamp(o.created_ts) ?? known?.createdAt ?? fallback?.createdAt ?? null,
    expiresAt: parseTimestamp(o.secret_expiration_ts ?? (fallback ? undefined : o.expiration_ts)) ?? known?.expiresAt ?? fallback?.expiresAt ?? null,
  };
}

export interface ListOptions {
  /** Narrow to one owner (a non-admin sees only their own anyway). */
  userId?: string;
  concurrency: number;
  signal?: AbortSignal;
  onPage?: (done: number, total: number | null) => void;
  /** Each page's clients as it arrives (page 0 first, then as they come back). */
  onClients?: (clients: Credential[], total: number | null) => void;
  intern?: Interner;
  /** false: resolve with no clients (the caller took them all from onClients). */
  keep?: boolean;
}

/** Every client, in page order; `onClients` sees them page by page as they arrive. */
export async function listOAuthClients(client: ApiClient, o: ListOptions): Promise<Credential[]> {
  const pages: Credential[][] = [];
  await streamPages(client, {
    path: CLIENTS,
    key: EMBEDDED_KEY,
    item: (v) => parseOAuthClient(v, o.intern),
    query: o.userId ? { user_id: o.userId } : undefined,
    concurrency: o.concurrency,
    signal: o.signal,
    onPage: o.onPage,
    onItems: (items, n, total) => {
      if (o.keep !== false) pages[n] = items;
      o.onClients?.(items, total);
    },
  });
  return pages.flat();
}

export function getOAuthClient(client: ApiClient, clientId: string, signal?: AbortSignal): Promise<Credential> {
  return getShaped(client, `${CLIENTS}/${enc(clientId)}`, parseOAuthClient, { signal });
}

export async function createOAuthClient(client: ApiClient, input: CreateOAuthClientInput): Promise<CreatedOAuthClient> {
  const json: Json = {
    name: input.name,
    description: input.description ?? '',
    expiration_ts: formatTimestamp(input.expiresAt),
    roles: input.roles.map((role_name) => ({ role_name })),
  };
  if (input.userId) json.user_id = input.userId;
  const body = await client.request<unknown>('POST', CLIENTS, { json });
  // The answer holds the only copy of the secret: read it before anything else can fail.
  return readShape('POST', CLIENTS, body, (b) => {
    const created = parseOAuthClient(b);
    return { client: created, secret: parseGeneratedSecret(b, created.id, created) };
  });
}

export async function addOAuthSecret(client: ApiClient, clientId: string): Promise<GeneratedOAuthSecret> {
  const path = `${CLIENTS}/${enc(clientId)}/secrets`;
  const body = await client.request<unknown>('POST', path);
  return readShape('POST', path, body, (b) => parseGeneratedSecret(b, clientId));
}

export async function retireOAuthSecret(client: ApiClient, clientId: string, secretId: string): Promise<void> {
  await client.request('DELETE', `${CLIENTS}/${enc(clientId)}/secrets/${enc(secretId)}`);
}

export async function revokeOAuthClient(client: ApiClient, clientId: string): Promise<void> {
  await client.request('DELETE', `${CLIENTS}/${enc(clientId)}`);
}
