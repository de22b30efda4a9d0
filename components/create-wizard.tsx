import { useEffect } from 'react';
import { useKeys } from '../hooks/use-keys.js';
import type { AppContext } from '../src/app-context.js';
import type { Credential } from '../src/model/credential.js';
import type { Organisation } from '../src/identity/types.js';
import { stepsOf } from '../src/tui/wizard-state.js';
import { CLOSE_KEYS } from '../src/tui/wizard-keymaps.js';
import { fitBody, frameRows, innerWidth, para, fixed } from '../src/tui/wizard-rows.js';
import { WizardRows } from './wizard-rows.js';
import { useWizard } from '../hooks/use-wizard.js';
import { useLatest } from '../hooks/use-wizard-latest.js';
import { wizardKeyAction, wizardKeymap } from '../hooks/use-wizard-keys.js';
import { WizardFrame } from './wizard-frame.js';
import { WizardStep } from './wizard-step.js';
import { SecretResult } from './secret-result.js';

export interface CreateWizardProps {
  ctx: AppContext;
  organisation: Organisation;
  /** An OAuth client to clone. */
  prefill?: Credential;
  width: number;
  height: number;
  onClose: (changed: boolean) => void;
  /** Replaces the OSC 52 copy on the result screen. */
  copy?: (text: string) => void;
}

const STEP_TITLES: Record<string, string> = {
  type: 'Type', owner: 'For whom', name: 'Name', expiry: 'Expiry', description: 'Description', roles: 'Roles',
  'hmac-warning': 'Replace the current pair', review: 'Review',
};

/** Create API credentials (the Platform's form as steps): type, owner, fields, review, generate. */
export function CreateWizard({ ctx, organisation, prefill, width, height, onClose, copy }: CreateWizardProps) {
  const { state, dispatch, created, release } = useWizard(ctx, organisation, prefill);

  useEffect(() => {
    if (state.cancelled) onClose(false);
  }, [state.cancelled]); // on cancelling only: onClose is a new function each render

  const latest = useLatest(state);
  useKeys((input, key) => {
    if (ctx.readOnly) {
      if (key.escape || key.return || input === 'q') onClose(false);
      return;
    }
    const action = wizardKeyAction(latest.current.step, input, key);
    if (action) dispatch(action);
  }, !created && !state.cancelled);

  if (ctx.readOnly) {
    const error = 'Read-only mode: cannot create credentials. Start vcreds without --read-only to make changes.';
    return (
      <WizardFrame title="New API credential" width={width} keymap={CLOSE_KEYS} error={error}>
        <WizardRows rows={fitBody([fixed('nothing', para('Nothing was changed.', innerWidth(width)))], width, height, error)} />
      </WizardFrame>
    );
  }
  if (created) {
    return <SecretResult ctx={ctx} secret={created} release={release} width={width} height={height} copy={copy} onDone={() => onClose(true)} />;
  }
  const steps = stepsOf(state);
  const at = steps.indexOf(state.step);
  const verb = prefill ? `Clone "${prefill.name ?? prefill.id}"` : 'New API credential';
  const title = at >= 0 ? `${verb} · step ${at + 1} of ${steps.length}: ${STEP_TITLES[state.step]}` : verb;
  const error = state.error?.message;
  const rows = Math.max(1, height - frameRows(width, error));
  return (
    <WizardFrame title={title} width={width} keymap={wizardKeymap(state.step, at === 0)} error={error}>
      <WizardStep state={state} width={innerWidth(width)} rows={rows} />
    </WizardFrame>
  );
}
