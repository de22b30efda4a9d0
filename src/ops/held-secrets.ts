// Secrets the server created that are not yet safely somewhere else (saved to a profile, printed,
// copied, or knowingly abandoned). Every op that receives a new secret holds it here the moment it
// arrives, so that an exit handler (a signal, a crash) can still hand it over on the way out: a
// secret that exists nowhere else is never lost.

/** A secret the server has just created: shown once, never again. */
export interface NewSecret {
  kind: 'hmac' | 'oauth';
  /** HMAC: the API id. OAuth: the client id. */
  id: string;
  secret: string;
  /** OAuth: the id of this secret among the client's secrets. */
  secretId?: string;
  /** OAuth client name; null for HMAC. */
  name: string | null;
  ownerName: string;
  expiresAt: string | null;
  /** Local profiles that hold the owner's previous HMAC key, which this one replaces. */
  staleProfiles?: string[];
}

export interface HeldSecret {
  secret: NewSecret;
  /** Lets go of the secret once it is safe or knowingly abandoned; calling it again does nothing. */
  release(): void;
}

const held = new Map<number, NewSecret>();
let nextId = 0;

/** What a user needs to keep of a secret, in the form they would use it. */
export function secretLines(s: NewSecret): string[] {
  if (s.kind === 'hmac') return [`veracode_api_key_id = ${s.id}`, `veracode_api_key_secret = ${s.secret}`];
  return [`VERACODE_OAUTH_CLIENT_ID=${s.id}`, `VERACODE_OAUTH_CLIENT_SECRET=${s.secret}`];
}

export function secretLabel(s: NewSecret): string {
  return s.kind === 'hmac'
    ? `HMAC key ${s.id} of ${s.ownerName}`
    : `OAuth client "${s.name ?? s.id}" of ${s.ownerName}${s.secretId ? `, secret ${s.secretId}` : ''}`;
}

/** Holds a new secret until released. */
export function holdSecret(secret: NewSecret): HeldSecret {
  const id = ++nextId;
  held.set(id, { ...secret });
  return {
    secret,
    release: () => {
      held.delete(id);
    },
  };
}

/** What is still held, oldest first (copies: callers cannot change the registry). */
export function heldSecrets(): NewSecret[] {
  return [...held.values()].map((s) => ({ ...s }));
}

/** The text an exit handler prints (empty when nothing is held). */
export function heldSecretsText(): string {
  const all = heldSecrets();
  if (all.length === 0) return '';
  const one = all.length === 1;
  const blocks = all.map((s) => [secretLabel(s), ...secretLines(s).map((l) => `  ${l}`)].join('\n'));
  return `vcreds: ${one ? 'this secret was' : 'these secrets were'} created but not saved. Keep ${one ? 'it' : 'them'} now; ${one ? 'it is' : 'they are'} not shown again:\n${blocks.join('\n')}\n`;
}
