// Lays the keymaps out for the `?` overlay: sections flowed into as many columns as fit.
import type { Bindings } from '../bindings.js';
import { fit } from '../truncate.js';

export const HELP_COLUMN_WIDTH = 34;

/** One string per screen line; sections never split across columns unless taller than the screen. */
export function helpLines(sections: readonly { title: string; bindings: Bindings }[], width: number, height: number): string[][] {
  const cols = Math.max(1, Math.floor((width + 2) / (HELP_COLUMN_WIDTH + 2)));
  // Columns share the width: a long label gets the room there is, not a fixed 34 cells.
  const colWidth = cols === 1 ? width : Math.floor((width + 2) / cols) - 2;
  const blocks = sections.map((s) => {
    const listed = s.bindings.filter((b) => b.help !== false);
    const keyWidth = Math.min(12, Math.max(...listed.map((b) => b.keys.length)) + 1);
    return [fit(s.title, colWidth), ...listed.map((b) => fit(`  ${b.keys.padEnd(keyWidth)}${b.label}`, colWidth)), ''];
  });
  const columns: string[][] = [[]];
  for (const block of blocks) {
    let col = columns[columns.length - 1]!;
    if (col.length && col.length + block.length - 1 > height && columns.length < cols) {
      col = [];
      columns.push(col);
    }
    col.push(...block);
  }
  return columns.map((c) => (c[c.length - 1] === '' ? c.slice(0, -1) : c));
}
