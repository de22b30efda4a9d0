// Builds the AppContext the commands and the TUI run on: which key, which API, which client.
//
// Key choice: VERACODE_OAUTH_CLIENT_ID + VERACODE_OAUTH_CLIENT_SECRET (both set) select an OAuth
// client; otherwise VERACODE_API_KEY_ID + VERACODE_API_KEY_SECRET, otherwise the profile of
// ~/.veracode/credentials (see src/credentials). API choice: --api-url > --region > the profile's
// own API URL > the configured one > the key's region prefix > api.veracode.com.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseBaseUrl } from './api/base-url.js';
import { createApiClient, type ApiClient, type ApiAuth } from './api/client.js';
import { isApiError } from './api/errors.js';
import type { AppContext, Connection } from './app-context.js';
import { CredentialsError } from './credentials/errors.js';
import { profileSnapshots } from './credentials/profile-index.js';
import { defaultCredentialsPath, resolveApiKey, type ApiKey } from './credentials/sources.js';
import { startEmulator } from './emulator/index.js';
import { createIdentityService } from './identity/service.js';
import { REGIONS, validateKey, type RegionName } from './signing/region.js';

type Env = Record<string, string | undefined>;

export const ENV_OAUTH_ID = 'VERACODE_OAUTH_CLIENT_ID';
export const ENV_OAUTH_SECRET = 'VERACODE_OAUTH_CLIENT_SECRET';

export interface ConnectOptions {
  env?: Env;
  profile?: string;
  /** From the command line (--api-url): wins over everything else. */
  apiUrl?: string;
  region?: RegionName;
  /**
   * The API URL kept for a profile (`vcreds config set api-url URL --profile NAME`), asked for the
   * profile the key comes from: used when neither apiUrl nor region is given, before configuredApiUrl.
   */
  profileApiUrl?: (profile: string) => string | undefined;
  /** The API URL kept for every profile (`vcreds config set api-url URL`): after the profile's own. */
  configuredApiUrl?: string;
  credentialsPath?: string;
  debug?: (line: string) => void;
  now?: () => number;
  readOnly?: boolean;
  /** Per-attempt timeout of API requests. */
  timeoutMs?: number;
  /** Pauses before asking again when a just-created credential is refused (default 1 s, 2 s). */
  proofRetryDelaysMs?: readonly number[];
  /** API requests in flight at once (`--concurrency`; 1 = one at a time). Default 8. */
  concurrency?: number;
}

export interface OAuthClientKey {
  clientId: string;
  source: { kind: 'oauth' };
}

export interface Connected {
  ctx: AppContext;
  client: ApiClient;
  key: ApiKey | OAuthClientKey;
  /** Set when the API host is in another region than the key's prefix names: it will likely get 401. */
  regionMismatch?: string;
}

/** The OAuth client from the environment, or undefined when neither variable is set. */
export function oauthFromEnv(env: Env): { clientId: string; clientSecret: string } | undefined {
  const clientId = env[ENV_OAUTH_ID]?.trim();
  const clientSecret = env[ENV_OAUTH_SECRET]?.trim();
  if (clientId && clientSecret) return { clientId, clientSecret };
  if (clientId || clientSecret) {
    const [set, missing] = clientId ? [ENV_OAUTH_ID, ENV_OAUTH_SECRET] : [ENV_OAUTH_SECRET, ENV_OAUTH_ID];
    throw new CredentialsError('env-incomplete', `${set} is set but ${missing} is not.`, `Set both ${ENV_OAUTH_ID} and ${ENV_OAUTH_SECRET}, or unset ${set}.`);
  }
  return undefined;
}

function mismatchWarning(hostRegion: RegionName | null, keyRegion: RegionName, fromPrefix: boolean): string | undefined {
  if (!fromPrefix || !hostRegion || hostRegion === keyRegion) return undefined;
  return `The key's prefix names the ${REGIONS[keyRegion].label} region but requests go to ${REGIONS[hostRegion].apiHost}; Veracode will likely reject the key there.`;
}

type ProverOptions = { debug?: (l: string) => void; now?: () => number; env: Env; timeoutMs?: number; proofRetryDelaysMs?: readonly number[] };

/**
 * A credential created a moment ago may take a moment to be accepted everywhere behind the API:
 * a 401 is asked again after these pauses before the proof counts as failed.
 */
const PROOF_RETRY_DELAYS_MS = [1_000, 2_000];

/** A call to /users/self with the given credential (an OAuth one first exchanges it for a token). */
async function prove(baseUrl: string, auth: ApiAuth, label: string, o: ProverOptions): Promise<void> {
  const client = createApiClient({ baseUrl, auth, debug: o.debug, now: o.now, env: o.env, timeoutMs: o.timeoutMs, credentialLabel: label });
  const delays = o.proofRetryDelaysMs ?? PROOF_RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      await client.request('GET', '/api/authn/v2/users/self');
      return;
    } catch (err) {
      const delay = delays[attempt];
      if (delay === undefined || !isApiError(err) || err.status !== 401) throw err;
      o.debug?.(`[prove] ${label} was refused (401); asking again in ${delay} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function proversFor(baseUrl: string, o: ProverOptions): Pick<AppContext, 'proveHmacKey' | 'proveOAuthSecret'> {
  return {
    proveHmacKey: async (key) => {
      const checked = validateKey(key.id, key.secret);
      await prove(baseUrl, { kind: 'hmac', id: checked.id, secret: checked.secret }, 'the new key', o);
    },
    proveOAuthSecret: (clientId, clientSecret) => prove(baseUrl, { kind: 'oauth', clientId, clientSecret }, 'the new OAuth secret', o),
  };
}

/** --api-url, else (without --region) the profile's own API URL, else the configured one. */
function keptApiUrl(options: ConnectOptions, profile: string | null): string | undefined {
  if (options.apiUrl || options.region) return options.apiUrl;
  return (profile !== null ? options.profileApiUrl?.(profile) : undefined) ?? options.configuredApiUrl;
}

export async function connect(options: ConnectOptions = {}): Promise<Connected> {
  const env = options.env ?? process.env;
  const credentialsPath = options.credentialsPath ?? defaultCredentialsPath(env);
  const oauth = oauthFromEnv(env);
  let auth: ApiAuth;
  let key: ApiKey | OAuthClientKey;
  let credentialLabel: string;
  let profile: string | null = null;
  let source: Connection['source'];
  let keyRegion: RegionName | undefined;
  let regionFromPrefix = false;
  if (oauth) {
    auth = { kind: 'oauth', ...oauth };
    key = { clientId: oauth.clientId, source: { kind: 'oauth' } };
    credentialLabel = `the OAuth client in ${ENV_OAUTH_ID} / ${ENV_OAUTH_SECRET}`;
    source = 'oauth';
  } else {
    const apiKey = resolveApiKey({ env, profile: options.profile, path: credentialsPath });
    auth = { kind: 'hmac', id: apiKey.id, secret: apiKey.secret };
    key = apiKey;
    keyRegion = apiKey.region;
    regionFromPrefix = apiKey.regionFromPrefix;
    if (apiKey.source.kind === 'file') {
      profile = apiKey.source.profile;
      credentialLabel = `profile [${profile}] of ${apiKey.source.path}`;
      source = 'file';
    } else {
      credentialLabel = 'VERACODE_API_KEY_ID / VERACODE_API_KEY_SECRET';
      source = 'env';
    }
  }
  const choice = chooseBaseUrl({ apiUrl: keptApiUrl(options, profile), region: options.region, keyRegion: regionFromPrefix ? keyRegion : undefined });
  const regionMismatch = keyRegion ? mismatchWarning(choice.hostRegion, keyRegion, regionFromPrefix) : undefined;
  const client = createApiClient({ baseUrl: choice.baseUrl, auth, debug: options.debug, now: options.now, env, credentialLabel, timeoutMs: options.timeoutMs, concurrency: options.concurrency });
  // The service pages and looks up as many at a time as the client lets through (its gate).
  const service = createIdentityService(client, { now: options.now, profiles: profileSnapshots(credentialsPath), concurrency: client.concurrency });
  const ctx: AppContext = {
    service,
    connection: { apiUrl: client.baseUrl, region: choice.hostRegion, profile, source, isDemo: false },
    credentialsPath,
    readOnly: options.readOnly ?? false,
    now: options.now ?? Date.now,
    signingKeyId: () => client.signingKeyId(),
    ...proversFor(client.baseUrl, { ...options, env }),
  };
  return { ctx, client, key, regionMismatch };
}

export interface DemoOptions {
  debug?: (line: string) => void;
  users?: number;
  seed?: number;
  /** Where the demo's credentials file lives; default a fresh temporary directory (never ~/.veracode). */
  credentialsPath?: string;
  /** API requests in flight at once (`--concurrency`). */
  concurrency?: number;
}

/** Starts the emulator in this process and connects to it as its admin. */
export async function connectDemo(options: DemoOptions = {}): Promise<Connected & { close(): Promise<void> }> {
  const emulator = await startEmulator({ users: options.users ?? 60, seed: options.seed });
  const tempDir = options.credentialsPath ? undefined : mkdtempSync(join(tmpdir(), 'vcreds-demo-'));
  const credentialsPath = options.credentialsPath ?? join(tempDir!, 'credentials');
  const env: Env = {};
  const client = createApiClient({
    baseUrl: emulator.apiUrl, auth: { kind: 'hmac', id: emulator.admin.id, secret: emulator.admin.secret },
    debug: options.debug, env, credentialLabel: 'the demo admin key', concurrency: options.concurrency,
  });
  const service = createIdentityService(client, { profiles: profileSnapshots(credentialsPath), concurrency: client.concurrency });
  const checked = validateKey(emulator.admin.id, emulator.admin.secret);
  const key: ApiKey = { ...checked, rawId: emulator.admin.id, source: { kind: 'env' } };
  const ctx: AppContext = {
    service,
    connection: { apiUrl: client.baseUrl, region: null, profile: null, source: 'demo', isDemo: true },
    credentialsPath,
    readOnly: false,
    now: Date.now,
    signingKeyId: () => client.signingKeyId(),
    ...proversFor(client.baseUrl, { debug: options.debug, env }),
  };
  return {
    ctx, client, key,
    async close() {
      await emulator.close();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
