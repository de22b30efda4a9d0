// What every handler receives; handlers are plain functions from a request to a Reply.
import type { Caller } from './auth.js';
import type { Reply } from './replies.js';
import type { Store } from './store.js';
import type { TokenStore } from './tokens.js';

export interface Settings {
  pageSizeCap: number;
  usersCarryCredentials: boolean;
  maxTtlDays: number;
  tokenTtlSeconds: number;
}

export interface Ctx {
  store: Store;
  now: number;
  /** Undefined only on the token endpoint, which authenticates with HTTP Basic itself. */
  caller?: Caller;
  query: URLSearchParams;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
  rawBody: string;
  contentType: string;
  authorization: string | undefined;
  params: string[];
  settings: Settings;
  tokens: TokenStore;
}

export type Handler = (ctx: Ctx) => Reply;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
  /** False for the token endpoint. */
  auth: boolean;
}

export function callerOf(ctx: Ctx): Caller {
  if (!ctx.caller) throw new Error('handler needs an authenticated caller');
  return ctx.caller;
}
