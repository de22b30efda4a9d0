// POST /oauth2/token: client_credentials with HTTP Basic, answered OAuth-style.
import { timingSafeEqual } from 'node:crypto';
import { oauthError, type Reply } from './replies.js';
import type { Ctx } from './route-types.js';
import { hashSecret } from './store.js';

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const m = header && /^basic\s+(\S+)$/i.exec(header);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export function tokenEndpoint(ctx: Ctx): Reply {
  if (!ctx.contentType.startsWith('application/x-www-form-urlencoded')) {
    throw oauthError(400, 'invalid_request', 'Send the token request as application/x-www-form-urlencoded');
  }
  const form = new URLSearchParams(ctx.rawBody);
  const grant = form.get('grant_type');
  if (grant !== 'client_credentials') {
    throw oauthError(400, grant ? 'unsupported_grant_type' : 'invalid_request', 'grant_type must be client_credentials');
  }
  const given = basicCredentials(ctx.authorization)
    ?? (form.get('client_id') && form.get('client_secret') ? { id: form.get('client_id')!, secret: form.get('client_secret')! } : undefined);
  if (!given) throw oauthError(401, 'invalid_client', 'Client authentication is missing: send HTTP Basic client_id:client_secret');
  const client = ctx.store.clientsById.get(given.id);
  const failed = 'Client authentication failed: unknown client id or wrong secret';
  if (!client) throw oauthError(401, 'invalid_client', failed);
  const hash = hashSecret(given.secret);
  const secret = client.secrets.find((s) => s.retired === null && sameHash(s.hash, hash));
  if (!secret) throw oauthError(401, 'invalid_client', failed);
  if (client.revoked !== null) throw oauthError(401, 'invalid_client', 'The OAuth client was revoked');
  if (client.expiration <= ctx.now) throw oauthError(401, 'invalid_client', 'The OAuth client has expired');
  if (secret.expiration <= ctx.now) throw oauthError(401, 'invalid_client', 'The client secret has expired');
  const ttl = ctx.settings.tokenTtlSeconds;
  return {
    status: 200,
    headers: { 'cache-control': 'no-store' },
    body: { access_token: ctx.tokens.issue(client.client_id, client.roles, ctx.now, ttl), token_type: 'Bearer', expires_in: ttl, scope: client.roles.join(' ') },
  };
}
