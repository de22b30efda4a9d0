// What can happen to the app (messages in) and what it asks the outside world to do (effects
// out). update.ts is a pure function from a model and a message to a model and effects;
// effects.ts carries effects out and answers with messages.
import type { CredentialFilter, SortOrder } from '../../model/filter.js';
import type { ColumnId } from '../../config/preferences-types.js';
import type { LoadBatch, Organisation } from '../../identity/types.js';
import type { ShownProgress } from '../list/progress.js';
import type { Credential, CredentialView } from '../../model/credential.js';
import type { HeldSecret } from '../../ops/held-secrets.js';
import type { RotateDeliverResult } from '../../ops/rotate-deliver.js';
import type { TargetBinding } from '../../config/preferences-types.js';
import type { Account } from '../../ops/all-profiles.js';
import type { RetireResult } from '../../ops/retire-secrets.js';
import type { WriteResult } from '../../credentials/writer.js';
import type { WizardState } from '../wizard/wizard-state.js';
import type { SubmitFailure } from '../dialogs/failure.js';
import type { KeyEvent } from '../input/keys.js';
import type { Model } from './model.js';

export type Msg =
  | { kind: 'key'; event: KeyEvent }
  | { kind: 'resize'; columns: number; rows: number }
  /** Load the organisation again (the first load, a refresh). */
  | { kind: 'reload' }
  | { kind: 'load-progress'; progress: ShownProgress }
  /** Credentials as pages arrive (a first load shows them at once). */
  | { kind: 'load-batch'; batch: LoadBatch }
  | { kind: 'loaded'; organisation: Organisation; now: number }
  | { kind: 'load-failed'; error: string }
  | { kind: 'flash-expired'; seq: number }
  | { kind: 'note'; text: string; tone: 'info' | 'ok' | 'warn' | 'error' }
  /** The credential vcreds signs with now (it changes when vcreds renews its own pair). */
  | { kind: 'signing-key'; id: string | null }
  | { kind: 'revoked'; credential: CredentialView; now: number }
  | { kind: 'revoke-failed'; failure: SubmitFailure }
  | { kind: 'created'; held: HeldSecret; credential: Credential }
  | { kind: 'create-failed'; failure: SubmitFailure }
  | { kind: 'rotated'; result: Exclude<RotateDeliverResult, { kind: 'plan' }> }
  /** The targets as stored now; `note` says what changed (null: nothing to say). */
  | { kind: 'targets-changed'; targets: TargetBinding[]; note: string | null }
  | { kind: 'targets-failed'; error: string }
  | { kind: 'accounts-listed'; accounts: Account[]; problem: string | null }
  | { kind: 'account-probed'; name: string; host: string | null; admin: boolean | null; error: string | null }
  | { kind: 'rotate-failed'; failure: SubmitFailure; hint: string | null }
  | { kind: 'retired'; result: RetireResult }
  | { kind: 'profiles-listed'; existing: string[] }
  | { kind: 'profiles-failed'; error: string }
  | { kind: 'profile-saved'; profile: string; written: WriteResult }
  | { kind: 'profile-save-failed'; profile: string; error: string };

export type Effect =
  | { kind: 'load' }
  | { kind: 'save-prefs'; patch: { columns?: ColumnId[]; sort?: SortOrder; filter?: CredentialFilter } }
  | { kind: 'flash-timer'; seq: number }
  | { kind: 'revoke'; credential: CredentialView }
  /** Sends what the wizard's review shows; the expiry is computed against the clock when sent. */
  | { kind: 'create'; wizard: WizardState }
  | { kind: 'rotate'; credential: CredentialView }
  | { kind: 'retire'; credential: CredentialView; secretIds: string[] }
  | { kind: 'list-profiles' }
  | { kind: 'save-profile'; profile: string; id: string; secret: string; force: boolean }
  | { kind: 'targets-add'; credentialId: string; target: string }
  | { kind: 'targets-remove'; binding: TargetBinding }
  | { kind: 'list-accounts' }
  | { kind: 'probe-accounts'; accounts: Account[] }
  | { kind: 'switch-account'; account: Account | 'all' }
  | { kind: 'copy'; text: string }
  | { kind: 'release'; held: HeldSecret }
  | { kind: 'quit' };

export interface Step {
  model: Model;
  effects: Effect[];
}

export const step = (model: Model, ...effects: Effect[]): Step => ({ model, effects });

/** Compile-time proof that a switch handled every case: a missing one does not compile. */
export function unreachable(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
