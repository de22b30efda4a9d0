import { useState } from 'react';
import { Box, Text, useInput } from 'ink';
import type { AppContext } from '../src/app-context.js';
import type { CredentialView } from '../src/model/credential.js';
import { refusalOf } from '../src/tui/wizard-rotation.js';
import { describeFailure, UNCERTAIN_ADVICE } from '../src/tui/wizard-failure.js';
import type { SubmitFailure } from '../src/tui/wizard-state.js';
import { CLOSE_KEYS, RETRY_KEYS, REVOKE_KEYS } from '../src/tui/wizard-keymaps.js';
import { WizardFrame } from './wizard-frame.js';
import { WizardSpinner } from './wizard-spinner.js';
import { WizardTextField } from './wizard-text-field.js';
import { useLatest } from '../hooks/use-wizard-latest.js';

export interface RevokeDialogProps {
  ctx: AppContext;
  credential: CredentialView;
  width: number;
  onClose: (changed: boolean) => void;
}

type Phase = 'confirm' | 'revoking' | 'done' | 'failed';

function consequences(c: CredentialView): string {
  if (c.type === 'hmac') {
    const local = c.profiles.length ? `, including local profiles ${c.profiles.join(', ')}` : '';
    return `Every script and pipeline using API id ${c.id}${local}, stops working at once.`;
  }
  return `Tokens for client "${c.name ?? c.id}" (${c.id}) can no longer be obtained; whatever uses it stops working.`;
}

/** Revoke one credential, confirmed by typing the last 4 characters of its id. */
export function RevokeDialog({ ctx, credential: c, width, onClose }: RevokeDialogProps) {
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
  useInput((input, key) => {
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
        if (key.backspace || key.delete) {
          setTyped((t) => t.slice(0, -1));
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
  if (refusal) {
    return <WizardFrame title={title} width={width} keymap={CLOSE_KEYS} error={refusal}><Text>{c.id}</Text></WizardFrame>;
  }
  const keymap = phase === 'confirm' ? REVOKE_KEYS : phase === 'failed' ? RETRY_KEYS : phase === 'done' ? CLOSE_KEYS : [];
  return (
    <WizardFrame title={title} width={width} keymap={keymap} error={phase === 'confirm' ? wrong : null}>
      <Text><Text dimColor>{'ID'.padEnd(7)}</Text>{c.id.slice(0, -4)}<Text bold underline>{last4}</Text></Text>
      <Text><Text dimColor>{'Owner'.padEnd(7)}</Text>{c.owner.userName} ({c.owner.accountType === 'api' ? 'API account' : 'user'})</Text>
      <Box marginTop={1}><Text color="yellow">⚠ {consequences(c)} This cannot be undone.</Text></Box>
      {phase === 'confirm' ? (
        <Box marginTop={1}><WizardTextField label={`Type the last 4 characters of the id (${last4})`} value={typed} /></Box>
      ) : null}
      {phase === 'revoking' ? <WizardSpinner label="Revoking…" /> : null}
      {phase === 'done' ? (
        <Box flexDirection="column">
          <Text color="green">✓ Revoked {c.id}.</Text>
          {c.type === 'hmac' && c.profiles.length ? (
            <Text color="yellow">⚠ Local profiles {c.profiles.join(', ')} still hold the revoked key: replace or remove them.</Text>
          ) : null}
        </Box>
      ) : null}
      {phase === 'failed' && failure ? (
        <Box flexDirection="column">
          <Text color="red">✖ Revoking failed: {failure.message}</Text>
          {failure.uncertain ? <Text color="yellow">⚠ {UNCERTAIN_ADVICE}</Text> : <Text>Nothing changed. Press r to try again.</Text>}
        </Box>
      ) : null}
    </WizardFrame>
  );
}
