import type { Model, Screen } from '../src/tui/app/model.js';
import { COLUMNS_BINDINGS } from '../src/tui/bindings.js';
import { COLUMN_LABELS } from '../src/tui/columns.js';
import { overlayBox } from '../src/tui/list/list-screen.js';
import type { Row } from '../src/tui/frame/rows.js';
import { Frame } from './frame.js';

export function ColumnChooser({ model, screen }: { model: Model; screen: Extract<Screen, { kind: 'columns' }> }) {
  const s = screen.chooser;
  const rows: Row[] = [
    [{ text: 'Shown columns appear left to right in this order; applied at once.', tone: 'dim' }],
    ...s.items.map((it, i): Row => {
      const at = i === s.cursor;
      return [{ text: `${at ? '› ' : '  '}[${it.visible ? 'x' : ' '}] ${COLUMN_LABELS[it.id]}`, tone: at ? 'selected' : 'plain' }];
    }),
  ];
  if (s.message) rows.push([{ text: s.message, tone: 'warn' }]);
  return <Frame box={overlayBox(model)} title="Columns" rows={rows} focusRow={s.cursor + 1} bindings={COLUMNS_BINDINGS} context={{ readOnly: model.readOnly }} />;
}
