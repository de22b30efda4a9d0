// The selection, kept by credential id: it stays on the same credential through filtering,
// searching, sorting, refreshes and arriving rows while that credential is shown, else it goes to
// the first row. The table's scroll follows it.
import type { Model } from './model.js';
import { cursorOf, listRows } from '../list/rows.js';
import { listLayout } from '../list/list-screen.js';

/** The id on the row `cursor` positions away from the selection (clamped to the list). */
export function moveSelection(model: Model, by: number | 'first' | 'last'): Model {
  const list = listRows(model);
  if (list.rows.length === 0) return model;
  const from = cursorOf(list, model.selectedId);
  const to = by === 'first' ? 0 : by === 'last' ? list.rows.length - 1 : Math.max(0, Math.min(list.rows.length - 1, from + by));
  return settle({ ...model, selectedId: list.sorted[list.rows[to]!]!.id });
}

export function selectId(model: Model, id: string): Model {
  return settle({ ...model, selectedId: id });
}

/**
 * Makes the selection and the scroll agree with what is shown: the selected credential if it is
 * still there (else the first row), and a window that contains it, scrolled as little as possible.
 */
export function settle(model: Model): Model {
  const list = listRows(model);
  const { tableRows } = listLayout(model);
  if (list.rows.length === 0) return model.top === 0 ? model : { ...model, top: 0 };
  const cursor = cursorOf(list, model.selectedId);
  const selectedId = list.sorted[list.rows[cursor]!]!.id;
  let top = Math.min(model.top, Math.max(0, list.rows.length - tableRows));
  if (cursor < top) top = cursor;
  if (cursor >= top + tableRows) top = cursor - tableRows + 1;
  top = Math.max(0, top);
  return selectedId === model.selectedId && top === model.top ? model : { ...model, selectedId, top };
}

/** Moves the window (and the selection with it) by a page. */
export function pageSelection(model: Model, by: 1 | -1): Model {
  const { tableRows } = listLayout(model);
  const list = listRows(model);
  const maxTop = Math.max(0, list.rows.length - tableRows);
  const top = Math.max(0, Math.min(maxTop, model.top + by * tableRows));
  return moveSelection({ ...model, top }, by * tableRows);
}
