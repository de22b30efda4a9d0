// Generating an HMAC pair, for the caller or (admins) another user: the one way the CLI and the
// TUI do it. The new secret is held (held-secrets.ts) the moment it arrives.
import type { AppContext } from '../app-context.js';
import type { GeneratedHmac } from '../identity/types.js';
import { refusalOf } from './actions.js';
import { holdSecret, type HeldSecret } from './held-secrets.js';
import { OpRefused } from './op-refused.js';
import { interruptedBy, setCriticalState } from './signal-guard.js';

export interface CreatedHmac {
  generated: GeneratedHmac;
  /** The new secret, held until the caller has saved, printed or knowingly left it. */
  held: HeldSecret;
}

export interface CreateHmacOptions {
  userId?: string;
  staleProfiles?: string[];
  /** The profile the pair is meant for, and the id it holds now, kept in the recovery journal. */
  saveProfile?: { name: string; replaces: string | null };
}

/**
 * The secret is journaled beside ctx.credentialsPath the moment it arrives (held-secrets.ts). A
 * caller that will save it takes the credentials file's lock before calling this.
 */
export async function createHmac(ctx: AppContext, options: CreateHmacOptions = {}): Promise<CreatedHmac> {
  const refusal = refusalOf('create', { readOnly: ctx.readOnly, signingKeyId: ctx.signingKeyId() });
  if (refusal) throw new OpRefused(refusal);
  if (interruptedBy()) throw new OpRefused(`interrupted (${interruptedBy()}) before a new key was asked for: nothing was changed`);
  setCriticalState('the server is generating the new key (vcreds waits for its answer: the secret is shown only once)');
  const generated = await ctx.service.generateHmac(options.userId);
  const held = holdSecret(
    {
      kind: 'hmac', id: generated.apiId, secret: generated.apiSecret, name: null,
      ownerName: generated.owner.userName, expiresAt: generated.expiresAt, staleProfiles: options.staleProfiles ?? [],
    },
    {
      credentialsPath: ctx.credentialsPath,
      ownerId: generated.owner.userId,
      intent: { action: 'create', profiles: options.saveProfile ? [{ name: options.saveProfile.name, idPrefix: null, secretPrefix: null, replaces: options.saveProfile.replaces }] : [] },
    },
  );
  setCriticalState(`the new key ${generated.apiId} has arrived${options.saveProfile ? ` and is being saved to [${options.saveProfile.name}]` : ' and is being printed'}`);
  return { generated, held };
}
