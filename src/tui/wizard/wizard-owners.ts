// "For whom": the caller first, then (admins only) every other user or API service account,
// narrowed by what was typed.
import type { Caller, User } from '../../identity/types.js';

export interface OwnerOption {
  user: User;
  isCaller: boolean;
  label: string;
}

function fullName(u: User): string {
  return [u.firstName, u.lastName].filter(Boolean).join(' ');
}

export function ownerLabel(u: User, isCaller: boolean): string {
  const kind = u.accountType === 'api' ? 'API account' : 'user';
  const name = fullName(u);
  const who = `${u.userName}${name ? ` (${name})` : ''}`;
  return isCaller ? `Myself: ${who}` : `${who} · ${kind}`;
}

function matches(u: User, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [u.userName, u.email ?? '', fullName(u)].some((s) => s.toLowerCase().includes(q));
}

/** Only the caller unless `others` (the caller is an admin); the caller comes first when it matches. */
export function ownerOptions(caller: Caller, users: readonly User[], query: string, others: boolean): OwnerOption[] {
  const me: OwnerOption = { user: caller, isCaller: true, label: ownerLabel(caller, true) };
  if (!others) return [me];
  const out = matches(caller, query) || 'myself'.startsWith(query.trim().toLowerCase()) ? [me] : [];
  for (const u of users) {
    if (u.userId === caller.userId || !matches(u, query)) continue;
    out.push({ user: u, isCaller: false, label: ownerLabel(u, false) });
  }
  return out;
}
