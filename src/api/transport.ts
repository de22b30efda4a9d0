// One HTTP attempt with got: no retries here (retry.ts decides, client.ts loops), the
// Authorization header computed in a beforeRequest hook from the final URL, redirects not
// followed (a signed header must never be replayed to another host).
//
// got (with http2-wrapper and node's http/https/http2/tls/zlib) is loaded at the first request,
// not at start: the interactive app draws its first frame before it needs the network.
import type { Agents, Got, RequestError } from 'got';
import { redactText } from './redact.js';

export interface AttemptRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  agent?: Agents;
  authorize: (method: string, url: URL) => string | Promise<string>;
}

export type AttemptResult =
  | { kind: 'response'; status: number; headers: Record<string, string | string[] | undefined>; text: string }
  | { kind: 'timeout' }
  | { kind: 'aborted' }
  | { kind: 'network'; code: string; message: string };

let loading: Promise<Got> | undefined;
function loadGot(): Promise<Got> {
  loading ??= import('got').then((m) => m.default);
  return loading;
}

export async function attempt(req: AttemptRequest): Promise<AttemptResult> {
  const got = await loadGot();
  try {
    const response = await got(req.url, {
      method: req.method as 'GET',
      headers: req.headers,
      body: req.body,
      responseType: 'text',
      throwHttpErrors: false,
      followRedirect: false,
      retry: { limit: 0 },
      timeout: { request: req.timeoutMs },
      signal: req.signal,
      agent: req.agent,
      hooks: {
        beforeRequest: [
          async (options) => {
            const url = options.url instanceof URL ? options.url : new URL(String(options.url));
            options.headers.authorization = await req.authorize(req.method, url);
          },
        ],
      },
    });
    return { kind: 'response', status: response.statusCode, headers: response.headers, text: response.body };
  } catch (error) {
    if (req.signal?.aborted) return { kind: 'aborted' };
    const e = error as RequestError;
    if (e.name === 'TimeoutError') return { kind: 'timeout' };
    if (e.name === 'AbortError' || e.code === 'ERR_ABORTED') return { kind: 'aborted' };
    return { kind: 'network', code: e.code ?? 'UNKNOWN', message: e.message };
  }
}

/** A sentence for a failure with no answer, naming the address (never a secret). */
export function networkMessage(result: Extract<AttemptResult, { kind: 'network' }>, url: URL, proxyNote: string): string {
  const where = url.origin;
  switch (result.code) {
    case 'ECONNREFUSED': return `Could not connect to ${where} (connection refused). Check the API URL and that the server is running.${proxyNote}`;
    case 'ENOTFOUND': return `Host ${url.hostname} was not found (DNS). Check the API URL or region and your network.${proxyNote}`;
    case 'EAI_AGAIN': return `Host ${url.hostname} could not be resolved right now (DNS). Check your network.${proxyNote}`;
    case 'ECONNRESET': return `The connection to ${where} was reset before an answer arrived.${proxyNote}`;
    default: return `Network error talking to ${where} (${result.code}): ${redactText(result.message)}${proxyNote}`;
  }
}
