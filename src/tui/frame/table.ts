// Static tables (the OAuth secrets in details, the report's terminal preview) as lines of text,
// turned into a frame's rows. The app draws them with ink-table (components/static-table.tsx
// registers it: Ink renders the table to a string, whose lines become rows, so the frame still
// writes every cell). src/ stays free of React, so until a renderer is registered (pure tests,
// the CLI without Ink) a plain drawer of the same shape stands in. Pure but for that registration.
import { escapeControl } from '../../text/escape.js';
import { cellWidth } from '../truncate.js';
import type { Row } from './rows.js';

export interface TableSpec {
  /** Column headings. */
  columns: readonly string[];
  rows: readonly (readonly string[])[];
  /** Per column; left unless given. */
  align?: readonly ('left' | 'right')[];
}

export type TableRenderer = (spec: TableSpec) => string[];

/** The shape ink-table draws, one rule under the headings and none between rows, each cell padded by one space. */
export function plainTableLines(spec: TableSpec): string[] {
  const widths = spec.columns.map((c, i) => Math.max(cellWidth(c), ...spec.rows.map((r) => cellWidth(r[i] ?? ''))) + 2);
  const rule = (l: string, m: string, r: string) => `${l}${widths.map((w) => '─'.repeat(w)).join(m)}${r}`;
  const line = (cells: readonly string[]) => `│${widths.map((w, i) => {
    const text = cells[i] ?? '';
    const pad = w - 2 - cellWidth(text);
    return spec.align?.[i] === 'right' ? ` ${' '.repeat(pad)}${text} ` : ` ${text}${' '.repeat(pad)} `;
  }).join('│')}│`;
  return [rule('┌', '┬', '┐'), line(spec.columns), rule('├', '┼', '┤'), ...spec.rows.map(line), rule('└', '┴', '┘')];
}

let renderer: TableRenderer = plainTableLines;
const cache = new Map<string, string[]>();

/** Sets how tables are drawn (components/static-table.tsx: ink-table). */
export function setTableRenderer(r: TableRenderer): void {
  renderer = r;
  cache.clear();
}

/** Others' text in cells: one line, control characters shown escaped, before widths are measured. */
function safe(spec: TableSpec): TableSpec {
  const clean = (t: string) => escapeControl(t, { oneLine: true });
  return { columns: spec.columns.map(clean), rows: spec.rows.map((r) => r.map(clean)), align: spec.align };
}

/** The table's lines, remembered (the details screen asks on every key). */
export function tableLines(spec: TableSpec): string[] {
  const key = JSON.stringify(spec);
  let lines = cache.get(key);
  if (!lines) {
    lines = renderer(safe(spec));
    if (cache.size >= 64) cache.delete(cache.keys().next().value!);
    cache.set(key, lines);
  }
  return lines;
}

/** The table as frame rows, indented by `indent` cells: borders dim, headings bold. */
export function tableRows(spec: TableSpec, indent = 0): Row[] {
  const pad = ' '.repeat(indent);
  return tableLines(spec).map((text, i) => [{ text: pad }, { text, tone: i === 1 ? 'bold' : /^[┌├└]/.test(text) ? 'dim' : 'plain' }]);
}
