// The one-time secret screen's state: masked until revealed, copied or saved to a profile (asking
// before replacing another key), and asking before leaving a secret that is neither. Pure.
import type { HeldSecret } from '../../ops/held-secrets.js';
import type { Editor } from '../input/editor.js';
import type { ReportLine } from './rotate-report.js';

export interface SavedTo {
  profile: string;
  path: string;
  backupPath: string | null;
  created: boolean;
  warnings: string[];
}

export type SecretMode =
  | { kind: 'view' }
  | { kind: 'listing' }
  | { kind: 'profile'; editor: Editor; existing: string[]; error: string | null }
  | { kind: 'replace'; profile: string; existing: string[] }
  | { kind: 'saving'; profile: string; existing: string[] }
  /** `quit`: asked by Ctrl+C, so leaving quits the app. */
  | { kind: 'leave'; quit: boolean };

/** What the list says and selects once the user leaves the secret (the screen below shows the rest). */
export interface SecretAfter {
  select: string | null;
  done: string;
}

export interface SecretState {
  held: HeldSecret;
  title: string;
  report: readonly ReportLine[];
  revealed: boolean;
  showEnv: boolean;
  copied: false | 'secret' | 'env';
  saved: SavedTo | null;
  problem: string | null;
  mode: SecretMode;
  after: SecretAfter;
}

export function initialSecret(held: HeldSecret, title: string, after: SecretAfter, report: readonly ReportLine[] = []): SecretState {
  return { held, title, report, revealed: false, showEnv: false, copied: false, saved: null, problem: null, mode: { kind: 'view' }, after };
}

/** Saved, or copied: the user has it somewhere else, and may leave without being asked. */
export function isKept(s: SecretState): boolean {
  return Boolean(s.saved || s.copied);
}
