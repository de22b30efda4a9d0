// The Identity service over the real API (/api/authn/v2: users, roles, api_credentials; OAuth
// clients through oauth-clients.ts, the one home of that assumed contract).
import { setMaxListeners } from 'node:events';
import type { ApiClient } from '../api/client.js';
import type { ProfileLookup } from '../credentials/profile-index.js';
import { isApiError } from '../api/errors.js';
import type { Credential, Role } from '../model/credential.js';
import { hmacCredential } from './map.js';
import * as oauth from './oauth-clients.js';
import { createInterner, type Interner } from './intern.js';
import { fetchAllPages, getShaped, pageGetter, readShape, streamPages, workQueue } from './paging.js';
import { stillWorking } from './superseded.js';
import type { Caller, GeneratedHmac, IdentityService, LoadBatch, LoadOptions, LoadProgress, Organisation, User } from './types.js';
import { callerOf, parseApiCredential, parseGeneratedHmac, parsePage, parseRole, parseUser, type ApiCredentialInfo } from './wire.js';

const BASE = '/api/authn/v2';
const enc = encodeURIComponent;

export interface IdentityServiceOptions {
  now?: () => number;
  /**
   * Requests in flight at once for per-user lookups and pages. Default: the client's own
   * (`--concurrency`, whose gate bounds every request of the client together), else 8.
   */
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
  const concurrency = Math.max(1, options.concurrency ?? client.concurrency ?? 8);
  const profiles = options.profiles ?? (() => () => []);
  const now = options.now ?? Date.now;
  // Ids this service saw replaced by a newer pair: asked about by id while they still work.
  const replaced = new Set<string>();
  // Users of the last load (the array it returned, not a copy), so generating for one of them
  // needs no extra lookup; and the few looked up one by one since (the caller, other owners).
  let lastUsers: readonly User[] = [];
  const knownUsers = new Map<string, User>();
  const ownerByApiId = new Map<string, User>();
  let caller: Caller | undefined;

  const hmacOf = (user: User, info: ApiCredentialInfo, holding = profiles(), intern?: Interner, remember = true): Credential => {
    if (remember) ownerByApiId.set(info.apiId, user);
    return hmacCredential(user, info, holding(info.apiId), now(), intern);
  };

  /** Pairs that a newer one replaced but that still work: ids seen replaced, ids in local profiles. */
  async function supersededPairs(listed: readonly Credential[], holding: ProfileLookup, o: { signal?: AbortSignal }): Promise<Credential[]> {
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
  async function credentialAt(path: string, signal?: AbortSignal, background = false): Promise<ApiCredentialInfo | null> {
    try {
      return await getShaped(client, path, parseApiCredential, { signal, background });
    } catch (e) {
      if (is(e, 404)) return null;
      throw e;
    }
  }

  /**
   * The caller's own credentials, when the server refuses them the user list (not an admin).
   * `load` is the state of the load under way (its batches, interner and signal).
   */
  async function ownOrganisation(me: Caller, load: Load): Promise<Organisation> {
    const { signal, holding, intern } = load;
    const own = await credentialAt(`${BASE}/api_credentials`, signal);
    load.options.onProgress?.({ phase: 'credentials', done: 1, total: 1 });
    const hmac = own ? [hmacOf(me, own, holding, intern)] : [];
    const user = stripCaller(me);
    load.total.users = 1;
    load.done.users = 1;
    load.emit('users', hmac, [user]);
    const [superseded, clients] = await Promise.all([supersededPairs(hmac, holding, { signal }), oauthClients(me.userId, load)]);
    load.emit('superseded', superseded);
    const credentials = [...hmac, ...superseded, ...clients.credentials];
    return { caller: me, users: [user], credentials, maxTtlDays: oauth.MAX_TTL_DAYS, warnings: clients.warnings };
  }

  async function oauthClients(userId: string | undefined, load: Load): Promise<{ credentials: Credential[]; warnings: string[] }> {
    const o = load.options;
    try {
      const credentials = await oauth.listOAuthClients(client, {
        userId, concurrency, signal: load.signal, intern: load.intern, keep: o.keepRows !== false,
        onPage: (done, total) => o.onProgress?.({ phase: 'oauth', done, total }),
        onClients: (clients, total) => {
          load.total.oauth = total;
          load.done.oauth += clients.length;
          load.emit('oauth', clients);
        },
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
    // The load's own signal: when one part fails (the users, the OAuth clients), the other's
    // requests stop too, and nothing more is handed over.
    const inner = new AbortController();
    // Every request in flight and every one waiting at the client's gate listens to it.
    setMaxListeners(0, inner.signal);
    const stop = () => inner.abort();
    if (o.signal?.aborted) stop();
    else o.signal?.addEventListener('abort', stop, { once: true });
    // A pause for the rate limit is told as progress: the last step, and until when it waits.
    let last: LoadProgress = { phase: 'users', done: 0, total: null };
    let waitingUntil: number | null = null;
    const tell = o.onProgress;
    const onProgress = tell && ((p: LoadProgress) => {
      last = p;
      tell(waitingUntil === null ? p : { ...p, waitingUntil });
    });
    const unsubscribe = tell && client.onRateLimitWait?.((until) => {
      waitingUntil = until;
      onProgress!(last);
    });
    try {
      return await loadAll({ ...o, onProgress }, inner.signal);
    } finally {
      unsubscribe?.();
      inner.abort();
      o.signal?.removeEventListener('abort', stop);
    }
  }

  async function loadAll(o: LoadOptions, signal: AbortSignal): Promise<Organisation> {
    // Who the caller is and the first page of users are asked side by side: the first rows are
    // on screen one round trip sooner. (A refusal of the users is read once the caller is known.)
    const userList = { path: `${BASE}/users`, key: 'users', item: parseUser, query: { detailed: true }, signal };
    const firstUsers = pageGetter(client, userList)(0);
    firstUsers.catch(() => {}); // awaited by streamPages below; a failure of `self` first must not leave it unhandled
    let me = await self({ signal });
    const load = startLoad(me, o, signal);
    load.emit('caller', []);
    const { holding, intern, total, done } = load;
    const keep = o.keepRows !== false;
    // The superseded pairs asked about at the end are the few ids seen replaced or held by local
    // profiles that the list does not show: only those ids' listing is remembered.
    const candidates = new Set([...replaced, ...(holding.ids ?? [])].map((id) => id.toLowerCase()));
    const listedCandidates: Credential[] = [];
    const made = (user: User, info: ApiCredentialInfo): Credential => {
      const c = hmacOf(user, info, holding, intern, keep);
      if (candidates.has(c.id.toLowerCase())) listedCandidates.push(c);
      return c;
    };
    // Pages arrive side by side; each is kept by its number so that the final lists are in the
    // server's order. A page's answer is dropped once its users and keys are taken from it.
    const userPages: User[][] = [];
    const hmacPages: (Credential | null)[][] = [];
    // A list that carries api_credentials for anyone carries it for everyone who has one, so a
    // user without the key then has none. Only users of a list that carries it for nobody are
    // asked one by one (that can be thousands of requests, so it is worth avoiding).
    let listCarries = false;
    // One user's key refused (403 for that account, a 500 that outlived the retries) leaves that
    // key unknown and says so; it does not cost the caller every other user's key.
    const refused: { user: User; why: string }[] = [];
    const lookups = { done: 0, queued: 0 };
    let found: Credential[] = [];
    let flushedAt = 0;
    const flushLookups = () => {
      if (lookups.done === flushedAt) return;
      flushedAt = lookups.done;
      const batch = found;
      found = [];
      load.emit('lookups', batch);
    };
    const lookup = workQueue<{ user: User; page: number; index: number }>(concurrency, async (job) => {
      // The list turned out to carry the keys (a later page did): this user has none.
      let info: ApiCredentialInfo | null = null;
      if (!listCarries) {
        try {
          info = await credentialAt(`${BASE}/api_credentials/user_id/${enc(job.user.userId)}`, signal, true);
        } catch (e) {
          if (!isApiError(e) || e.kind !== 'http') throw e;
          refused.push({ user: job.user, why: e.status ? `HTTP ${e.status}` : e.message });
        }
      }
      lookups.done++;
      if (info) {
        const c = made(job.user, info);
        if (keep) hmacPages[job.page]![job.index] = c;
        found.push(c);
      }
      o.onProgress?.({ phase: 'credentials', done: lookups.done, total: lookups.queued });
      if (lookups.done - flushedAt >= concurrency || lookups.done === lookups.queued) flushLookups();
    });

    let oauthRun: Promise<{ credentials: Credential[]; warnings: string[] }> | undefined;
    // Ask for everyone whatever the caller's role names say: the server decides who may list users
    // (role names differ between installations), and a 403 means "only your own".
    try {
      await streamPages(client, {
        ...userList, concurrency, first: firstUsers,
        onPage: (n, t) => o.onProgress?.({ phase: 'users', done: n, total: t }),
        onItems: (parsed, page, t) => {
          if (page === 0) {
            if (!me.isAdmin) me = caller = { ...me, isAdmin: true };
            load.caller = me;
            knownUsers.clear();
            lastUsers = [];
            if (!keep) ownerByApiId.clear();
            // The OAuth clients load beside the remaining user pages.
            oauthRun = oauthClients(undefined, load);
            oauthRun.catch(() => {}); // awaited below; a users failure first must not leave it unhandled
          }
          total.users = t;
          if (parsed.some((p) => p.apiCredential !== undefined)) listCarries = true;
          const users = new Array<User>(parsed.length);
          const hmac = new Array<Credential | null>(parsed.length).fill(null);
          const batch: Credential[] = [];
          for (let i = 0; i < parsed.length; i++) {
            const { user, apiCredential } = parsed[i]!;
            user.roles = intern.roles(user.roles);
            // Most users' e-mail address is their user name: one string, not two.
            if (user.email === user.userName) user.email = user.userName;
            users[i] = user;
            if (apiCredential) batch.push((hmac[i] = made(user, apiCredential)));
            else if (apiCredential === undefined && !listCarries) {
              lookups.queued++;
              lookup.push({ user, page, index: i });
            }
          }
          if (keep) {
            userPages[page] = users;
            hmacPages[page] = hmac;
          }
          done.users += parsed.length;
          if (lookups.queued) done.lookups = lookups;
          load.emit('users', batch, users);
        },
      });
    } catch (e) {
      if (is(e, 403) && done.users === 0) return ownOrganisation((caller = load.caller = { ...me, isAdmin: false }), load);
      throw e;
    }
    if (lookups.queued) o.onProgress?.({ phase: 'credentials', done: lookups.done, total: lookups.queued });
    await lookup.drained();
    flushLookups();
    const hmac: Credential[] = [];
    for (const page of hmacPages) for (const c of page) if (c) hmac.push(c);
    const [superseded, clients] = await Promise.all([supersededPairs(listedCandidates, holding, { signal }), oauthRun!]);
    load.emit('superseded', superseded);
    const warnings = refused.length ? [refusedWarning(refused), ...clients.warnings] : clients.warnings;
    const credentials = keep ? [...hmac, ...superseded, ...clients.credentials] : [];
    const users = userPages.flat();
    if (keep) lastUsers = users;
    return { caller: me, users, credentials, maxTtlDays: oauth.MAX_TTL_DAYS, warnings };
  }

  /** The state one load shares between its parts: batches, totals, interner, the profiles snapshot. */
  interface Load {
    caller: Caller;
    options: LoadOptions;
    signal: AbortSignal;
    holding: ProfileLookup;
    intern: Interner;
    total: LoadBatch['total'];
    done: LoadBatch['done'];
    emit(source: LoadBatch['source'], credentials: Credential[], users?: User[]): void;
  }

  function startLoad(me: Caller, options: LoadOptions, signal: AbortSignal): Load {
    const load: Load = {
      caller: me,
      options,
      signal,
      holding: profiles(),
      intern: createInterner(),
      total: { users: null, oauth: null },
      done: { users: 0, oauth: 0 },
      emit(source, credentials, users) {
        const on = options.onBatch;
        if (!on || signal.aborted) return;
        // An empty step says nothing new, except the caller (first) and lookups (progress).
        if (!credentials.length && !users?.length && source !== 'caller' && source !== 'lookups') return;
        const { lookups } = load.done;
        on({
          caller: load.caller,
          ...(users ? { users } : {}),
          credentials,
          total: { ...load.total },
          done: { users: load.done.users, oauth: load.done.oauth, ...(lookups ? { lookups: { ...lookups } } : {}) },
          source,
        });
      },
    };
    return load;
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
    // A scan of the last load's users costs a millisecond once per create; a map of them would
    // cost every load of 80,000 users ~5 MB and a set per user.
    const known = knownUsers.get(userId) ?? lastUsers.find((u) => u.userId === userId);
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
