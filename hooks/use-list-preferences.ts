// Filter, sort and columns: read from the preferences store at start, saved on every change.
import { useCallback, useState } from 'react';
import type { ColumnId, Preferences, PreferencesStore } from '../src/config/preferences-types.js';
import { COLUMN_IDS, DEFAULT_COLUMNS } from '../src/config/preferences-types.js';
import type { CredentialFilter, SortOrder } from '../src/model/filter.js';
import { DEFAULT_SORT, EMPTY_FILTER } from '../src/model/filter.js';

interface ListPreferences {
  columns: ColumnId[];
  sort: SortOrder;
  filter: CredentialFilter;
}

function initial(store: PreferencesStore): { prefs: ListPreferences; error: string | null } {
  try {
    const p = store.get();
    const columns = (p.columns ?? []).filter((id) => (COLUMN_IDS as readonly string[]).includes(id));
    return {
      prefs: { columns: columns.length ? columns : [...DEFAULT_COLUMNS], sort: p.sort ?? DEFAULT_SORT, filter: { ...EMPTY_FILTER, ...p.filter } },
      error: null,
    };
  } catch (e) {
    return { prefs: { columns: [...DEFAULT_COLUMNS], sort: DEFAULT_SORT, filter: EMPTY_FILTER }, error: `Preferences not read (${(e as Error).message}); using defaults` };
  }
}

export function useListPreferences(store: PreferencesStore, onError: (message: string) => void) {
  const [{ prefs, error }] = useState(() => initial(store));
  const [columns, setColumnsState] = useState(prefs.columns);
  const [sort, setSortState] = useState(prefs.sort);
  const [filter, setFilterState] = useState(prefs.filter);

  const save = useCallback(
    (patch: Partial<Preferences>) => {
      try {
        store.update(patch);
      } catch (e) {
        onError(`Could not save preferences: ${(e as Error).message}`);
      }
    },
    [store, onError],
  );
  const setColumns = useCallback((c: ColumnId[]) => (setColumnsState(c), save({ columns: c })), [save]);
  const setSort = useCallback((s: SortOrder) => (setSortState(s), save({ sort: s })), [save]);
  const setFilter = useCallback((f: CredentialFilter) => (setFilterState(f), save({ filter: f })), [save]);
  return { columns, sort, filter, setColumns, setSort, setFilter, loadError: error };
}
