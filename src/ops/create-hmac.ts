// Generating an HMAC pair, for the caller or (admins) another user: the one way the CLI and the
// TUI do it. The new secret is held (held-secrets.ts) the moment it arrives.
import type { AppContext } from '../app-context.js';
import type { GeneratedHmac } from '../identity/types.js';
import { refusalOf } from './actions.js';
import { holdSecret, type HeldSecret } from './held-secrets.js';
import { OpRefused } from './op-refused.js';

export interface CreatedHmac {
  generated: GeneratedHmac;
  /** The new secret, held until the caller has saved, printed or knowingly left it. */
  held: HeldSecret;
}

export async function createHmac(ctx: AppContext, options: { userId?: string; staleProfiles?: string[] } = {}): Promise<CreatedHmac> {
  const refusal = refusalOf('create', { readOnly: ctx.readOnly, signingKeyId: ctx.signingKeyId() });
  if (refusal) throw new OpRefused(refusal);
  const generated = await ctx.service.generateHmac(options.userId);
  const held = holdSecret({
    kind: 'hmac', id: generated.apiId, secret: generated.apiSecret, name: null,
    ownerName: generated.owner.userName, expiresAt: generated.expiresAt, staleProfiles: options.staleProfiles ?? [],
  });
  return { generated, held };
}
