// Keys → wizard actions, per step (the keymaps in src/tui/wizard-keymaps.ts describe them).
import type { Key } from 'ink';
import type { WizardAction, WizardStep } from '../src/tui/wizard-state.js';
import {
  WIZARD_CHOICE_KEYS, WIZARD_FAILED_KEYS, WIZARD_NEXT_KEYS, WIZARD_OWNER_KEYS, WIZARD_REVIEW_KEYS,
  WIZARD_ROLES_KEYS, WIZARD_TEXT_KEYS,
} from '../src/tui/wizard-keymaps.js';
import type { KeyMap } from '../src/tui/keymap.js';

const TEXT_STEPS: readonly WizardStep[] = ['owner', 'name', 'expiry', 'description'];

export function wizardKeyAction(step: WizardStep, input: string, key: Key): WizardAction | null {
  if (key.escape) return { type: 'back' };
  if (step === 'submitting') return null;
  if (step === 'failed') return input === 'r' ? { type: 'retry' } : null;
  if (key.return) return { type: 'next' };
  if (key.upArrow) return { type: 'move', delta: -1 };
  if (key.downArrow) return { type: 'move', delta: 1 };
  if (key.pageUp) return { type: 'move', delta: -10 };
  if (key.pageDown) return { type: 'move', delta: 10 };
  if (TEXT_STEPS.includes(step)) {
    if (key.backspace || key.delete) return { type: 'backspace' };
    if (key.ctrl && input === 'u') return { type: 'clear' };
    if (key.ctrl || key.meta || key.tab) return null;
    return input ? { type: 'text', text: input } : null;
  }
  if (step === 'roles') {
    if (input === ' ') return { type: 'toggle' };
    if (input === 'a') return { type: 'toggleAll' };
  }
  if (input === 'k') return { type: 'move', delta: -1 };
  if (input === 'j') return { type: 'move', delta: 1 };
  return null;
}

/** The step's keys; on the first step Esc leaves the wizard, and the hint says so. */
export function wizardKeymap(step: WizardStep, first = false): KeyMap {
  const map = stepKeymap(step);
  return first ? map.map((b) => (b.command === 'back' ? { ...b, label: 'cancel' } : b)) : map;
}

function stepKeymap(step: WizardStep): KeyMap {
  switch (step) {
    case 'type': return WIZARD_CHOICE_KEYS;
    case 'owner': return WIZARD_OWNER_KEYS;
    case 'roles': return WIZARD_ROLES_KEYS;
    case 'hmac-warning': return WIZARD_NEXT_KEYS;
    case 'review': return WIZARD_REVIEW_KEYS;
    case 'failed': return WIZARD_FAILED_KEYS;
    case 'submitting': return [];
    default: return WIZARD_TEXT_KEYS;
  }
}
