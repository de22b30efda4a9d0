// ink-table (its ESM port, @alcalzone/ink-table: `ink-table` 3 cannot load under Ink 6) drawing
// the static tables, rendered to text with Ink's renderToString: the lines become a frame's rows
// (src/tui/frame/table.ts), so frames still write every cell. Importing this module registers it.
import type { ReactNode } from 'react';
import { renderToString, Text } from 'ink';
import { Table } from '@alcalzone/ink-table';
import { plainTableLines, setTableRenderer, type TableSpec } from '../src/tui/frame/table.js';

// Plain text: tones are the frame's (src/tui/frame/table.ts), not ink-table's blue bold headings.
const Plain = ({ children }: { children?: ReactNode }) => <Text>{children}</Text>;

/**
 * The table's lines. ink-table rules off every row; only the rule under the headings is kept, so
 * a table is as tall as its rows plus four. Cells are padded by one space, as ink-table does.
 */
export function inkTableLines(spec: TableSpec): string[] {
  // ink-table heads each column with its key: the headings are the keys (unique in our tables).
  const headingKeys = [...spec.columns];
  const data = spec.rows.map((r) => Object.fromEntries(headingKeys.map((k, i) => [k, r[i] ?? ''])));
  const columns = headingKeys.map((key, i) => ({ key, align: spec.align?.[i] ?? ('left' as const) }));
  const width = 4 + spec.columns.reduce((n, c, i) => n + 3 + Math.max(c.length, ...spec.rows.map((r) => (r[i] ?? '').length)), 0);
  const text = renderToString(<Table data={data} columns={columns} header={Plain} cell={Plain} skeleton={Plain} />, { columns: Math.max(80, width) });
  // Called inside another render (it must not be: see src/tui/app/prepare.ts), Ink draws nothing;
  // the same shape drawn plainly is better than a hole.
  if (!text.trim()) return plainTableLines(spec);
  const lines = text.split('\n').map((l) => l.trimEnd());
  // Keep the heading's rule (line 2), drop the rules between rows.
  return lines.filter((l, i) => i <= 2 || !l.startsWith('├'));
}

setTableRenderer(inkTableLines);
