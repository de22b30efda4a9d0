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
}

export interface LoadOptions {
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
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
