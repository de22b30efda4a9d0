// The revoke and rotate dialogs' commands and typed confirmations.
import { DIALOG_BINDINGS, type DialogCommand } from '../bindings.js';
import { editorReducer, type Edit } from '../input/editor.js';
import { confirmationProblem, type RevokeState } from '../dialogs/revoke-dialog.js';
import { needsTypedConfirmation, type RotateState } from '../dialogs/rotate-dialog.js';
import type { Model, Screen } from './model.js';
import { step, unreachable, type Step } from './messages.js';
import { refresh } from './on-list.js';
import { pop, push } from './stack.js';
import { replaceTop } from './stack.js';

type Revoke = Extract<Screen, { kind: 'revoke' }>;
type Rotate = Extract<Screen, { kind: 'rotate' }>;

const CONFIRM_MAX = 8;

export function revokeBindings(d: RevokeState) {
  if (d.phase === 'confirm') return DIALOG_BINDINGS.typed;
  return d.phase === 'failed' ? DIALOG_BINDINGS.failed : DIALOG_BINDINGS.busy;
}

export function rotateBindings(d: RotateState) {
  if (needsTypedConfirmation(d)) return DIALOG_BINDINGS.typed;
  switch (d.phase.kind) {
    case 'confirm':
    case 'retire': return DIALOG_BINDINGS.question;
    case 'running':
    case 'retiring': return DIALOG_BINDINGS.busy;
    case 'failed': return DIALOG_BINDINGS.failed;
    case 'done':
    case 'retired': return DIALOG_BINDINGS.done;
    default: return unreachable(d.phase);
  }
}

const help = (model: Model) => step(push(model, { kind: 'help', scroll: 0 }));

export function onRevokeEdit(model: Model, screen: Revoke, edit: Edit): Step {
  const typed = editorReducer(screen.dialog.typed, edit, CONFIRM_MAX);
  return step(replaceTop(model, { ...screen, dialog: { ...screen.dialog, typed, wrong: null } }));
}

export function onRevokeCommand(model: Model, screen: Revoke, command: DialogCommand): Step {
  const d = screen.dialog;
  const set = (dialog: RevokeState) => replaceTop(model, { ...screen, dialog });
  const start = () => step(set({ ...d, phase: 'revoking', failure: null }), { kind: 'revoke', credential: d.credential });
  switch (command) {
    case 'confirm': {
      if (d.phase !== 'confirm') return step(model);
      const wrong = confirmationProblem(d.credential, d.typed.value);
      return wrong ? step(set({ ...d, wrong })) : start();
    }
    case 'retry': return d.phase === 'failed' ? start() : step(model);
    case 'back':
    case 'no': return d.phase === 'revoking' ? step(model) : step(pop(model));
    case 'yes': return step(model);
    case 'help': return help(model);
    default: return unreachable(command);
  }
}

export function onRotateEdit(model: Model, screen: Rotate, edit: Edit): Step {
  const typed = editorReducer(screen.dialog.typed, edit, CONFIRM_MAX);
  return step(replaceTop(model, { ...screen, dialog: { ...screen.dialog, typed, wrong: null } }));
}

export function onRotateCommand(model: Model, screen: Rotate, command: DialogCommand): Step {
  const d = screen.dialog;
  const set = (dialog: RotateState) => replaceTop(model, { ...screen, dialog });
  const start = () => step({ ...set({ ...d, phase: { kind: 'running' } }), creating: model.creating + 1 }, { kind: 'rotate', credential: d.credential });
  const phase = d.phase;
  switch (command) {
    case 'confirm': {
      if (!needsTypedConfirmation(d)) return step(model);
      const wrong = confirmationProblem(d.credential, d.typed.value);
      return wrong ? step(set({ ...d, wrong })) : start();
    }
    case 'yes':
      if (phase.kind === 'confirm' && !needsTypedConfirmation(d)) return start();
      if (phase.kind === 'retire') {
        return step(set({ ...d, phase: { kind: 'retiring', old: phase.old } }), { kind: 'retire', credential: d.credential, secretIds: phase.old.map((s) => s.secretId) });
      }
      return step(model);
    case 'retry': return phase.kind === 'failed' ? start() : step(model);
    case 'no':
    case 'back':
      if (phase.kind === 'running' || phase.kind === 'retiring') return step(model);
      // After a change, the list is loaded again to show it.
      return phase.kind === 'confirm' || phase.kind === 'failed' ? step(pop(model)) : refresh(pop(model));
    case 'help': return help(model);
    default: return unreachable(command);
  }
}
