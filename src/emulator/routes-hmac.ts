// /api_credentials: one current HMAC pair per user. Generating a pair supersedes the previous one,
// which keeps working through the renewal grace (Veracode: 24 hours) and is revoked then; the
// previous id stays readable and revocable by id (GET/DELETE /api_credentials/{id}).
import { forbidden, notFoundError, type Reply } from './replies.js';
import { callerOf, type Ctx, type Route } from './route-types.js';
import type { DbHmac, DbUser } from './store-types.js';
import { formatTs } from './time.js';
import { BASE, hmacJson } from './views.js';

function credentialReply(h: DbHmac, owner?: DbUser): Reply {
  const body: Record<string, unknown> = { ...hmacJson(h) };
  if (owner) {
    body.user_id = owner.user_id;
    body.user_name = owner.user_name;
  }
  body._links = { self: { href: `${BASE}/api_credentials/${h.api_id}` } };
  return { status: 200, body };
}

function latestOrNotFound(ctx: Ctx, user: DbUser): DbHmac {
  const h = ctx.store.latestHmac(user.user_id);
  if (!h) throw notFoundError('No API credentials', `${user.user_name} has no API credentials`, 'user_id');
  return h;
}

function generate(ctx: Ctx, owner: DbUser): Reply {
  const { hmac, secret } = ctx.store.generateHmac(owner.user_id, ctx.now, callerOf(ctx).user.user_name);
  return {
    status: 200,
    body: {
      api_id: hmac.api_id,
      api_secret: secret,
      expiration_ts: formatTs(hmac.expiration),
      user_id: owner.user_id,
      user_name: owner.user_name,
      _links: { self: { href: `${BASE}/api_credentials/${hmac.api_id}` } },
    },
  };
}

function byApiId(ctx: Ctx): DbHmac {
  const caller = callerOf(ctx);
  const id = ctx.params[0]!.toLowerCase();
  const h = ctx.store.hmacById.get(id);
  if (!h) throw notFoundError('API credentials not found', `No API credentials have the id ${id}`, 'api_id');
  if (!caller.isAdmin && h.user_id !== caller.user.user_id) throw forbidden('You may only see and revoke your own API credentials');
  return h;
}

function userOrNotFound(ctx: Ctx): DbUser {
  const caller = callerOf(ctx);
  if (!caller.isAdmin) throw forbidden();
  const id = ctx.params[0]!;
  const user = ctx.store.usersById.get(id);
  if (!user) throw notFoundError('User not found', `No user has the id ${id}`, 'user_id');
  return user;
}

export const HMAC_ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/api_credentials$/, auth: true, handler: (ctx) => credentialReply(latestOrNotFound(ctx, callerOf(ctx).user)) },
  { method: 'POST', pattern: /^\/api_credentials$/, auth: true, handler: (ctx) => generate(ctx, callerOf(ctx).user) },
  {
    method: 'DELETE', pattern: /^\/api_credentials$/, auth: true,
    handler: (ctx) => {
      const caller = callerOf(ctx);
      const h = latestOrNotFound(ctx, caller.user);
      ctx.store.revokeHmac(h, ctx.now, caller.user.user_name);
      return { status: 204 };
    },
  },
  {
    method: 'GET', pattern: /^\/api_credentials\/user_id\/([^/]+)$/, auth: true,
    handler: (ctx) => {
      const user = userOrNotFound(ctx);
      return credentialReply(latestOrNotFound(ctx, user), user);
    },
  },
  { method: 'POST', pattern: /^\/api_credentials\/user_id\/([^/]+)$/, auth: true, handler: (ctx) => generate(ctx, userOrNotFound(ctx)) },
  {
    method: 'GET', pattern: /^\/api_credentials\/([^/]+)$/, auth: true,
    handler: (ctx) => {
      const h = byApiId(ctx);
      return credentialReply(h, ctx.store.usersById.get(h.user_id));
    },
  },
  {
    method: 'DELETE', pattern: /^\/api_credentials\/([^/]+)$/, auth: true,
    handler: (ctx) => {
      // Revoking is idempotent, so a retried DELETE after a lost answer does no harm.
      ctx.store.revokeHmac(byApiId(ctx), ctx.now, callerOf(ctx).user.user_name);
      return { status: 204 };
    },
  },
];
