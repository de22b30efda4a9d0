// What the finished wizard sends, and what it replaces. Pure.
import type { Credential } from '../../model/credential.js';
import type { CreateOAuthClientInput } from '../../identity/types.js';
import { parseExpiry } from '../../ops/create-rules.js';
import { ownerRoleNames, type WizardState } from './wizard-state.js';

export type Submission =
  | { kind: 'hmac'; userId?: string }
  | { kind: 'oauth'; input: CreateOAuthClientInput };

/** What to send. The expiry is computed against the clock at sending time. */
export function submissionOf(state: WizardState, now: number): Submission {
  const { draft, env } = state;
  const userId = draft.ownerId === env.caller.userId ? undefined : draft.ownerId;
  if (draft.type === 'hmac') return userId ? { kind: 'hmac', userId } : { kind: 'hmac' };
  const expiry = parseExpiry(draft.expiry, now, env.maxTtlDays);
  if (!expiry.ok) throw new Error(expiry.error.message);
  const input: CreateOAuthClientInput = {
    name: draft.name.trim(),
    expiresAt: expiry.value.expiresAt,
    roles: ownerRoleNames(state).filter((r) => draft.roles.includes(r)),
  };
  const description = draft.description.trim();
  if (description) input.description = description;
  if (userId) input.userId = userId;
  return { kind: 'oauth', input };
}

/** The owner's current HMAC pair, which a new one replaces. */
export function currentHmacOf(state: Pick<WizardState, 'env' | 'draft'>): Credential | null {
  return state.env.credentials.find((c) => c.type === 'hmac' && c.owner.userId === state.draft.ownerId && !c.revokedAt) ?? null;
}
