// A fake IdentityService over an in-memory organisation, with a fixed clock, so TUI suites run
// without the API or the emulator. Every call is recorded in `calls` ("method arg…").
import type { AppContext, Connection } from '../../src/app-context.js';
import type { Credential, Role } from '../../src/model/credential.js';
import type {
  Caller, CreateOAuthClientInput, CreatedOAuthClient, GeneratedHmac, GeneratedOAuthSecret,
  IdentityService, LoadOptions, Organisation, User,
} from '../../src/identity/types.js';

/** The fixed "now" of every fake: 2026-11-26T12:00:00Z. */
export const FAKE_NOW = Date.parse('2026-11-26T12:00:00Z');
const DAY = 86_400_000;
const iso = (offsetDays: number) => new Date(FAKE_NOW + offsetDays * DAY).toISOString();

export const ROLES: Role[] = [
  { name: 'Administrator', description: 'Manage users and settings' },
  { name: 'Creator', description: 'Create applications' },
  { name: 'Security Lead' },
  { name: 'Reviewer' },
  { name: 'Upload API', description: 'Upload and scan via API' },
  { name: 'Results API' },
];
const role = (...names: string[]) => ROLES.filter((r) => names.includes(r.name));

function user(userId: string, userName: string, accountType: 'user' | 'api', roles: Role[]): User {
  return { userId, userName, email: accountType === 'user' ? userName : null, firstName: null, lastName: null, accountType, roles, loginEnabled: true };
}

export const FAKE_USERS: User[] = [
  user('u-alice', 'alice@example.com', 'user', role('Administrator', 'Security Lead', 'Creator')),
  user('u-bob', 'bob@example.com', 'user', role('Creator', 'Reviewer')),
  user('u-carol', 'carol@example.com', 'user', role('Reviewer')),
  user('u-dave', 'dave@example.com', 'user', role('Security Lead', 'Reviewer')),
  user('u-ci', 'ci-bot', 'api', role('Upload API', 'Results API')),
  user('u-scan', 'scanner-api', 'api', role('Upload API')),
];

function owner(userId: string) {
  const u = FAKE_USERS.find((x) => x.userId === userId)!;
  return { userId: u.userId, userName: u.userName, accountType: u.accountType };
}

function hmac(id: string, userId: string, expiresIn: number, extra: Partial<Credential> = {}): Credential {
  return {
    id, type: 'hmac', name: null, description: null, owner: owner(userId),
    expiresAt: iso(expiresIn), createdAt: iso(expiresIn - 365), revokedAt: null,
    roles: FAKE_USERS.find((u) => u.userId === userId)!.roles, secrets: [], profiles: [], ...extra,
  };
}

function oauth(id: string, name: string, userId: string, expiresIn: number, roles: string[], extra: Partial<Credential> = {}): Credential {
  return {
    id, type: 'oauth', name, description: `${name} client`, owner: owner(userId),
    expiresAt: iso(expiresIn), createdAt: iso(Math.min(expiresIn - 90, -10)), revokedAt: null, roles: role(...roles),
    secrets: [{ secretId: `${id}-s1`, createdAt: iso(Math.min(expiresIn - 90, -10)), expiresAt: iso(expiresIn) }], profiles: [], ...extra,
  };
}

/**
 * Every status, both types, user and API accounts:
 * expired, urgent (‼ within a day), expiring (5 days), active, revoked.
 */
export function fakeCredentials(): Credential[] {
  return [
    hmac('a1b2c3d4e5f60718293a4b5c6d7e8f90', 'u-alice', 200, { profiles: ['default', 'work'] }),
    hmac('b2c3d4e5f60718293a4b5c6d7e8f9a01', 'u-bob', 5),
    hmac('c3d4e5f60718293a4b5c6d7e8f9a0b12', 'u-carol', -3),
    hmac('d4e5f60718293a4b5c6d7e8f9a0b1c23', 'u-dave', 30, { revokedAt: iso(-10) }),
    hmac('e5f60718293a4b5c6d7e8f9a0b1c2d34', 'u-ci', 0.5),
    oauth('0a1b2c3d-1111-4000-8000-000000000001', 'ci-pipeline', 'u-ci', 80, ['Upload API', 'Results API']),
    oauth('0a1b2c3d-2222-4000-8000-000000000002', 'nightly-scan', 'u-scan', 5, ['Upload API']),
    oauth('0a1b2c3d-3333-4000-8000-000000000003', 'github-actions', 'u-alice', -1, ['Creator']),
    oauth('0a1b2c3d-4444-4000-8000-000000000004', 'old-integration', 'u-bob', 60, ['Reviewer'], { revokedAt: iso(-2) }),
    oauth('0a1b2c3d-5555-4000-8000-000000000005', 'release-dashboard-with-a-rather-long-name', 'u-alice', 0.25, ['Security Lead']),
  ];
}

/** n synthetic credentials (for window and speed tests); expiries spread over -30..+335 days. */
export function manyCredentials(n: number): Credential[] {
  const out: Credential[] = [];
  for (let i = 0; i < n; i++) {
    const id = i.toString(16).padStart(32, '0');
    const u = FAKE_USERS[i % FAKE_USERS.length]!;
    const days = (i * 7) % 365 - 30;
    out.push(i % 3 === 0
      ? oauth(`00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`, `client-${String(i).padStart(5, '0')}`, u.userId, days, ['Reviewer'])
      : hmac(id, u.userId, days, { revokedAt: i % 17 === 0 ? iso(-1) : null }));
  }
  return out;
}

export interface FakeServiceOptions {
  credentials?: Credential[];
  caller?: Partial<Caller>;
  /** Fail this many loadOrganisation calls before succeeding (true = always fail). */
  failLoads?: number | boolean;
  failMessage?: string;
  /** Milliseconds loadOrganisation takes (reports progress meanwhile). */
  loadDelayMs?: number;
  maxTtlDays?: number;
  /** What a load reports it could not do (e.g. the OAuth endpoints are missing). */
  warnings?: string[];
}

export type FakeService = IdentityService & { calls: string[]; credentials: Credential[] };

export function createFakeService(options: FakeServiceOptions = {}): FakeService {
  const calls: string[] = [];
  const credentials = (options.credentials ?? fakeCredentials()).map((c) => structuredClone(c));
  const alice = FAKE_USERS[0]!;
  const caller: Caller = { ...alice, isAdmin: true, ...options.caller };
  let failuresLeft = options.failLoads === true ? Infinity : options.failLoads || 0;
  let seq = 0;

  const find = (id: string) => {
    const c = credentials.find((x) => x.id === id);
    if (!c) throw new Error(`No credential with id ${id}`);
    return c;
  };
  const newSecret = (clientId: string, expiresAt: string | null): GeneratedOAuthSecret => {
    seq += 1;
    return { clientId, secretId: `${clientId}-n${seq}`, clientSecret: `fake-secret-${seq}`, createdAt: iso(0), expiresAt };
  };

  const service: FakeService = {
    calls,
    credentials,
    async self() {
      calls.push('self');
      return caller;
    },
    async loadOrganisation(opts: LoadOptions = {}): Promise<Organisation> {
      calls.push('loadOrganisation');
      const users = caller.isAdmin ? FAKE_USERS : FAKE_USERS.filter((u) => u.userId === caller.userId);
      const total = users.length;
      const steps = 4;
      for (let i = 1; i <= steps; i++) {
        if (opts.signal?.aborted) throw new Error('aborted');
        opts.onProgress?.({ phase: 'users', done: Math.round((total * i) / steps), total });
        if (options.loadDelayMs) await new Promise((r) => setTimeout(r, options.loadDelayMs! / steps));
      }
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error(options.failMessage ?? 'Identity API answered 503 Service Unavailable');
      }
      const visible = caller.isAdmin ? credentials : credentials.filter((c) => c.owner.userId === caller.userId);
      return { caller, users, credentials: visible.map((c) => structuredClone(c)), maxTtlDays: options.maxTtlDays ?? 365, warnings: options.warnings };
    },
    async listRoles() {
      calls.push('listRoles');
      return ROLES;
    },
    async generateHmac(userId?: string): Promise<GeneratedHmac> {
      calls.push(`generateHmac ${userId ?? 'self'}`);
      const u = FAKE_USERS.find((x) => x.userId === (userId ?? caller.userId)) ?? caller;
      for (const c of credentials) if (c.type === 'hmac' && c.owner.userId === u.userId && !c.revokedAt) c.revokedAt = iso(0);
      seq += 1;
      const apiId = `f${seq}`.padEnd(32, '0');
      credentials.push(hmac(apiId, FAKE_USERS.includes(u) ? u.userId : alice.userId, 365));
      return { apiId, apiSecret: `${seq}`.padEnd(128, 'a'), expiresAt: iso(365), owner: { userId: u.userId, userName: u.userName, accountType: u.accountType } };
    },
    async revokeHmac(apiId: string) {
      calls.push(`revokeHmac ${apiId}`);
      find(apiId).revokedAt = iso(0);
    },
    async hmacInUse(apiId: string) {
      calls.push(`hmacInUse ${apiId}`);
      return credentials.find((c) => c.id === apiId) ?? null;
    },
    async getHmac(apiId: string) {
      calls.push(`getHmac ${apiId}`);
      return credentials.find((c) => c.id === apiId) ?? null;
    },
    async createOAuthClient(input: CreateOAuthClientInput): Promise<CreatedOAuthClient> {
      calls.push(`createOAuthClient ${input.name}`);
      seq += 1;
      const id = `0a1b2c3d-9999-4000-8000-${String(seq).padStart(12, '0')}`;
      const client: Credential = {
        ...oauth(id, input.name, input.userId ?? caller.userId, 0, input.roles),
        description: input.description ?? null, expiresAt: input.expiresAt, createdAt: iso(0), secrets: [],
      };
      const secret = newSecret(id, input.expiresAt);
      client.secrets.push({ secretId: secret.secretId, createdAt: secret.createdAt, expiresAt: secret.expiresAt });
      credentials.push(client);
      return { client: structuredClone(client), secret };
    },
    async addOAuthSecret(clientId: string) {
      calls.push(`addOAuthSecret ${clientId}`);
      const c = find(clientId);
      const s = newSecret(clientId, c.expiresAt);
      c.secrets.push({ secretId: s.secretId, createdAt: s.createdAt, expiresAt: s.expiresAt });
      return s;
    },
    async retireOAuthSecret(clientId: string, secretId: string) {
      calls.push(`retireOAuthSecret ${clientId} ${secretId}`);
      const c = find(clientId);
      c.secrets = c.secrets.filter((s) => s.secretId !== secretId);
    },
    async revokeOAuthClient(clientId: string) {
      calls.push(`revokeOAuthClient ${clientId}`);
      find(clientId).revokedAt = iso(0);
    },
  };
  return service;
}

/** The organisation a fake service's first load answers, built synchronously (for pure tests of the app's model). */
export function fakeOrganisation(options: FakeServiceOptions = {}): Organisation {
  const alice = FAKE_USERS[0]!;
  const caller: Caller = { ...alice, isAdmin: true, ...options.caller };
  const users = caller.isAdmin ? FAKE_USERS : FAKE_USERS.filter((u) => u.userId === caller.userId);
  const credentials = (options.credentials ?? fakeCredentials()).map((c) => structuredClone(c));
  const visible = caller.isAdmin ? credentials : credentials.filter((c) => c.owner.userId === caller.userId);
  return { caller, users, credentials: visible, maxTtlDays: options.maxTtlDays ?? 365, warnings: options.warnings };
}

export function fakeConnection(overrides: Partial<Connection> = {}): Connection {
  return { apiUrl: 'https://api.veracode.com', region: 'com', profile: 'default', source: 'file', isDemo: false, ...overrides };
}

export interface FakeContextOverrides extends Partial<Omit<AppContext, 'connection'>> {
  connection?: Partial<Connection>;
  serviceOptions?: FakeServiceOptions;
}

/** An AppContext over a fake service; `now` fixed at 2026-11-26T12:00:00Z; proofs succeed. */
export function fakeContext(overrides: FakeContextOverrides = {}): AppContext & { service: FakeService } {
  const { connection, serviceOptions, ...rest } = overrides;
  return {
    service: createFakeService(serviceOptions),
    connection: fakeConnection(connection),
    credentialsPath: '/tmp/vcreds-test-credentials',
    readOnly: false,
    now: () => FAKE_NOW,
    signingKeyId: () => null,
    proveHmacKey: async () => {},
    proveOAuthSecret: async () => {},
    ...rest,
  } as AppContext & { service: FakeService };
}
