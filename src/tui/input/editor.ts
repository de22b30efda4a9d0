// The one text editor of every field (search, wizard fields, filter fields, confirmations, the
// profile prompt): a value and a cursor, edited by pure functions. The cursor moves by grapheme
// (an emoji with its modifiers, a letter with its accents is one step), and what is inserted is
// cleaned: control characters never enter a field, line breaks and tabs become spaces.

import { cellWidth } from '../truncate.js';

export interface Editor {
  readonly value: string;
  /** UTF-16 offset into value, always at a grapheme boundary. */
  readonly cursor: number;
}

export type Edit =
  | { type: 'insert'; text: string }
  | { type: 'left' } | { type: 'right' } | { type: 'home' } | { type: 'end' }
  | { type: 'backspace' } | { type: 'delete' }
  /** Ctrl+U: everything before the cursor. */
  | { type: 'killStart' }
  /** Ctrl+K: everything after the cursor. */
  | { type: 'killEnd' }
  /** Ctrl+W: the word before the cursor. */
  | { type: 'killWord' };

export const EMPTY_EDITOR: Editor = { value: '', cursor: 0 };

export function editorOf(value: string): Editor {
  return { value, cursor: value.length };
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Grapheme boundaries of `text`, from 0 to text.length. */
function boundaries(text: string): number[] {
  const out = [0];
  for (const s of segmenter.segment(text)) out.push(s.index + s.segment.length);
  return out;
}

function previousBoundary(text: string, at: number): number {
  // Only the text before the cursor matters, and only its last graphemes: look back a little.
  const from = Math.max(0, at - 64);
  const bs = boundaries(text.slice(from, at)).map((b) => b + from);
  return bs.length > 1 ? bs[bs.length - 2]! : 0;
}

function nextBoundary(text: string, at: number): number {
  const bs = boundaries(text.slice(at, at + 64));
  return at + (bs[1] ?? 0);
}

/** What typed or pasted text becomes in a one-line field. */
export function cleanText(text: string): string {
  return text.replace(/\r\n|[\r\n\t]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

export function editorReducer(e: Editor, edit: Edit, maxLength = Number.POSITIVE_INFINITY): Editor {
  const { value, cursor } = e;
  switch (edit.type) {
    case 'insert': {
      let text = cleanText(edit.text);
      const room = maxLength - [...value].length;
      if (room <= 0 || !text) return e;
      if ([...text].length > room) text = [...text].slice(0, room).join('');
      return { value: value.slice(0, cursor) + text + value.slice(cursor), cursor: cursor + text.length };
    }
    case 'left':
      return cursor === 0 ? e : { value, cursor: previousBoundary(value, cursor) };
    case 'right':
      return cursor >= value.length ? e : { value, cursor: nextBoundary(value, cursor) };
    case 'home':
      return cursor === 0 ? e : { value, cursor: 0 };
    case 'end':
      return cursor === value.length ? e : { value, cursor: value.length };
    case 'backspace': {
      if (cursor === 0) return e;
      const to = previousBoundary(value, cursor);
      return { value: value.slice(0, to) + value.slice(cursor), cursor: to };
    }
    case 'delete': {
      if (cursor >= value.length) return e;
      return { value: value.slice(0, cursor) + value.slice(nextBoundary(value, cursor)), cursor };
    }
    case 'killStart':
      return cursor === 0 ? e : { value: value.slice(cursor), cursor: 0 };
    case 'killEnd':
      return cursor >= value.length ? e : { value: value.slice(0, cursor), cursor };
    case 'killWord': {
      const before = value.slice(0, cursor).replace(/\S+\s*$|\s+$/u, '');
      return before.length === cursor ? e : { value: before + value.slice(cursor), cursor: before.length };
    }
  }
}

/** The editing key names every field understands (the rest are commands of the screen). */
export const EDIT_KEYS: Readonly<Record<string, Edit>> = {
  left: { type: 'left' }, right: { type: 'right' }, home: { type: 'home' }, end: { type: 'end' },
  'ctrl+a': { type: 'home' }, 'ctrl+e': { type: 'end' }, 'ctrl+b': { type: 'left' }, 'ctrl+f': { type: 'right' },
  backspace: { type: 'backspace' }, 'ctrl+h': { type: 'backspace' }, delete: { type: 'delete' }, 'ctrl+d': { type: 'delete' },
  'ctrl+u': { type: 'killStart' }, 'ctrl+k': { type: 'killEnd' }, 'ctrl+w': { type: 'killWord' },
};

/**
 * The part of a field that fits `width` cells around the cursor, and where the cursor is in it,
 * so a 10,000-character paste renders as one line of the field, not 10,000 characters.
 */
export function visibleSlice(e: Editor, width: number): { before: string; at: string; after: string } {
  const room = Math.max(2, width);
  const bs = boundaries(e.value);
  const at = Math.max(0, bs.indexOf(e.cursor));
  const graphemes = bs.slice(1).map((b, i) => e.value.slice(bs[i], b));
  const cursor = graphemes[at] ?? ' ';
  // The cursor's cell, then as much before it as fits, then as much after it as is left.
  let used = cellWidth(cursor);
  let start = at;
  while (start > 0 && used + cellWidth(graphemes[start - 1]!) <= room - 1) used += cellWidth(graphemes[--start]!);
  let end = at + 1;
  while (end < graphemes.length && used + cellWidth(graphemes[end]!) <= room) used += cellWidth(graphemes[end++]!);
  return { before: graphemes.slice(start, at).join(''), at: cursor, after: graphemes.slice(at + 1, end).join('') };
}
