// A list with a cursor as rows, windowed so a long list never outgrows its room. Pure.
import type { Row } from './rows.js';

export interface ChoiceItem {
  key: string;
  label: string;
  /** Set for multi-select lists. */
  checked?: boolean;
}

/** Which items show in `rows` rows, the "↑/↓ n more" lines included. */
export function choiceWindow(count: number, cursor: number, rows: number): { start: number; size: number } {
  if (count <= rows) return { start: 0, size: count };
  const at = (size: number) => Math.min(Math.max(0, cursor - Math.floor(size / 2)), count - size);
  // Too small for "more" lines: just the rows around the cursor.
  if (rows < 3) return { start: at(Math.max(1, rows)), size: Math.max(1, rows) };
  let size = rows - 1;
  let start = at(size);
  if (start > 0 && start + size < count) {
    size = rows - 2;
    start = at(size);
  }
  return { start, size };
}

export function choiceRows(items: readonly ChoiceItem[], cursor: number, rows: number, empty = 'Nothing to choose from.'): Row[] {
  if (items.length === 0) return [[{ text: empty, tone: 'dim' }]];
  const { start, size } = choiceWindow(items.length, cursor, rows);
  const more = rows >= 3;
  const out: Row[] = [];
  if (more && start > 0) out.push([{ text: `  ↑ ${start} more`, tone: 'dim' }]);
  items.slice(start, start + size).forEach((item, i) => {
    const at = start + i === cursor;
    const box = item.checked === undefined ? '' : item.checked ? '[x] ' : '[ ] ';
    out.push([{ text: `${at ? '› ' : '  '}${box}${item.label}`, tone: at ? 'selected' : 'plain' }]);
  });
  if (more && start + size < items.length) out.push([{ text: `  ↓ ${items.length - start - size} more`, tone: 'dim' }]);
  return out;
}
