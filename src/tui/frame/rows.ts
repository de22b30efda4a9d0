// The wizard's and dialogs' text as rows the screen will really show: wrapped here, not by Ink,
// so a screen knows its height before drawing and can fit the terminal (a frame taller than the
// terminal scrolls its top away and makes Ink redraw everything). Pure.
import { escapeControl } from '../../text/escape.js';
import { cellWidth, truncate } from '../truncate.js';

/**
 * `cursor`: the block of a text field's cursor; `selected`: the chosen line (both inverse, so they
 * show without colour). `accent`: a fourth colour for charts (the timeline's superseded keys).
 */
export type Tone = 'plain' | 'dim' | 'bold' | 'ok' | 'fail' | 'warn' | 'accent' | 'key' | 'cursor' | 'selected';

export interface Segment {
  text: string;
  tone?: Tone;
}

/** One screen row: segments drawn side by side, never wider than the width they were made for. */
export type Row = readonly Segment[];

/** Cuts a word wider than a row into row-sized pieces (ids, paths, secrets have no spaces). */
function hardSplit(word: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  let used = 0;
  for (const ch of word) {
    const w = cellWidth(ch);
    if (used + w > width && cur) {
      out.push(cur);
      cur = '';
      used = 0;
    }
    cur += ch;
    used += w;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Word-wraps `text` to `width` cells. Continuation rows are `indent` cells narrower (the caller
 * draws the indent), so a marked or labelled line keeps its text in one column.
 */
export function wrapText(text: string, width: number, indent = 0): string[] {
  return wrapRows(text, width, width - indent);
}

/** Word-wraps `text`: the first row `first` cells wide, the others `rest`. */
function wrapRows(raw: string, firstWidth: number, restWidth: number): string[] {
  // Paragraph breaks stay; every other control character is shown escaped (text is data).
  const text = escapeControl(raw, { oneLine: false });
  const out: string[] = [];
  const first = Math.max(1, firstWidth);
  const rest = Math.max(1, restWidth);
  // The row being built is row `out.length`: only row 0 has the full width.
  const avail = () => (out.length === 0 ? first : rest);
  for (const para of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const word of para.split(' ')) {
      const w = cellWidth(word);
      if (line !== '' && used + 1 + w <= avail()) {
        line += ` ${word}`;
        used += 1 + w;
        continue;
      }
      if (line !== '') {
        out.push(line);
        line = '';
        used = 0;
      }
      // Too long for a row: cut it, each piece as wide as the row it lands on.
      let restOfWord = word;
      while (cellWidth(restOfWord) > avail()) {
        const piece = hardSplit(restOfWord, avail())[0]!;
        out.push(piece);
        restOfWord = restOfWord.slice(piece.length);
      }
      line = restOfWord;
      used = cellWidth(line);
    }
    out.push(line);
  }
  return out;
}

export interface ParaOptions {
  tone?: Tone;
  /** Drawn before the first row (a symbol such as ✓ or a dim label); later rows are indented to match. */
  lead?: string;
  leadTone?: Tone;
  /** One row only, cut with … (for compact layouts). */
  oneRow?: boolean;
  /**
   * false: later rows start at the left edge, unindented and full width; for a secret, so that
   * selecting it with the mouse picks up no padding.
   */
  hang?: boolean;
}

/** A paragraph as rows of `width` cells. */
export function para(text: string, width: number, o: ParaOptions = {}): Row[] {
  const lead = o.lead ?? '';
  const indent = cellWidth(lead);
  const body = Math.max(1, width - indent);
  const hang = o.hang ?? true;
  const lines = o.oneRow
    ? [truncate(text.replace(/\s*\n\s*/g, ' '), body)]
    : wrapRows(text, body, hang ? body : Math.max(1, width));
  return lines.map((line, i) => {
    const pad = i === 0 ? [{ text: lead, tone: o.leadTone ?? 'plain' }] : hang ? [{ text: ' '.repeat(indent) }] : [];
    return [...(indent ? pad : []), { text: line, tone: o.tone ?? 'plain' }];
  });
}

export const MARK: Record<'ok' | 'fail' | 'warn' | 'skip' | 'info', { text: string; tone: Tone }> = {
  ok: { text: '✓ ', tone: 'ok' },
  fail: { text: '✖ ', tone: 'fail' },
  warn: { text: '⚠ ', tone: 'warn' },
  skip: { text: '– ', tone: 'plain' },
  info: { text: '· ', tone: 'warn' },
};

/** A line with a symbol in front (never colour alone), wrapped under its own text. */
export function marked(kind: keyof typeof MARK, text: string, width: number, oneRow = false): Row[] {
  const m = MARK[kind];
  return para(text, width, { lead: m.text, leadTone: m.tone, tone: m.tone === 'plain' ? 'plain' : m.tone, oneRow });
}

/** `Label      value`, the value wrapped in its own column. */
export function labelled(label: string, value: string, width: number, labelWidth = 11, oneRow = false, hang = true): Row[] {
  return para(value, width, { lead: label.padEnd(labelWidth), leadTone: 'dim', oneRow, hang });
}

/**
 * A part of a screen, in the forms it can take from fullest to smallest (the last may be empty:
 * the part can go). `shrink` orders which parts give way first (lower first).
 */
export interface Part {
  key: string;
  forms: readonly (readonly Row[])[];
  shrink?: number;
}

/** Chooses a form for every part so the rows fit `budget`; as a last resort keeps the last rows. */
export function fitParts(parts: readonly Part[], budget: number): { key: string; rows: readonly Row[] }[] {
  const level = parts.map(() => 0);
  const total = () => parts.reduce((n, p, i) => n + p.forms[level[i]!]!.length, 0);
  const order = parts
    .map((p, i) => ({ i, shrink: p.shrink ?? Number.POSITIVE_INFINITY }))
    .filter((x) => Number.isFinite(x.shrink))
    .sort((a, b) => a.shrink - b.shrink || a.i - b.i);
  for (const { i } of order) {
    while (total() > budget && level[i]! < parts[i]!.forms.length - 1) level[i]!++;
    if (total() <= budget) break;
  }
  const chosen = parts.map((p, i) => ({ key: p.key, rows: p.forms[level[i]!]! }));
  let excess = total() - Math.max(0, budget);
  // Still too tall (a tiny terminal): drop rows from the top; prompts and answers are at the bottom.
  for (const c of chosen) {
    if (excess <= 0) break;
    const cut = Math.min(excess, c.rows.length);
    c.rows = c.rows.slice(cut);
    excess -= cut;
  }
  return chosen;
}

/** Rows the frame itself takes: borders, title, the gaps, the problem line(s) and the key hints. */
export function frameRows(width: number, error: string | null | undefined, sides = true): number {
  return 6 + (error ? marked('fail', error, innerWidth(width, sides)).length : 0);
}

export function innerWidth(width: number, sides = true): number {
  return Math.max(10, sides ? width - 4 : width);
}

/** A part that can shrink to one row per line. */
export function part(key: string, make: (oneRow: boolean) => Row[], shrink = 2): Part {
  return { key, forms: [make(false), make(true)], shrink };
}

/** A part that never shrinks (a question, a secret). */
export function fixed(key: string, rows: Row[]): Part {
  return { key, forms: [rows] };
}

export const BLANK_ROW: Row = [{ text: ' ' }];

/**
 * The row cut and padded to exactly `width` cells, so drawn over the list it covers every cell.
 * A selected row stays inverse to its end.
 */
export function padRow(row: Row, width: number): Row {
  const out: Segment[] = [];
  let used = 0;
  for (const s of row) {
    if (used >= width) break;
    const safe = escapeControl(s.text, { oneLine: true });
    const text = cellWidth(safe) + used > width ? truncate(safe, width - used) : safe;
    out.push({ text, tone: s.tone });
    used += cellWidth(text);
  }
  const last = out[out.length - 1];
  const fill = ' '.repeat(Math.max(0, width - used));
  if (fill) out.push({ text: fill, tone: last?.tone === 'selected' ? 'selected' : 'plain' });
  return out;
}

/** A text field as a row: label, the visible part of the value, the cursor as an inverse cell. */
export function fieldRow(label: string, field: { before: string; at: string; after: string }, placeholder = ''): Row {
  const empty = !field.before && !field.after && field.at === ' ';
  return [
    { text: `${label}: `, tone: 'bold' },
    { text: field.before },
    { text: field.at, tone: 'cursor' },
    { text: field.after },
    ...(empty && placeholder ? [{ text: ` ${placeholder}`, tone: 'dim' as const }] : []),
  ];
}

/** The body's rows for a frame of `height` rows (see `frameRows`). */
export function fitBody(parts: readonly Part[], width: number, height: number, error?: string | null, sides = true): Row[] {
  return fitParts(parts, height - frameRows(width, error, sides)).flatMap((p) => [...p.rows]);
}
