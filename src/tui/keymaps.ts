// Every screen's keys as data: the hint bar, the `?` overlay and the key handlers all read these.
import type { KeyBinding, KeyMap } from './keymap.js';
import type { KeyLike } from './text-input.js';

/** A binding plus the key names that trigger it (see keyName). */
export interface TuiBinding<C extends string = string> extends KeyBinding<C> {
  match: readonly string[];
}
export type TuiKeyMap<C extends string = string> = readonly TuiBinding<C>[];

/** A normalised name for an Ink key event: 'up', 'enter', 'esc', 'ctrl+r', 'pgdn', or the character. */
export function keyName(input: string, key: KeyLike & { home?: boolean; end?: boolean; shift?: boolean }): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pgup';
  if (key.pageDown) return 'pgdn';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl) return `ctrl+${input}`;
  return input;
}

export function commandFor<C extends string>(keymap: TuiKeyMap<C>, input: string, key: KeyLike & { shift?: boolean }): C | null {
  const name = keyName(input, key);
  return keymap.find((b) => b.match.includes(name))?.command ?? null;
}

const b = <C extends string>(keys: string, command: C, label: string, match: string[], hint = true): TuiBinding<C> => ({ keys, command, label, match, hint });
/** The other half of a pair whose first entry names both keys (↑/↓, K/J): in neither the hints nor the overlay. */
const pairOf = <C extends string>(command: C, match: string[]): TuiBinding<C> => ({ keys: '', command, label: '', match, hint: false, help: false });

export type ListCommand =
  | 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom' | 'details' | 'search' | 'filter' | 'clearFilters'
  | 'columns' | 'sort' | 'reverse' | 'new' | 'revoke' | 'rotate' | 'copy' | 'refresh' | 'help' | 'back' | 'quit';

export const LIST_KEYS: TuiKeyMap<ListCommand> = [
  b('↑/k', 'up', 'up', ['up', 'k'], false),
  b('↓/j', 'down', 'down', ['down', 'j'], false),
  b('PgUp', 'pageUp', 'page up', ['pgup', 'ctrl+b'], false),
  b('PgDn', 'pageDown', 'page down', ['pgdn', 'ctrl+f', ' '], false),
  b('g', 'top', 'top', ['g', 'home'], false),
  b('G', 'bottom', 'bottom', ['G', 'end'], false),
  b('⏎', 'details', 'details', ['enter']),
  b('/', 'search', 'search', ['/']),
  b('f', 'filter', 'filter', ['f']),
  b('x', 'clearFilters', 'clear filters', ['x'], false),
  b('c', 'columns', 'columns', ['c']),
  b('s', 'sort', 'sort', ['s']),
  b('S', 'reverse', 'reverse sort', ['S'], false),
  b('n', 'new', 'new', ['n']),
  b('d', 'revoke', 'revoke', ['d']),
  b('r', 'rotate', 'rotate', ['r']),
  b('y', 'copy', 'copy id', ['y']),
  b('Ctrl+R/R', 'refresh', 'refresh', ['ctrl+r', 'R'], false),
  b('Esc', 'back', 'clear search', ['esc'], false),
  b('?', 'help', 'help', ['?']),
  b('q', 'quit', 'quit', ['q', 'ctrl+c']),
];

export type SearchCommand = 'keep' | 'cancel' | 'up' | 'down';
export const SEARCH_KEYS: TuiKeyMap<SearchCommand> = [
  b('type', 'keep' as SearchCommand, 'to filter by name, id, owner, role', [], true),
  b('⏎', 'keep', 'keep filter', ['enter']),
  b('Esc', 'cancel', 'clear', ['esc']),
  b('↑/↓', 'up', 'move', ['up']),
  pairOf('down', ['down']),
];

export type DetailsCommand = 'up' | 'down' | 'copy' | 'revoke' | 'rotate' | 'clone' | 'help' | 'back' | 'quit';
export const DETAILS_KEYS: TuiKeyMap<DetailsCommand> = [
  b('↑/↓', 'up', 'scroll', ['up', 'k']),
  pairOf('down', ['down', 'j']),
  b('y', 'copy', 'copy id', ['y']),
  b('d', 'revoke', 'revoke', ['d']),
  b('r', 'rotate', 'rotate', ['r']),
  b('C', 'clone', 'clone (OAuth)', ['C']),
  b('?', 'help', 'help', ['?']),
  b('Esc', 'back', 'back', ['esc', 'q', 'left']),
];

export type FilterPanelCommand = 'up' | 'down' | 'toggle' | 'apply' | 'clear' | 'cancel';
export const FILTER_PANEL_KEYS: TuiKeyMap<FilterPanelCommand> = [
  b('↑/↓', 'up', 'move', ['up', 'shift+tab']),
  pairOf('down', ['down', 'tab']),
  b('Space', 'toggle', 'toggle', [' ']),
  b('⏎', 'apply', 'apply', ['enter']),
  b('x', 'clear', 'clear all', ['x']),
  b('Esc', 'cancel', 'cancel', ['esc']),
];

export type ColumnsCommand = 'up' | 'down' | 'toggle' | 'moveUp' | 'moveDown' | 'reset' | 'close';
export const COLUMNS_KEYS: TuiKeyMap<ColumnsCommand> = [
  b('↑/↓', 'up', 'move', ['up', 'k']),
  pairOf('down', ['down', 'j']),
  b('Space', 'toggle', 'show/hide', [' ', 'x']),
  b('K/J', 'moveUp', 'reorder', ['K', '-', '<']),
  pairOf('moveDown', ['J', '+', '>']),
  b('R', 'reset', 'reset', ['R']),
  b('⏎/Esc', 'close', 'done', ['enter', 'esc', 'q']),
];

export type SortCommand = 'up' | 'down' | 'flip' | 'apply' | 'cancel';
export const SORT_KEYS_MAP: TuiKeyMap<SortCommand> = [
  b('↑/↓', 'up', 'choose', ['up', 'k']),
  pairOf('down', ['down', 'j']),
  b('Space/←/→', 'flip', 'direction', [' ', 'left', 'right']),
  b('⏎', 'apply', 'apply', ['enter']),
  b('Esc', 'cancel', 'cancel', ['esc', 'q']),
];

export type HelpCommand = 'close';
export const HELP_KEYS: TuiKeyMap<HelpCommand> = [b('Esc/?/q', 'close', 'close help', ['esc', '?', 'q', 'enter'])];

/** Every screen's keys, for the `?` overlay. */
export const ALL_KEYMAPS: readonly { title: string; keymap: KeyMap }[] = [
  { title: 'Credential list', keymap: LIST_KEYS },
  { title: 'Search (/)', keymap: SEARCH_KEYS.slice(1) },
  { title: 'Details', keymap: DETAILS_KEYS },
  { title: 'Filter panel (f)', keymap: FILTER_PANEL_KEYS },
  { title: 'Columns (c)', keymap: COLUMNS_KEYS },
  { title: 'Sort (s)', keymap: SORT_KEYS_MAP },
];
