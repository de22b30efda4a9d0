// The rotate dialog's state: confirm → running → a report (HMAC, when the new key is safely in its
// profiles) or the one-time secret screen (OAuth, or an HMAC key that still needs saving), then
// for OAuth an offer to retire the secrets the new one replaces. Pure.
import type { CredentialView, OAuthSecret } from '../../model/credential.js';
import { signingKeyWarning, type ActionContext } from '../../ops/actions.js';
import { EMPTY_EDITOR, type Editor } from '../input/editor.js';
import type { SubmitFailure } from './failure.js';
import type { ReportLine } from './rotate-report.js';

export type RotatePhase =
  | { kind: 'confirm' }
  | { kind: 'running' }
  | { kind: 'failed'; failure: SubmitFailure; hint: string | null }
  | { kind: 'done'; report: ReportLine[] }
  | { kind: 'retire'; old: OAuthSecret[]; proofFailed: boolean }
  | { kind: 'retiring'; old: OAuthSecret[] }
  | { kind: 'retired'; retired: string[]; failures: string[] };

export interface RotateState {
  credential: CredentialView;
  /** Set when this is the key vcreds itself signs with: the confirmation is then typed. */
  selfWarning: string | null;
  typed: Editor;
  wrong: string | null;
  phase: RotatePhase;
}

export function initialRotate(c: CredentialView, ctx: ActionContext): RotateState {
  return { credential: c, selfWarning: signingKeyWarning('rotate', c, ctx), typed: EMPTY_EDITOR, wrong: null, phase: { kind: 'confirm' } };
}

/** The confirm step is a typed one (like revoke) for the key vcreds signs with, else y/N. */
export function needsTypedConfirmation(s: RotateState): boolean {
  return s.phase.kind === 'confirm' && s.selfWarning !== null;
}
