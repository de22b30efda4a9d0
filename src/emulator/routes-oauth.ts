// /oauth_clients (the project's assumed contract, see identity/oauth-clients.ts) and /oauth2/token.
import { pageOf, pageRequest } from './paging.js';
import { bodyObject, checkCanAddSecret, checkExpiration, usableRoles, validateNewClient } from './oauth-rules.js';
import { forbidden, httpCodeError, notFoundError, type Reply } from './replies.js';
import { callerOf, type Ctx, type Route } from './route-types.js';
import { isLiveSecret } from './store.js';
import type { DbClient, DbUser } from './store-types.js';
import { formatTs } from './time.js';
import { BASE, clientJson } from './views.js';
import { tokenEndpoint } from './token-endpoint.js';

function ownerFor(ctx: Ctx, userId: unknown): DbUser {
  const caller = callerOf(ctx);
  if (userId === undefined || userId === null || userId === '' || userId === caller.user.user_id) return caller.user;
  if (typeof userId !== 'string') throw httpCodeError(400, 'user_id: must be a user id');
  if (!caller.isAdmin) throw forbidden('You may only manage your own OAuth clients');
  const user = ctx.store.usersById.get(userId);
  if (!user) throw notFoundError('User not found', `No user has the id ${userId}`, 'user_id');
  return user;
}

function clientOf(ctx: Ctx): DbClient {
  const caller = callerOf(ctx);
  const id = ctx.params[0]!;
  const client = ctx.store.clientsById.get(id);
  if (!client) throw notFoundError('OAuth client not found', `No OAuth client has the id ${id}`, 'client_id');
  if (!caller.isAdmin && client.user_id !== caller.user.user_id) throw forbidden('You may only manage your own OAuth clients');
  return client;
}

function list(ctx: Ctx): Reply {
  const caller = callerOf(ctx);
  const userId = ctx.query.get('user_id') ?? undefined;
  const req = pageRequest(ctx.query, ctx.settings.pageSizeCap);
  let clients: readonly DbClient[];
  if (userId) clients = ctx.store.clientsByUser.get(ownerFor(ctx, userId).user_id) ?? [];
  else if (caller.isAdmin) clients = ctx.store.clients;
  else clients = ctx.store.clientsByUser.get(caller.user.user_id) ?? [];
  return { status: 200, body: pageOf(clients, req, 'oauth_clients', `${BASE}/oauth_clients`, ctx.query, (c) => clientJson(ctx.store, c)) };
}

function create(ctx: Ctx): Reply {
  const body = bodyObject(ctx.body);
  const owner = ownerFor(ctx, body.user_id);
  const input = validateNewClient(body, owner, usableRoles(callerOf(ctx), owner), ctx.store, ctx.now, ctx.settings.maxTtlDays);
  const { client, secret, clientSecret } = ctx.store.createClient({ userId: owner.user_id, ...input }, ctx.now);
  return {
    status: 201,
    headers: { location: `${BASE}/oauth_clients/${client.client_id}` },
    body: { ...clientJson(ctx.store, client), client_secret: clientSecret, secret_id: secret.secret_id },
  };
}

function addSecret(ctx: Ctx): Reply {
  const client = clientOf(ctx);
  checkCanAddSecret(client, ctx.now);
  const body = bodyObject(ctx.body);
  const expiration = body.expiration_ts === undefined
    ? client.expiration
    : Math.min(checkExpiration(body.expiration_ts, ctx.now, ctx.settings.maxTtlDays), client.expiration);
  const { secret, clientSecret } = ctx.store.addSecret(client, ctx.now, expiration);
  return {
    status: 201,
    body: {
      client_id: client.client_id, secret_id: secret.secret_id, client_secret: clientSecret,
      created_ts: formatTs(secret.created), expiration_ts: formatTs(secret.expiration),
    },
  };
}

function retireSecret(ctx: Ctx): Reply {
  const client = clientOf(ctx);
  const id = ctx.params[1]!;
  const secret = client.secrets.find((s) => s.secret_id === id && s.retired === null);
  if (!secret) throw notFoundError('Secret not found', `OAuth client ${client.client_id} has no secret ${id}`, 'secret_id');
  const othersLive = client.secrets.some((s) => s !== secret && isLiveSecret(s, ctx.now));
  if (client.revoked === null && isLiveSecret(secret, ctx.now) && !othersLive) {
    throw httpCodeError(409, 'This is the client\'s only live secret; add a new secret before retiring this one, or revoke the client');
  }
  ctx.store.retireSecret(secret, ctx.now);
  return { status: 204 };
}

const ID = '([^/]+)';

export const OAUTH_ROUTES: Route[] = [
  { method: 'POST', pattern: /^\/oauth2\/token$/, handler: tokenEndpoint, auth: false },
  { method: 'GET', pattern: /^\/oauth_clients$/, handler: list, auth: true },
  { method: 'POST', pattern: /^\/oauth_clients$/, handler: create, auth: true },
  { method: 'GET', pattern: new RegExp(`^/oauth_clients/${ID}$`), handler: (ctx) => ({ status: 200, body: clientJson(ctx.store, clientOf(ctx)) }), auth: true },
  {
    method: 'DELETE', pattern: new RegExp(`^/oauth_clients/${ID}$`), auth: true,
    handler: (ctx) => {
      ctx.store.revokeClient(clientOf(ctx), ctx.now);
      return { status: 204 };
    },
  },
  { method: 'POST', pattern: new RegExp(`^/oauth_clients/${ID}/secrets$`), handler: addSecret, auth: true },
  { method: 'DELETE', pattern: new RegExp(`^/oauth_clients/${ID}/secrets/${ID}$`), handler: retireSecret, auth: true },
];
