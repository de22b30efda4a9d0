// `vcreds check`: gathering what to judge (the key in use, every profile, or the organisation).
// The judging itself is pure, in check-rules.ts.
import { isApiError } from '../api/errors.js';
import type { AppContext } from '../app-context.js';
import { CredentialsError } from '../credentials/errors.js';
import { readCredentialsFile } from '../credentials/sources.js';
import { viewOf } from '../model/credential.js';
import type { CheckFailure, CheckSubject } from './check-rules.js';
import { messageOf } from './message.js';

export * from './check-rules.js';

/** What the gathering needs of a connection. */
export interface CheckConnection {
  ctx: AppContext;
  /** The bare id of the HMAC key in use, null with an OAuth client. */
  keyId: string | null;
}

export type Env = Record<string, string | undefined>;

function failure(state: CheckFailure['state'], id: string | null, label: string | null, why: string): CheckFailure {
  return { kind: 'failure', state, id, type: id ? 'hmac' : null, label, reason: why };
}

/** 401 = the server knows and refuses the key (CRITICAL); anything else = cannot tell (UNKNOWN). */
export function classify(err: unknown, id: string | null, label: string | null): CheckFailure {
  if (isApiError(err) && err.status === 401) return failure('CRITICAL', id, label, 'rejected by the server (401: unknown, revoked or expired key)');
  if (err instanceof CredentialsError) return failure('UNKNOWN', id, label, `configuration: ${err.message}`);
  return failure('UNKNOWN', id, label, messageOf(err));
}

/**
 * The gathering, or UNKNOWN once `seconds` have passed: a monitoring check must answer in time,
 * even against a server that never answers (each request alone may wait 30 s, four times).
 */
export async function withinDeadline(work: Promise<CheckSubject[]>, seconds: number, label: string | null): Promise<CheckSubject[]> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<CheckSubject[]>((resolve) => {
    timer = setTimeout(() => resolve([failure('UNKNOWN', null, label, `no answer within ${seconds}s (--timeout ${seconds}); the server or the network is too slow or down`)]), seconds * 1000);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The one key a connection signs with, as the server sees it. */
export async function checkConnectionKey(open: () => Promise<CheckConnection>, label: string | null): Promise<CheckSubject> {
  let conn: CheckConnection;
  try {
    conn = await open();
  } catch (err) {
    return classify(err, null, label);
  }
  if (!conn.keyId) return failure('UNKNOWN', null, label, 'the connection uses an OAuth client, not an HMAC key; use check --org');
  try {
    const c = await conn.ctx.service.hmacInUse(conn.keyId);
    if (!c) return failure('CRITICAL', conn.keyId, label, 'unknown to the server');
    const view = viewOf(c, conn.ctx.now());
    return label && !view.profiles.includes(label) ? { ...view, profiles: [label, ...view.profiles] } : view;
  } catch (err) {
    return classify(err, conn.keyId, label);
  }
}

export async function gatherCurrentKey(open: () => Promise<CheckConnection>, profile: string | null): Promise<CheckSubject[]> {
  return [await checkConnectionKey(open, profile)];
}

/** The environment without the key variables, so each profile is checked with its own key. */
export function withoutEnvKey(env: Env): Env {
  const { VERACODE_API_KEY_ID: _id, VERACODE_API_KEY_SECRET: _secret, VERACODE_API_PROFILE: _p, ...rest } = env;
  return rest;
}

/** Every profile of the credentials file, each checked with its own key (one after another). */
export async function gatherAllProfiles(
  path: string,
  env: Env,
  open: (choice: { env: Env; profile: string }) => Promise<CheckConnection>,
): Promise<CheckSubject[]> {
  let names: string[];
  try {
    names = readCredentialsFile(path).profiles.map((p) => p.name);
  } catch (err) {
    return [classify(err, null, null)];
  }
  if (!names.length) return [failure('UNKNOWN', null, null, `no profiles in ${path}`)];
  const clean = withoutEnvKey(env);
  const out: CheckSubject[] = [];
  for (const name of names) out.push(await checkConnectionKey(() => open({ env: clean, profile: name }), name));
  return oneLinePerKey(out);
}

/** One key held by several profiles is one credential: one line naming every profile. */
export function oneLinePerKey(subjects: readonly CheckSubject[]): CheckSubject[] {
  const isFailure = (s: CheckSubject): s is CheckFailure => 'kind' in s && s.kind === 'failure';
  const byId = new Map<string, CheckSubject>();
  const out: CheckSubject[] = [];
  for (const s of subjects) {
    const first = s.id ? byId.get(s.id) : undefined;
    if (!first) {
      if (s.id) byId.set(s.id, s);
      out.push(s);
    } else if (isFailure(first) && isFailure(s)) {
      first.label = [first.label, s.label].filter(Boolean).join(',');
    } else if (!isFailure(first) && !isFailure(s)) {
      first.profiles = [...new Set([...first.profiles, ...s.profiles])];
    } else {
      out.push(s); // the same key judged two ways (e.g. a network hiccup): show both
    }
  }
  return out;
}

/**
 * Every credential the caller can see. Revoked ones are left out unless a local profile still
 * holds them: a revoked key nobody uses is not an alarm, a revoked key in a profile is.
 */
export async function gatherOrganisation(open: () => Promise<CheckConnection>): Promise<CheckSubject[]> {
  try {
    const { ctx } = await open();
    const org = await ctx.service.loadOrganisation();
    const now = ctx.now();
    return org.credentials.map((c) => viewOf(c, now)).filter((v) => v.status !== 'revoked' || v.profiles.length > 0);
  } catch (err) {
    return [classify(err, null, null)];
  }
}
