import type { ReactNode } from 'react';
import { Box, Text, useInput, useStdout } from 'ink';
import type { AppContext } from '../src/app-context.js';
import { copyToClipboard } from '../src/tui/clipboard.js';
import { maskSecret, oauthEnvSnippet, type OneTimeSecret } from '../src/tui/wizard-secret.js';
import { CONFIRM_KEYS, PROMPT_KEYS, SECRET_KEYS_HMAC, SECRET_KEYS_OAUTH } from '../src/tui/wizard-keymaps.js';
import { useWizardSecret } from '../hooks/use-wizard-secret.js';
import { WizardFrame } from './wizard-frame.js';
import { SecretSaved } from './secret-saved.js';
import { WizardTextField } from './wizard-text-field.js';

export interface SecretResultProps {
  ctx: AppContext;
  secret: OneTimeSecret;
  width: number;
  title?: string;
  /** Lines shown above the secret (e.g. a rotation report). */
  children?: ReactNode;
  /** Called once the user leaves, having saved/copied the secret or confirmed leaving without. */
  onDone: () => void;
  /** Replaces the OSC 52 copy (the app shell and tests pass their own). */
  copy?: (text: string) => void;
  isActive?: boolean;
}

/** Shows a just-created secret once: masked until `v`, with save (HMAC), copy and env (OAuth). */
export function SecretResult({ ctx, secret, width, title, children, onDone, copy, isActive = true }: SecretResultProps) {
  const { stdout } = useStdout();
  const doCopy = copy ?? ((text: string) => copyToClipboard(text, stdout));
  const s = useWizardSecret(ctx, secret, doCopy, onDone);
  useInput(s.onKey, { isActive });

  const keymap = s.mode.kind === 'profile' ? PROMPT_KEYS
    : s.mode.kind === 'view' ? (secret.kind === 'hmac' ? SECRET_KEYS_HMAC : SECRET_KEYS_OAUTH)
    : CONFIRM_KEYS;
  const idLabel = secret.kind === 'hmac' ? 'API ID' : 'Client ID';
  const heading = title ?? (secret.kind === 'hmac' ? 'HMAC pair created' : `OAuth client "${secret.name ?? secret.id}" created`);
  return (
    <WizardFrame sides={false} title={heading} width={width} keymap={keymap} error={s.mode.kind === 'profile' ? s.mode.error : s.problem}>
      {children}
      <Text><Text dimColor>{'Owner'.padEnd(11)}</Text>{secret.ownerName}</Text>
      <Text><Text dimColor>{idLabel.padEnd(11)}</Text>{secret.id}</Text>
      <Text>
        <Text dimColor>{'Secret'.padEnd(11)}</Text>
        {s.revealed ? secret.secret : maskSecret(secret.secret)}
      </Text>
      {secret.expiresAt ? <Text><Text dimColor>{'Expires'.padEnd(11)}</Text>{secret.expiresAt.slice(0, 10)}</Text> : null}
      <Text color="yellow">⚠ This secret is shown only now: save or copy it before leaving.</Text>
      {secret.staleProfiles && secret.staleProfiles.length > 0 && !s.saved ? (
        <Text color="yellow">⚠ Local profiles {secret.staleProfiles.join(', ')} hold the previous key, which stops working: save the new one there (p).</Text>
      ) : null}
      {s.showEnv ? (
        <Box flexDirection="column" marginTop={1}>
          <Text dimColor>Paste into a shell (y copies it):</Text>
          {/* Two lines joined by a backslash, so a paste of the wrapped text is still one command. */}
          <Text>{oauthEnvSnippet(secret.id, secret.secret).replace(' VERACODE_OAUTH_CLIENT_SECRET=', ' \\\n  VERACODE_OAUTH_CLIENT_SECRET=')}</Text>
        </Box>
      ) : null}
      {s.copied ? <Text color="green">✓ {s.copied === 'env' ? 'Snippet' : 'Secret'} sent to the clipboard (OSC 52; your terminal must allow clipboard access).</Text> : null}
      {s.saved ? <SecretSaved saved={s.saved} /> : null}
      {s.mode.kind === 'profile' ? (
        <Box marginTop={1}>
          <WizardTextField
            label="Save to profile"
            value={s.mode.value}
            note={s.mode.existing.length ? `In ${ctx.credentialsPath}; existing: ${s.mode.existing.join(', ')}` : `In ${ctx.credentialsPath} (no profiles yet)`}
          />
        </Box>
      ) : null}
      {s.mode.kind === 'replace' ? (
        <Text color="yellow">Profile [{s.mode.profile}] already exists in {ctx.credentialsPath}. Replace it? y/N</Text>
      ) : null}
      {s.mode.kind === 'leave' ? (
        <Text color="yellow">The secret will never be shown again. Leave anyway? y/N</Text>
      ) : null}
    </WizardFrame>
  );
}
