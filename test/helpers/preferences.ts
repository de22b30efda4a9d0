// An in-memory PreferencesStore with the same merge semantics as the conf-backed one.
import type { Preferences, PreferencesStore } from '../../src/config/preferences-types.js';
import { DEFAULT_COLUMNS } from '../../src/config/preferences-types.js';
import { DEFAULT_SORT, EMPTY_FILTER } from '../../src/model/filter.js';

export function defaultPreferences(): Preferences {
  return { columns: [...DEFAULT_COLUMNS], sort: { ...DEFAULT_SORT }, filter: structuredClone(EMPTY_FILTER), defaultProfile: null, apiUrl: null };
}

export function createMemoryPreferences(initial: Partial<Preferences> = {}): PreferencesStore & { updates: Partial<Preferences>[] } {
  let current: Preferences = { ...defaultPreferences(), ...structuredClone(initial) };
  const updates: Partial<Preferences>[] = [];
  return {
    updates,
    path: ':memory:',
    get: () => structuredClone(current),
    update(patch) {
      updates.push(structuredClone(patch));
      current = { ...current, ...structuredClone(patch) };
      return structuredClone(current);
    },
    reset() {
      current = defaultPreferences();
      return structuredClone(current);
    },
  };
}
