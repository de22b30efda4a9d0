// The contract of rotation, shared by `vcreds rotate` and the TUI's rotate action.
import type { Credential } from '../model/credential.js';
import type { GeneratedHmac, GeneratedOAuthSecret } from '../identity/types.js';
import type { HeldSecret } from './held-secrets.js';

/**
 * What happened, step by step, so a caller can say exactly what state things are in.
 * `generated` is always present once the server has answered: the new secret is never lost.
 */
export interface HmacRotationResult {
  generated: GeneratedHmac;
  /** The new secret in the held-secrets registry; already released when it is safely in a proven profile. */
  held: HeldSecret;
  /** Local profiles rewritten with the new key (empty when none held the old key). */
  profilesUpdated: string[];
  backupPath: string | null;
  /** The write step: 'ok', 'skipped' (no profile held the key) or 'failed' (file untouched). */
  write: 'ok' | 'skipped' | 'failed';
  /** A signed call made with the new key. */
  proof: 'ok' | 'failed' | 'skipped';
  /** True when the proof failed and the credentials file was put back as it was. */
  restored: boolean;
  /** Human explanation of any failed step; the secret never appears in it. */
  problems: string[];
  /** The key replaced: revoked now (revokeOld), or still working until the server's grace ends. */
  oldKey: {
    id: string;
    revoked: 'now' | 'failed' | 'no';
    /** ISO 8601: when the server retires it (24 h after the new pair), null once revoked. */
    worksUntil: string | null;
  };
}

export interface OAuthRotationResult {
  secret: GeneratedOAuthSecret;
  /** The new secret, held until the caller has shown or printed it. */
  held: HeldSecret;
  /** The secret retired after the new one was proven, if asked to. */
  retiredSecretId: string | null;
  /**
   * Every secret retired by the rotation, oldest first. Usually one; two when the client already
   * had the two live secrets the server allows and the oldest had to go before the new one could
   * be added. `retiredSecretId` is the last of these.
   */
  retiredSecretIds: string[];
  proof: 'ok' | 'failed' | 'skipped';
  problems: string[];
}

export type RotationTarget = Credential;

