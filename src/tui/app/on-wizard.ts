// The create wizard's commands, and what its request's answer does: the secret screen replaces
// the wizard the moment the answer arrives (the secret is held by the op from then on).
import { WIZARD_BINDINGS, type WizardCommand } from '../bindings.js';
import { wizardReducer, type WizardAction, type WizardState } from '../wizard/wizard-state.js';
import type { Edit } from '../input/editor.js';
import type { Model, Screen } from './model.js';
import { step, unreachable, type Step } from './messages.js';
import { pop, push } from './stack.js';
import { replaceTop } from './stack.js';

type Wizard = Extract<Screen, { kind: 'wizard' }>;

export function wizardBindings(w: WizardState) {
  switch (w.step) {
    case 'type': return WIZARD_BINDINGS.choice;
    case 'owner': return WIZARD_BINDINGS.owner;
    case 'name':
    case 'expiry':
    case 'description': return WIZARD_BINDINGS.text;
    case 'roles': return WIZARD_BINDINGS.roles;
    case 'hmac-warning': return WIZARD_BINDINGS.next;
    case 'review': return WIZARD_BINDINGS.review;
    case 'submitting': return WIZARD_BINDINGS.submitting;
    case 'failed': return WIZARD_BINDINGS.failed;
    default: return unreachable(w.step);
  }
}

/** Applies an action; entering the submitting step sends the request, once. */
function act(model: Model, screen: Wizard, action: WizardAction): Step {
  const wizard = wizardReducer(screen.wizard, action);
  if (wizard.cancelled) return step(pop(model));
  const next = replaceTop(model, { ...screen, wizard });
  if (wizard.step === 'submitting' && screen.wizard.step !== 'submitting') {
    return step({ ...next, creating: next.creating + 1 }, { kind: 'create', wizard });
  }
  return step(next);
}

export function onWizardEdit(model: Model, screen: Wizard, edit: Edit): Step {
  return act(model, screen, { type: 'edit', edit });
}

export function onWizardCommand(model: Model, screen: Wizard, command: WizardCommand): Step {
  switch (command) {
    case 'up': return act(model, screen, { type: 'move', delta: -1 });
    case 'down': return act(model, screen, { type: 'move', delta: 1 });
    case 'pageUp': return act(model, screen, { type: 'move', delta: -10 });
    case 'pageDown': return act(model, screen, { type: 'move', delta: 10 });
    case 'next': return act(model, screen, { type: 'next' });
    case 'back': return act(model, screen, { type: 'back' });
    case 'toggle': return act(model, screen, { type: 'toggle' });
    case 'toggleAll': return act(model, screen, { type: 'toggleAll' });
    case 'retry': return act(model, screen, { type: 'retry' });
    case 'help': return step(push(model, { kind: 'help', scroll: 0 }));
    default: return unreachable(command);
  }
}
