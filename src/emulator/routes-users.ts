// /users, /users/search, /users/self, /users/{id}, /roles.
import type { Caller } from './auth.js';
import { pageOf, pageRequest } from './paging.js';
import { queryBoolean, queryWord } from './query.js';
import { forbidden, notFoundError, validationError, type Reply } from './replies.js';
import { ROLE_BY_ID, ROLE_BY_NAME, ROLES } from './roles.js';
import { callerOf, type Ctx, type Route } from './route-types.js';
import type { DbUser } from './store-types.js';
import { BASE, userJson } from './views.js';

function requireAdmin(caller: Caller): void {
  if (!caller.isAdmin) throw forbidden();
}

function listReply(ctx: Ctx, users: readonly DbUser[], path: string): Reply {
  const req = pageRequest(ctx.query, ctx.settings.pageSizeCap);
  const detailed = queryBoolean(ctx.query, 'detailed') ?? false;
  const how = { detailed, withCredentials: ctx.settings.usersCarryCredentials };
  return { status: 200, body: pageOf(users, req, 'users', `${BASE}${path}`, ctx.query, (u) => userJson(ctx.store, u, how)) };
}

function listUsers(ctx: Ctx): Reply {
  requireAdmin(callerOf(ctx));
  const name = ctx.query.get('user_name')?.toLowerCase();
  const email = ctx.query.get('email_address')?.toLowerCase();
  let users: readonly DbUser[] = ctx.store.users;
  if (name || email) {
    users = users.filter((u) => (!name || u.user_name.toLowerCase() === name) && (!email || u.email_address?.toLowerCase() === email));
  }
  return listReply(ctx, users, '/users');
}

function searchUsers(ctx: Ctx): Reply {
  requireAdmin(callerOf(ctx));
  const q = ctx.query;
  const errors: string[] = [];
  const userType = queryWord(q, 'user_type');
  if (userType && userType !== 'user' && userType !== 'api') errors.push(`user_type: must be "user" or "api", got "${userType.slice(0, 20)}"`);
  const roleParam = q.get('role_id');
  const role = roleParam ? (ROLE_BY_ID.get(roleParam) ?? ROLE_BY_NAME.get(roleParam)) : undefined;
  if (roleParam && !role) errors.push('role_id: Invalid value.');
  if (errors.length) throw validationError(errors);
  const term = q.get('search_term')?.toLowerCase();
  const apiId = q.get('api_id')?.toLowerCase();
  const apiOwner = apiId ? ctx.store.hmacById.get(apiId)?.user_id ?? '' : undefined;
  const loginStatus = queryWord(q, 'login_status');
  const saml = queryBoolean(q, 'saml_user');
  const team = q.get('team_id');
  const users = ctx.store.users.filter((u) =>
    (!term || [u.user_name, u.email_address ?? '', u.first_name, u.last_name].some((f) => f.toLowerCase().includes(term)))
    && (apiOwner === undefined || u.user_id === apiOwner)
    && (!userType || (userType === 'api') === (u.account_type === 'API'))
    && (!role || u.roles.includes(role.role_name))
    && (!loginStatus || (loginStatus === 'active') === u.login_enabled)
    && (saml === undefined || saml === u.saml_user)
    && (!team || u.teams.some((t) => t.team_id === team)));
  return listReply(ctx, users, '/users/search');
}

function self(ctx: Ctx): Reply {
  const caller = callerOf(ctx);
  return { status: 200, body: userJson(ctx.store, caller.user, { detailed: true, withCredentials: true, roles: caller.roles }) };
}

function oneUser(ctx: Ctx): Reply {
  const caller = callerOf(ctx);
  const id = ctx.params[0]!;
  if (!caller.isAdmin && id !== caller.user.user_id) throw forbidden();
  const user = ctx.store.usersById.get(id);
  if (!user) throw notFoundError('User not found', `No user has the id ${id}`, 'user_id');
  return { status: 200, body: userJson(ctx.store, user, { detailed: true, withCredentials: true }) };
}

function roles(ctx: Ctx): Reply {
  requireAdmin(callerOf(ctx));
  const req = pageRequest(ctx.query, ctx.settings.pageSizeCap);
  return { status: 200, body: pageOf(ROLES, req, 'roles', `${BASE}/roles`, ctx.query, (r) => ({ ...r })) };
}

const ID = '([^/]+)';

export const USER_ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/users\/self$/, handler: self, auth: true },
  { method: 'GET', pattern: /^\/users\/search$/, handler: searchUsers, auth: true },
  { method: 'GET', pattern: /^\/users$/, handler: listUsers, auth: true },
  { method: 'GET', pattern: new RegExp(`^/users/${ID}$`), handler: oneUser, auth: true },
  { method: 'GET', pattern: /^\/roles$/, handler: roles, auth: true },
];
