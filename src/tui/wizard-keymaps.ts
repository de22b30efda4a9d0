// Keys of the wizard, the secret screen and the revoke/rotate dialogs, as data for the hint bar.
import type { KeyMap } from './keymap.js';

const back = { keys: 'Esc', command: 'back', label: 'back' } as const;

export const WIZARD_CHOICE_KEYS: KeyMap = [
  { keys: '↑/↓', command: 'move', label: 'move' },
  { keys: 'Enter', command: 'next', label: 'choose' },
  back,
];


export const WIZARD_OWNER_KEYS: KeyMap = [
  { keys: 'type', command: 'filter', label: 'filter' },
  { keys: '↑/↓', command: 'move', label: 'move' },
  { keys: 'Enter', command: 'next', label: 'choose' },
  back,
];

export const WIZARD_TEXT_KEYS: KeyMap = [
  { keys: 'type', command: 'edit', label: 'edit' },
  { keys: 'Ctrl+U', command: 'clear', label: 'clear' },
  { keys: 'Enter', command: 'next', label: 'next' },
  back,
];

export const WIZARD_ROLES_KEYS: KeyMap = [
  { keys: '↑/↓', command: 'move', label: 'move' },
  { keys: 'Space', command: 'toggle', label: 'select' },
  { keys: 'a', command: 'toggleAll', label: 'all/none' },
  { keys: 'Enter', command: 'next', label: 'next' },
  back,
];

export const WIZARD_NEXT_KEYS: KeyMap = [{ keys: 'Enter', command: 'next', label: 'continue' }, back];
export const WIZARD_REVIEW_KEYS: KeyMap = [{ keys: 'Enter', command: 'next', label: 'generate' }, back];
export const WIZARD_FAILED_KEYS: KeyMap = [
  { keys: 'r', command: 'retry', label: 'retry' },
  { keys: 'Esc', command: 'back', label: 'back to review' },
];

export const SECRET_KEYS_HMAC: KeyMap = [
  { keys: 'v', command: 'reveal', label: 'show/hide' },
  { keys: 'p', command: 'save', label: 'save to profile' },
  { keys: 'y', command: 'copy', label: 'copy secret' },
  { keys: 'Enter/Esc', command: 'done', label: 'done' },
];

export const SECRET_KEYS_OAUTH: KeyMap = [
  { keys: 'v', command: 'reveal', label: 'show/hide' },
  { keys: 'e', command: 'env', label: 'env snippet' },
  { keys: 'y', command: 'copy', label: 'copy (snippet if shown)' },
  { keys: 'Enter/Esc', command: 'done', label: 'done' },
];

export const PROMPT_KEYS: KeyMap = [
  { keys: 'Enter', command: 'confirm', label: 'save' },
  { keys: 'Ctrl+U', command: 'clear', label: 'clear' },
  { keys: 'Esc', command: 'cancel', label: 'cancel' },
];

export const CONFIRM_KEYS: KeyMap = [
  { keys: 'y', command: 'yes', label: 'yes' },
  { keys: 'n/Esc', command: 'no', label: 'no' },
];

export const REVOKE_KEYS: KeyMap = [
  { keys: 'type', command: 'edit', label: 'last 4 characters of the id' },
  { keys: 'Ctrl+U', command: 'clear', label: 'clear' },
  { keys: 'Enter', command: 'revoke', label: 'revoke' },
  { keys: 'Esc', command: 'cancel', label: 'cancel' },
];

export const CLOSE_KEYS: KeyMap = [{ keys: 'Enter/Esc', command: 'close', label: 'close' }];
export const RETRY_KEYS: KeyMap = [
  { keys: 'r', command: 'retry', label: 'retry' },
  { keys: 'Esc', command: 'close', label: 'close' },
];
