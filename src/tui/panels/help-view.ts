// Lays the keymaps out for the `?` overlay: one table a screen (ink-table, through
// src/tui/frame/table.ts), the tables flowed into as many columns as fit.
import type { Bindings } from '../bindings.js';
import { tableLines } from '../frame/table.js';
import { cellWidth, fit, truncate } from '../truncate.js';

/** Narrowest column: a table of keys with room for its labels. */
export const HELP_COLUMN_WIDTH = 44;

type Sections = readonly { title: string; bindings: Bindings }[];
const laidOut = new WeakMap<Sections, Map<string, string[][]>>();

/**
 * One string per screen line; sections never split across columns unless taller than the screen.
 * Remembered per size: the bindings never change, and every key on the help screen asks.
 */
export function helpLines(sections: Sections, width: number, height: number): string[][] {
  let bySize = laidOut.get(sections);
  if (!bySize) laidOut.set(sections, (bySize = new Map()));
  const key = `${width}x${height}`;
  let lines = bySize.get(key);
  if (!lines) {
    if (bySize.size >= 16) bySize.delete(bySize.keys().next().value!);
    bySize.set(key, (lines = layOut(sections, width, height)));
  }
  return lines;
}

function layOut(sections: Sections, width: number, height: number): string[][] {
  const cols = Math.max(1, Math.floor((width + 2) / (HELP_COLUMN_WIDTH + 2)));
  // Columns share the width: a long label gets the room there is, not a fixed 34 cells.
  const colWidth = cols === 1 ? width : Math.floor((width + 2) / cols) - 2;
  const blocks = sections.map((s) => {
    const listed = s.bindings.filter((b) => b.help !== false);
    const keyWidth = Math.min(12, Math.max(...listed.map((b) => cellWidth(b.keys))));
    // The screen's name heads the label column; labels are cut so the table fits its column.
    const room = Math.max(4, colWidth - keyWidth - 7);
    const rows = listed.map((b) => [truncate(b.keys, keyWidth), truncate(b.label, room)]);
    const lines = tableLines({ columns: ['Key', truncate(s.title, room)], rows });
    return [...lines.map((l) => fit(l, colWidth)), ''];
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
