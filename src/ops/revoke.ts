// Revoking a credential: the one way the CLI and the TUI do it.
import type { AppContext } from '../app-context.js';
import type { Credential } from '../model/credential.js';
import { refusalOf } from './actions.js';
import { OpRefused } from './op-refused.js';

/** Revokes an HMAC key or an OAuth client now; refuses what the action rules refuse. */
export async function revokeCredential(ctx: AppContext, c: Credential): Promise<void> {
  const refusal = refusalOf('revoke', { readOnly: ctx.readOnly, signingKeyId: ctx.signingKeyId() }, c);
  if (refusal) throw new OpRefused(refusal);
  if (c.type === 'hmac') await ctx.service.revokeHmac(c.id);
  else await ctx.service.revokeOAuthClient(c.id);
}
