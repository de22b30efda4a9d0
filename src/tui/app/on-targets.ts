// The targets panel's commands (opened with t from the details screen), and the store's answers.
import type { TargetBinding } from '../../config/preferences-types.js';
import { bindingsFor } from '../../targets/store.js';
import { TARGETS_BINDINGS, type TargetsCommand } from '../bindings.js';
import { bindingLine, targetProblem, type TargetsPanelState } from '../details/targets-panel.js';
import { EMPTY_EDITOR, editorReducer, type Edit } from '../input/editor.js';
import { credentialById } from '../list/rows.js';
import type { Model, Screen } from './model.js';
import { step, unreachable, type Step } from './messages.js';
import { notify } from './notify.js';
import { pop, push } from './stack.js';
import { replaceTop } from './stack.js';

type Targets = Extract<Screen, { kind: 'targets' }>;

/** The bindings shown for a credential: its own, and those of the local profiles holding it. */
export function targetsOfCredential(model: Model, credentialId: string): TargetBinding[] {
  const c = credentialById(model, credentialId);
  return bindingsFor(model.targets, credentialId, c?.profiles ?? []);
}

export function targetsBindings(p: TargetsPanelState) {
  switch (p.mode.kind) {
    case 'list': return TARGETS_BINDINGS.list;
    case 'add': return TARGETS_BINDINGS.add;
    case 'remove': return TARGETS_BINDINGS.question;
    case 'saving': return TARGETS_BINDINGS.busy;
    default: return unreachable(p.mode);
  }
}

export function targetsLines(model: Model, p: TargetsPanelState): string[] {
  return targetsOfCredential(model, p.credentialId).map(bindingLine);
}

export function onTargetsEdit(model: Model, screen: Targets, edit: Edit): Step {
  const m = screen.panel.mode;
  if (m.kind !== 'add') return step(model);
  return step(replaceTop(model, { ...screen, panel: { ...screen.panel, mode: { ...m, editor: editorReducer(m.editor, edit, 1024), error: null } } }));
}

export function onTargetsCommand(model: Model, screen: Targets, command: TargetsCommand): Step {
  const p = screen.panel;
  const set = (panel: TargetsPanelState) => replaceTop(model, { ...screen, panel });
  const bindings = targetsOfCredential(model, p.credentialId);
  const m = p.mode;
  switch (command) {
    case 'up': return step(set({ ...p, cursor: Math.max(0, p.cursor - 1) }));
    case 'down': return step(set({ ...p, cursor: Math.max(0, Math.min(bindings.length - 1, p.cursor + 1)) }));
    case 'add':
      if (model.readOnly) return notify(model, 'Read-only mode: targets cannot be changed. Start vcreds without --read-only.', 'warn');
      return step(set({ ...p, mode: { kind: 'add', editor: EMPTY_EDITOR, error: null } }));
    case 'remove': {
      if (model.readOnly) return notify(model, 'Read-only mode: targets cannot be changed. Start vcreds without --read-only.', 'warn');
      const b = bindings[p.cursor];
      return b ? step(set({ ...p, mode: { kind: 'remove', target: b.target } })) : notify(model, 'No target to remove.', 'warn');
    }
    case 'confirm': {
      if (m.kind !== 'add') return step(model);
      const problem = targetProblem(m.editor.value);
      if (problem) return step(set({ ...p, mode: { ...m, error: problem } }));
      return step(set({ ...p, mode: { kind: 'saving' } }), { kind: 'targets-add', credentialId: p.credentialId, target: m.editor.value.trim() });
    }
    case 'yes': {
      if (m.kind !== 'remove') return step(model);
      const b = bindings.find((x) => x.target === m.target);
      if (!b) return step(set({ ...p, mode: { kind: 'list' } }));
      return step(set({ ...p, mode: { kind: 'saving' } }), { kind: 'targets-remove', binding: b });
    }
    case 'no': return step(set({ ...p, mode: { kind: 'list' } }));
    case 'help': return step(push(model, { kind: 'help', scroll: 0 }));
    case 'back': return step(pop(model));
    default: return unreachable(command);
  }
}

/** The store changed (or refused): the panel goes back to its list and says what happened. */
export function onTargetsChanged(model: Model, targets: TargetBinding[], note: string | null, error: string | null): Step {
  let next: Model = { ...model, targets };
  const top = next.stack[next.stack.length - 1];
  if (top?.kind === 'targets') {
    const count = targetsOfCredential(next, top.panel.credentialId).length;
    const panel: TargetsPanelState = error && top.panel.mode.kind === 'saving'
      ? { ...top.panel, mode: { kind: 'list' } }
      : { ...top.panel, cursor: Math.max(0, Math.min(count - 1, top.panel.cursor)), mode: { kind: 'list' } };
    next = replaceTop(next, { ...top, panel });
  }
  if (error) return notify(next, error, 'error');
  return note ? notify(next, note, 'ok') : step(next);
}
