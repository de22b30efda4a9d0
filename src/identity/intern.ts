// One shared object per distinct owner and per distinct role list, for the rows of one load.
// An organisation of 80,000 users has 80,000 owners but a few dozen roles and a handful of role
// sets; a credential refers to them instead of holding a copy each, and the server's objects are
// dropped once parsed. Credentials are never changed in place (a change is a new credential), so
// sharing is safe; the shared objects are frozen to keep it so.
import type { AccountType, Owner, Role } from '../model/credential.js';

/** The empty list every credential without secrets or profiles shares. */
export const NO_SECRETS: never[] = Object.freeze([]) as unknown as never[];
export const NO_PROFILES: string[] = Object.freeze([]) as unknown as string[];

export interface Interner {
  owner(userId: string, userName: string, accountType: AccountType): Owner;
  /** The same array for every credential holding the same roles in the same order. */
  roles(roles: Role[]): Role[];
}

export function createInterner(): Interner {
  // By user id (one per user): a composite key string per owner would cost more than the owner.
  const owners = new Map<string, Owner>();
  const others = new Map<string, Owner>();
  const roleSets = new Map<string, Role[]>();
  return {
    owner(userId, userName, accountType) {
      const o = owners.get(userId);
      if (!o) {
        const made = Object.freeze({ userId, userName, accountType });
        owners.set(userId, made);
        return made;
      }
      if (o.userName === userName && o.accountType === accountType) return o;
      // The same id under another name (an answer that disagrees with the user list): kept apart.
      const key = `${accountType}\u0000${userId}\u0000${userName}`;
      let other = others.get(key);
      if (!other) {
        other = Object.freeze({ userId, userName, accountType });
        others.set(key, other);
      }
      return other;
    },
    roles(roles) {
      if (roles.length === 0) return NO_SECRETS as unknown as Role[];
      // Roles are themselves interned by name and description (wire.ts): their identity is the key.
      const key = roles.map((r) => `${r.name}\u0001${r.description ?? ''}`).join('\u0000');
      let set = roleSets.get(key);
      if (!set) {
        set = Object.freeze(roles) as Role[];
        roleSets.set(key, set);
      }
      return set;
    },
  };
}
