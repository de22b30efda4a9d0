// The preferences kept between runs. Preferences only: never a key, never a secret.
import type { CredentialFilter, SortOrder } from '../model/filter.js';

export const COLUMN_IDS = [
  'type', 'name', 'id', 'owner', 'account', 'status', 'expires', 'roles',
  'created', 'revoked', 'secrets', 'profiles',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** The Platform page's default set; created, revoked, secrets and profiles start hidden. */
export const DEFAULT_COLUMNS: ColumnId[] = ['type', 'name', 'id', 'owner', 'account', 'status', 'expires', 'roles'];

export interface Preferences {
  /** Visible columns, in display order. */
  columns: ColumnId[];
  sort: SortOrder;
  filter: CredentialFilter;
  defaultProfile: string | null;
  apiUrl: string | null;
}

export interface PreferencesStore {
  get(): Preferences;
  /** Merges and persists; returns the new preferences. */
  update(patch: Partial<Preferences>): Preferences;
  reset(): Preferences;
  readonly path: string;
}
