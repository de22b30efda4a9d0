// Who is calling: VERACODE-HMAC-SHA-256 verified exactly as Veracode does, or an OAuth
// bearer token from /oauth2/token. Every refusal is a 401 whose message helps without leaking.
import { timingSafeEqual } from 'node:crypto';
import { computeSignature, parseAuthorizationHeader } from '../signing/hmac.js';
import { httpCodeError, oauthError } from './replies.js';
import { isAdminRoles } from './roles.js';
import type { Store } from './store.js';
import type { DbUser } from './store-types.js';
import type { TokenStore } from './tokens.js';

/** Veracode accepts a request timestamp up to five minutes either side of its own clock. */
export const TS_WINDOW_MS = 5 * 60_000;

export interface Caller {
  user: DbUser;
  /** The roles this request may use: a bearer token carries its client's down-scoped roles. */
  roles: string[];
  isAdmin: boolean;
  via: 'hmac' | 'bearer';
}

export function callerFor(user: DbUser, roles: string[], via: Caller['via']): Caller {
  return { user, roles, isAdmin: isAdminRoles(user.account_type, roles), via };
}

/** Nonces seen within the timestamp window; a second use is a replay. */
export class ReplayCache {
  private readonly seen = new Map<string, number>();
  private inserts = 0;

  /** False when the nonce was already used; otherwise remembers it until its ts leaves the window. */
  claim(key: string, ts: number, now: number): boolean {
    const until = this.seen.get(key);
    if (until !== undefined && until >= now) return false;
    this.seen.set(key, ts + TS_WINDOW_MS);
    // Prune now and then, so the cache stays as small as the window.
    if (++this.inserts % 1000 === 0) {
      for (const [k, u] of this.seen) if (u < now) this.seen.delete(k);
    }
    return true;
  }
}

function unauthorized(message: string) {
  return httpCodeError(401, message);
}

export interface RequestAuth {
  authorization: string | undefined;
  host: string | undefined;
  /** Path and query exactly as received. */
  rawUrl: string;
  method: string;
}

const HEX_EVEN = /^(?:[0-9a-fA-F]{2})+$/;

export function authenticate(req: RequestAuth, store: Store, now: number, replay: ReplayCache, tokens: TokenStore): Caller {
  const header = req.authorization;
  if (header && /^bearer\s/i.test(header)) return bearerCaller(header.replace(/^bearer\s+/i, '').trim(), store, now, tokens);
  if (!header) throw unauthorized('Missing Authorization header: sign the request with VERACODE-HMAC-SHA-256 or send an OAuth bearer token');
  const auth = parseAuthorizationHeader(header);
  if (!auth || !/^\d{1,16}$/.test(auth.ts) || !HEX_EVEN.test(auth.nonce)) {
    throw unauthorized('Malformed Authorization header: expected VERACODE-HMAC-SHA-256 id=...,ts=...,nonce=...,sig=...');
  }
  const hmac = store.hmacById.get(auth.id.toLowerCase());
  const user = hmac && store.usersById.get(hmac.user_id);
  if (!hmac || !user) throw unauthorized('Unknown API ID');
  const ts = Number(auth.ts);
  if (Math.abs(now - ts) > TS_WINDOW_MS) throw unauthorized('Request timestamp is outside the allowed window');
  const host = (req.host ?? '').toLowerCase().replace(/:\d+$/, '');
  const { sig } = computeSignature({
    id: auth.id, secret: hmac.secret, host, pathAndQuery: req.rawUrl, method: req.method, ts: auth.ts, nonce: auth.nonce,
  });
  const given = Buffer.from(auth.sig.toLowerCase(), 'utf8');
  const expected = Buffer.from(sig, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw unauthorized('Signature does not match');
  if (hmac.revoked !== null && hmac.revoked <= now) throw unauthorized('API credentials revoked');
  if (hmac.expiration <= now) throw unauthorized('API credentials expired');
  if (!replay.claim(`${hmac.api_id}:${auth.nonce.toLowerCase()}`, ts, now)) throw unauthorized('Nonce has already been used');
  return callerFor(user, user.roles, 'hmac');
}

function bearerCaller(token: string, store: Store, now: number, tokens: TokenStore): Caller {
  const t = tokens.lookup(token);
  if (!t) throw oauthError(401, 'invalid_token', 'The access token is not valid');
  if (t.expires <= now) throw oauthError(401, 'invalid_token', 'The access token expired');
  const client = store.clientsById.get(t.clientId);
  const user = client && store.usersById.get(client.user_id);
  if (!client || !user || client.revoked !== null) throw oauthError(401, 'invalid_token', 'The OAuth client behind this token was revoked');
  return callerFor(user, t.roles, 'bearer');
}
