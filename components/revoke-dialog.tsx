import { useState } from 'react';
import { Box } from 'ink';
import { useKeys } from '../hooks/use-keys.js';
import type { AppContext } from '../src/app-context.js';
import type { CredentialView } from '../src/model/credential.js';
import { refusalOf } from '../src/tui/wizard-rotation.js';
import { describeFailure, UNCERTAIN_ADVICE } from '../src/tui/wizard-failure.js';
import type { SubmitFailure } from '../src/tui/wizard-state.js';
import { CLOSE_KEYS, RETRY_KEYS, REVOKE_KEYS } from '../src/tui/wizard-keymaps.js';
import { WizardFrame } from './wizard-frame.js';
import { Spinner } from './spinner.js';
import { WizardTextField } from './wizard-text-field.js';
import { WizardRows } from './wizard-rows.js';
import { BLANK_ROW, fitBody, fixed, innerWidth, labelled, marked, part, type Part } from '../src/tui/wizard-rows.js';
import { useLatest } from '../hooks/use-wizard-latest.js';

export interface RevokeDialogProps {
  ctx: AppContext;
  credential: CredentialView;
  width: number;
  /** Rows the dialog may take (long text shrinks to fit); unlimited when not given. */
  height?: number;
  onClose: (changed: boolean) => void;
}

type Phase = 'confirm' | 'revoking' | 'done' | 'failed';

function consequences(c: CredentialView): string {
  if (c.type === 'hmac') {
    const local = c.profiles.length ? ` (including local profiles ${c.profiles.join(', ')})` : '';
    return `Every script and pipeline using API id ${c.id}${local} stops working at once.`;
  }
  return `Tokens for client "${c.name ?? c.id}" (${c.id}) can no longer be obtained; whatever uses it stops working.`;
}

/** Revoke one credential, confirmed by typing the last 4 characters of its id. */
export function RevokeDialog({ ctx, credential: c, width, height = Number.MAX_SAFE_INTEGER, onClose }: RevokeDialogProps) {
  const [phase, setPhase] = useState<Phase>('confirm');
  const [typed, setTyped] = useState('');
  const [wrong, setWrong] = useState<string | null>(null);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const refusal = refusalOf(c, ctx.readOnly, 'revoke');
  const last4 = c.id.slice(-4);

  const revoke = () => {
    setPhase('revoking');
    const request = c.type === 'hmac' ? ctx.service.revokeHmac(c.id) : ctx.service.revokeOAuthClient(c.id);
    request.then(
      () => setPhase('done'),
      (err: unknown) => { setFailure(describeFailure(err)); setPhase('failed'); },
    );
  };

  const latest = useLatest({ phase, typed });
  useKeys((input, key) => {
    const { phase, typed } = latest.current;
    if (refusal) {
      if (key.escape || key.return || input === 'q') onClose(false);
      return;
    }
    switch (phase) {
      case 'done':
        if (key.escape || key.return || input === 'q') onClose(true);
        return;
      case 'failed':
        if (key.escape) onClose(false);
        else if (input === 'r') revoke();
        return;
      case 'revoking':
        return;
      case 'confirm':
        if (key.escape) return onClose(false);
        if (key.return) {
          if (typed.trim().toLowerCase() === last4.toLowerCase()) return revoke();
          setWrong(typed.trim() === ''
            ? `Type the last 4 characters of the id (${last4}) to confirm.`
            : `"${typed.trim()}" is not the last 4 characters of the id: type ${last4} to confirm, or Esc to cancel.`);
          return;
        }
        if (key.backspace || key.delete || (key.ctrl && input === 'u')) {
          // Ctrl+U clears the field, as in the wizard's text fields.
          setTyped((t) => (key.ctrl ? '' : t.slice(0, -1)));
          setWrong(null);
          return;
        }
        if (input && !key.ctrl && !key.meta) {
          const text = input.replace(/[\u0000-\u001f\u007f]/g, '');
          setTyped((t) => (t + text).slice(0, 8));
          setWrong(null);
        }
    }
  });

  const what = c.type === 'hmac' ? 'HMAC key' : `OAuth client "${c.name ?? c.id}"`;
  const title = `Revoke ${what}`;
  const inner = innerWidth(width);
  const idRow = [{ text: 'ID'.padEnd(7), tone: 'dim' as const }, { text: c.id.slice(0, -4) }, { text: last4, tone: 'key' as const }];
  const head: Part[] = [
    fixed('id', [idRow]),
    part('owner', (one) => labelled('Owner', `${c.owner.userName} (${c.owner.accountType === 'api' ? 'API account' : 'user'})`, inner, 7, one), 1),
    { key: 'gap', forms: [[BLANK_ROW], []], shrink: 0 },
    part('what', (one) => marked('warn', `${consequences(c)} This cannot be undone.`, inner, one), 2),
  ];
  if (refusal) {
    return (
      <WizardFrame title={title} width={width} keymap={CLOSE_KEYS} error={refusal}>
        <WizardRows rows={fitBody([fixed('id', [idRow])], width, height, refusal)} />
      </WizardFrame>
    );
  }
  const keymap = phase === 'confirm' ? REVOKE_KEYS : phase === 'failed' ? RETRY_KEYS : phase === 'done' ? CLOSE_KEYS : [];
  const error = phase === 'confirm' ? wrong : null;
  const tail: Part[] = [];
  if (phase === 'confirm') tail.push({ key: 'gap2', forms: [[BLANK_ROW], []], shrink: 0 });
  if (phase === 'done') {
    tail.push(
      { key: 'gap2', forms: [[BLANK_ROW], []], shrink: 0 },
      fixed('done', marked('ok', `Revoked ${c.id}.`, inner)),
    );
    if (c.type === 'hmac' && c.profiles.length) {
      tail.push(part('stale', (one) => marked('warn', `Local profiles ${c.profiles.join(', ')} still hold the revoked key: replace or remove them.`, inner, one), 3));
    }
  }
  if (phase === 'failed' && failure) {
    tail.push(
      { key: 'gap2', forms: [[BLANK_ROW], []], shrink: 0 },
      part('why', (one) => marked('fail', `Revoking failed: ${failure.message}`, inner, one), 3),
      failure.uncertain
        ? part('advice', (one) => marked('warn', UNCERTAIN_ADVICE, inner, one), 3)
        : fixed('advice', marked('skip', 'Nothing changed. Press r to try again.', inner)),
    );
  }
  // The typed field and the spinner are one row each, below the rows fitted here.
  const below = phase === 'confirm' || phase === 'revoking' ? 1 : 0;
  const rows = fitBody([...head, ...tail], width, height - below, error);
  return (
    <WizardFrame title={title} width={width} keymap={keymap} error={error}>
      <WizardRows rows={rows} />
      {phase === 'confirm' ? (
        <Box><WizardTextField label={`Type the last 4 characters of the id (${last4})`} value={typed} width={inner} /></Box>
      ) : null}
      {phase === 'revoking' ? <Spinner label="Revoking…" wrap="wrap" /> : null}
    </WizardFrame>
  );
}
