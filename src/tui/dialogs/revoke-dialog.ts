// The revoke dialog's state: confirmed by typing the last 4 characters of the id. Pure.
import type { CredentialView } from '../../model/credential.js';
import { signingKeyWarning, type ActionContext } from '../../ops/actions.js';
import { EMPTY_EDITOR, type Editor } from '../input/editor.js';
import type { SubmitFailure } from './failure.js';

export interface RevokeState {
  /** A snapshot taken when the dialog opened: a reload does not change what is being revoked. */
  credential: CredentialView;
  /** Set when this is the key vcreds itself signs with, said in words. */
  selfWarning: string | null;
  phase: 'confirm' | 'revoking' | 'failed';
  typed: Editor;
  /** Why the typed text is not accepted. */
  wrong: string | null;
  failure: SubmitFailure | null;
}

export function initialRevoke(c: CredentialView, ctx: ActionContext): RevokeState {
  return { credential: c, selfWarning: signingKeyWarning('revoke', c, ctx), phase: 'confirm', typed: EMPTY_EDITOR, wrong: null, failure: null };
}

export const confirmationOf = (c: Pick<CredentialView, 'id'>) => c.id.slice(-4);

/** Null when the typed text confirms; otherwise what to say. */
export function confirmationProblem(c: Pick<CredentialView, 'id'>, typed: string): string | null {
  const want = confirmationOf(c);
  const got = typed.trim();
  if (got.toLowerCase() === want.toLowerCase()) return null;
  return got === ''
    ? `Type the last 4 characters of the id (${want}) to confirm.`
    : `"${got}" is not the last 4 characters of the id: type ${want} to confirm, or Esc to cancel.`;
}

export function consequences(c: CredentialView): string {
  if (c.type === 'hmac') {
    const local = c.profiles.length ? ` (including local profiles ${c.profiles.join(', ')})` : '';
    return `Every script and pipeline using API id ${c.id}${local} stops working at once.`;
  }
  return `Tokens for client "${c.name ?? c.id}" (${c.id}) can no longer be obtained; whatever uses it stops working.`;
}
