import type { Model, Screen } from '../src/tui/app/model.js';
import { SORT_BINDINGS } from '../src/tui/bindings.js';
import { SORT_KEYS } from '../src/tui/panels/sort-picker.js';
import { overlayBox } from '../src/tui/list/list-screen.js';
import type { Row } from '../src/tui/frame/rows.js';
import { Frame } from './frame.js';

export function SortPicker({ model, screen }: { model: Model; screen: Extract<Screen, { kind: 'sort' }> }) {
  const { cursor, direction } = screen.picker;
  const rows: Row[] = [
    ...SORT_KEYS.map((k, i): Row => [{
      text: `${i === cursor ? '› ' : '  '}${k.key === model.prefs.sort.key ? '●' : '○'} ${k.label}`, tone: i === cursor ? 'selected' : 'plain',
    }]),
    [],
    [{ text: `Direction: ${direction === 'asc' ? '↑ ascending' : '↓ descending'}` }],
    [{ text: 'Revoked credentials always sort last.', tone: 'dim' }],
  ];
  return <Frame box={overlayBox(model)} title="Sort by" rows={rows} focusRow={cursor} bindings={SORT_BINDINGS} context={{ readOnly: model.readOnly }} />;
}
