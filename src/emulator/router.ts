// Finds the route for a request and runs it: authentication, body rules, then the handler.
import type { IncomingHttpHeaders } from 'node:http';
import { authenticate, ReplayCache } from './auth.js';
import { ApiError, httpCodeError, notFoundError, validationError, type Reply } from './replies.js';
import type { Ctx, Route, Settings } from './route-types.js';
import { HMAC_ROUTES } from './routes-hmac.js';
import { OAUTH_ROUTES } from './routes-oauth.js';
import { USER_ROUTES } from './routes-users.js';
import type { Store } from './store.js';
import type { TokenStore } from './tokens.js';
import { BASE } from './views.js';

const ROUTES: Route[] = [...USER_ROUTES, ...HMAC_ROUTES, ...OAUTH_ROUTES];

export interface IncomingCall {
  method: string;
  /** Path and query exactly as received. */
  rawUrl: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RouterDeps {
  store: Store;
  now: () => number;
  settings: Settings;
  replay: ReplayCache;
  tokens: TokenStore;
}

function match(path: string, method: string): { route: Route; params: string[] } {
  const candidates = ROUTES.map((route) => ({ route, m: route.pattern.exec(path) })).filter((c) => c.m);
  if (candidates.length === 0) throw notFoundError('Resource not found', `There is no ${path} in the Identity API`, 'path');
  const hit = candidates.find((c) => c.route.method === method);
  if (!hit) {
    const allow = [...new Set(candidates.map((c) => c.route.method))].join(', ');
    throw httpCodeError(405, `${method} is not supported on ${BASE}${path} (allowed: ${allow})`, { allow });
  }
  let params: string[];
  try {
    params = hit.m!.slice(1).map((p) => decodeURIComponent(p));
  } catch {
    throw validationError(['path: malformed percent-encoding']);
  }
  return { route: hit.route, params };
}

function parseBody(call: IncomingCall, route: Route, contentType: string): unknown {
  if (!route.auth || call.body.trim() === '') return undefined;
  if (!contentType.startsWith('application/json')) {
    throw httpCodeError(415, `Send the request body as application/json (got ${contentType || 'no Content-Type'})`);
  }
  try {
    return JSON.parse(call.body);
  } catch {
    throw validationError(['body: not valid JSON']);
  }
}

export function route(call: IncomingCall, deps: RouterDeps): Reply {
  try {
    const q = call.rawUrl.indexOf('?');
    const pathname = q === -1 ? call.rawUrl : call.rawUrl.slice(0, q);
    if (!pathname.startsWith(`${BASE}/`)) throw notFoundError('Resource not found', `${pathname} is not part of the Identity API (${BASE})`, 'path');
    const { route: r, params } = match(pathname.slice(BASE.length), call.method);
    const now = deps.now();
    const authorization = call.headers.authorization;
    const caller = r.auth
      ? authenticate({ authorization, host: call.headers.host, rawUrl: call.rawUrl, method: call.method }, deps.store, now, deps.replay, deps.tokens)
      : undefined;
    const contentType = (call.headers['content-type'] ?? '').toLowerCase();
    const ctx: Ctx = {
      store: deps.store, now, caller, params, settings: deps.settings, tokens: deps.tokens, authorization, contentType,
      query: new URLSearchParams(q === -1 ? '' : call.rawUrl.slice(q + 1)),
      rawBody: call.body,
      body: parseBody(call, r, contentType),
    };
    return r.handler(ctx);
  } catch (err) {
    if (err instanceof ApiError) return err.reply;
    return httpCodeError(500, 'Internal emulator error').reply;
  }
}
