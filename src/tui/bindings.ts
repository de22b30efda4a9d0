// Every screen's keys as data, in one module: which keys, the command they give, the label the
// hint bar and the `?` overlay show, and when a binding is offered. The dispatcher
// (dispatch.ts) reads these tables to turn a key into a command; the hint bar and `?` read the
// same tables, so what is shown is what works. Each table keeps `? help` (F1 where letters are
// text) and the way out.
import type { CredentialView } from '../model/credential.js';

export interface BindingContext {
  readOnly: boolean;
  /** The credential the screen acts on, if any. */
  credential?: CredentialView | null;
}

export interface Binding<C extends string = string> {
  /** Key names that trigger it: 'up', 'enter', 'esc', 'ctrl+r', 'space', or the character itself. */
  match: readonly string[];
  command: C;
  /** What the user reads, e.g. "↑/k"; empty for the hidden twin of a pair. */
  keys: string;
  label: string;
  /** Shown in the hint bar; otherwise only in the `?` overlay. */
  hint?: boolean;
  /** Listed in the `?` overlay (false for a twin whose keys a neighbour already names). */
  help?: boolean;
  /** Help and the way out: kept in the hint bar at any width. */
  essential?: boolean;
  /** Offered (hinted) only when this holds; the key itself still answers, with the reason. */
  when?: (c: BindingContext) => boolean;
}

export type Bindings<C extends string = string> = readonly Binding<C>[];

type Extra<C extends string> = Partial<Omit<Binding<C>, 'keys' | 'command' | 'label' | 'match'>>;
const b = <C extends string>(keys: string, command: C, label: string, match: readonly string[], extra: Extra<C> = {}): Binding<C> =>
  ({ keys, command, label, match, hint: true, ...extra });
/** The second half of a pair named by its first entry (↑/↓, K/J): in neither the hints nor `?`. */
const twin = <C extends string>(command: C, match: readonly string[]): Binding<C> =>
  ({ keys: '', command, label: '', match, hint: false, help: false });

const canChange = (c: BindingContext) => !c.readOnly;
const liveCredential = (c: BindingContext) => !c.readOnly && Boolean(c.credential) && c.credential!.status !== 'revoked';
const help = <C extends string>(command: C) => b('?', command, 'help', ['?', 'f1'], { essential: true });
/** Where letters are text, help is F1 only. */
const helpF1 = <C extends string>(command: C) => b('F1', command, 'help', ['f1'], { essential: true });
const MOVE = (up = ['up', 'k'], down = ['down', 'j']) => [b('↑/↓', 'up' as const, 'move', up, { hint: false }), twin('down' as const, down)];

export type ListCommand =
  | 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom' | 'details' | 'search' | 'filter' | 'clearFilters'
  | 'columns' | 'sort' | 'reverse' | 'new' | 'revoke' | 'rotate' | 'copy' | 'refresh' | 'messages' | 'accounts' | 'command'
  | 'timeline' | 'help' | 'back' | 'quit';

export const LIST_BINDINGS: Bindings<ListCommand> = [
  b('↑/↓ j/k', 'up', 'move', ['up', 'k'], { hint: false }),
  twin('down', ['down', 'j']),
  b('PgUp/PgDn', 'pageUp', 'page', ['pgup', 'ctrl+b'], { hint: false }),
  twin('pageDown', ['pgdn', 'ctrl+f', 'space']),
  b('g/G', 'top', 'top/bottom', ['g', 'home'], { hint: false }),
  twin('bottom', ['G', 'end']),
  b('⏎', 'details', 'details', ['enter']),
  b('/', 'search', 'search', ['/']),
  b('f', 'filter', 'filter', ['f']),
  b('x', 'clearFilters', 'clear filters', ['x'], { hint: false }),
  b('c', 'columns', 'columns', ['c']),
  b('s', 'sort', 'sort', ['s']),
  b('S', 'reverse', 'reverse sort', ['S'], { hint: false }),
  b('n', 'new', 'new', ['n'], { when: canChange }),
  b('d', 'revoke', 'revoke', ['d'], { when: liveCredential }),
  b('r', 'rotate', 'rotate', ['r'], { when: liveCredential }),
  b('y', 'copy', 'copy id', ['y']),
  b('^R/R', 'refresh', 'refresh', ['ctrl+r', 'R']),
  b('m', 'messages', 'messages', ['m'], { hint: false }),
  b('T', 'timeline', 'timeline', ['T'], { hint: false }),
  b('A', 'accounts', 'accounts', ['A'], { hint: false }),
  b(':', 'command', 'command (:profile NAME)', [':'], { hint: false }),
  b('Esc', 'back', 'clear search', ['esc'], { hint: false }),
  help('help'),
  b('q', 'quit', 'quit', ['q'], { essential: true }),
];

export type SearchCommand = 'keep' | 'cancel' | 'up' | 'down' | 'pageUp' | 'pageDown' | 'help';
export const SEARCH_BINDINGS: Bindings<SearchCommand> = [
  b('⏎', 'keep', 'keep filter', ['enter']),
  b('↑/↓', 'up', 'move', ['up'], { hint: false }),
  twin('down', ['down']),
  b('PgUp/PgDn', 'pageUp', 'page', ['pgup'], { hint: false }),
  twin('pageDown', ['pgdn']),
  helpF1('help'),
  b('Esc', 'cancel', 'clear and close', ['esc'], { essential: true }),
];

export type DetailsCommand = 'up' | 'down' | 'copy' | 'revoke' | 'rotate' | 'clone' | 'targets' | 'help' | 'back';
export const DETAILS_BINDINGS: Bindings<DetailsCommand> = [
  ...MOVE(),
  b('y', 'copy', 'copy id', ['y']),
  b('t', 'targets', 'targets', ['t']),
  b('d', 'revoke', 'revoke', ['d'], { when: liveCredential }),
  b('r', 'rotate', 'rotate', ['r'], { when: liveCredential }),
  b('C', 'clone', 'clone', ['C'], { when: (c) => !c.readOnly && c.credential?.type === 'oauth' }),
  help('help'),
  b('Esc/q', 'back', 'back', ['esc', 'q', 'left'], { essential: true }),
];

export type FilterCommand = 'up' | 'down' | 'toggle' | 'apply' | 'clear' | 'help' | 'back';
/** On the check-box rows. */
export const FILTER_BINDINGS: Bindings<FilterCommand> = [
  b('↑/↓', 'up', 'move', ['up', 'k', 'shift+tab'], { hint: false }),
  twin('down', ['down', 'j', 'tab']),
  b('Space', 'toggle', 'toggle', ['space']),
  b('⏎', 'apply', 'apply', ['enter']),
  b('x', 'clear', 'clear all', ['x']),
  help('help'),
  b('Esc/q', 'back', 'cancel', ['esc', 'q'], { essential: true }),
];
/** On the typed rows (owner, days): letters are text. */
export const FILTER_TEXT_BINDINGS: Bindings<FilterCommand> = [
  b('↑/↓', 'up', 'move', ['up', 'shift+tab'], { hint: false }),
  twin('down', ['down', 'tab']),
  b('type', 'apply', 'to edit', [], { help: false }),
  b('⏎', 'apply', 'apply', ['enter']),
  helpF1('help'),
  b('Esc', 'back', 'cancel', ['esc'], { essential: true }),
];

export type ColumnsCommand = 'up' | 'down' | 'toggle' | 'moveUp' | 'moveDown' | 'reset' | 'help' | 'back';
export const COLUMNS_BINDINGS: Bindings<ColumnsCommand> = [
  ...MOVE(),
  b('Space', 'toggle', 'show/hide', ['space', 'x']),
  b('K/J', 'moveUp', 'reorder', ['K', '-', '<']),
  twin('moveDown', ['J', '+', '>']),
  b('R', 'reset', 'reset', ['R']),
  help('help'),
  b('⏎/Esc/q', 'back', 'done', ['enter', 'esc', 'q'], { essential: true }),
];

export type SortCommand = 'up' | 'down' | 'flip' | 'apply' | 'help' | 'back';
export const SORT_BINDINGS: Bindings<SortCommand> = [
  ...MOVE(),
  b('Space/←/→', 'flip', 'direction', ['space', 'left', 'right']),
  b('⏎', 'apply', 'apply', ['enter']),
  help('help'),
  b('Esc/q', 'back', 'cancel', ['esc', 'q'], { essential: true }),
];

export type ScrollCommand = 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom' | 'help' | 'back';
const SCROLL: Bindings<ScrollCommand> = [
  ...MOVE(),
  b('PgUp/PgDn', 'pageUp', 'page', ['pgup'], { hint: false }),
  twin('pageDown', ['pgdn', 'space']),
  b('g/G', 'top', 'top/bottom', ['g', 'home'], { hint: false }),
  twin('bottom', ['G', 'end']),
];
export const HELP_BINDINGS: Bindings<ScrollCommand> = [...SCROLL, b('Esc/q/?', 'back', 'close help', ['esc', 'q', '?', 'enter', 'f1'], { essential: true })];
export const MESSAGES_BINDINGS: Bindings<ScrollCommand> = [...SCROLL, help('help'), b('Esc/q', 'back', 'close', ['esc', 'q', 'enter'], { essential: true })];

export type WizardCommand = 'up' | 'down' | 'pageUp' | 'pageDown' | 'next' | 'back' | 'toggle' | 'toggleAll' | 'retry' | 'help';
const wizardBack = (label: string) => b('Esc', 'back' as const, label, ['esc'], { essential: true });
const wizardBackQ = (label: string) => b('Esc/q', 'back' as const, label, ['esc', 'q'], { essential: true });
export const WIZARD_BINDINGS = {
  choice: [...MOVE(), b('⏎', 'next', 'choose', ['enter']), help('help'), wizardBackQ('back')],
  owner: [b('type', 'next', 'to filter', [], { help: false }), b('↑/↓', 'up', 'move', ['up'], { hint: false }), twin('down', ['down']),
    b('PgUp/PgDn', 'pageUp', 'page', ['pgup'], { hint: false }), twin('pageDown', ['pgdn']), b('⏎', 'next', 'choose', ['enter']), helpF1('help'), wizardBack('back')],
  text: [b('type', 'next', 'to edit', [], { help: false }), b('⏎', 'next', 'next', ['enter']), helpF1('help'), wizardBack('back')],
  roles: [...MOVE(), b('Space', 'toggle', 'select', ['space']), b('a', 'toggleAll', 'all/none', ['a']), b('⏎', 'next', 'next', ['enter']), help('help'), wizardBackQ('back')],
  next: [b('⏎', 'next', 'continue', ['enter']), help('help'), wizardBackQ('back')],
  review: [b('⏎', 'next', 'generate', ['enter']), help('help'), wizardBackQ('back')],
  submitting: [help('help'), b('', 'help', 'waiting for the server; the answer is kept whatever happens', [], { help: false })],
  failed: [b('r', 'retry', 'retry', ['r']), help('help'), wizardBackQ('back to review')],
} satisfies Record<string, Bindings<WizardCommand>>;

export type DialogCommand = 'confirm' | 'yes' | 'no' | 'retry' | 'help' | 'back';
export const DIALOG_BINDINGS = {
  /** A typed confirmation (revoke). */
  typed: [b('type', 'confirm', 'the last 4 characters of the id', [], { help: false }), b('⏎', 'confirm', 'revoke', ['enter']), helpF1('help'), b('Esc', 'back', 'cancel', ['esc'], { essential: true })],
  question: [b('y', 'yes', 'yes', ['y', 'Y']), help('help'), b('n/Esc/q', 'no', 'no', ['n', 'N', 'esc', 'q', 'enter'], { essential: true })],
  busy: [help('help'), b('', 'help', 'working…', [], { help: false })],
  failed: [b('r', 'retry', 'retry', ['r']), help('help'), b('Esc/q', 'back', 'close', ['esc', 'q', 'enter'], { essential: true })],
  done: [help('help'), b('⏎/Esc/q', 'back', 'close', ['enter', 'esc', 'q'], { essential: true })],
} satisfies Record<string, Bindings<DialogCommand>>;

export type SecretCommand = 'reveal' | 'save' | 'env' | 'copy' | 'done' | 'confirm' | 'yes' | 'no' | 'help';
export const SECRET_BINDINGS = {
  hmac: [b('v', 'reveal', 'show/hide', ['v']), b('p', 'save', 'save to profile', ['p']), b('y', 'copy', 'copy secret', ['y']),
    help('help'), b('⏎/Esc/q', 'done', 'done', ['enter', 'esc', 'q'], { essential: true })],
  oauth: [b('v', 'reveal', 'show/hide', ['v']), b('e', 'env', 'env snippet', ['e']), b('y', 'copy', 'copy (snippet if shown)', ['y']),
    help('help'), b('⏎/Esc/q', 'done', 'done', ['enter', 'esc', 'q'], { essential: true })],
  prompt: [b('type', 'confirm', 'a profile name', [], { help: false }), b('⏎', 'confirm', 'save', ['enter']), helpF1('help'), b('Esc', 'no', 'cancel', ['esc'], { essential: true })],
  question: [b('y', 'yes', 'yes', ['y', 'Y']), help('help'), b('n/Esc', 'no', 'no', ['n', 'N', 'esc', 'enter', 'q'], { essential: true })],
  busy: [help('help'), b('', 'help', 'working…', [], { help: false })],
} satisfies Record<string, Bindings<SecretCommand>>;

export type TargetsCommand = 'up' | 'down' | 'add' | 'remove' | 'confirm' | 'yes' | 'no' | 'help' | 'back';
export const TARGETS_BINDINGS = {
  list: [...MOVE(), b('a', 'add', 'add', ['a', 'n']), b('x', 'remove', 'remove', ['x', 'd'], { when: (c) => !c.readOnly }), help('help'), b('Esc/q', 'back', 'back', ['esc', 'q', 'left'], { essential: true })],
  add: [b('type', 'confirm', 'a target', [], { help: false }), b('⏎', 'confirm', 'add', ['enter']), helpF1('help'), b('Esc', 'no', 'cancel', ['esc'], { essential: true })],
  question: [b('y', 'yes', 'yes', ['y', 'Y']), help('help'), b('n/Esc', 'no', 'no', ['n', 'N', 'esc', 'enter', 'q'], { essential: true })],
  busy: [help('help'), b('', 'help', 'saving…', [], { help: false })],
} satisfies Record<string, Bindings<TargetsCommand>>;

export type AccountsCommand = 'up' | 'down' | 'choose' | 'help' | 'back';
export const ACCOUNTS_BINDINGS: Bindings<AccountsCommand> = [
  ...MOVE(), b('⏎', 'choose', 'switch', ['enter']), help('help'), b('Esc/q', 'back', 'back', ['esc', 'q'], { essential: true }),
];

export type CommandLineCommand = 'run' | 'help' | 'back';
export const COMMAND_LINE_BINDINGS: Bindings<CommandLineCommand> = [
  b('type', 'run', ':profile NAME or :all', [], { help: false }), b('⏎', 'run', 'run', ['enter']), helpF1('help'),
  b('Esc', 'back', 'cancel', ['esc'], { essential: true }),
];

export type TimelineCommand = 'up' | 'down' | 'first' | 'last' | 'choose' | 'help' | 'back';
export const TIMELINE_BINDINGS: Bindings<TimelineCommand> = [
  ...MOVE(),
  b('g/G', 'first', 'first/last week', ['g', 'home'], { hint: false }),
  twin('last', ['G', 'end']),
  b('⏎', 'choose', 'show that week in the list', ['enter']),
  help('help'),
  b('Esc/q', 'back', 'back', ['esc', 'q', 'left'], { essential: true }),
];

/** Every screen's keys, for the `?` overlay: the same tables the screens dispatch with. */
export const HELP_SECTIONS: readonly { title: string; bindings: Bindings }[] = [
  { title: 'Credential list', bindings: LIST_BINDINGS },
  { title: 'Search (/)', bindings: SEARCH_BINDINGS },
  { title: 'Details (⏎)', bindings: DETAILS_BINDINGS },
  { title: 'Filter panel (f)', bindings: FILTER_BINDINGS },
  { title: 'Columns (c)', bindings: COLUMNS_BINDINGS },
  { title: 'Sort (s)', bindings: SORT_BINDINGS },
  { title: 'Messages (m)', bindings: MESSAGES_BINDINGS },
  { title: 'Targets (t in details)', bindings: TARGETS_BINDINGS.list },
  { title: 'Expiry timeline (T)', bindings: TIMELINE_BINDINGS },
  { title: 'Accounts (A, or :profile NAME)', bindings: ACCOUNTS_BINDINGS },
  { title: 'New credential (n)', bindings: [...WIZARD_BINDINGS.roles, ...WIZARD_BINDINGS.failed.slice(0, 1)] },
  { title: 'One-time secret', bindings: [...SECRET_BINDINGS.hmac, ...SECRET_BINDINGS.oauth.slice(1, 2)] },
  { title: 'Text fields', bindings: [
    b('←/→', 'edit', 'move the cursor', [], {}), b('Home/End', 'edit', 'start/end (Ctrl+A/E)', []),
    b('Bksp/Del', 'edit', 'delete a character', []), b('Ctrl+U', 'edit', 'delete to the start', []),
    b('Ctrl+W', 'edit', 'delete a word', []), b('Ctrl+K', 'edit', 'delete to the end', []),
  ] },
  { title: 'Everywhere', bindings: [b('Ctrl+C', 'quit', 'quit (asks while a new secret is unsaved)', [])] },
];

/** The command a key gives on a screen, or null. */
export function commandOf<C extends string>(bindings: Bindings<C>, name: string): C | null {
  for (const binding of bindings) if (binding.match.includes(name)) return binding.command;
  return null;
}
