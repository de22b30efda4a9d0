// The Identity service as screens and commands see it. The implementation talks to the API;
// tests and the TUI's own suites may pass a fake that satisfies the same interface.
import type { AccountType, Credential, Role } from '../model/credential.js';

export interface User {
  userId: string;
  userName: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  accountType: AccountType;
  roles: Role[];
  loginEnabled: boolean;
}

export interface Caller extends User {
  isAdmin: boolean;
}

export interface LoadProgress {
  phase: 'users' | 'credentials' | 'oauth';
  done: number;
  total: number | null;
  /**
   * Set while the load's requests wait for the rate limit (Veracode's 500 a minute, or a 429's
   * Retry-After): when they may go on, epoch ms.
   */
  waitingUntil?: number;
}

/**
 * What one step of a load adds, handed over as soon as it is known (`LoadOptions.onBatch`).
 *
 * Batches only add: no credential is in two batches, none is changed or withdrawn by a later
 * one, and when the load resolves, its Organisation's `credentials` are exactly the union of
 * every batch's (the same objects, in their own order), its `users` the union of every batch's
 * `users`. Keep rows by `id`; on the final Organisation, replace them with it (same objects, the
 * selection stays put). A load that fails or is aborted hands over nothing more.
 */
export interface LoadBatch {
  /**
   * Who is calling. The first batch is the caller alone (no credentials); take the caller of the
   * latest batch: `isAdmin` turns true once the server has let the caller list every user.
   */
  caller: Caller;
  /** The users this batch adds (one page of the user list); absent when it adds none. */
  users?: User[];
  /** The credentials this batch adds (possibly none). */
  credentials: Credential[];
  /** What the server announced (`total_elements`), null until its first page is in. */
  total: { users: number | null; oauth: number | null };
  /**
   * How far the load is, this batch included: users read from the user list, OAuth clients
   * read; `lookups` only when the user list does not carry the keys and each user's is asked
   * for one by one (done of queued so far; queued grows with the user pages).
   */
  done: { users: number; oauth: number; lookups?: { done: number; queued: number } };
  /** Why this batch: the caller, a page of users (with their keys when the list carries them),
   * per-user key lookups, a page of OAuth clients, or superseded pairs found at the end. */
  source: 'caller' | 'users' | 'lookups' | 'oauth' | 'superseded';
}

export interface LoadOptions {
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
  /**
   * Credentials as they arrive (see LoadBatch): the caller first, then each page of users with
   * their HMAC keys (when the list carries them), each batch of per-user key lookups, each page
   * of OAuth clients, pages side by side (`--concurrency`). Called synchronously from the load:
   * keep it cheap (append, schedule a frame), never throw.
   */
  onBatch?: (batch: LoadBatch) => void;
  /**
   * false: the resolved Organisation's `users` and `credentials` are empty, and the load keeps
   * no row it has handed over: for a consumer that takes every row from `onBatch` and lets it go
   * (`list --no-sort --json`), so that 100,000 credentials are never all held at once.
   * Default true.
   */
  keepRows?: boolean;
}

export interface Organisation {
  caller: Caller;
  /** Every user the caller may see: everyone for an admin, only themselves otherwise. */
  users: User[];
  credentials: Credential[];
  /** Longest OAuth client lifetime the organisation allows, in days. */
  maxTtlDays: number;
  /** Parts that could not be loaded, said in words (e.g. the OAuth client list is unavailable). */
  warnings?: string[];
}

/** A freshly generated HMAC pair. The secret exists only here: never lose it. */
export interface GeneratedHmac {
  apiId: string;
  apiSecret: string;
  expiresAt: string | null;
  owner: Pick<User, 'userId' | 'userName' | 'accountType'>;
}

export interface CreateOAuthClientInput {
  name: string;
  description?: string;
  /** ISO 8601. */
  expiresAt: string;
  roles: string[];
  /** Omit to create for the caller. */
  userId?: string;
}

export interface GeneratedOAuthSecret {
  clientId: string;
  secretId: string;
  clientSecret: string;
  createdAt: string | null;
  expiresAt: string | null;
}

export interface CreatedOAuthClient {
  client: Credential;
  secret: GeneratedOAuthSecret;
}

export interface IdentityService {
  self(options?: LoadOptions): Promise<Caller>;
  /** Everything the caller can see: every user's HMAC credential and every OAuth client. */
  loadOrganisation(options?: LoadOptions): Promise<Organisation>;
  listRoles(options?: LoadOptions): Promise<Role[]>;
  /** Omit userId to generate for the caller. The owner's previous pair is revoked by the server. */
  generateHmac(userId?: string): Promise<GeneratedHmac>;
  revokeHmac(apiId: string): Promise<void>;
  /** Expiry of one API id; null when the server does not know it. */
  getHmac(apiId: string): Promise<Credential | null>;
  /**
   * The HMAC key this connection signs with, as the server sees it: the caller's own credential
   * (readable by any user, unlike another id's), else a lookup of that id.
   */
  hmacInUse(apiId: string): Promise<Credential | null>;
  createOAuthClient(input: CreateOAuthClientInput): Promise<CreatedOAuthClient>;
  addOAuthSecret(clientId: string): Promise<GeneratedOAuthSecret>;
  retireOAuthSecret(clientId: string, secretId: string): Promise<void>;
  revokeOAuthClient(clientId: string): Promise<void>;
}
