import { Box, Text, useInput } from 'ink';
import type { AppContext } from '../src/app-context.js';
import type { CredentialView } from '../src/model/credential.js';
import {
  hmacRotationPlan, hmacRotationReport, hmacSecretNeedsSaving, oauthRotationPlan, oauthRotationReport, refusalOf,
} from '../src/tui/wizard-rotation.js';
import { UNCERTAIN_ADVICE } from '../src/tui/wizard-failure.js';
import { CLOSE_KEYS, CONFIRM_KEYS, RETRY_KEYS } from '../src/tui/wizard-keymaps.js';
import { useWizardRotate } from '../hooks/use-wizard-rotate.js';
import { useLatest } from '../hooks/use-wizard-latest.js';
import { WizardFrame } from './wizard-frame.js';
import { WizardSpinner } from './wizard-spinner.js';
import { SecretResult } from './secret-result.js';
import { SecretReport } from './secret-report.js';

export interface RotateDialogProps {
  ctx: AppContext;
  credential: CredentialView;
  width: number;
  height: number;
  onClose: (changed: boolean) => void;
  /** Replaces the OSC 52 copy of the new secret. */
  copy?: (text: string) => void;
}

const dateOf = (iso: string | null) => (iso ? iso.slice(0, 10) : 'unknown');

/** Rotate an HMAC pair (write to local profiles, prove, report) or add a secret to an OAuth client. */
export function RotateDialog({ ctx, credential: c, width, onClose, copy }: RotateDialogProps) {
  const { phase, start, afterOAuthSecret, retire } = useWizardRotate(ctx, c);
  const refusal = refusalOf(c, ctx.readOnly, 'rotate');
  const showsSecret = phase.kind === 'oauth' || (phase.kind === 'hmac' && hmacSecretNeedsSaving(phase.result));

  const latest = useLatest(phase);
  useInput((input, key) => {
    const phase = latest.current;
    const close = key.escape || key.return || input === 'q';
    if (refusal) {
      if (close) onClose(false);
      return;
    }
    switch (phase.kind) {
      case 'confirm':
        if (input === 'y' || input === 'Y') start();
        else if (input === 'n' || input === 'N' || key.escape || input === 'q') onClose(false);
        return;
      case 'failed':
        if (input === 'r') start();
        else if (key.escape || input === 'q') onClose(false);
        return;
      case 'hmac':
      case 'retired':
        if (close) onClose(true);
        return;
      case 'retire':
        if (input === 'y' || input === 'Y') void retire(phase.old);
        else if (input === 'n' || input === 'N' || close) onClose(true);
    }
  }, { isActive: !showsSecret });

  const what = c.type === 'hmac' ? `HMAC key of ${c.owner.userName}` : `OAuth client "${c.name ?? c.id}"`;
  const title = `Rotate ${what}`;
  if (refusal) {
    return <WizardFrame title={title} width={width} keymap={CLOSE_KEYS} error={refusal}><Text>{c.id}</Text></WizardFrame>;
  }

  if (phase.kind === 'hmac' && showsSecret) {
    const g = phase.result.generated;
    return (
      <SecretResult
        ctx={ctx} width={width} copy={copy} title={`${title}: the new key is NOT safely stored yet`}
        secret={{ kind: 'hmac', id: g.apiId, secret: g.apiSecret, name: null, ownerName: g.owner.userName, expiresAt: g.expiresAt }}
        onDone={() => onClose(true)}
      >
        <SecretReport lines={hmacRotationReport(phase.result, ctx.credentialsPath)} />
      </SecretResult>
    );
  }
  if (phase.kind === 'oauth') {
    const s = phase.result.secret;
    return (
      <SecretResult
        ctx={ctx} width={width} copy={copy} title={`${title}: new secret`}
        secret={{ kind: 'oauth', id: s.clientId || c.id, secret: s.clientSecret, secretId: s.secretId, name: c.name, ownerName: c.owner.userName, expiresAt: s.expiresAt }}
        onDone={() => { if (!afterOAuthSecret(phase.result)) onClose(true); }}
      >
        <SecretReport lines={oauthRotationReport(phase.result)} />
      </SecretResult>
    );
  }

  switch (phase.kind) {
    case 'confirm':
      return (
        <WizardFrame title={title} width={width} keymap={CONFIRM_KEYS}>
          {c.type === 'hmac'
            ? hmacRotationPlan(c, ctx.credentialsPath).map((l) => <Text key={l}>{l}</Text>)
            : oauthRotationPlan(c, ctx.now()).map((l) => <Text key={l}>{l}</Text>)}
          <Box marginTop={1}><Text bold>Rotate now? y/N</Text></Box>
        </WizardFrame>
      );
    case 'running':
      return (
        <WizardFrame title={title} width={width} keymap={[]}>
          <WizardSpinner label={c.type === 'hmac' ? 'Generating the new pair, updating profiles, testing it…' : 'Adding a secret and testing it…'} />
        </WizardFrame>
      );
    case 'failed':
      return (
        <WizardFrame title={title} width={width} keymap={RETRY_KEYS}>
          <Text color="red">✖ Rotation failed: {phase.failure.message}</Text>
          {phase.hint ? <Text>{phase.hint}</Text> : null}
          {phase.failure.uncertain ? <Text color="yellow">⚠ {UNCERTAIN_ADVICE}</Text> : <Text>No new secret was created.</Text>}
        </WizardFrame>
      );
    case 'hmac':
      return (
        <WizardFrame title={`${title}: done`} width={width} keymap={CLOSE_KEYS}>
          <SecretReport lines={hmacRotationReport(phase.result, ctx.credentialsPath)} />
          <Text>The new key is in your local profiles and works.</Text>
        </WizardFrame>
      );
    case 'retire':
      return (
        <WizardFrame title={`${title}: retire the previous secret?`} width={width} keymap={CONFIRM_KEYS}>
          {phase.old.map((s) => <Text key={s.secretId}>· {s.secretId} (created {dateOf(s.createdAt)}, expires {dateOf(s.expiresAt)})</Text>)}
          {phase.result.proof === 'failed'
            ? <Text color="red">✖ The new secret failed its token request: keep the previous one until it works.</Text>
            : null}
          <Text color="yellow">⚠ Anything still using {phase.old.length > 1 ? 'these secrets' : 'this secret'} stops working once retired.</Text>
          <Box marginTop={1}><Text bold>Retire now? y/N</Text></Box>
        </WizardFrame>
      );
    case 'retiring':
      return (
        <WizardFrame title={title} width={width} keymap={[]}>
          <WizardSpinner label="Retiring the previous secret…" />
        </WizardFrame>
      );
    case 'retired':
      return (
        <WizardFrame title={`${title}: done`} width={width} keymap={CLOSE_KEYS}>
          {phase.retired.map((id) => <Text key={id} color="green">✓ Retired {id}</Text>)}
          {phase.failures.map((f) => <Text key={f} color="red">✖ Not retired: {f} (retire it later from the details view)</Text>)}
        </WizardFrame>
      );
    default:
      return null;
  }
}
