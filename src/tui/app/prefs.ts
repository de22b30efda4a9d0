// The list's preferences (filter, sort, columns) as the app starts with them: read once from the
// preferences store, defaults for anything missing or unreadable.
import type { PreferencesStore, TargetBinding } from '../../config/preferences-types.js';
import { COLUMN_IDS, DEFAULT_COLUMNS } from '../../config/preferences-types.js';
import { DEFAULT_SORT, EMPTY_FILTER } from '../../model/filter.js';
import type { Prefs } from './model.js';

export function initialPrefs(store: PreferencesStore): { prefs: Prefs; targets: TargetBinding[]; error: string | null } {
  try {
    const p = store.get();
    const columns = (p.columns ?? []).filter((id) => (COLUMN_IDS as readonly string[]).includes(id));
    return {
      prefs: { columns: columns.length ? columns : [...DEFAULT_COLUMNS], sort: p.sort ?? DEFAULT_SORT, filter: { ...EMPTY_FILTER, ...p.filter } },
      targets: p.targets ?? [],
      error: null,
    };
  } catch (e) {
    return {
      prefs: { columns: [...DEFAULT_COLUMNS], sort: DEFAULT_SORT, filter: EMPTY_FILTER },
      targets: [],
      error: `Preferences not read (${(e as Error).message}); using defaults`,
    };
  }
}
