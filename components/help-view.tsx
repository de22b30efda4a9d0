import type { Model, Screen } from '../src/tui/app/model.js';
import { HELP_BINDINGS, HELP_SECTIONS } from '../src/tui/bindings.js';
import { scrollLayout } from '../src/tui/app/update.js';
import { helpLines } from '../src/tui/panels/help-view.js';
import type { Row } from '../src/tui/frame/rows.js';
import { Frame } from './frame.js';

/** Every key of every screen, drawn from the same bindings the screens dispatch with. */
export function HelpOverlay({ model, screen }: { model: Model; screen: Extract<Screen, { kind: 'help' }> }) {
  const { box, frame, maxScroll } = scrollLayout(model, screen);
  const columns = helpLines(HELP_SECTIONS, frame.inner, frame.bodyRows);
  const top = Math.min(screen.scroll, maxScroll);
  const rows: Row[] = [];
  for (let r = top; r < top + frame.bodyRows; r++) {
    const row: Row = columns.flatMap((col, i) => {
      const line = col[r] ?? '';
      const width = i === columns.length - 1 ? line.length : Math.max(...col.map((l) => l.length));
      return [{ text: line.padEnd(width), tone: line && !line.startsWith(' ') ? ('bold' as const) : ('plain' as const) }, { text: i < columns.length - 1 ? '  ' : '' }];
    });
    rows.push(row);
  }
  return <Frame box={box} title={`Keys${maxScroll ? ' (↑/↓ to scroll)' : ''}`} rows={rows} bindings={HELP_BINDINGS} context={{ readOnly: model.readOnly }} full />;
}
