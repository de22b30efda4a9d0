// The filter panel's, the column chooser's, the sort picker's, help's and the messages screen's
// commands. Each panel edits a draft of its own; Enter applies it to the preferences (kept between
// runs), and the selection stays on the same credential if it is still shown.
import type { ColumnsCommand, FilterCommand, ScrollCommand, SortCommand } from '../bindings.js';
import { columnChooserReducer, visibleColumns } from '../panels/column-chooser.js';
import { filterPanelReducer } from '../panels/filter-panel.js';
import { pickedSort, sortPickerMove } from '../panels/sort-picker.js';
import type { Model, Screen } from './model.js';
import { step, unreachable, type Step } from './messages.js';
import { pop, push, replaceTop } from './stack.js';
import { settle } from './selection.js';

type Of<K extends Screen['kind']> = Extract<Screen, { kind: K }>;

const help = (model: Model): Step => step(push(model, { kind: 'help', scroll: 0 }));

export function onFilterCommand(model: Model, screen: Of<'filter'>, command: FilterCommand): Step {
  const panel = screen.panel;
  const set = (p: typeof panel) => step(replaceTop(model, { ...screen, panel: p }));
  switch (command) {
    case 'up': return set(filterPanelReducer(panel, { type: 'move', by: -1 }));
    case 'down': return set(filterPanelReducer(panel, { type: 'move', by: 1 }));
    case 'toggle': return set(filterPanelReducer(panel, { type: 'toggle' }));
    case 'clear': return set(filterPanelReducer(panel, { type: 'clear' }));
    case 'apply': {
      if (panel.error) return set(panel);
      const filter = panel.draft;
      return step(settle({ ...pop(model), prefs: { ...model.prefs, filter } }), { kind: 'save-prefs', patch: { filter } });
    }
    case 'help': return help(model);
    case 'back': return step(pop(model));
    default: return unreachable(command);
  }
}

export function onColumnsCommand(model: Model, screen: Of<'columns'>, command: ColumnsCommand): Step {
  const apply = (chooser: typeof screen.chooser): Step => {
    const columns = visibleColumns(chooser);
    const next = settle({ ...replaceTop(model, { ...screen, chooser }), prefs: { ...model.prefs, columns } });
    const changed = columns.join() !== model.prefs.columns.join();
    return changed ? step(next, { kind: 'save-prefs', patch: { columns } }) : step(next);
  };
  switch (command) {
    case 'up': return apply(columnChooserReducer(screen.chooser, { type: 'move', by: -1 }));
    case 'down': return apply(columnChooserReducer(screen.chooser, { type: 'move', by: 1 }));
    case 'toggle': return apply(columnChooserReducer(screen.chooser, { type: 'toggle' }));
    case 'moveUp': return apply(columnChooserReducer(screen.chooser, { type: 'shift', by: -1 }));
    case 'moveDown': return apply(columnChooserReducer(screen.chooser, { type: 'shift', by: 1 }));
    case 'reset': return apply(columnChooserReducer(screen.chooser, { type: 'reset' }));
    case 'help': return help(model);
    case 'back': return step(pop(model));
    default: return unreachable(command);
  }
}

export function onSortCommand(model: Model, screen: Of<'sort'>, command: SortCommand): Step {
  const set = (picker: typeof screen.picker) => step(replaceTop(model, { ...screen, picker }));
  switch (command) {
    case 'up': return set(sortPickerMove(screen.picker, -1));
    case 'down': return set(sortPickerMove(screen.picker, 1));
    case 'flip': return set({ ...screen.picker, direction: screen.picker.direction === 'asc' ? 'desc' : 'asc' });
    case 'apply': {
      const sort = pickedSort(screen.picker);
      return step(settle({ ...pop(model), prefs: { ...model.prefs, sort } }), { kind: 'save-prefs', patch: { sort } });
    }
    case 'help': return help(model);
    case 'back': return step(pop(model));
    default: return unreachable(command);
  }
}

/** Help and messages scroll the same way; `maxScroll` comes from their layout. */
export function onScrollCommand(model: Model, screen: Of<'help'> | Of<'messages'>, command: ScrollCommand, maxScroll: number, page: number): Step {
  const to = (scroll: number) => step(replaceTop(model, { ...screen, scroll: Math.max(0, Math.min(maxScroll, scroll)) }));
  const at = Math.min(screen.scroll, maxScroll);
  switch (command) {
    case 'up': return to(at - 1);
    case 'down': return to(at + 1);
    case 'pageUp': return to(at - page);
    case 'pageDown': return to(at + page);
    case 'top': return to(0);
    case 'bottom': return to(maxScroll);
    case 'help': return screen.kind === 'help' ? step(model) : help(model);
    case 'back': return step(pop(model));
    default: return unreachable(command);
  }
}
