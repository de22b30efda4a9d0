// The list's data pipeline, memoised so a keystroke costs only what it changes:
// views (data change, made by the caller) → sorted (sort change) → row indices (filter change) → window (cursor).
import { useMemo, useReducer, useRef, useState } from 'react';
import type { CredentialView } from '../src/model/credential.js';
import type { CredentialFilter, SortOrder } from '../src/model/filter.js';
import { filteredIndices, sortCredentials } from '../src/model/filter.js';
import { initialListState, listReducer, selectedIndex, type ListAction, type ListState } from '../src/tui/list-state.js';

export interface CredentialList {
  views: CredentialView[];
  sorted: CredentialView[];
  list: ListState;
  selected: CredentialView | null;
  /** The selection including moves not yet rendered (keys typed faster than a frame). */
  liveSelected(): CredentialView | null;
  move(by: number): void;
  page(by: 1 | -1): void;
  first(): void;
  last(): void;
}

export function useCredentialList(
  views: CredentialView[],
  sort: SortOrder,
  filter: CredentialFilter,
  text: string,
  height: number,
): CredentialList {
  const sorted = useMemo(() => sortCredentials(views, sort), [views, sort]);
  const rows = useMemo(() => filteredIndices(sorted, filter, text), [sorted, filter, text]);

  const [list, dispatch] = useReducer(listReducer, undefined, () => initialListState(rows, height));
  // Adjust during render (not in an effect) so no frame ever pairs new rows with an old cursor.
  const [seen, setSeen] = useState({ sorted, rows });
  if (seen.rows !== rows) {
    let select: number | null | undefined;
    if (seen.sorted !== sorted) {
      // New data or a new order: follow the selected credential by id.
      const old = selectedIndex(list);
      const id = old === null ? null : seen.sorted[old]?.id;
      const found = id ? sorted.findIndex((c) => c.id === id) : -1;
      select = found >= 0 ? found : old;
    }
    setSeen({ sorted, rows });
    dispatch({ type: 'rows', rows, select });
  }
  if (list.height !== Math.max(1, height)) dispatch({ type: 'height', height });

  // A mirror of the state that key handlers advance synchronously, so Enter after two quick
  // moves opens the row the cursor is on, not the one of the last frame.
  const live = useRef({ list, sorted });
  live.current = { list, sorted };
  const index = selectedIndex(list);
  const actions = useMemo(() => {
    const send = (a: ListAction) => {
      live.current = { ...live.current, list: listReducer(live.current.list, a) };
      dispatch(a);
    };
    return {
      move: (by: number) => send({ type: 'move', by }),
      page: (by: 1 | -1) => send({ type: 'page', by }),
      first: () => send({ type: 'first' }),
      last: () => send({ type: 'last' }),
      liveSelected: () => {
        const i = selectedIndex(live.current.list);
        return i === null ? null : live.current.sorted[i] ?? null;
      },
    };
  }, []);
  return { views, sorted, list, selected: index === null ? null : sorted[index] ?? null, ...actions };
}
