// Rotation that reaches every place a key lives: the one op `vcreds rotate`, `vcreds targets
// deliver`, `vcreds create --target` and the TUI use. Built on rotate.ts (which generates, saves
// the local profiles that held the key, and proves the new key), it then delivers the new secret
// to every target of the credential (src/targets/), proves each delivery where the target allows,
// and only then lets the old credential go:
//
//  - OAuth, zero downtime: a second secret is added and proven, delivered everywhere, and only when
//    every target has it are the previous secrets retired (unless keepOld). If any delivery fails,
//    the previous secret is kept and the report says which target holds which secret.
//  - HMAC: the previous pair keeps working for Veracode's renewal grace (24 h); the report gives
//    that deadline for fixing failed targets. `revokeOld` revokes it only once every target has
//    the new pair.
//
// When a target failed, the new secret is kept in the recovery journal (and nowhere else) so that
// `redeliver` (`vcreds targets deliver ID`) can deliver it later; it leaves the journal once every
// target has it. Each target's state (what it holds, by id) is recorded in the targets store.
import type { AppContext } from '../app-context.js';
import type { TargetState } from '../config/preferences-types.js';
import type { TargetBinding } from '../config/preferences-types.js';
import { listRecords, recordSecret, removeRecord, type JournalRecord } from '../credentials/journal.js';
import { bareId } from '../credentials/sources.js';
import type { Credential } from '../model/credential.js';
import { deliverAll, holdsText, isDelivered } from '../targets/deliver.js';
import { parseTarget } from '../targets/descriptor.js';
import type { TargetsStore } from '../targets/store.js';
import { ownerText } from '../targets/store.js';
import type { DeliverContext, Payload, TargetOutcome } from '../targets/types.js';
import { messageOf } from './message.js';
import { hmacSecretNeedsSaving, liveSecretsOldestFirst, oldestToRetire, profilesHolding, rotateHmac, rotateOAuth, RotationRefused } from './rotate.js';
import type { HmacRotationResult, OAuthRotationResult } from './rotate-types.js';
import { retireOAuthSecrets } from './retire-secrets.js';
import { setCriticalState } from './signal-guard.js';

export interface DeliveryOptions {
  targets: TargetsStore;
  /** Tokens and addresses of the targets (GH_TOKEN, VAULT_ADDR...): the CLI's environment. */
  env: Record<string, string | undefined>;
  /** Redacted request lines (--debug). */
  debug?: (line: string) => void;
  /** Each target's result as it comes. */
  onOutcome?: (o: TargetOutcome) => void;
  execTimeoutMs?: number;
  timeoutMs?: number;
}

export interface RotateDeliverOptions extends DeliveryOptions {
  /** Print the plan, change nothing. */
  dryRun?: boolean;
  /** HMAC: see RotateHmacOptions. */
  expectProfiles?: readonly string[];
  lockWaitMs?: number;
  /** HMAC: revoke the previous key once the new one is proven and every target has it. */
  revokeOld?: boolean;
  /** OAuth: retire the previous secrets once proven (also without targets; at the limit of two, the oldest goes first). */
  retireOld?: boolean;
  /** OAuth with targets: keep the previous secrets even when every target has the new one. */
  keepOld?: boolean;
  /** OAuth at the limit of two live secrets: retire the oldest first (implied by retireOld). */
  makeRoom?: boolean;
}

export interface DeliveryPlan {
  credential: { id: string; type: 'hmac' | 'oauth'; name: string | null; owner: string; expiresAt: string | null };
  targets: { target: string; of: string; holds: string | null; problem: string | null }[];
  /** What would happen, in order, in words. */
  steps: string[];
}

/** What became of the new secret. */
export interface SecretFate {
  /** It is nowhere safe (no target, no profile has it, or it is unproven): the caller must show it once. */
  mustShow: boolean;
  /** Kept in the recovery journal for `vcreds targets deliver` (some target failed); null otherwise. */
  journalPath: string | null;
}

interface Delivery {
  deliveries: TargetOutcome[];
  /** Every target has the new secret (true when there are none). */
  allDelivered: boolean;
  secret: SecretFate;
  /** Exit 0: rotated, proven, every target delivered, nothing left failed. */
  ok: boolean;
}

export type RotateDeliverResult =
  | { kind: 'plan'; plan: DeliveryPlan }
  | (Delivery & {
      kind: 'hmac';
      rotation: HmacRotationResult;
      /** When failed targets stop working (the previous pair's end), or null when all were delivered or it was revoked. */
      deadline: string | null;
    })
  | (Delivery & {
      kind: 'oauth';
      rotation: OAuthRotationResult;
      /** Previous secrets retired by this run, and those kept (because a target still holds one, or keepOld). */
      previousSecrets: { retired: string[]; kept: string[] };
    });

function deliverContext(ctx: AppContext, o: DeliveryOptions): DeliverContext {
  return { env: o.env, debug: o.debug, credentialsPath: ctx.credentialsPath, now: ctx.now, execTimeoutMs: o.execTimeoutMs, timeoutMs: o.timeoutMs };
}

/** The profiles holding an HMAC key now (from the load, and the file as it is). */
function holdingProfiles(ctx: AppContext, c: Credential): string[] {
  if (c.type !== 'hmac') return [];
  let now: string[] = [];
  try {
    now = profilesHolding(ctx.credentialsPath, c.id).map((h) => h.name);
  } catch {
    // an unreadable file: rotateHmac will say so
  }
  return [...new Set([...(c.profiles ?? []), ...now])];
}

/** The bindings a rotation of `c` delivers to. */
export function targetsOf(ctx: AppContext, c: Credential, targets: TargetsStore): TargetBinding[] {
  return targets.forCredential(c.id, holdingProfiles(ctx, c));
}

export function planRotation(ctx: AppContext, c: Credential, o: RotateDeliverOptions): DeliveryPlan {
  const bindings = targetsOf(ctx, c, o.targets);
  const steps: string[] = [];
  const profiles = holdingProfiles(ctx, c);
  const names = bindings.map((b) => b.target);
  if (c.type === 'hmac') {
    steps.push(`generate a new HMAC pair for ${c.owner.userName} (the previous pair ${c.id} keeps working 24 hours)`);
    steps.push(profiles.length ? `rewrite ${profiles.map((p) => `[${p}]`).join(', ')} of ${ctx.credentialsPath} in one atomic write` : 'no local profile holds the key');
    steps.push('prove the new key with a signed call (the file is restored if it fails, and nothing is delivered)');
    if (names.length) steps.push(`deliver it to ${names.length} target(s): ${names.join(', ')}, proving each where the target allows`);
    if (o.revokeOld) steps.push(names.length ? 'revoke the previous key once every target has the new one' : 'revoke the previous key');
    else if (names.length) steps.push('report the deadline (the end of the 24-hour grace) for any target that failed');
  } else {
    const atLimit = oldestToRetire(c, ctx.now());
    if (atLimit) steps.push(o.retireOld ? `retire the oldest secret ${atLimit.secretId} first (the client is at its limit of two live secrets)` : `refused: the client already has two live secrets (use --retire-old)`);
    steps.push(`add a new secret to the OAuth client ${c.name ?? c.id} and prove it with a token request`);
    if (names.length) steps.push(`deliver it to ${names.length} target(s): ${names.join(', ')}, proving each where the target allows`);
    if (names.length && !o.keepOld) steps.push('retire the previous secret(s) only once every target has the new one (else keep them, and say which target holds which)');
    else if (!names.length && o.retireOld) steps.push('retire the previous secret(s) once the new one is proven');
    else steps.push('keep the previous secret(s)');
  }
  const kind = c.type;
  return {
    credential: { id: c.id, type: c.type, name: c.name, owner: c.owner.userName, expiresAt: c.expiresAt },
    targets: bindings.map((b) => {
      let problem: string | null = null;
      try {
        const t = parseTarget(b.target);
        if (t.kind === 'profile' && kind === 'oauth') problem = 'the credentials file holds HMAC pairs only';
      } catch (err) {
        problem = messageOf(err);
      }
      return { target: b.target, of: ownerText(b), holds: b.last?.holds ?? null, problem };
    }),
    steps,
  };
}

function stateOf(o: TargetOutcome, at: string): TargetState {
  return o.status === 'failed' || o.status === 'skipped'
    ? { holds: o.holds ?? 'unknown', at, outcome: 'failed', reason: o.detail.slice(0, 300) }
    : { holds: o.holds ?? 'unknown', at, outcome: o.status === 'proven' ? 'proven' : 'delivered' };
}

function record(store: TargetsStore, bindings: readonly TargetBinding[], outcomes: readonly TargetOutcome[], at: string, problems: string[]): void {
  for (let i = 0; i < outcomes.length; i++) {
    try {
      store.record(bindings[i]!, stateOf(outcomes[i]!, at));
    } catch (err) {
      problems.push(`what ${outcomes[i]!.target} holds could not be recorded: ${messageOf(err)}`);
    }
  }
}

/** Keeps the secret in the recovery journal for `vcreds targets deliver`; returns the entry's path. */
function keepForRedelivery(ctx: AppContext, p: Payload, ownerId: string, problems: string[]): string | null {
  try {
    return recordSecret(ctx.credentialsPath, {
      kind: p.kind, id: p.id, secret: p.secret, secretId: p.secretId, owner: { userId: ownerId, userName: p.ownerName }, expiresAt: p.expiresAt,
      intent: { action: 'rotate', profiles: [] },
    }).path;
  } catch (err) {
    problems.push(`the new secret could not be kept in the recovery journal for re-delivery: ${messageOf(err)}`);
    return null;
  }
}

const skipped = (bindings: readonly TargetBinding[], why: string): TargetOutcome[] =>
  bindings.map((b) => ({ target: b.target, of: ownerText(b), status: 'skipped', detail: why, holds: b.last?.holds ?? null }));

/**
 * Rotates `c` and delivers the new secret to every target. Refusals (read-only, revoked, at the
 * OAuth limit without retireOld) throw RotationRefused before anything changes; once the server
 * has created the secret every step is reported, never thrown. The caller shows the secret when
 * `secret.mustShow`, then releases `rotation.held`.
 */
export async function rotateAndDeliver(ctx: AppContext, c: Credential, o: RotateDeliverOptions): Promise<RotateDeliverResult> {
  if (o.dryRun) return { kind: 'plan', plan: planRotation(ctx, c, o) };
  const bindings = targetsOf(ctx, c, o.targets);
  const dctx = deliverContext(ctx, o);
  if (c.type === 'hmac') {
    const r = await rotateHmac(ctx, c, { credentialsPath: ctx.credentialsPath, expectProfiles: o.expectProfiles, lockWaitMs: o.lockWaitMs, revokeOld: Boolean(o.revokeOld) && bindings.length === 0 });
    const payload: Payload = { kind: 'hmac', id: r.generated.apiId, secret: r.generated.apiSecret, secretId: null, expiresAt: r.generated.expiresAt, ownerName: r.generated.owner.userName || c.owner.userName };
    let deliveries: TargetOutcome[];
    if (r.proof !== 'ok') {
      deliveries = skipped(bindings, `not delivered: the new key was not proven; this target keeps the previous key ${c.id}`);
    } else {
      // Bindings follow the key to its new id before anything is recorded.
      try {
        o.targets.rekey(c.id, r.generated.apiId);
      } catch (err) {
        r.problems.push(`the targets of ${c.id} could not be moved to the new id ${r.generated.apiId}: ${messageOf(err)}`);
      }
      deliveries = [];
      for (const b of bindings) {
        const t = safeParse(b.target);
        setCriticalState(`delivering the new key ${r.generated.apiId} to ${b.target}`);
        // rotateHmac has just rewritten and proven the profiles that held the old key.
        if (t?.kind === 'profile' && r.profilesUpdated.includes(t.name) && !r.restored) {
          const out: TargetOutcome = { target: b.target, of: ownerText(b), status: 'proven', detail: `[${t.name}] rewritten with the rotation and proven by its signed call`, holds: payload.id };
          deliveries.push(out);
          o.onOutcome?.(out);
          continue;
        }
        deliveries.push(...(await deliverAll(payload, [b], dctx, (x) => o.onOutcome?.(x))));
      }
      record(o.targets, bindings.map((b) => (b.credentialId ? { ...b, credentialId: r.generated.apiId } : b)), deliveries, new Date(ctx.now()).toISOString(), r.problems);
    }
    const allDelivered = deliveries.every(isDelivered);
    if (bindings.length && o.revokeOld && r.proof === 'ok') {
      if (allDelivered) {
        try {
          await ctx.service.revokeHmac(c.id);
          r.oldKey.revoked = 'now';
          r.oldKey.worksUntil = null;
        } catch (err) {
          r.oldKey.revoked = 'failed';
          r.problems.push(`revoking the previous key ${c.id} failed: ${messageOf(err)}; revoke it with: vcreds revoke ${c.id} --yes`);
        }
      } else {
        r.problems.push(`the previous key ${c.id} was not revoked: ${deliveries.filter((d) => !isDelivered(d)).length} target(s) still hold it`);
      }
    }
    const anyDelivered = deliveries.some(isDelivered);
    const mustShow = r.proof !== 'ok' || (hmacSecretNeedsSaving(r) && !anyDelivered);
    const journalPath = r.proof === 'ok' && !allDelivered ? keepForRedelivery(ctx, payload, r.generated.owner.userId || c.owner.userId, r.problems) : null;
    const deadline = !allDelivered && r.oldKey.revoked !== 'now' ? r.oldKey.worksUntil : null;
    const ok = r.proof === 'ok' && r.write !== 'failed' && r.oldKey.revoked !== 'failed' && allDelivered;
    return { kind: 'hmac', rotation: r, deliveries, allDelivered, deadline, secret: { mustShow, journalPath }, ok };
  }

  const liveBefore = liveSecretsOldestFirst(c, ctx.now()).map((s) => s.secretId);
  const r = await rotateOAuth(ctx, c, { retireOld: Boolean(o.retireOld) && bindings.length === 0, makeRoom: Boolean(o.retireOld || o.makeRoom) });
  const payload: Payload = { kind: 'oauth', id: r.secret.clientId || c.id, secret: r.secret.clientSecret, secretId: r.secret.secretId, expiresAt: r.secret.expiresAt, ownerName: c.owner.userName };
  let deliveries: TargetOutcome[];
  if (r.proof !== 'ok') {
    deliveries = skipped(bindings, 'not delivered: the new secret was not proven; this target keeps the previous secret');
  } else {
    setCriticalState(`delivering the new secret ${r.secret.secretId} of ${c.id}`);
    deliveries = await deliverAll(payload, bindings, dctx, (x) => o.onOutcome?.(x));
    record(o.targets, bindings, deliveries, new Date(ctx.now()).toISOString(), r.problems);
  }
  const allDelivered = deliveries.every(isDelivered);
  const previous = liveBefore.filter((id) => id !== r.secret.secretId && !r.retiredSecretIds.includes(id));
  const retired: string[] = [];
  if (bindings.length && r.proof === 'ok' && allDelivered && !o.keepOld && previous.length) {
    setCriticalState(`every target has the new secret ${r.secret.secretId}; retiring the previous one`);
    const res = await retireOAuthSecrets(ctx, c, previous);
    retired.push(...res.retired);
    for (const f of res.failures) r.problems.push(`retiring the previous secret ${f}`);
    r.retiredSecretIds.push(...res.retired);
    r.retiredSecretId = r.retiredSecretIds[r.retiredSecretIds.length - 1] ?? null;
  }
  const kept = previous.filter((id) => !retired.includes(id));
  const anyDelivered = deliveries.some(isDelivered);
  const mustShow = r.proof !== 'ok' || !anyDelivered;
  const journalPath = r.proof === 'ok' && !allDelivered ? keepForRedelivery(ctx, payload, c.owner.userId, r.problems) : null;
  const ok = r.proof === 'ok' && allDelivered && r.problems.length === 0;
  return { kind: 'oauth', rotation: r, deliveries, allDelivered, previousSecrets: { retired: r.retiredSecretIds.filter((id) => liveBefore.includes(id)), kept }, secret: { mustShow, journalPath }, ok };
}

function safeParse(text: string) {
  try {
    return parseTarget(text);
  } catch {
    return null;
  }
}

/**
 * Delivers a secret that has just been created (`vcreds create --target`), already proven by the
 * caller, to the given bindings; records each and keeps the secret in the journal if one failed.
 */
export async function deliverCreated(ctx: AppContext, payload: Payload, ownerId: string, bindings: readonly TargetBinding[], o: DeliveryOptions): Promise<Delivery & { problems: string[] }> {
  const problems: string[] = [];
  setCriticalState(`delivering the new ${payload.kind === 'hmac' ? 'key' : 'secret'} ${holdsText(payload)} to ${bindings.length} target(s)`);
  const deliveries = await deliverAll(payload, bindings, deliverContext(ctx, o), (x) => o.onOutcome?.(x));
  record(o.targets, bindings, deliveries, new Date(ctx.now()).toISOString(), problems);
  const allDelivered = deliveries.every(isDelivered);
  const journalPath = allDelivered ? null : keepForRedelivery(ctx, payload, ownerId, problems);
  return { deliveries, allDelivered, secret: { mustShow: !deliveries.some(isDelivered), journalPath }, ok: allDelivered, problems };
}

export interface RedeliverOptions extends DeliveryOptions {
  credentialsPath: string;
  now: () => number;
  /** Deliver to every target, not only those that do not hold the current secret. */
  all?: boolean;
  /** The profiles that hold the key (profile-owned targets), when known. */
  profiles?: readonly string[];
  /** OAuth: once every target has the current secret, retire the client's other secrets (needs ctx). */
  retireOld?: { ctx: AppContext; client: Credential };
}

export interface RedeliverResult {
  credentialId: string;
  kind: 'hmac' | 'oauth';
  /** What is delivered: the HMAC id, or CLIENT/SECRET_ID. */
  current: string;
  deliveries: TargetOutcome[];
  /** Targets already holding the current secret, left alone. */
  alreadyHeld: string[];
  allDelivered: boolean;
  /** The journal entry was removed (every target has the secret now). */
  released: boolean;
  retired: string[];
  problems: string[];
}

export class NothingToRedeliver extends RotationRefused {}

/** The newest journal entry holding the current secret of credential `id`. */
export function journaledSecret(credentialsPath: string, id: string): JournalRecord | null {
  const want = bareId(id).toLowerCase();
  const hits = listRecords(credentialsPath).records.filter((r) => bareId(r.entry.id).toLowerCase() === want || r.entry.id.toLowerCase() === id.toLowerCase());
  return hits[hits.length - 1] ?? null;
}

/**
 * `vcreds targets deliver ID`: delivers the current secret of credential `id`, known only while it
 * is in the recovery journal, to the targets that do not hold it yet. Once every target has it the
 * journal entry is removed. Throws NothingToRedeliver when the secret is not known any more.
 */
export async function redeliver(id: string, o: RedeliverOptions): Promise<RedeliverResult> {
  const rec = journaledSecret(o.credentialsPath, id);
  if (!rec) {
    throw new NothingToRedeliver(
      `the current secret of ${id} is not known any more (it is kept in the recovery journal only until every target has it)`,
      `Rotate again to give every target a new one: vcreds rotate ${id}`,
    );
  }
  const e = rec.entry;
  const payload: Payload = { kind: e.kind, id: e.id, secret: e.secret, secretId: e.secretId, expiresAt: e.expiresAt, ownerName: e.owner?.userName ?? '' };
  const current = holdsText(payload);
  const bindings = o.targets.forCredential(e.id, o.profiles ?? []);
  const holdsCurrent = (b: TargetBinding) => b.last?.holds === current && b.last.outcome !== 'failed';
  const todo = o.all ? bindings : bindings.filter((b) => !holdsCurrent(b));
  const problems: string[] = [];
  const dctx: DeliverContext = { env: o.env, debug: o.debug, credentialsPath: o.credentialsPath, now: o.now, execTimeoutMs: o.execTimeoutMs, timeoutMs: o.timeoutMs };
  const deliveries = await deliverAll(payload, todo, dctx, (x) => o.onOutcome?.(x));
  record(o.targets, todo, deliveries, new Date(o.now()).toISOString(), problems);
  const allDelivered = deliveries.every(isDelivered);
  let released = false;
  const retired: string[] = [];
  if (allDelivered) {
    if (o.retireOld && e.kind === 'oauth' && e.secretId) {
      const others = liveSecretsOldestFirst(o.retireOld.client, o.now()).map((s) => s.secretId).filter((s) => s !== e.secretId);
      const res = await retireOAuthSecrets(o.retireOld.ctx, o.retireOld.client, others);
      retired.push(...res.retired);
      problems.push(...res.failures.map((f) => `retiring the previous secret ${f}`));
    }
    try {
      removeRecord(rec);
      released = true;
    } catch (err) {
      problems.push(`the journal entry ${rec.path} could not be removed: ${messageOf(err)}`);
    }
  }
  return { credentialId: e.id, kind: e.kind, current, deliveries, alreadyHeld: bindings.filter((b) => !todo.includes(b)).map((b) => b.target), allDelivered, released, retired, problems };
}
