import { useState } from 'react';
import { useStdout } from 'ink';
import { useKeys } from '../hooks/use-keys.js';
import type { AppContext } from '../src/app-context.js';
import { copyToClipboard } from '../src/tui/clipboard.js';
import { holdOneTimeSecret, type OneTimeSecret } from '../src/tui/wizard-secret.js';
import type { ReportLine } from '../src/tui/wizard-rotation.js';
import { secretParts } from '../src/tui/wizard-secret-rows.js';
import { fitBody, innerWidth } from '../src/tui/wizard-rows.js';
import { CONFIRM_KEYS, PROMPT_KEYS, SECRET_KEYS_HMAC, SECRET_KEYS_OAUTH } from '../src/tui/wizard-keymaps.js';
import { useWizardSecret } from '../hooks/use-wizard-secret.js';
import { WizardFrame } from './wizard-frame.js';
import { WizardRows } from './wizard-rows.js';

export interface SecretResultProps {
  ctx: AppContext;
  secret: OneTimeSecret;
  width: number;
  /** Rows the screen may take; long parts (the report first) shrink to fit. */
  height: number;
  title?: string;
  /** Steps shown above the secret (a rotation report). */
  report?: readonly ReportLine[];
  /** Called once the user leaves, having saved/copied the secret or confirmed leaving without. */
  onDone: () => void;
  /** Replaces the OSC 52 copy (the app shell and tests pass their own). */
  copy?: (text: string) => void;
  /**
   * Lets go of the secret in the unsaved-secrets registry (from `holdOneTimeSecret` when it
   * arrived). Without it, the screen holds the secret itself from its first render.
   */
  release?: () => void;
  isActive?: boolean;
}

/** Shows a just-created secret once: masked until `v`, with save (HMAC), copy and env (OAuth). */
export function SecretResult({ ctx, secret, width, height, title, report = [], onDone, copy, release, isActive = true }: SecretResultProps) {
  const { stdout } = useStdout();
  const doCopy = copy ?? ((text: string) => copyToClipboard(text, stdout));
  const [letGo] = useState(() => release ?? holdOneTimeSecret(secret));
  const s = useWizardSecret(ctx, secret, doCopy, onDone, letGo);
  useKeys(s.onKey, isActive);

  const keymap = s.mode.kind === 'profile' ? PROMPT_KEYS
    : s.mode.kind === 'view' ? (secret.kind === 'hmac' ? SECRET_KEYS_HMAC : SECRET_KEYS_OAUTH)
    : CONFIRM_KEYS;
  const heading = title ?? (secret.kind === 'hmac' ? 'HMAC pair created' : `OAuth client "${secret.name ?? secret.id}" created`);
  const error = s.mode.kind === 'profile' ? s.mode.error : s.problem;
  const inner = innerWidth(width, false);
  const parts = secretParts({
    secret, credentialsPath: ctx.credentialsPath, report, revealed: s.revealed, showEnv: s.showEnv,
    copied: s.copied, saved: s.saved, mode: s.mode,
  }, inner);
  const rows = fitBody(parts, width, height, error, false);
  return (
    <WizardFrame sides={false} title={heading} width={width} keymap={keymap} error={error}>
      <WizardRows rows={rows} />
    </WizardFrame>
  );
}
