// The list's preferences (filter, sort, columns) as the app starts with them: read once from the
// preferences store, defaults for anything missing or unreadable.
import type { PreferencesStore } from '../../config/preferences-types.js';
import { COLUMN_IDS, DEFAULT_COLUMNS } from '../../config/preferences-types.js';
import { DEFAULT_SORT, EMPTY_FILTER } from '../../model/filter.js';
import type { Prefs } from './model.js';

export function initialPrefs(store: PreferencesStore): { prefs: Prefs; error: string | null } {
  try {
    const p = store.get();
    const columns = (p.columns ?? []).filter((id) => (COLUMN_IDS as readonly string[]).includes(id));
    return {
      prefs: { columns: columns.length ? columns : [...DEFAULT_COLUMNS], sort: p.sort ?? DEFAULT_SORT, filter: { ...EMPTY_FILTER, ...p.filter } },
      error: null,
    };
  } catch (e) {
    return {
      prefs: { columns: [...DEFAULT_COLUMNS], sort: DEFAULT_SORT, filter: EMPTY_FILTER },
      error: `Preferences not read (${(e as Error).message}); using defaults`,
    };
  }
}
