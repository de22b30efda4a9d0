// The preferences kept between runs. Preferences only: never a key, never a secret.
import type { CredentialFilter, SortOrder } from '../model/filter.js';

export const COLUMN_IDS = [
  'type', 'name', 'id', 'owner', 'account', 'status', 'expires', 'roles',
  'created', 'revoked', 'secrets', 'profiles', 'organisation',
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
  /**
   * API URLs of single profiles (`vcreds config set api-url URL --profile NAME`), one per profile:
   * for emulators, proxies and dedicated instances. Absent when there are none.
   */
  profileApiUrls?: ProfileApiUrl[];
  /**
   * Where credentials are delivered on rotation (src/targets/): descriptors only, never a secret.
   * Absent when there are none.
   */
  targets?: TargetBinding[];
}

/** The API URL one profile of the credentials file is used with (a list, not a map: a profile may be named anything). */
export interface ProfileApiUrl {
  profile: string;
  apiUrl: string;
}

/** What a target holds after the last delivery to it (an id, never a secret). */
export interface TargetState {
  /** HMAC: the API id delivered. OAuth: `CLIENT_ID/SECRET_ID`. */
  holds: string;
  /** ISO 8601. */
  at: string;
  outcome: 'delivered' | 'proven' | 'failed';
  /** Why it failed (redacted), for the report and `vcreds targets`. */
  reason?: string;
}

/** One target of one credential (by id) or of one local profile (whatever key it holds). */
export interface TargetBinding {
  /** Exactly one of credentialId and profile. */
  credentialId?: string;
  profile?: string;
  /** The descriptor as the user wrote it (canonical form): `dotenv:PATH`, `github:OWNER/REPO`... */
  target: string;
  /** Names the id and the secret are delivered under (secret names, variables, Vault keys); default by kind. */
  idName?: string;
  valueName?: string;
  /** GitLab: variable flags. */
  masked?: boolean;
  protected?: boolean;
  last?: TargetState;
}

export interface PreferencesStore {
  get(): Preferences;
  /** Merges and persists; returns the new preferences. */
  update(patch: Partial<Preferences>): Preferences;
  reset(): Preferences;
  readonly path: string;
}
