// The expiry timeline's commands: j/k move between the weeks' bars, Enter filters the list to the
// chosen week (a chip in the list's header; x clears it with the other filters) and goes back to
// the list, where the selection stays on its credential if the week holds it, else the first row.
import type { TimelineCommand } from '../bindings.js';
import { timelineMove, timelineOf, weekFilter } from '../panels/timeline-view.js';
import { listRows } from '../list/rows.js';
import type { Model, Screen } from './model.js';
import { step, unreachable, type Step } from './messages.js';
import { notify } from './notify.js';
import { pop, push } from './stack.js';
import { settle } from './selection.js';

type Timeline = Extract<Screen, { kind: 'timeline' }>;

/** The timeline the screen shows: what is loaded, against the load's clock. */
export function timelineFor(model: Model) {
  return timelineOf(listRows(model).views, model.data.now, model.prefs.filter);
}

export function onTimelineCommand(model: Model, screen: Timeline, command: TimelineCommand): Step {
  const weeks = timelineFor(model).weeks;
  const move = (to: number | 'first' | 'last') =>
    step({ ...model, stack: [...model.stack.slice(0, -1), { ...screen, timeline: timelineMove(screen.timeline, to, weeks.length) }] });
  switch (command) {
    case 'up': return move(-1);
    case 'down': return move(1);
    case 'first': return move('first');
    case 'last': return move('last');
    case 'choose': {
      const week = weeks[Math.min(screen.timeline.cursor, weeks.length - 1)]!;
      if (!week.total) return notify(model, `Nothing stops working in the week of ${week.startDate}: the list was left as it is.`, 'warn');
      const filter = weekFilter(model.prefs.filter, week);
      const next = settle({ ...pop(model), prefs: { ...model.prefs, filter } });
      const s = notify(next, `${week.total} credential${week.total === 1 ? ' stops' : 's stop'} working in the week of ${week.startDate}; x clears the filter.`);
      return { model: s.model, effects: [...s.effects, { kind: 'save-prefs', patch: { filter } }] };
    }
    case 'help': return step(push(model, { kind: 'help', scroll: 0 }));
    case 'back': return step(pop(model));
    default: return unreachable(command);
  }
}
