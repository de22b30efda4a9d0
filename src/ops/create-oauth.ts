// Creating an OAuth client: the one way the CLI and the TUI do it. The draft is checked against
// the create rules first (nothing is sent when one is broken); the new secret is held the moment
// it arrives.
import type { AppContext } from '../app-context.js';
import type { CreatedOAuthClient, CreateOAuthClientInput } from '../identity/types.js';
import { refusalOf } from './actions.js';
import type { FieldError } from './create-rules.js';
import { holdSecret, type HeldSecret } from './held-secrets.js';
import { OpRefused } from './op-refused.js';
import { interruptedBy, setCriticalState } from './signal-guard.js';

export class CreateRulesError extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map((e) => e.message).join(' '));
    this.name = 'CreateRulesError';
  }
}

export interface CreatedOAuth {
  created: CreatedOAuthClient;
  held: HeldSecret;
}

/** `input` comes from validateOAuthDraft (create-rules.ts), the only way to make one. */
export async function createOAuthClient(ctx: AppContext, input: CreateOAuthClientInput, ownerName: string): Promise<CreatedOAuth> {
  const refusal = refusalOf('create', { readOnly: ctx.readOnly, signingKeyId: ctx.signingKeyId() });
  if (refusal) throw new OpRefused(refusal);
  if (interruptedBy()) throw new OpRefused(`interrupted (${interruptedBy()}) before the client was created: nothing was changed`);
  setCriticalState(`the server is creating the OAuth client "${input.name}" (vcreds waits for its answer: the secret is shown only once)`);
  const created = await ctx.service.createOAuthClient(input);
  // Journaled beside the credentials file the moment it arrives (held-secrets.ts).
  const held = holdSecret(
    {
      kind: 'oauth', id: created.client.id || created.secret.clientId, secret: created.secret.clientSecret,
      secretId: created.secret.secretId, name: created.client.name ?? input.name,
      ownerName: created.client.owner.userName || ownerName, expiresAt: created.secret.expiresAt ?? created.client.expiresAt,
    },
    { credentialsPath: ctx.credentialsPath, ownerId: created.client.owner.userId || input.userId, intent: { action: 'create', profiles: [] } },
  );
  setCriticalState(`the OAuth client "${input.name}" was created and its secret is being printed`);
  return { created, held };
}
