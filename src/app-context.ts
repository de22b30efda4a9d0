// What the entry builds once and hands to commands and the TUI (services through context).
import type { IdentityService } from './identity/types.js';
import type { RegionName } from './signing/region.js';

export interface Connection {
  apiUrl: string;
  region: RegionName | null;
  /** The profile in use, when the key came from the credentials file. */
  profile: string | null;
  /** 'all': the TUI's view of every account at once (read only). */
  source: 'env' | 'file' | 'oauth' | 'demo' | 'all';
  isDemo: boolean;
}

export interface AppContext {
  service: IdentityService;
  connection: Connection;
  credentialsPath: string;
  readOnly: boolean;
  now: () => number;
  /** The bare id of the credential vcreds itself signs with now (it changes when vcreds renews its own pair). */
  signingKeyId(): string | null;
  /** Makes one signed call with the given HMAC key against the same API; rejects if refused. */
  proveHmacKey(key: { id: string; secret: string }): Promise<void>;
  /** Exchanges an OAuth client id + secret for a token at the same API; rejects if refused. */
  proveOAuthSecret(clientId: string, clientSecret: string): Promise<void>;
}
