// Wire → the one Credential model. HMAC credentials have no name or secrets list of their own:
// they carry their owner's identity and roles (an HMAC key acts with all of them).
import type { Credential, Owner } from '../model/credential.js';
import type { User } from './types.js';
import type { ApiCredentialInfo } from './wire.js';
import { NO_PROFILES, NO_SECRETS, type Interner } from './intern.js';

export function ownerOf(user: Pick<User, 'userId' | 'userName' | 'accountType'>): Owner {
  return { userId: user.userId, userName: user.userName, accountType: user.accountType };
}

/**
 * `now` splits a revocation time: one in the future is the end of a superseded pair's renewal
 * grace (it still works until then), one in the past is a revocation. Without `now`, as sent.
 */
export function hmacCredential(user: User, info: ApiCredentialInfo, profiles: string[] = [], now?: number, intern?: Interner): Credential {
  const pending = now !== undefined && info.revokedAt !== null && Date.parse(info.revokedAt) > now;
  return {
    id: info.apiId,
    type: 'hmac',
    name: null,
    description: null,
    owner: intern ? intern.owner(user.userId, user.userName, user.accountType) : ownerOf(user),
    expiresAt: info.expiresAt,
    createdAt: info.createdAt,
    revokedAt: pending ? null : info.revokedAt,
    // The owner's roles, shared rather than copied: roles are read-only values (wire.ts).
    roles: user.roles,
    secrets: intern ? NO_SECRETS : [],
    profiles: intern && profiles.length === 0 ? NO_PROFILES : profiles,
    supersededUntil: pending ? info.revokedAt : null,
  };
}
