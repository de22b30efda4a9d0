// The emulator's own database, as kept in memory and in the optional data file.
// Times are ms since the epoch; the wire format is chosen when a record is rendered.
import type { TsForm } from './time.js';

export type DbAccountType = 'USER' | 'API';

export interface DbTeam {
  team_id: string;
  team_name: string;
}

export interface DbUser {
  user_id: string;
  user_name: string;
  email_address: string | null;
  first_name: string;
  last_name: string;
  login_enabled: boolean;
  saml_user: boolean;
  account_type: DbAccountType;
  /** Role names. */
  roles: string[];
  teams: DbTeam[];
}

export interface DbHmac {
  api_id: string;
  user_id: string;
  /** The server needs the secret itself to verify signatures. */
  secret: string;
  created: number;
  expiration: number;
  /** When it is (or will be) revoked: in the future while a superseded pair is in its renewal grace. */
  revoked: number | null;
  revoked_by: string | null;
  /** Which timestamp form this record is rendered in (seeded variety). */
  form?: TsForm;
}

export interface DbSecret {
  secret_id: string;
  /** sha256 of the client secret: enough to check it, useless to steal. */
  hash: string;
  created: number;
  expiration: number;
  retired: number | null;
}

export interface DbClient {
  client_id: string;
  user_id: string;
  name: string;
  description: string;
  roles: string[];
  created: number;
  expiration: number;
  revoked: number | null;
  secrets: DbSecret[];
}

export interface DemoKeys {
  adminUserId: string;
  memberUserId: string;
  /** The demo OAuth secret is meant to be printed by `vcreds emulator`, so it is kept. */
  adminOAuthClientId: string;
  adminOAuthSecret: string;
}

export interface StoreData {
  version: 1;
  seed: number;
  users: DbUser[];
  hmac: DbHmac[];
  clients: DbClient[];
  demo: DemoKeys;
}
