// Human output: aligned columns, optional colour, RFC 4180 CSV. Pure functions of their input.
import stringWidth from 'string-width';

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

/**
 * Aligned columns separated by two spaces. Widths are measured with string-width, so wide
 * characters and colour codes (added by `paint` after measuring) do not break the alignment.
 */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  paint?: (rowIndex: number, column: number, cell: string) => string,
): string {
  const widths = headers.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? ''))));
  const last = headers.length - 1;
  const line = (cells: readonly string[], rowIndex: number | null) =>
    cells
      .map((cell, i) => {
        const padded = i === last ? cell : pad(cell, widths[i]!);
        if (rowIndex === null || !paint) return padded;
        // Colour the text, not the padding, so the escape codes never shift the columns.
        const styled = paint(rowIndex, i, cell);
        return styled + padded.slice(cell.length);
      })
      .join('  ')
      .trimEnd();
  return [line(headers, null), ...rows.map((r, i) => line(r, i))].join('\n') + '\n';
}

/** One field per RFC 4180: quoted when it holds a comma, a quote, or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [headers, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** "3ddaeeb1…c329fa"-style short id for one-line messages. */
export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 4)}…${id.slice(-4)}` : id;
}
