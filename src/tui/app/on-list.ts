// The list's and the search line's commands.
import { isFilterEmpty, EMPTY_FILTER } from '../../model/filter.js';
import { refusalOf } from '../../ops/actions.js';
import type { CredentialView } from '../../model/credential.js';
import { shortId } from '../../model/credential.js';
import type { ListCommand, SearchCommand } from '../bindings.js';
import { EMPTY_EDITOR } from '../input/editor.js';
import { initialFilterPanel } from '../panels/filter-panel.js';
import { initialColumnChooser } from '../panels/column-chooser.js';
import { flipDirection, initialSortPicker } from '../panels/sort-picker.js';
import { initialTimeline } from '../panels/timeline-view.js';
import { initialWizard } from '../wizard/wizard-state.js';
import { initialRevoke } from '../dialogs/revoke-dialog.js';
import { initialRotate } from '../dialogs/rotate-dialog.js';
import { selectedCredential } from '../list/rows.js';
import { copiedWhere } from '../clipboard.js';
import type { Model } from './model.js';
import { pop, push } from './stack.js';
import { step, unreachable, type Step } from './messages.js';
import { notify } from './notify.js';
import { openAccounts, openCommandLine } from './on-accounts.js';
import { moveSelection, pageSelection, settle } from './selection.js';

const actx = (model: Model) => ({ readOnly: model.readOnly, signingKeyId: model.signingKeyId });

/** Opens the revoke or rotate dialog for a credential, or says why not. */
export function startChange(model: Model, kind: 'revoke' | 'rotate', c: CredentialView | null): Step {
  if (!c) return notify(model, `Nothing selected to ${kind}.`, 'warn');
  const refusal = refusalOf(kind, actx(model), c);
  if (refusal) return notify(model, refusal, 'warn');
  if (kind === 'revoke') return step(push(model, { kind: 'revoke', dialog: initialRevoke(c, actx(model)) }));
  return step(push(model, { kind: 'rotate', dialog: initialRotate(c, actx(model)) }));
}

/** Opens the create wizard (a clone when given an OAuth client), or says why not. */
export function startWizard(model: Model, clone?: CredentialView): Step {
  const refusal = refusalOf(clone ? 'clone' : 'create', actx(model), clone);
  if (refusal) return notify(model, refusal, 'warn');
  const org = model.data.organisation;
  if (!org) return notify(model, 'Wait for the credentials to load first.', 'warn');
  return step(push(model, { kind: 'wizard', wizard: initialWizard(org, model.data.now, clone) }));
}

export function copyId(model: Model, c: CredentialView | null): Step {
  if (!c) return notify(model, 'Nothing selected to copy.', 'warn');
  const s = notify(model, `Copied the id ${shortId(c.id, 15)}: ${copiedWhere()}.`, 'ok');
  return { model: s.model, effects: [{ kind: 'copy', text: c.id }, ...s.effects] };
}

export function refresh(model: Model): Step {
  return step({ ...model, data: { ...model.data, loading: true, progress: null, error: null } }, { kind: 'load' });
}

export function onListCommand(model: Model, command: ListCommand): Step {
  const c = () => selectedCredential(model);
  switch (command) {
    case 'up': return step(moveSelection(model, -1));
    case 'down': return step(moveSelection(model, 1));
    case 'pageUp': return step(pageSelection(model, -1));
    case 'pageDown': return step(pageSelection(model, 1));
    case 'top': return step(moveSelection(model, 'first'));
    case 'bottom': return step(moveSelection(model, 'last'));
    case 'details': {
      const sel = c();
      return sel ? step(push(model, { kind: 'details', id: sel.id, scroll: 0 })) : notify(model, 'Nothing selected.', 'warn');
    }
    case 'search': return step(push(model, { kind: 'search' }));
    case 'filter': return step(push(model, { kind: 'filter', panel: initialFilterPanel(model.prefs.filter) }));
    case 'columns': return step(push(model, { kind: 'columns', chooser: initialColumnChooser(model.prefs.columns) }));
    case 'sort': return step(push(model, { kind: 'sort', picker: initialSortPicker(model.prefs.sort) }));
    case 'reverse': {
      const sort = { ...model.prefs.sort, direction: flipDirection(model.prefs.sort.direction) };
      return step(settle({ ...model, prefs: { ...model.prefs, sort } }), { kind: 'save-prefs', patch: { sort } });
    }
    case 'clearFilters': {
      const cleared = settle({ ...model, search: EMPTY_EDITOR, prefs: { ...model.prefs, filter: EMPTY_FILTER } });
      const s = notify(cleared, 'Filters cleared');
      return isFilterEmpty(model.prefs.filter) ? s : { model: s.model, effects: [...s.effects, { kind: 'save-prefs', patch: { filter: EMPTY_FILTER } }] };
    }
    case 'back': return step(model.search.value ? settle({ ...model, search: EMPTY_EDITOR }) : model);
    case 'new': return startWizard(model);
    case 'revoke': return startChange(model, 'revoke', c());
    case 'rotate': return startChange(model, 'rotate', c());
    case 'copy': return copyId(model, c());
    case 'refresh': return refresh(model);
    case 'messages': return step(push(model, { kind: 'messages', scroll: Number.MAX_SAFE_INTEGER }));
    case 'timeline':
      return model.data.organisation ? step(push(model, { kind: 'timeline', timeline: initialTimeline() })) : notify(model, 'Wait for the credentials to load first.', 'warn');
    case 'accounts': return openAccounts(model);
    case 'command': return openCommandLine(model);
    case 'help': return step(push(model, { kind: 'help', scroll: 0 }));
    case 'quit': return step(model, { kind: 'quit' });
    default: return unreachable(command);
  }
}

export function onSearchCommand(model: Model, command: SearchCommand): Step {
  switch (command) {
    case 'keep': return step(pop(model));
    case 'cancel': return step(settle({ ...pop(model), search: EMPTY_EDITOR }));
    case 'up': return step(moveSelection(model, -1));
    case 'down': return step(moveSelection(model, 1));
    case 'pageUp': return step(pageSelection(model, -1));
    case 'pageDown': return step(pageSelection(model, 1));
    case 'help': return step(push(model, { kind: 'help', scroll: 0 }));
    default: return unreachable(command);
  }
}
