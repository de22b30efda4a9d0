import { useMemo } from 'react';
import type { Model, Screen } from '../src/tui/app/model.js';
import { FILTER_BINDINGS, FILTER_TEXT_BINDINGS } from '../src/tui/bindings.js';
import { matchesFilter } from '../src/model/filter.js';
import { FILTER_ROWS, isRowOn, isTextRow } from '../src/tui/panels/filter-panel.js';
import { overlayBox } from '../src/tui/list/list-screen.js';
import { listRows } from '../src/tui/list/rows.js';
import { visibleSlice } from '../src/tui/input/editor.js';
import { fieldRow, type Row } from '../src/tui/frame/rows.js';
import { Frame } from './frame.js';

const GROUP_TITLES: Record<string, string> = { type: 'Type', status: 'Status', account: 'Account', owner: 'Owner', within: 'Expiry' };

export function FilterPanel({ model, screen }: { model: Model; screen: Extract<Screen, { kind: 'filter' }> }) {
  const p = screen.panel;
  const { views } = listRows(model);
  // Counted live over the whole list: how many rows Enter would leave.
  const matching = useMemo(() => views.reduce((n, c) => n + Number(matchesFilter(c, p.draft)), 0), [views, p.draft]);
  const box = overlayBox(model);
  const rows: Row[] = [];
  let focus = 0;
  let lastGroup = '';
  FILTER_ROWS.forEach((row, i) => {
    if (row.kind !== lastGroup) rows.push([{ text: GROUP_TITLES[row.kind]!, tone: 'dim' }]);
    lastGroup = row.kind;
    const selected = i === p.cursor;
    if (selected) focus = rows.length;
    const marker = { text: selected ? '› ' : '  ', tone: selected ? ('selected' as const) : ('plain' as const) };
    if (row.kind === 'owner' || row.kind === 'within') {
      const editor = row.kind === 'owner' ? p.owner : p.within;
      const field = selected ? visibleSlice(editor, box.width - 30) : { before: editor.value, at: '', after: '' };
      rows.push([marker, ...fieldRow(row.label, field)]);
    } else {
      rows.push([marker, { text: `[${isRowOn(p, row) ? 'x' : ' '}] ${row.label}`, tone: selected ? 'selected' : 'plain' }]);
    }
  });
  rows.push([]);
  if (p.error) rows.push([{ text: p.error, tone: 'fail' }]);
  rows.push([{ text: `Matches ${matching} of ${views.length} credentials`, tone: 'bold' }]);
  return (
    <Frame box={box} title="Filter credentials" rows={rows} focusRow={focus}
      bindings={isTextRow(p) ? FILTER_TEXT_BINDINGS : FILTER_BINDINGS} context={{ readOnly: model.readOnly }} />
  );
}
