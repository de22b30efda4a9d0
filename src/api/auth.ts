// How a request proves who sends it: an HMAC signature computed per attempt, or an OAuth bearer
// token (see oauth-token.ts).
import { authorizationHeader } from '../signing/hmac.js';
import { parseKeyPart } from '../signing/region.js';

export interface HmacAuth {
  kind: 'hmac';
  /** The API id, with or without its region prefix. */
  id: string;
  secret: string;
}

export interface OAuthAuth {
  kind: 'oauth';
  clientId: string;
  clientSecret: string;
}

export type ApiAuth = HmacAuth | OAuthAuth;

/** Signs one attempt; called again for every retry so each gets its own nonce and timestamp. */
export function hmacSigner(auth: HmacAuth, now: () => number): (method: string, url: URL) => string {
  // The header carries the bare id and the signature uses the bare secret: a region prefix
  // (`vera01ei-`) only picks the host, it is never signed or sent.
  const key = { id: parseKeyPart(auth.id, 'id').bare, secret: parseKeyPart(auth.secret, 'secret').bare };
  return (method, url) => authorizationHeader(key, { method, url }, { now });
}

export function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}
