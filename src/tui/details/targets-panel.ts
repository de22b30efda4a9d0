// The targets of one credential (where its secret is delivered on rotation): listed with what each
// holds, added by typing a descriptor, removed after a y/N. Pure; the store is written by effects.
import type { TargetBinding } from '../../config/preferences-types.js';
import { parseTarget, TargetSyntaxError } from '../../targets/descriptor.js';
import type { Editor } from '../input/editor.js';

export type TargetsMode =
  | { kind: 'list' }
  | { kind: 'add'; editor: Editor; error: string | null }
  | { kind: 'remove'; target: string }
  | { kind: 'saving' };

export interface TargetsPanelState {
  credentialId: string;
  cursor: number;
  mode: TargetsMode;
}

export function initialTargetsPanel(credentialId: string): TargetsPanelState {
  return { credentialId, cursor: 0, mode: { kind: 'list' } };
}

/** Why a typed descriptor is not a target, or null (the store canonicalises what is accepted). */
export function targetProblem(text: string): string | null {
  const t = text.trim();
  if (!t) return 'Type a target, e.g. dotenv:./.env, exec:./deliver.sh, github:OWNER/REPO, gitlab:GROUP/PROJECT or vault:MOUNT/PATH.';
  try {
    parseTarget(t);
    return null;
  } catch (err) {
    return err instanceof TargetSyntaxError || err instanceof Error ? err.message : String(err);
  }
}

/** A binding as one line: the descriptor, whose it is, and what it held after the last delivery. */
export function bindingLine(b: TargetBinding): string {
  const of = b.profile !== undefined ? ` (via profile [${b.profile}])` : '';
  const last = b.last
    ? ` — ${b.last.outcome} ${b.last.at.slice(0, 16).replace('T', ' ')}${b.last.outcome === 'failed' && b.last.reason ? `: ${b.last.reason}` : `, holds ${b.last.holds}`}`
    : ' — nothing delivered yet';
  return `${b.target}${of}${last}`;
}
