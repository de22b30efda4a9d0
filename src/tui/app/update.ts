// The one update function: a message in, the next model and effects out. Keys go through one
// dispatcher: Ctrl+C first (quit, asking only while a new secret is unsaved), then the focused text
// field if the top screen has one, then the top screen's bindings (bindings.ts) to a command that
// the screen's handler takes in one exhaustive switch.
import { ACCOUNTS_BINDINGS, COMMAND_LINE_BINDINGS, commandOf, DETAILS_BINDINGS, COLUMNS_BINDINGS, FILTER_BINDINGS, FILTER_TEXT_BINDINGS, HELP_BINDINGS, HELP_SECTIONS,
  LIST_BINDINGS, MESSAGES_BINDINGS, SEARCH_BINDINGS, SORT_BINDINGS, type Bindings } from '../bindings.js';
import { EDIT_KEYS, editorReducer, type Edit } from '../input/editor.js';
import type { KeyEvent } from '../input/keys.js';
import { filterPanelReducer, isTextRow, type FilterPanelState } from '../panels/filter-panel.js';
import { frameLayout } from '../frame/frame.js';
import { helpLines } from '../panels/help-view.js';
import { messageRows } from '../panels/messages-view.js';
import { overlayBox } from '../list/list-screen.js';
import { fieldOf } from '../wizard/wizard-state.js';
import { needsTypedConfirmation } from '../dialogs/rotate-dialog.js';
import { isKept } from '../dialogs/secret-screen.js';
import { topOf, type Model, type Screen } from './model.js';
import { step, unreachable, type Msg, type Step } from './messages.js';
import { notify } from './notify.js';
import { onDetailsCommand } from './on-details.js';
import { onRevokeCommand, onRevokeEdit, onRotateCommand, onRotateEdit, revokeBindings, rotateBindings } from './on-dialogs.js';
import { onListCommand, onSearchCommand, refresh } from './on-list.js';
import { onColumnsCommand, onFilterCommand, onScrollCommand, onSortCommand } from './on-panels.js';
import { replaceTop } from './stack.js';
import {
  onCreated, onCreateFailed, onLoadBatch, onLoaded, onLoadFailed, onRetired, onRevoked, onRevokeFailed, onRotated, onRotateFailed,
} from './on-results.js';
import { onProfileSaved, onProfileSaveFailed, onProfilesFailed, onProfilesListed, onSecretCommand, onSecretEdit, secretBindings } from './on-secret.js';
import { onWizardCommand, onWizardEdit, wizardBindings } from './on-wizard.js';
import { onTimelineCommand } from './on-timeline.js';
import { TIMELINE_BINDINGS } from '../bindings.js';
import { onTargetsChanged, onTargetsCommand, onTargetsEdit, targetsBindings } from './on-targets.js';
import { onAccountProbed, onAccountsCommand, onAccountsListed, onCommandLineCommand, onCommandLineEdit } from './on-accounts.js';
import { settle } from './selection.js';

/** What the top screen does with keys: its bindings, and its text field if one has the focus. */
interface KeyTarget {
  bindings: Bindings;
  command(model: Model, command: string): Step;
  /** Present when a text field has the focus: letters are text, not commands. */
  edit?: (model: Model, edit: Edit) => Step;
}

/** Help's and the messages screen's scroll range and page, from their layout. */
export function scrollLayout(model: Model, screen: Extract<Screen, { kind: 'help' | 'messages' }>) {
  const wide = screen.kind === 'help';
  const box = overlayBox(model, wide);
  const bindings = wide ? HELP_BINDINGS : MESSAGES_BINDINGS;
  const frame = frameLayout(box.width, box.height, bindings, { readOnly: model.readOnly });
  const lines = wide
    ? Math.max(0, ...helpLines(HELP_SECTIONS, frame.inner, frame.bodyRows).map((c) => c.length))
    : messageRows(model.messages, frame.inner).length;
  return { box, frame, page: frame.bodyRows, maxScroll: Math.max(0, lines - frame.bodyRows) };
}

export function keyTarget(model: Model): KeyTarget {
  const screen = topOf(model);
  const as = <C extends string>(bindings: Bindings<C>, command: (model: Model, c: C) => Step, edit?: KeyTarget['edit']): KeyTarget =>
    ({ bindings, command: command as KeyTarget['command'], edit });
  switch (screen.kind) {
    case 'list': return as(LIST_BINDINGS, onListCommand);
    case 'search':
      return as(SEARCH_BINDINGS, onSearchCommand, (m, e) => step({ ...m, search: editorReducer(m.search, e, 256) }));
    case 'details': return as(DETAILS_BINDINGS, (m, c) => onDetailsCommand(m, screen, c));
    case 'filter': {
      const text = isTextRow(screen.panel);
      const edit: KeyTarget['edit'] = (m, e) => step(replaceTop(m, { ...screen, panel: filterEdit(screen.panel, e) }));
      return as(text ? FILTER_TEXT_BINDINGS : FILTER_BINDINGS, (m, c) => onFilterCommand(m, screen, c), text ? edit : undefined);
    }
    case 'columns': return as(COLUMNS_BINDINGS, (m, c) => onColumnsCommand(m, screen, c));
    case 'sort': return as(SORT_BINDINGS, (m, c) => onSortCommand(m, screen, c));
    case 'timeline': return as(TIMELINE_BINDINGS, (m, c) => onTimelineCommand(m, screen, c));
    case 'help':
    case 'messages': {
      const { maxScroll, page } = scrollLayout(model, screen);
      return as(screen.kind === 'help' ? HELP_BINDINGS : MESSAGES_BINDINGS, (m, c) => onScrollCommand(m, screen, c, maxScroll, page));
    }
    case 'wizard':
      return as(wizardBindings(screen.wizard), (m, c) => onWizardCommand(m, screen, c), fieldOf(screen.wizard) ? (m, e) => onWizardEdit(m, screen, e) : undefined);
    case 'revoke':
      return as(revokeBindings(screen.dialog), (m, c) => onRevokeCommand(m, screen, c), screen.dialog.phase === 'confirm' ? (m, e) => onRevokeEdit(m, screen, e) : undefined);
    case 'rotate':
      return as(rotateBindings(screen.dialog), (m, c) => onRotateCommand(m, screen, c), needsTypedConfirmation(screen.dialog) ? (m, e) => onRotateEdit(m, screen, e) : undefined);
    case 'accounts': return as(ACCOUNTS_BINDINGS, (m, c) => onAccountsCommand(m, screen, c));
    case 'command': return as(COMMAND_LINE_BINDINGS, (m, c) => onCommandLineCommand(m, screen, c), (m, e) => onCommandLineEdit(m, screen, e));
    case 'targets':
      return as(targetsBindings(screen.panel), (m, c) => onTargetsCommand(m, screen, c), screen.panel.mode.kind === 'add' ? (m, e) => onTargetsEdit(m, screen, e) : undefined);
    case 'secret':
      return as(secretBindings(screen.secret), (m, c) => onSecretCommand(m, screen, c), screen.secret.mode.kind === 'profile' ? (m, e) => onSecretEdit(m, screen, e) : undefined);
    default: return unreachable(screen);
  }
}

const filterEdit = (panel: FilterPanelState, edit: Edit) => filterPanelReducer(panel, { type: 'edit', edit });

/** The name a typed character goes by in the bindings. */
const charName = (ch: string) => (ch === ' ' ? 'space' : ch);

/** Ctrl+C: quit, unless a secret the server just created is unsaved (then ask) or on its way. */
function onQuitKey(model: Model): Step {
  for (let at = model.stack.length - 1; at >= 0; at--) {
    const s = model.stack[at]!;
    if (s.kind !== 'secret' || isKept(s.secret)) continue;
    const asking: Screen = { ...s, secret: { ...s.secret, mode: { kind: 'leave', quit: true } } };
    return step({ ...model, stack: [...model.stack.slice(0, at), asking] });
  }
  if (model.creating > 0) {
    return notify(model, 'A request that creates a secret is on its way: its answer is shown as soon as it arrives, then Ctrl+C quits.', 'warn');
  }
  return step(model, { kind: 'quit' });
}

function onKey(model: Model, event: KeyEvent): Step {
  if (event.kind === 'key' && event.name === 'ctrl+c') return onQuitKey(model);
  const target = keyTarget(model);
  switch (event.kind) {
    case 'paste':
      if (target.edit) return target.edit(model, { type: 'insert', text: event.text });
      return notify(model, 'Pasted text goes into a text field; this screen has none, so it was ignored.', 'warn');
    case 'key': {
      const edit = target.edit && EDIT_KEYS[event.name];
      if (edit) return target.edit!(model, edit);
      const command = commandOf(target.bindings, event.name);
      return command ? target.command(model, command) : step(model);
    }
    case 'text': {
      // Characters typed faster than a read: each is a key, until a text field has the focus,
      // which then takes the rest as one edit. Iterative, whatever the length.
      let s: Step = step(model);
      let rest = event.text;
      while (rest) {
        const t = keyTarget(s.model);
        if (t.edit) {
          const edited = t.edit(s.model, { type: 'insert', text: rest });
          return { model: edited.model, effects: [...s.effects, ...edited.effects] };
        }
        const ch = String.fromCodePoint(rest.codePointAt(0)!);
        rest = rest.slice(ch.length);
        const command = commandOf(t.bindings, charName(ch));
        if (!command) continue;
        const next = t.command(s.model, command);
        s = { model: next.model, effects: [...s.effects, ...next.effects] };
      }
      return s;
    }
    default: return unreachable(event);
  }
}

/**
 * The next model and effects. The selection and the table's scroll are made to agree with what
 * the message changed (the same credential if still shown, else the first row), once per message:
 * a typed run of characters is one message, so a burst of typing filters once.
 */
export function update(model: Model, msg: Msg): Step {
  const s = route(model, msg);
  return s.model === model ? s : { model: settle(s.model), effects: s.effects };
}

function route(model: Model, msg: Msg): Step {
  switch (msg.kind) {
    case 'key': return onKey(model, msg.event);
    case 'resize': return step(settle({ ...model, size: { columns: msg.columns, rows: msg.rows } }));
    case 'reload': return refresh(model);
    case 'load-progress': return step({ ...model, data: { ...model.data, progress: msg.progress } });
    case 'load-batch': return onLoadBatch(model, msg.batch);
    case 'loaded': return onLoaded(model, msg.organisation, msg.now);
    case 'load-failed': return onLoadFailed(model, msg.error);
    case 'flash-expired': return step(model.flash && model.flash.seq === msg.seq ? { ...model, flash: null } : model);
    case 'note': return notify(model, msg.text, msg.tone);
    case 'signing-key': return step({ ...model, signingKeyId: msg.id });
    case 'revoked': return onRevoked(model, msg.credential, msg.now);
    case 'revoke-failed': return onRevokeFailed(model, msg.failure);
    case 'created': return onCreated(model, msg.held, msg.credential);
    case 'create-failed': return onCreateFailed(model, msg.failure);
    case 'rotated': return onRotated(model, msg.result);
    case 'targets-changed': return onTargetsChanged(model, msg.targets, msg.note, null);
    case 'targets-failed': return onTargetsChanged(model, [...model.targets], null, msg.error);
    case 'accounts-listed': return onAccountsListed(model, msg.accounts, msg.problem);
    case 'account-probed': return onAccountProbed(model, msg.name, msg);
    case 'rotate-failed': return onRotateFailed(model, msg.failure, msg.hint);
    case 'retired': return onRetired(model, msg.result);
    case 'profiles-listed':
    case 'profiles-failed':
    case 'profile-saved':
    case 'profile-save-failed': {
      const top = topOf(model);
      if (top.kind !== 'secret') return step(model);
      if (msg.kind === 'profiles-listed') return onProfilesListed(model, top, msg.existing);
      if (msg.kind === 'profiles-failed') return onProfilesFailed(model, top, msg.error);
      if (msg.kind === 'profile-saved') return onProfileSaved(model, top, { profile: msg.profile, path: model.credentialsPath, ...msg.written });
      return onProfileSaveFailed(model, top, msg.profile, msg.error);
    }
    default: return unreachable(msg);
  }
}
