// Delivering one credential to its targets, one after another (each reported, none stopping the
// rest), and testing targets. Dispatch by kind; the drivers do the I/O.
import type { TargetBinding } from '../config/preferences-types.js';
import { kindRefusal, parseTarget, type Target } from './descriptor.js';
import { dotenvDriver } from './dotenv.js';
import { execDriver } from './exec.js';
import { githubDriver } from './github.js';
import { gitlabDriver } from './gitlab.js';
import { conceal } from './http.js';
import { profileDriver } from './profile.js';
import { ownerText } from './store.js';
import type { DeliverContext, Delivered, Payload, TargetDriver, TargetOutcome, Tested } from './types.js';
import { vaultDriver } from './vault.js';

function driverOf(t: Target): TargetDriver {
  const drivers = { profile: profileDriver, dotenv: dotenvDriver, exec: execDriver, github: githubDriver, gitlab: gitlabDriver, vault: vaultDriver };
  return drivers[t.kind] as TargetDriver;
}

/** What a target holds, as recorded: the HMAC id, or `CLIENT/SECRET_ID` for OAuth. */
export function holdsText(p: Pick<Payload, 'kind' | 'id' | 'secretId'>): string {
  return p.kind === 'oauth' && p.secretId ? `${p.id}/${p.secretId}` : p.id;
}

export async function deliverOne(payload: Payload, binding: TargetBinding, ctx: DeliverContext): Promise<TargetOutcome> {
  const of = ownerText(binding);
  let target: Target;
  try {
    target = parseTarget(binding.target);
  } catch (err) {
    return { target: binding.target, of, status: 'failed', detail: err instanceof Error ? err.message : String(err), holds: binding.last?.holds ?? null };
  }
  const refusal = kindRefusal(target, payload.kind);
  if (refusal) return { target: binding.target, of, status: 'failed', detail: refusal, holds: binding.last?.holds ?? null };
  let done: Delivered;
  try {
    done = await driverOf(target).deliver(payload, target, binding, ctx);
  } catch (err) {
    const why = conceal(err instanceof Error ? err.message : String(err), [payload.secret]);
    return { target: binding.target, of, status: 'failed', detail: why, holds: binding.last?.outcome === 'failed' ? null : binding.last?.holds ?? null };
  }
  return { target: binding.target, of, status: done.proven ? 'proven' : 'delivered', detail: done.detail, holds: holdsText(payload) };
}

/** Delivers to each binding in turn; `onOutcome` sees each result as it comes (a progress line, a record). */
export async function deliverAll(payload: Payload, bindings: readonly TargetBinding[], ctx: DeliverContext, onOutcome?: (o: TargetOutcome, b: TargetBinding) => void): Promise<TargetOutcome[]> {
  const out: TargetOutcome[] = [];
  for (const b of bindings) {
    const o = await deliverOne(payload, b, ctx);
    out.push(o);
    onOutcome?.(o, b);
  }
  return out;
}

export async function testTarget(binding: TargetBinding, kind: Payload['kind'], ctx: DeliverContext): Promise<Tested> {
  let target: Target;
  try {
    target = parseTarget(binding.target);
  } catch (err) {
    return { ok: false, detail: err instanceof Error ? err.message : String(err) };
  }
  const refusal = kindRefusal(target, kind);
  if (refusal) return { ok: false, detail: refusal };
  try {
    return await driverOf(target).test(target, binding, kind, ctx);
  } catch (err) {
    return { ok: false, detail: err instanceof Error ? err.message : String(err) };
  }
}

export const isDelivered = (o: TargetOutcome) => o.status === 'delivered' || o.status === 'proven';
