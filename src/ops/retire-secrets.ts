// Retiring OAuth client secrets: the one way the CLI and the TUI do it. Each secret is retired on
// its own, so one failure does not hide what was done.
import type { AppContext } from '../app-context.js';
import type { Credential } from '../model/credential.js';
import { refusalOf } from './actions.js';
import { messageOf } from './message.js';
import { OpRefused } from './op-refused.js';

export interface RetireResult {
  retired: string[];
  /** `<secret id>: <why>` for each that was not retired. */
  failures: string[];
}

export async function retireOAuthSecrets(ctx: AppContext, client: Credential, secretIds: readonly string[]): Promise<RetireResult> {
  const refusal = refusalOf('retire', { readOnly: ctx.readOnly, signingKeyId: ctx.signingKeyId() }, client);
  if (refusal) throw new OpRefused(refusal);
  const result: RetireResult = { retired: [], failures: [] };
  for (const id of secretIds) {
    try {
      await ctx.service.retireOAuthSecret(client.id, id);
      result.retired.push(id);
    } catch (err) {
      result.failures.push(`${id}: ${messageOf(err)}`);
    }
  }
  return result;
}
