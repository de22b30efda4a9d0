import { useKeys } from '../hooks/use-keys.js';
import type { AppContext } from '../src/app-context.js';
import type { CredentialView } from '../src/model/credential.js';
import {
  hmacRotationPlan, hmacRotationReport, oauthRotationPlan, oauthRotationReport, refusalOf,
} from '../src/tui/wizard-rotation.js';
import { UNCERTAIN_ADVICE } from '../src/tui/wizard-failure.js';
import { reportForms } from '../src/tui/wizard-secret-rows.js';
import { BLANK_ROW, fitBody, fixed, innerWidth, marked, para, part, type Part } from '../src/tui/wizard-rows.js';
import { CLOSE_KEYS, CONFIRM_KEYS, RETRY_KEYS } from '../src/tui/wizard-keymaps.js';
import type { KeyMap } from '../src/tui/keymap.js';
import { useWizardRotate } from '../hooks/use-wizard-rotate.js';
import { useLatest } from '../hooks/use-wizard-latest.js';
import { WizardFrame } from './wizard-frame.js';
import { Spinner } from './spinner.js';
import { WizardRows } from './wizard-rows.js';
import { SecretResult } from './secret-result.js';

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
export function RotateDialog({ ctx, credential: c, width, height, onClose, copy }: RotateDialogProps) {
  const { phase, start, afterOAuthSecret, retire } = useWizardRotate(ctx, c);
  const refusal = refusalOf(c, ctx.readOnly, 'rotate');
  const showsSecret = (phase.kind === 'oauth' || phase.kind === 'hmac') && phase.secret !== null;

  const latest = useLatest(phase);
  useKeys((input, key) => {
    const phase = latest.current;
    const close = key.escape || key.return || input === 'q';
    const yes = input === 'y' || input === 'Y';
    // y/N questions: Enter takes the default, no, as on the secret screen.
    const no = input === 'n' || input === 'N' || key.escape || key.return || input === 'q';
    if (refusal) {
      if (close) onClose(false);
      return;
    }
    switch (phase.kind) {
      case 'confirm':
        if (yes) start();
        else if (no) onClose(false);
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
        if (yes) void retire(phase.old);
        else if (no) onClose(true);
    }
  }, !showsSecret);

  const what = c.type === 'hmac' ? `HMAC key of ${c.owner.userName}` : `OAuth client "${c.name ?? c.id}"`;
  const title = `Rotate ${what}`;
  const inner = innerWidth(width);
  const frame = (heading: string, keymap: KeyMap, parts: Part[], error?: string | null) => (
    <WizardFrame title={heading} width={width} keymap={keymap} error={error}>
      <WizardRows rows={fitBody(parts, width, height, error)} />
    </WizardFrame>
  );
  const lines = (key: string, texts: readonly string[]) => part(key, (one) => texts.flatMap((t) => para(t, inner, { oneRow: one })));
  const question = (text: string) => [fixed('gap', [BLANK_ROW]), fixed('question', para(text, inner, { tone: 'bold' }))];

  if (refusal) return frame(title, CLOSE_KEYS, [lines('id', [c.id])], refusal);

  if ((phase.kind === 'hmac' || phase.kind === 'oauth') && phase.secret) {
    const oauth = phase.kind === 'oauth';
    return (
      <SecretResult
        ctx={ctx} width={width} height={height} copy={copy} secret={phase.secret} release={phase.release}
        title={oauth ? `${title}: new secret` : `${title}: the new key is NOT safely stored yet`}
        report={phase.kind === 'oauth' ? oauthRotationReport(phase.result) : hmacRotationReport(phase.result, ctx.credentialsPath)}
        onDone={() => { if (phase.kind !== 'oauth' || !afterOAuthSecret(phase.result)) onClose(true); }}
      />
    );
  }

  switch (phase.kind) {
    case 'confirm':
      return frame(title, CONFIRM_KEYS, [
        lines('plan', c.type === 'hmac' ? hmacRotationPlan(c, ctx.credentialsPath) : oauthRotationPlan(c, ctx.now())),
        ...question('Rotate now? y/N'),
      ]);
    case 'running':
      return (
        <WizardFrame title={title} width={width} keymap={[]}>
          <Spinner label={c.type === 'hmac' ? 'Generating the new pair, updating profiles, testing it…' : 'Adding a secret and testing it…'} wrap="wrap" />
        </WizardFrame>
      );
    case 'failed':
      return frame(title, RETRY_KEYS, [
        part('why', (one) => marked('fail', `Rotation failed: ${phase.failure.message}`, inner, one), 3),
        ...(phase.hint ? [lines('hint', [phase.hint])] : []),
        phase.failure.uncertain
          ? part('advice', (one) => marked('warn', UNCERTAIN_ADVICE, inner, one))
          : lines('advice', ['No new secret was created.']),
      ]);
    case 'hmac':
      return frame(`${title}: done`, CLOSE_KEYS, [
        { key: 'report', forms: reportForms(hmacRotationReport(phase.result, ctx.credentialsPath), inner), shrink: 1 },
        fixed('works', para('The new key is in your local profiles and works.', inner)),
      ]);
    case 'retire': {
      const many = phase.old.length > 1;
      return frame(`${title}: retire the previous secret${many ? 's' : ''}?`, CONFIRM_KEYS, [
        { key: 'old', forms: [
          phase.old.flatMap((s) => marked('info', `${s.secretId} (created ${dateOf(s.createdAt)}, expires ${dateOf(s.expiresAt)})`, inner)),
          phase.old.flatMap((s) => marked('info', s.secretId, inner, true)),
        ], shrink: 1 },
        ...(phase.result.proof === 'failed'
          ? [part('proof', (one) => marked('fail', 'The new secret failed its token request: keep the previous one until it works.', inner, one), 3)]
          : []),
        part('warn', (one) => marked('warn', `Anything still using ${many ? 'these secrets' : 'this secret'} stops working once retired.`, inner, one)),
        ...question('Retire now? y/N'),
      ]);
    }
    case 'retiring':
      return (
        <WizardFrame title={title} width={width} keymap={[]}>
          <Spinner label="Retiring the previous secret…" wrap="wrap" />
        </WizardFrame>
      );
    case 'retired':
      return frame(`${title}: done`, CLOSE_KEYS, [
        { key: 'done', forms: [[
          ...phase.retired.flatMap((id) => marked('ok', `Retired ${id}`, inner)),
          ...phase.failures.flatMap((f) => marked('fail', `Not retired: ${f} (retire it later from the details view)`, inner)),
        ]] },
      ]);
    default:
      return null;
  }
}
