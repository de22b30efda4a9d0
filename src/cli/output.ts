// Human output: aligned columns, optional colour, RFC 4180 CSV. Pure functions of their input.
// Every cell is someone's data: control characters are shown escaped, never sent to the terminal.
import stringWidth from 'string-width';
import { csvCell, escapeControl } from '../text/escape.js';
import { truncate } from '../tui/truncate.js';

export type Style = 'red' | 'yellow' | 'green' | 'dim' | 'bold' | 'cyan';

export interface Painter {
  (style: Style, text: string): string;
  enabled: boolean;
}

/** Colour only on a terminal, and never when NO_COLOR is set (any value) or --no-color is given. */
export function colourWanted(isTTY: boolean, env: NodeJS.ProcessEnv, colorFlag: boolean): boolean {
  if (!colorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

// Plain SGR codes: util.styleText would second-guess the decision made above from the env.
const SGR: Record<Style, [number, number]> = { red: [31, 39], yellow: [33, 39], green: [32, 39], cyan: [36, 39], dim: [2, 22], bold: [1, 22] };

export function makePainter(enabled: boolean): Painter {
  const paint = ((style: Style, text: string) => (enabled && text ? `\x1b[${SGR[style][0]}m${text}\x1b[${SGR[style][1]}m` : text)) as Painter;
  paint.enabled = enabled;
  return paint;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** How a table may give way on a narrow terminal: columns shrunk first (to a minimum), then dropped. */
export interface FitPlan {
  /** The terminal's width in cells; no fitting without it (a pipe, a file). */
  maxWidth?: number;
  /** [column, minimum width], shrunk in this order; the cut text ends in `…`. */
  shrink: readonly (readonly [number, number])[];
  /** Columns given up in this order when shrinking is not enough. */
  drop: readonly number[];
}

const GAP = 2;

/**
 * The columns to show and their widths: the natural widths when they fit `maxWidth`, else the
 * fewest drops, each followed by shrinking, that fit. A terminal narrower than even that gets
 * the narrowest version (its lines wrap, as little as possible).
 */
export function fitColumns(natural: readonly number[], plan: FitPlan): { keep: number[]; widths: number[] } {
  const all = natural.map((_, i) => i);
  const max = plan.maxWidth;
  if (!max) return { keep: all, widths: [...natural] };
  let best = { keep: all, widths: [...natural] };
  for (let dropped = 0; dropped <= plan.drop.length; dropped++) {
    const gone = new Set(plan.drop.slice(0, dropped));
    const keep = all.filter((i) => !gone.has(i));
    const widths = [...natural];
    const total = () => keep.reduce((sum, i) => sum + widths[i]!, 0) + GAP * (keep.length - 1);
    for (const [col, min] of plan.shrink) {
      if (gone.has(col) || total() <= max) continue;
      widths[col] = Math.max(Math.min(min, natural[col]!), widths[col]! - (total() - max));
    }
    best = { keep, widths };
    if (total() <= max) break;
  }
  return best;
}

/**
 * Aligned columns separated by two spaces. Widths are measured with string-width, so wide
 * characters and colour codes (added by `paint` after measuring) do not break the alignment.
 * With a `fit` plan and a terminal width, long cells are cut (ending in `…`) and minor columns
 * dropped so that each row stays on one line.
 */
export function formatTable(
  headers: readonly string[],
  rawRows: readonly (readonly string[])[],
  paint?: (rowIndex: number, column: number, cell: string) => string,
  fit?: FitPlan,
): string {
  // Escaped before measuring, so that the widths are those of what is drawn.
  const rows = rawRows.map((r) => r.map((cell) => escapeControl(cell, { oneLine: true })));
  const natural = headers.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? ''))));
  const { keep, widths } = fitColumns(natural, fit ?? { shrink: [], drop: [] });
  const last = keep[keep.length - 1];
  const line = (cells: readonly string[], rowIndex: number | null) =>
    keep
      .map((i) => {
        const cell = truncate(cells[i] ?? '', widths[i]!);
        const padded = i === last ? cell : pad(cell, widths[i]!);
        if (rowIndex === null || !paint) return padded;
        // Colour the text, not the padding, so the escape codes never shift the columns.
        const styled = paint(rowIndex, i, cell);
        return styled + padded.slice(cell.length);
      })
      .join(' '.repeat(GAP))
      .trimEnd();
  return [line(headers, null), ...rows.map((r, i) => line(r, i))].join('\n') + '\n';
}

/**
 * CSV per RFC 4180 with CRLF line ends. Text cells are someone's data: control characters are
 * escaped (the CSV is often looked at in a terminal) and a cell a spreadsheet would run as a
 * formula is neutralised (csvCell). Numbers are ours and written as they are (`-3` stays a number).
 */
export function formatCsv(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [headers, ...rows].map(csvLine).join('\r\n') + '\r\n';
}

/** One CSV record (no line end), as formatCsv writes it. */
export function csvLine(cells: readonly (string | number)[]): string {
  return cells.map((v) => (typeof v === 'number' ? String(v) : csvCell(escapeControl(v, { oneLine: true })))).join(',');
}

/**
 * Text written in pieces of about 64 KB: a list written row by row costs a few hundred writes,
 * not one per row, and never holds more than one piece.
 */
export function chunkedWriter(write: (chunk: string) => void, size = 65_536): { add(text: string): void; flush(): void } {
  let pending = '';
  return {
    add(text) {
      pending += text;
      if (pending.length >= size) {
        write(pending);
        pending = '';
      }
    },
    flush() {
      if (pending) write(pending);
      pending = '';
    },
  };
}
