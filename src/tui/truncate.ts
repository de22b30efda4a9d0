// Cutting text to a terminal width: measured in cells (wide characters count 2), ends in `…`.
// Every string the TUI draws passes through here or through frame/rows.ts, so this is also where
// text from others (names, descriptions, server messages) has its control characters escaped:
// it is data, never terminal control, and its width is measured as drawn.
import stringWidth from 'string-width';
import { escapeControl } from '../text/escape.js';

export function cellWidth(text: string): number {
  // Fast path: plain ASCII is one cell a character.
  return /^[\x20-\x7e]*$/.test(text) ? text.length : stringWidth(text);
}

/** `text` cut to `width` cells, the last cell an ellipsis when anything was cut. */
export function truncate(raw: string, width: number): string {
  if (width <= 0) return '';
  const text = escapeControl(raw, { oneLine: true });
  if (cellWidth(text) <= width) return text;
  if (width === 1) return '…';
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = cellWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out + '…';
}

/** `text` truncated then padded with spaces to exactly `width` cells. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const t = truncate(text, width);
  const pad = ' '.repeat(Math.max(0, width - cellWidth(t)));
  return align === 'left' ? t + pad : pad + t;
}
