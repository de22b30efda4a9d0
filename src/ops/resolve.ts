// Finding a credential or a user from what a person typed: a full id, a unique id prefix, a name.
import type { Credential } from '../model/credential.js';
import { displayName } from '../model/credential.js';
import type { User } from '../identity/types.js';

/** Shortened ids must be at least this long, so a typo cannot silently pick a credential. */
export const MIN_ID_PREFIX = 8;

export class ResolveError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    /** 'usage' when the input itself is wrong (too short, ambiguous), 'not-found' otherwise. */
    readonly kind: 'usage' | 'not-found',
  ) {
    super(message);
    this.name = 'ResolveError';
  }
}

/** Strips a region prefix (`vera01ei-`) a user may paste along with an HMAC id. */
function bareId(input: string): string {
  const t = input.trim();
  const dash = t.lastIndexOf('-');
  // An OAuth client id (a UUID) also has 8 characters before a dash, but only hex ones.
  return dash === 8 && /[^0-9a-f]/i.test(t.slice(0, 8)) && !t.slice(dash + 1).includes('-') ? t.slice(dash + 1) : t;
}

export function resolveCredential<T extends Credential>(list: readonly T[], input: string): T {
  const raw = input.trim();
  if (!raw) throw new ResolveError('no credential id given', 'Give the id shown by vcreds list (or a unique prefix of 8+ characters).', 'usage');
  const wanted = bareId(raw).toLowerCase();
  const exact = list.filter((c) => c.id.toLowerCase() === wanted || c.id.toLowerCase() === raw.toLowerCase());
  if (exact.length >= 1) return exact[0]!;
  if (wanted.length < MIN_ID_PREFIX) {
    throw new ResolveError(`"${raw}" is too short to identify a credential`, `Give the full id or at least ${MIN_ID_PREFIX} of its first characters (see vcreds list).`, 'usage');
  }
  const matches = list.filter((c) => c.id.toLowerCase().startsWith(wanted));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    throw new ResolveError(`no credential with id ${raw}`, 'See the ids with vcreds list (revoked ones included).', 'not-found');
  }
  const names = matches.slice(0, 10).map((c) => `${c.id} (${c.type}, ${displayName(c)})`).join(', ');
  throw new ResolveError(`"${raw}" matches ${matches.length} credentials: ${names}`, 'Give more characters of the id.', 'usage');
}

/** A user by id, or by user name (case-insensitive, exact). */
export function resolveUser(users: readonly User[], input: string): User {
  const q = input.trim().toLowerCase();
  const byId = users.find((u) => u.userId.toLowerCase() === q);
  if (byId) return byId;
  const byName = users.filter((u) => u.userName.toLowerCase() === q);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    throw new ResolveError(`several users are named ${input}: ${byName.map((u) => u.userId).join(', ')}`, 'Give the user id instead.', 'usage');
  }
  const close = users.filter((u) => u.userName.toLowerCase().includes(q)).slice(0, 5).map((u) => u.userName);
  throw new ResolveError(
    `no user named or with id "${input}"`,
    close.length ? `Did you mean: ${close.join(', ')}?` : 'See the users with vcreds list (owner column).',
    'not-found',
  );
}
