// Cutting text to a terminal width: measured in cells (wide characters count 2), ends in `…`.
import stringWidth from 'string-width';

export function cellWidth(text: string): number {
  // Fast path: plain ASCII is one cell a character.
  return /^[\x20-\x7e]*$/.test(text) ? text.length : stringWidth(text);
}

/** `text` cut to `width` cells, the last cell an ellipsis when anything was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
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
