// Rotation, shared by `vcreds rotate` and the TUI. Each step is reported rather than thrown, so a
// caller always learns the new secret once the server has created it (it exists nowhere else).
import type { AppContext } from '../app-context.js';
import { bareId, defaultCredentialsPath, readCredentialsFile } from '../credentials/sources.js';
import { lockCredentials } from '../credentials/lock.js';
import { restoreBackup, writeProfiles } from '../credentials/writer.js';
import type { GeneratedHmac } from '../identity/types.js';
import type { Credential, OAuthSecret } from '../model/credential.js';
import { validPrefixOf, withPrefix } from '../signing/region.js';
import type { HmacRotationResult, OAuthRotationResult } from './rotate-types.js';
import { refusalOf } from './actions.js';
import { holdSecret } from './held-secrets.js';
import { messageOf } from './message.js';
import { OpRefused } from './op-refused.js';
import { interruptedBy, setCriticalState } from './signal-guard.js';

/** Kept as a name of its own: callers tell a refused rotation from a failed one. */
export class RotationRefused extends OpRefused {
  constructor(message: string, hint: string) {
    super(message, hint);
    this.name = 'RotationRefused';
  }
}

function refuseIfBarred(ctx: AppContext, target: Credential): void {
  const refusal = refusalOf('rotate', { readOnly: ctx.readOnly, signingKeyId: ctx.signingKeyId() }, target);
  if (refusal) throw new RotationRefused(refusal, ctx.readOnly ? 'Run again without --read-only.' : '');
}

export interface RotateHmacOptions {
  credentialsPath?: string;
  /**
   * Profiles that held the key when the caller chose it (before the lock). If one no longer does
   * under the lock, another vcreds rotated it meanwhile: nothing is changed, since generating again
   * would retire the pair that run has just saved.
   */
  expectProfiles?: readonly string[];
  /** Revoke the previous key as soon as the new one is proven (a leaked key), instead of the server's grace. */
  revokeOld?: boolean;
  /** How long to wait for another vcreds holding the credentials file's lock. */
  lockWaitMs?: number;
}

/** How long Veracode keeps a replaced pair working after a new one is generated. */
export const RENEWAL_GRACE_MS = 24 * 3_600_000;

/**
 * A new pair for the target's owner, every local profile that held the old id rewritten in ONE
 * atomic write, then a signed call with the new key, then (revokeOld) the old key revoked. If the
 * proof fails, the credentials file is put back as it was (the old key still works for a while)
 * and the new pair is still returned. The credentials file is locked from before the new pair is
 * asked for until the end, and re-read under the lock.
 */
export async function rotateHmac(ctx: AppContext, target: Credential, options: RotateHmacOptions = {}): Promise<HmacRotationResult> {
  if (target.type !== 'hmac') throw new RotationRefused(`${target.id} is an OAuth client, not an HMAC key`, 'Use OAuth rotation for OAuth clients.');
  if (target.revokedAt && !ctx.readOnly) throw new RotationRefused(`the HMAC key ${target.id} is revoked`, `Create a new one instead: vcreds create hmac --user ${target.owner.userName}`);
  refuseIfBarred(ctx, target);
  const path = options.credentialsPath ?? ctx.credentialsPath ?? defaultCredentialsPath();
  setCriticalState(`waiting for the lock on ${path} (nothing created yet)`);
  const lock = await lockCredentials(path, { waitMs: options.lockWaitMs });
  try {
    return await rotateHmacLocked(ctx, target, path, options);
  } finally {
    lock.release();
  }
}

async function rotateHmacLocked(ctx: AppContext, target: Credential, path: string, options: RotateHmacOptions): Promise<HmacRotationResult> {
  // Read under the lock and before generating: a broken file is found before anything changes on
  // the server, and a profile another vcreds has just rotated is seen as it is now.
  const holders = profilesHolding(path, target.id);
  const gone = (options.expectProfiles ?? []).filter((p) => !holders.some((h) => h.name === p));
  if (gone.length) {
    const now = gone.map((p) => `[${p}] holds ${keyOfProfile(path, p) ?? 'no key'}`).join(', ');
    throw new RotationRefused(
      `profile ${gone.map((p) => `[${p}]`).join(', ')} no longer holds the key ${target.id} (${now}): another vcreds rotated or replaced it meanwhile; nothing was changed`,
      'Run vcreds list to see the keys as they are now, then rotate again if needed.',
    );
  }
  const caller = await ctx.service.self();
  if (interruptedBy()) throw new RotationRefused(`interrupted (${interruptedBy()}) before a new key was asked for: nothing was changed`, '');
  setCriticalState(`the server is generating the new key for ${target.owner.userName} (vcreds waits for its answer: the secret is shown only once)`);
  const generated: GeneratedHmac = await ctx.service.generateHmac(target.owner.userId === caller.userId ? undefined : target.owner.userId);
  const generatedAt = ctx.now();
  const held = holdSecret(
    {
      kind: 'hmac', id: generated.apiId, secret: generated.apiSecret, name: null,
      ownerName: generated.owner.userName || target.owner.userName, expiresAt: generated.expiresAt, staleProfiles: holders.map((h) => h.name),
    },
    {
      credentialsPath: path,
      ownerId: generated.owner.userId || target.owner.userId,
      intent: { action: 'rotate', profiles: holders.map((h) => ({ name: h.name, idPrefix: h.idPrefix, secretPrefix: h.secretPrefix, replaces: h.id })) },
    },
  );

  const result: HmacRotationResult = {
    generated, held, profilesUpdated: [], backupPath: null, write: 'skipped', proof: 'skipped', restored: false, problems: [],
    oldKey: { id: target.id, revoked: 'no', worksUntil: new Date(generatedAt + RENEWAL_GRACE_MS).toISOString() },
  };
  if (held.journalProblem) result.problems.push(held.journalProblem);
  if (holders.length) {
    setCriticalState(`saving the new key ${generated.apiId} to ${holders.map((h) => `[${h.name}]`).join(', ')} of ${path}`);
    try {
      const written = writeProfiles(
        path,
        holders.map((h) => ({ profile: h.name, id: withPrefix(generated.apiId, h.idPrefix), secret: withPrefix(generated.apiSecret, h.secretPrefix) })),
      );
      result.write = 'ok';
      result.profilesUpdated = holders.map((h) => h.name);
      result.backupPath = written.backupPath;
      result.problems.push(...written.warnings);
    } catch (err) {
      result.write = 'failed';
      result.problems.push(`the credentials file was not updated: ${messageOf(err)}`);
    }
  }

  const where = result.write === 'ok' ? `the new key ${generated.apiId} is saved to ${result.profilesUpdated.map((p) => `[${p}]`).join(', ')}` : `the new key ${generated.apiId} is not saved to any profile`;
  if (interruptedBy()) {
    result.problems.push(`interrupted: the new key was not proven${options.revokeOld ? ' and the previous key was not revoked' : ''}`);
    setCriticalState(where);
    if (hmacSecretNeedsSaving(result)) return result;
    held.release();
    return result;
  }
  setCriticalState(`${where}; proving it with a signed call`);
  try {
    await ctx.proveHmacKey({ id: generated.apiId, secret: generated.apiSecret });
    result.proof = 'ok';
  } catch (err) {
    result.proof = 'failed';
    result.problems.push(`the new key failed its test call: ${messageOf(err)}`);
    if (result.write === 'ok' && result.backupPath) {
      try {
        restoreBackup(path, result.backupPath);
        result.restored = true;
        result.problems.push(`${path} was restored to its previous content`);
      } catch (restoreErr) {
        result.problems.push(`restoring ${path} from ${result.backupPath} failed: ${messageOf(restoreErr)}`);
      }
    }
  }
  if (result.proof === 'ok' && options.revokeOld && !interruptedBy()) {
    setCriticalState(`${where} and proven; revoking the previous key ${target.id}`);
    try {
      await ctx.service.revokeHmac(target.id);
      result.oldKey.revoked = 'now';
      result.oldKey.worksUntil = null;
    } catch (err) {
      result.oldKey.revoked = 'failed';
      result.problems.push(`revoking the previous key ${target.id} failed: ${messageOf(err)}; revoke it with: vcreds revoke ${target.id} --yes`);
    }
  }
  setCriticalState(result.proof === 'ok' ? `${where} and proven` : where);
  // In the file and proven: the secret is safe. Otherwise the caller shows or prints it, then lets go.
  if (!hmacSecretNeedsSaving(result)) held.release();
  return result;
}

/** The new secret must still be shown (and held) when it is not safely in a profile that works. */
export function hmacSecretNeedsSaving(r: HmacRotationResult): boolean {
  return r.write !== 'ok' || r.proof === 'failed' || r.restored;
}

interface Holder {
  name: string;
  /** The id as the profile holds it (with its region prefix, if any). */
  id: string;
  idPrefix: string | null;
  secretPrefix: string | null;
}

function keyOfProfile(path: string, profile: string): string | null {
  try {
    return readCredentialsFile(path).profiles.find((p) => p.name === profile)?.id ?? null;
  } catch {
    return null;
  }
}

/** The profiles of the credentials file that hold `apiId` now (none when there is no file). */
export function profilesHolding(path: string, apiId: string): Holder[] {
  let profiles;
  try {
    profiles = readCredentialsFile(path).profiles;
  } catch (err) {
    if ((err as { code?: string }).code === 'file-missing') return [];
    throw err;
  }
  return profiles
    .filter((p) => p.id !== undefined && bareId(p.id) === bareId(apiId))
    .map((p) => ({ name: p.name, id: p.id!, idPrefix: validPrefixOf(p.id), secretPrefix: validPrefixOf(p.secret) }));
}

export interface RotateOAuthOptions {
  /** After the new secret is proven, retire every previous one. */
  retireOld: boolean;
  /**
   * At the server's limit of live secrets, retire the oldest first so a new one can be added (the
   * newer one keeps working meanwhile). Implied by retireOld; without either, rotation at the
   * limit is refused and changes nothing.
   */
  makeRoom?: boolean;
}

/** Live = not yet expired; the server allows two at a time (refusing a third with 409). */
export const MAX_LIVE_SECRETS = 2;

/**
 * Adds a secret, proves it with a token request, then (only if proven and asked) retires the
 * previous ones. When the client already has two live secrets the server refuses a third: with
 * retireOld the OLDEST is retired first (the newer one keeps working meanwhile, so nothing is
 * locked out); without it nothing is changed and the caller is told why.
 */
export async function rotateOAuth(ctx: AppContext, target: Credential, options: RotateOAuthOptions): Promise<OAuthRotationResult> {
  if (target.type !== 'oauth') throw new RotationRefused(`${target.id} is an HMAC key, not an OAuth client`, 'Use HMAC rotation for HMAC keys.');
  if (target.revokedAt && !ctx.readOnly) throw new RotationRefused(`the OAuth client ${target.id} is revoked`, 'Create a new client instead: vcreds create oauth ...');
  refuseIfBarred(ctx, target);
  const live = liveSecretsOldestFirst(target, ctx.now());
  const retired: string[] = [];
  const problems: string[] = [];
  if (live.length >= MAX_LIVE_SECRETS) {
    if (!options.retireOld && !options.makeRoom) {
      throw new RotationRefused(
        `the client ${target.id} already has ${live.length} live secrets, the most the server allows`,
        'Run again with --retire-old (the oldest secret is retired first, the newer one keeps working), or retire one yourself.',
      );
    }
    const oldest = live.shift()!;
    await ctx.service.retireOAuthSecret(target.id, oldest.secretId);
    retired.push(oldest.secretId);
  }

  if (interruptedBy()) throw new RotationRefused(`interrupted (${interruptedBy()}) before a new secret was asked for${retired.length ? `; the oldest secret ${retired[0]} was already retired` : ': nothing was changed'}`, '');
  setCriticalState(`the server is adding a new secret to the OAuth client ${target.name ?? target.id} (vcreds waits for its answer: the secret is shown only once)`);
  const secret = await ctx.service.addOAuthSecret(target.id);
  const held = holdSecret(
    {
      kind: 'oauth', id: secret.clientId || target.id, secret: secret.clientSecret, secretId: secret.secretId,
      name: target.name, ownerName: target.owner.userName, expiresAt: secret.expiresAt,
    },
    { credentialsPath: ctx.credentialsPath, ownerId: target.owner.userId, intent: { action: 'rotate', profiles: [] } },
  );
  if (held.journalProblem) problems.push(held.journalProblem);
  let proof: OAuthRotationResult['proof'] = 'skipped';
  setCriticalState(`the new secret ${secret.secretId} has arrived and is about to be printed`);
  if (interruptedBy()) {
    problems.push('interrupted: the new secret was not proven and no previous secret was retired');
    return { secret, held, retiredSecretId: retired[retired.length - 1] ?? null, retiredSecretIds: retired, proof, problems };
  }
  try {
    await ctx.proveOAuthSecret(secret.clientId || target.id, secret.clientSecret);
    proof = 'ok';
  } catch (err) {
    proof = 'failed';
    problems.push(`the new secret failed its token request: ${messageOf(err)}; the previous secret was kept`);
  }
  if (proof === 'ok' && options.retireOld && !interruptedBy()) {
    for (const s of live) {
      if (s.secretId === secret.secretId) continue;
      try {
        await ctx.service.retireOAuthSecret(target.id, s.secretId);
        retired.push(s.secretId);
      } catch (err) {
        problems.push(`retiring the previous secret ${s.secretId} failed: ${messageOf(err)}`);
      }
    }
  }
  return { secret, held, retiredSecretId: retired[retired.length - 1] ?? null, retiredSecretIds: retired, proof, problems };
}

/** Secrets not yet expired, oldest first: the order in which they are retired. */
export function liveSecretsOldestFirst(c: Pick<Credential, 'secrets'>, now: number): OAuthSecret[] {
  return c.secrets
    .filter((s) => !s.expiresAt || Date.parse(s.expiresAt) > now)
    .sort((a, b) => (Date.parse(a.createdAt ?? '') || 0) - (Date.parse(b.createdAt ?? '') || 0));
}

/** The secret retired before adding one, when the client is at the server's limit of live secrets. */
export function oldestToRetire(c: Pick<Credential, 'secrets'>, now: number): OAuthSecret | null {
  const live = liveSecretsOldestFirst(c, now);
  return live.length >= MAX_LIVE_SECRETS ? live[0]! : null;
}
