// Pure helpers of the one-time secret screen: masking, the OAuth environment snippet, and the
// profile name to suggest when saving an HMAC pair to the credentials file.

/** Hides all but the last 4 characters, so a user can tell two secrets apart without exposing one. */
export function maskSecret(secret: string): string {
  if (secret.length <= 4) return '•'.repeat(secret.length);
  return `••••••••…${secret.slice(-4)}`;
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9._:/@+=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The variables Veracode's OAuth-aware tools read. */
export function oauthEnvSnippet(clientId: string, clientSecret: string): string {
  return `export VERACODE_OAUTH_CLIENT_ID=${shellQuote(clientId)} VERACODE_OAUTH_CLIENT_SECRET=${shellQuote(clientSecret)}`;
}

/**
 * A shell line cut into rows of at most `width` columns. Each cut row ends in a backslash, and the
 * next row starts at the left edge: the shell removes backslash-newline even inside a word, so
 * pasting every row runs the same command (a plain wrap would split the secret in two).
 */
export function shellRows(line: string, width: number): string[] {
  const room = Math.max(2, width);
  const rows: string[] = [];
  let rest = line;
  while (rest.length > room) {
    rows.push(`${rest.slice(0, room - 1)}\\`);
    rest = rest.slice(room - 1);
  }
  rows.push(rest);
  return rows;
}

/**
 * The profile that held the key this one replaces; else `default` for a file without profiles;
 * else the owner's name made file-safe, numbered if taken.
 */
export function suggestProfileName(existing: readonly string[], ownerName: string, stale: readonly string[] = []): string {
  const replacing = stale.find((p) => existing.includes(p));
  if (replacing) return replacing;
  if (existing.length === 0) return 'default';
  const base = ownerName.split('@')[0]!.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'vcreds';
  if (!existing.includes(base)) return base;
  for (let n = 2; ; n++) if (!existing.includes(`${base}-${n}`)) return `${base}-${n}`;
}

/** Why a profile name cannot be used, or null. Mirrors what the credentials writer accepts. */
export function profileNameProblem(name: string): string | null {
  if (name.trim() === '') return 'Profile name is empty: type a name such as default.';
  if (/[[\]\r\n]/.test(name)) return 'Profile name cannot contain [ or ]: type another name.';
  if (/\s/.test(name)) return 'Profile name cannot contain spaces: use - or _ instead.';
  return null;
}
