// Cutting text to a terminal width: measured in cells (wide characters count 2), ends in `…`.
// Every string the TUI draws passes through here or through frame/rows.ts, so this is also where
// text from others (names, descriptions, server messages) has its control characters escaped:
// it is data, never terminal control, and its width is measured as drawn.
import stringWidth from 'string-width';
import { escapeControl } from '../text/escape.js';

/**
 * Characters that are one cell each and one UTF-16 unit, whatever follows them: printable ASCII,
 * Latin-1 and Latin Extended (no combining marks, no soft hyphen), punctuation such as … and —,
 * arrows, mathematical symbols (⊘), box drawing and blocks (the frames, the timeline). A line made
 * only of these is measured by its length; anything else (wide, combining, emoji) by string-width.
 */
const ONE_CELL_EACH = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u22ff\u2500-\u259f]*$/;

export function cellWidth(text: string): number {
  return ONE_CELL_EACH.test(text) ? text.length : stringWidth(text);
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
