// The list's cursor and scroll window over a filtered view. `rows` holds indices into the full
// sorted list (lazygit's FilteredList), so the selection survives a filter change.

export interface ListState {
  /** Indices into the full sorted list of the rows that pass the filters, ascending. */
  rows: readonly number[];
  /** Position in `rows` of the selected row (0 when empty). */
  cursor: number;
  /** Position in `rows` of the first rendered row. */
  top: number;
  /** How many rows fit on screen (at least 1). */
  height: number;
}

export type ListAction =
  | { type: 'move'; by: number }
  | { type: 'page'; by: 1 | -1 }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'height'; height: number }
  /** New rows (a filter or data change); `select` is the full-list index to keep selected, if any. */
  | { type: 'rows'; rows: readonly number[]; select?: number | null };

export function initialListState(rows: readonly number[] = [], height = 10): ListState {
  return { rows, cursor: 0, top: 0, height: Math.max(1, height) };
}

/** Index into the full list of the selected row, or null when nothing is shown. */
export function selectedIndex(s: ListState): number | null {
  return s.rows.length ? s.rows[s.cursor]! : null;
}

/** The positions [from, to) of `rows` to render: only what fits. */
export function visibleWindow(s: ListState): { from: number; to: number } {
  return { from: s.top, to: Math.min(s.rows.length, s.top + s.height) };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

/** Keeps the cursor inside the window, scrolling as little as possible. */
function place(s: ListState, cursor: number): ListState {
  const last = Math.max(0, s.rows.length - 1);
  const c = clamp(cursor, 0, last);
  let top = s.top;
  if (c < top) top = c;
  if (c >= top + s.height) top = c - s.height + 1;
  top = clamp(top, 0, Math.max(0, s.rows.length - s.height));
  return c === s.cursor && top === s.top ? s : { ...s, cursor: c, top };
}

/** First position whose value is >= target (rows are ascending): O(log n). */
function lowerBound(rows: readonly number[], target: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function listReducer(s: ListState, a: ListAction): ListState {
  switch (a.type) {
    case 'move':
      return place(s, s.cursor + a.by);
    case 'page':
      return place({ ...s, top: clamp(s.top + a.by * s.height, 0, Math.max(0, s.rows.length - s.height)) }, s.cursor + a.by * s.height);
    case 'first':
      return place(s, 0);
    case 'last':
      return place(s, s.rows.length - 1);
    case 'height': {
      const height = Math.max(1, a.height);
      return height === s.height ? s : place({ ...s, height }, s.cursor);
    }
    case 'rows': {
      const keep = a.select !== undefined ? a.select : selectedIndex(s);
      // The kept row, or the nearest one after it when the filter hid it.
      const cursor = keep === null ? 0 : lowerBound(a.rows, keep);
      return place({ ...s, rows: a.rows, cursor: -1 }, cursor);
    }
  }
}
