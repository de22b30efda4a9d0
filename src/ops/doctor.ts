// `vcreds doctor`: gathering the facts (file, environment, one server check per distinct key). The
// rules that turn them into findings are pure, in doctor-rules.ts.
import { isApiError } from '../api/errors.js';
import { CredentialsError } from '../credentials/errors.js';
import { ENV_ID, ENV_PROFILE, ENV_SECRET, readCredentialsFile, type FileProfile } from '../credentials/sources.js';
import { viewOf } from '../model/credential.js';
import { mapLimit } from '../identity/paging.js';
import { KeyFormatError, REGIONS, regionOfHost, validateKey, type RegionName } from '../signing/region.js';
import type { CheckConnection, Env } from './check.js';
import type { DoctorFacts, KeyVerdict, LocalKey } from './doctor-rules.js';
import { messageOf } from './message.js';

export * from './doctor-rules.js';

/** Names other tools use that Veracode's own tools do not read. */
export const NON_STANDARD_VARS = ['VERACODE_API_ID', 'VERACODE_API_KEY'];

/**
 * Keys checked at once. Each check is two requests, and Veracode allows 500 a minute per address:
 * a few in flight keep a large file quick without a burst of 429s (which the client's retry policy
 * waits out, honouring Retry-After, when they come anyway).
 */
export const DOCTOR_CONCURRENCY = 4;

export interface DoctorGatherOptions {
  env: Env;
  credentialsPath: string;
  apiUrl?: string;
  region?: RegionName;
  /** Opens a connection with the key of that env / profile. */
  open: (choice: { env: Env; profile?: string }) => Promise<CheckConnection>;
}

/** Only the given key in the env: no OAuth client, no other key pair, no profile choice. */
function envFor(env: Env, keep: 'env-key' | 'none'): Env {
  const { VERACODE_OAUTH_CLIENT_ID: _a, VERACODE_OAUTH_CLIENT_SECRET: _b, VERACODE_API_PROFILE: _p, ...rest } = env;
  if (keep === 'env-key') return rest;
  const { [ENV_ID]: _id, [ENV_SECRET]: _secret, ...clean } = rest;
  return clean;
}

async function verdictOf(open: () => Promise<CheckConnection>, id: string): Promise<KeyVerdict> {
  try {
    const conn = await open();
    const c = await conn.ctx.service.hmacInUse(id);
    if (!c) return { kind: 'rejected', message: 'the server does not know this key' };
    const v = viewOf(c, conn.ctx.now());
    return { kind: 'status', status: v.status, expiresAt: v.expiresAt, daysLeft: v.daysLeft, supersededUntil: v.supersededUntil ?? null };
  } catch (err) {
    if (isApiError(err) && err.status === 401) return { kind: 'rejected', message: '401' };
    if (err instanceof CredentialsError) return { kind: 'invalid', message: err.message };
    return { kind: 'unreachable', message: messageOf(err) };
  }
}

interface ParsedLocal {
  id: string | null;
  prefixRegion: RegionName | null;
  problem: string | null;
  /** Same id and secret, same answer: the server is asked once per distinct pair (in memory only). */
  pair: string | null;
}

function parseLocal(id: string | undefined, secret: string | undefined, missing: string): ParsedLocal {
  if (!id || !secret) return { id: null, prefixRegion: null, problem: missing, pair: null };
  try {
    const k = validateKey(id, secret);
    return { id: k.id, prefixRegion: k.regionFromPrefix ? k.region : null, problem: null, pair: `${k.id.toLowerCase()}\u0000${k.secret.toLowerCase()}` };
  } catch (err) {
    return { id: null, prefixRegion: null, pair: null, problem: err instanceof KeyFormatError ? `the API key ${err.field} is invalid: ${err.field === 'secret' ? err.rule.replace(/"[^"]{10,}"/g, '(hidden)') : err.rule}` : messageOf(err) };
  }
}

export async function gatherDoctorFacts(o: DoctorGatherOptions): Promise<DoctorFacts> {
  const env = o.env;
  const idSet = Boolean(env[ENV_ID]?.trim());
  const secretSet = Boolean(env[ENV_SECRET]?.trim());

  let file: DoctorFacts['file'];
  let profiles: FileProfile[] = [];
  try {
    const read = readCredentialsFile(o.credentialsPath);
    profiles = read.profiles;
    file = { state: 'ok', mode: read.mode, profiles: profiles.map((p) => p.name) };
  } catch (err) {
    if (err instanceof CredentialsError && err.code === 'file-missing') file = { state: 'missing' };
    else if (err instanceof CredentialsError) file = { state: 'unreadable', message: err.message, hint: err.hint };
    else file = { state: 'unreadable', message: messageOf(err), hint: `Check ${o.credentialsPath}.` };
  }

  const apiUrl = o.apiUrl ?? (o.region ? `https://${REGIONS[o.region].apiHost}` : '');
  let apiRegion: RegionName | null = null;
  if (apiUrl) {
    try {
      apiRegion = regionOfHost(new URL(apiUrl).hostname) ?? null;
    } catch {
      apiRegion = null;
    }
  }

  // Every local key, then one server check per distinct pair: 10,000 profiles holding 10 keys
  // are 10 checks, not 10,000 (which the rate limit would turn into false problems).
  const local: { source: LocalKey['source']; parsed: ParsedLocal; open: () => Promise<CheckConnection> }[] = [];
  if (idSet && secretSet) {
    local.push({ source: { kind: 'env' }, parsed: parseLocal(env[ENV_ID], env[ENV_SECRET], ''), open: () => o.open({ env: envFor(env, 'env-key') }) });
  }
  for (const p of profiles) {
    const missing = [p.id ? null : 'veracode_api_key_id', p.secret ? null : 'veracode_api_key_secret'].filter(Boolean).join(' and ');
    const name = p.name;
    local.push({ source: { kind: 'profile', name, line: p.line }, parsed: parseLocal(p.id, p.secret, `no ${missing} (line ${p.line})`), open: () => o.open({ env: envFor(env, 'none'), profile: name }) });
  }
  const firstHolder = new Map<string, (typeof local)[number]>();
  for (const k of local) if (k.parsed.pair && !firstHolder.has(k.parsed.pair)) firstHolder.set(k.parsed.pair, k);
  const checked = await mapLimit([...firstHolder.values()], DOCTOR_CONCURRENCY, (k) => verdictOf(k.open, k.parsed.id!));
  const verdicts = new Map([...firstHolder.keys()].map((pair, i) => [pair, checked[i]!]));
  const keys: LocalKey[] = local.map(({ source, parsed }) => ({
    source,
    id: parsed.id,
    prefixRegion: parsed.prefixRegion,
    verdict: parsed.problem || !parsed.pair ? { kind: 'invalid', message: parsed.problem ?? '' } : verdicts.get(parsed.pair)!,
  }));

  return {
    credentialsPath: o.credentialsPath,
    file,
    env: {
      idSet,
      secretSet,
      profile: env[ENV_PROFILE]?.trim() || null,
      nonStandard: NON_STANDARD_VARS.filter((n) => env[n]?.trim()),
    },
    apiUrl,
    apiRegion,
    keys,
  };
}
