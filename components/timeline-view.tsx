import type { Model, Screen } from '../src/tui/app/model.js';
import { TIMELINE_BINDINGS } from '../src/tui/bindings.js';
import { timelineFor } from '../src/tui/app/on-timeline.js';
import { frameLayout } from '../src/tui/frame/frame.js';
import { para, type Row } from '../src/tui/frame/rows.js';
import { overlayBox } from '../src/tui/list/list-screen.js';
import { chartCharset, timelineBars, timelineFiltered, timelineHeader, timelineNotes, timelineTitle } from '../src/tui/panels/timeline-view.js';
import { Frame } from './frame.js';

/** As wide as the terminal up to 120 columns: longer bars on a wide terminal. */
export function timelineBox(model: Pick<Model, 'size'>) {
  const wide = overlayBox(model, true);
  const width = Math.min(wide.width, 120);
  return { ...wide, width, left: Math.floor((wide.width - width) / 2) };
}

/** One bar per week (17: four back, this one, twelve ahead), the legend in the row under the title. */
export function TimelineView({ model, screen }: { model: Model; screen: Extract<Screen, { kind: 'timeline' }> }) {
  const box = timelineBox(model);
  const context = { readOnly: model.readOnly };
  const frame = frameLayout(box.width, box.height, TIMELINE_BINDINGS, context);
  const charset = chartCharset();
  const t = timelineFor(model);
  const cursor = Math.min(screen.timeline.cursor, t.weeks.length - 1);
  const bars = timelineBars(t, cursor, frame.inner, charset);
  // The notes only where the bars leave room for them (at 80x24 the bars take the whole body).
  const rows: Row[] = [...bars];
  const notes = timelineNotes(t, timelineFiltered(model.prefs.filter)).map((n) => para(n, frame.inner, { tone: 'dim' }));
  if (frame.bodyRows > bars.length + 1) {
    const extra: Row[] = [[]];
    for (const n of notes) {
      if (rows.length + extra.length + n.length > frame.bodyRows) break;
      extra.push(...n);
    }
    if (extra.length > 1) rows.push(...extra);
  }
  return (
    <Frame box={box} title={timelineTitle(t, cursor)} lead={timelineHeader(t, frame.inner, charset)} rows={rows}
      focusRow={cursor} bindings={TIMELINE_BINDINGS} context={context} full />
  );
}
