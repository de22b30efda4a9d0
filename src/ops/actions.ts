// One rule for which changes a credential allows, used by the CLI and every screen of the TUI:
// read-only mode refuses every change, a revoked credential has nothing left to change, and the
// credential vcreds itself signs with may be changed only with a warning that says so.
import { bareId } from '../credentials/sources.js';
import { dateOnly, type Credential } from '../model/credential.js';

export type ChangeAction = 'revoke' | 'rotate' | 'create' | 'clone' | 'retire';

export interface ActionContext {
  readOnly: boolean;
  /** The bare id of the credential vcreds signs with now (HMAC id or OAuth client id). */
  signingKeyId: string | null;
}

const VERB: Record<ChangeAction, string> = {
  revoke: 'revoke', rotate: 'rotate', create: 'create credentials', clone: 'clone', retire: 'retire secrets',
};

/** Why this action cannot be done, or null when it can. `c` is absent for create. */
export function refusalOf(action: ChangeAction, ctx: ActionContext, c?: Credential): string | null {
  if (ctx.readOnly) return `Read-only mode: cannot ${VERB[action]}. Start vcreds without --read-only to make changes.`;
  if (!c) return null;
  if (action === 'clone' && c.type !== 'oauth') return 'Only OAuth clients can be cloned: an HMAC pair is generated, not copied (n creates one).';
  if (action === 'retire' && c.type !== 'oauth') return 'Only OAuth clients have secrets to retire.';
  if (c.revokedAt && action !== 'clone') {
    const what = c.type === 'hmac' ? `HMAC key ${c.id}` : `OAuth client ${c.name ?? c.id}`;
    return `The ${what} was already revoked on ${dateOnly(c.revokedAt, 'unknown')}: there is nothing to ${VERB[action]}. Create a new one instead.`;
  }
  return null;
}

/** True when `c` is the credential vcreds itself is signed with right now. */
export function isSigningKey(c: Pick<Credential, 'id' | 'type'>, ctx: ActionContext): boolean {
  if (!ctx.signingKeyId) return false;
  const id = c.type === 'hmac' ? bareId(c.id) : c.id.toLowerCase();
  return id === ctx.signingKeyId.toLowerCase();
}

/** What revoking or rotating the signing key does, in words, or null for any other credential. */
export function signingKeyWarning(action: 'revoke' | 'rotate', c: Credential, ctx: ActionContext): string | null {
  if (!isSigningKey(c, ctx)) return null;
  if (action === 'rotate') {
    return 'vcreds itself is using this key: it switches to the new key, and every profile or script still holding the old one stops working.';
  }
  return 'vcreds itself is using this key: it and every profile holding it stop working.';
}
