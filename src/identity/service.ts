// The Identity service over the real API (/api/authn/v2: users, roles, api_credentials; OAuth
// clients through oauth-clients.ts, the one home of that assumed contract).
import type { ApiClient } from '../api/client.js';
import type { ProfileLookup } from '../credentials/profile-index.js';
import { isApiError } from '../api/errors.js';
import type { Credential, Role } from '../model/credential.js';
import { hmacCredential } from './map.js';
import * as oauth from './oauth-clients.js';
import { fetchAllPages, getShaped, mapLimit, readShape } from './paging.js';
import { stillWorking } from './superseded.js';
import type { Caller, GeneratedHmac, IdentityService, LoadOptions, Organisation, User } from './types.js';
import { callerOf, parseApiCredential, parseGeneratedHmac, parsePage, parseRole, parseUser, type ApiCredentialInfo, type ParsedUser } from './wire.js';

const BASE = '/api/authn/v2';
const enc = encodeURIComponent;

export interface IdentityServiceOptions {
  now?: () => number;
  /** Requests in flight at once for per-user lookups and pages. Default 8. */
  concurrency?: number;
  /**
   * A snapshot of which local profiles hold each API id (from the credentials file), taken once
   * per load or lookup rather than once per credential.
   */
  profiles?: () => ProfileLookup;
}

function is(e: unknown, ...statuses: number[]): boolean {
  return isApiError(e) && e.kind === 'http' && e.status !== undefined && statuses.includes(e.status);
}

export function createIdentityService(client: ApiClient, options: IdentityServiceOptions = {}): IdentityService {
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const profiles = options.profiles ?? (() => () => []);
  const now = options.now ?? Date.now;
  // Ids this service saw replaced by a newer pair: asked about by id while they still work.
  const replaced = new Set<string>();
  // Users seen in the last load, so generating for one of them needs no extra lookup.
  const knownUsers = new Map<string, User>();
  const ownerByApiId = new Map<string, User>();
  let caller: Caller | undefined;

  const hmacOf = (user: User, info: ApiCredentialInfo, holding = profiles()): Credential => {
    ownerByApiId.set(info.apiId, user);
    return hmacCredential(user, info, holding(info.apiId), now());
  };

  /** Pairs that a newer one replaced but that still work: ids seen replaced, ids in local profiles. */
  async function supersededPairs(listed: readonly Credential[], holding: ProfileLookup, o: LoadOptions): Promise<Credential[]> {
    const candidates = [...replaced, ...(holding.ids ?? [])].map((id) => id.toLowerCase());
    if (!candidates.length) return [];
    return stillWorking({
      candidates,
      listed: new Set(listed.filter((c) => c.type === 'hmac').map((c) => c.id.toLowerCase())),
      lookup: (id) => getHmac(id, o.signal),
      concurrency,
      signal: o.signal,
      now: now(),
    }, (id) => replaced.delete(id));
  }

  async function self(o: LoadOptions = {}): Promise<Caller> {
    const parsed = await getShaped(client, `${BASE}/users/self`, parseUser, { query: { detailed: true }, signal: o.signal });
    caller = callerOf(parsed.user);
    knownUsers.set(caller.userId, parsed.user);
    return caller;
  }

  /** A credential lookup that treats 404 as "has none". */
  async function credentialAt(path: string, signal?: AbortSignal): Promise<ApiCredentialInfo | null> {
    try {
      return await getShaped(client, path, parseApiCredential, { signal });
    } catch (e) {
      if (is(e, 404)) return null;
      throw e;
    }
  }

  async function ownOrganisation(me: Caller, o: LoadOptions): Promise<Organisation> {
    const own = await credentialAt(`${BASE}/api_credentials`, o.signal);
    o.onProgress?.({ phase: 'credentials', done: 1, total: 1 });
    const holding = profiles();
    const hmac = own ? [hmacOf(me, own, holding)] : [];
    hmac.push(...(await supersededPairs(hmac, holding, o)));
    const clients = await oauthClients(me.userId, o);
    const credentials = [...hmac, ...clients.credentials];
    return { caller: me, users: [stripCaller(me)], credentials, maxTtlDays: oauth.MAX_TTL_DAYS, warnings: clients.warnings };
  }

  async function oauthClients(userId: string | undefined, o: LoadOptions): Promise<{ credentials: Credential[]; warnings: string[] }> {
    try {
      const credentials = await oauth.listOAuthClients(client, {
        userId, concurrency, signal: o.signal,
        onPage: (done, total) => o.onProgress?.({ phase: 'oauth', done, total }),
      });
      return { credentials, warnings: [] };
    } catch (e) {
      // The OAuth client endpoints are an assumed contract (oauth-clients.ts): if the server does
      // not know them, show the HMAC credentials and say why the OAuth clients are missing.
      if (is(e, 404, 405, 501)) {
        return { credentials: [], warnings: [`OAuth clients could not be listed: ${(e as Error).message}`] };
      }
      throw e;
    }
  }

  async function loadOrganisation(o: LoadOptions = {}): Promise<Organisation> {
    let me = await self(o);
    // Ask for everyone whatever the caller's role names say: the server decides who may list users
    // (role names differ between installations), and a 403 means "only your own".
    let parsed: ParsedUser[];
    try {
      parsed = await fetchAllPages(client, {
        path: `${BASE}/users`, key: 'users', item: parseUser, query: { detailed: true }, concurrency, signal: o.signal,
        onPage: (done, total) => o.onProgress?.({ phase: 'users', done, total }),
      });
    } catch (e) {
      if (is(e, 403)) return ownOrganisation((caller = { ...me, isAdmin: false }), o);
      throw e;
    }
    if (!me.isAdmin) me = caller = { ...me, isAdmin: true };
    knownUsers.clear();
    for (const p of parsed) knownUsers.set(p.user.userId, p.user);
    // A list that carries api_credentials for anyone carries it for everyone who has one, so a
    // user without the key then has none. Only a list that carries it for nobody is asked per user
    // (that can be thousands of requests, so it is worth avoiding).
    const listCarries = parsed.some((p) => p.apiCredential !== undefined);
    const missing = listCarries ? [] : parsed;
    let done = 0;
    if (missing.length) o.onProgress?.({ phase: 'credentials', done: 0, total: missing.length });
    // One user's key refused (403 for that account, a 500 that outlived the retries) leaves that
    // key unknown and says so; it does not cost the caller every other user's key.
    const refused: { user: User; why: string }[] = [];
    const looked = await mapLimit(missing, concurrency, async (p) => {
      let info: ApiCredentialInfo | null = null;
      try {
        info = await credentialAt(`${BASE}/api_credentials/user_id/${enc(p.user.userId)}`, o.signal);
      } catch (e) {
        if (!isApiError(e) || e.kind !== 'http') throw e;
        refused.push({ user: p.user, why: e.status ? `HTTP ${e.status}` : e.message });
      }
      o.onProgress?.({ phase: 'credentials', done: ++done, total: missing.length });
      return info;
    }, o.signal);
    const lookedUp = new Map(missing.map((p, i) => [p.user.userId, looked[i] ?? null]));
    const holding = profiles();
    const hmac: Credential[] = [];
    for (const p of parsed) {
      const info = p.apiCredential === undefined ? lookedUp.get(p.user.userId) ?? null : p.apiCredential;
      if (info) hmac.push(hmacOf(p.user, info, holding));
    }
    hmac.push(...(await supersededPairs(hmac, holding, o)));
    const clients = await oauthClients(undefined, o);
    const warnings = refused.length ? [refusedWarning(refused), ...clients.warnings] : clients.warnings;
    return { caller: me, users: parsed.map((p) => p.user), credentials: [...hmac, ...clients.credentials], maxTtlDays: oauth.MAX_TTL_DAYS, warnings };
  }

  async function listRoles(o: LoadOptions = {}): Promise<Role[]> {
    try {
      return await fetchAllPages(client, {
        path: `${BASE}/roles`, key: 'roles', concurrency, signal: o.signal,
        item: (v) => parseRole(v) ?? { name: '?' },
      });
    } catch (e) {
      // A non-admin may not read /roles; the roles they hold are the ones they can give away.
      if (is(e, 403)) return (caller ?? (await self(o))).roles;
      throw e;
    }
  }

  async function ownerFor(userId: string | undefined): Promise<User> {
    if (!userId) return caller ?? (await self());
    const known = knownUsers.get(userId);
    if (known) return known;
    const parsed = await getShaped(client, `${BASE}/users/${enc(userId)}`, parseUser, { query: { detailed: true } });
    knownUsers.set(userId, parsed.user);
    return parsed.user;
  }

  async function generateHmac(userId?: string): Promise<GeneratedHmac> {
    // Look the owner up first: once the POST has answered, nothing may fail and lose the secret.
    const owner = await ownerFor(userId);
    const me = caller ?? (await self());
    const forSelf = !userId || userId === me.userId;
    const path = forSelf ? `${BASE}/api_credentials` : `${BASE}/api_credentials/user_id/${enc(userId)}`;
    // The owner's pairs known so far are about to be superseded: worth asking about by id later.
    const previous = [...ownerByApiId].filter(([, u]) => u.userId === owner.userId).map(([id]) => id.toLowerCase());
    const body = await client.request<unknown>('POST', path);
    const g = readShape('POST', path, body, parseGeneratedHmac);
    for (const id of previous) replaced.add(id);
    // The server has just revoked the caller's previous pair, the one this client signs with.
    if (forSelf) client.useHmacKey({ id: g.apiId, secret: g.apiSecret });
    return { ...g, owner: { userId: owner.userId, userName: owner.userName, accountType: owner.accountType } };
  }

  /** Any id, current or not: a superseded or revoked pair is still readable by its id. */
  async function getHmac(apiId: string, signal?: AbortSignal): Promise<Credential | null> {
    const info = await credentialAt(`${BASE}/api_credentials/${enc(apiId)}`, signal);
    if (!info) return null;
    // Only an administrator may search users; anyone else can read only their own pairs.
    const owner = ownerByApiId.get(info.apiId) ?? (caller && !caller.isAdmin ? stripCaller(caller) : await ownerOfApiId(info.apiId));
    return hmacOf(owner, info);
  }

  async function hmacInUse(apiId: string): Promise<Credential | null> {
    const me = caller ?? (await self());
    const own = await credentialAt(`${BASE}/api_credentials`);
    if (own && own.apiId.toLowerCase() === apiId.toLowerCase()) return hmacOf(me, own);
    return getHmac(apiId);
  }

  async function ownerOfApiId(apiId: string): Promise<User> {
    try {
      const page = await getShaped(client, `${BASE}/users/search`, (b) => parsePage(b, 'users', parseUser), { query: { api_id: apiId, detailed: true } });
      const found = page.items[0]?.user;
      if (found) return found;
    } catch (e) {
      if (!isApiError(e) || e.kind !== 'http') throw e;
    }
    return { userId: '', userName: '(unknown owner)', email: null, firstName: null, lastName: null, accountType: 'user', roles: [], loginEnabled: true };
  }

  return {
    self,
    loadOrganisation,
    listRoles,
    generateHmac,
    revokeHmac: async (apiId) => {
      await client.request('DELETE', `${BASE}/api_credentials/${enc(apiId)}`);
    },
    getHmac,
    hmacInUse,
    createOAuthClient: (input) => oauth.createOAuthClient(client, input),
    addOAuthSecret: (clientId) => oauth.addOAuthSecret(client, clientId),
    retireOAuthSecret: (clientId, secretId) => oauth.retireOAuthSecret(client, clientId, secretId),
    revokeOAuthClient: (clientId) => oauth.revokeOAuthClient(client, clientId),
  };
}

/** One line for every refused per-user lookup: how many, whose (the first few), and why. */
export function refusedWarning(refused: readonly { user: User; why: string }[]): string {
  const SHOWN = 3;
  const names = refused.slice(0, SHOWN).map((r) => r.user.userName).join(', ');
  const more = refused.length > SHOWN ? ` and ${refused.length - SHOWN} more` : '';
  const whys = [...new Set(refused.map((r) => r.why))].slice(0, SHOWN).join(', ');
  const n = refused.length;
  return `the HMAC key of ${n} user${n === 1 ? '' : 's'} (${names}${more}) could not be looked up (${whys}); ${n === 1 ? 'it is' : 'they are'} unknown and not listed`;
}

function stripCaller(c: Caller): User {
  const { isAdmin: _drop, ...user } = c;
  return user;
}
