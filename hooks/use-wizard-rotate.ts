// The rotate dialog's phases: confirm → running → (HMAC) report / (OAuth) the new secret once,
// then an offer to retire the previous secrets. Results with secrets stay in component state, and
// a secret that is not yet safely stored is held in the unsaved-secrets registry from the moment
// it arrives (SecretResult releases it once saved, copied or knowingly left).
import { useRef, useState } from 'react';
import type { AppContext } from '../src/app-context.js';
import type { CredentialView, OAuthSecret } from '../src/model/credential.js';
import { rotateHmac, rotateOAuth } from '../src/ops/rotate.js';
import { hmacSecretNeedsSaving, oldestToRetire } from '../src/tui/wizard-rotation.js';
import { holdOneTimeSecret, type OneTimeSecret } from '../src/tui/wizard-secret.js';
import type { HmacRotationResult, OAuthRotationResult } from '../src/ops/rotate-types.js';
import { describeFailure } from '../src/tui/wizard-failure.js';
import type { SubmitFailure } from '../src/tui/wizard-state.js';

export type RotatePhase =
  | { kind: 'confirm' }
  | { kind: 'running' }
  | { kind: 'failed'; failure: SubmitFailure; hint: string | null }
  /** `secret` and `release` are set when the new key is not safely in a profile. */
  | { kind: 'hmac'; result: HmacRotationResult; secret: OneTimeSecret | null; release: () => void }
  | { kind: 'oauth'; result: OAuthRotationResult; secret: OneTimeSecret; release: () => void }
  | { kind: 'retire'; result: OAuthRotationResult; old: OAuthSecret[] }
  | { kind: 'retiring'; old: OAuthSecret[] }
  | { kind: 'retired'; retired: string[]; failures: string[] };

export function useWizardRotate(ctx: AppContext, c: CredentialView) {
  const [phase, setPhase] = useState<RotatePhase>({ kind: 'confirm' });
  const retiredFirst = useRef<string | null>(null);

  const fail = (err: unknown) => {
    const raw = typeof err === 'object' && err !== null ? (err as { hint?: unknown }).hint : undefined;
    const hint = typeof raw === 'string' && raw ? raw : null;
    setPhase({ kind: 'failed', failure: describeFailure(err), hint });
  };

  const start = () => {
    setPhase({ kind: 'running' });
    if (c.type === 'hmac') {
      rotateHmac(ctx, c, { credentialsPath: ctx.credentialsPath }).then((result) => {
        if (!hmacSecretNeedsSaving(result)) return setPhase({ kind: 'hmac', result, secret: null, release: () => {} });
        const g = result.generated;
        const secret: OneTimeSecret = {
          kind: 'hmac', id: g.apiId, secret: g.apiSecret, name: null, ownerName: g.owner.userName || c.owner.userName, expiresAt: g.expiresAt,
          // They still hold the old key, which stops working: saving there is what the user wants.
          staleProfiles: c.profiles,
        };
        setPhase({ kind: 'hmac', result, secret, release: holdOneTimeSecret(secret) });
      }, fail);
    } else {
      // At the server's limit of live secrets, the oldest goes first (the user was told so and said y).
      const oldest = oldestToRetire(c, ctx.now());
      const make = () => rotateOAuth(ctx, { ...c, secrets: c.secrets.filter((s) => s !== oldest) }, { retireOld: false });
      const run = oldest ? ctx.service.retireOAuthSecret(c.id, oldest.secretId).then(make) : make();
      run.then((result) => {
        retiredFirst.current = oldest?.secretId ?? null;
        const n = result.secret;
        const secret: OneTimeSecret = {
          kind: 'oauth', id: n.clientId || c.id, secret: n.clientSecret, secretId: n.secretId, name: c.name, ownerName: c.owner.userName, expiresAt: n.expiresAt,
        };
        setPhase({ kind: 'oauth', result, secret, release: holdOneTimeSecret(secret) });
      }, fail);
    }
  };

  /** After the new OAuth secret was shown: offer to retire the ones it replaces. */
  const afterOAuthSecret = (result: OAuthRotationResult): boolean => {
    const old = c.secrets.filter((s) => s.secretId !== result.secret.secretId && s.secretId !== retiredFirst.current);
    if (old.length === 0) return false;
    setPhase({ kind: 'retire', result, old });
    return true;
  };

  const retire = async (old: OAuthSecret[]) => {
    setPhase({ kind: 'retiring', old });
    const retired: string[] = [];
    const failures: string[] = [];
    for (const s of old) {
      try {
        await ctx.service.retireOAuthSecret(c.id, s.secretId);
        retired.push(s.secretId);
      } catch (err) {
        failures.push(`${s.secretId}: ${describeFailure(err).message}`);
      }
    }
    setPhase({ kind: 'retired', retired, failures });
  };

  return { phase, start, afterOAuthSecret, retire };
}
