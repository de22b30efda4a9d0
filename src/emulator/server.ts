// The HTTP side: one node:http server on loopback, with faults, the rate limit and request logs.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { FaultPlan } from './faults.js';
import { RateLimiter } from './rate-limit.js';
import { httpCodeError, type Reply } from './replies.js';
import { route, type RouterDeps } from './router.js';

const MAX_BODY = 1_000_000;

export interface ServerDeps extends RouterDeps {
  faults: FaultPlan;
  limiter: RateLimiter;
  log?: (line: string) => void;
}

export interface EmulatorServer {
  server: Server;
  requestCount(): number;
  close(): Promise<void>;
}

/** The path for logs: query values that could be secrets are blanked. */
export function loggablePath(rawUrl: string): string {
  const q = rawUrl.indexOf('?');
  if (q === -1) return rawUrl;
  const params = new URLSearchParams(rawUrl.slice(q + 1));
  for (const key of [...params.keys()]) if (/secret|token|password|key|sig/i.test(key)) params.set(key, 'REDACTED');
  return `${rawUrl.slice(0, q)}?${params.toString()}`;
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  headers['content-type'] = 'application/json;charset=UTF-8';
  headers['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(reply.status, headers).end(text);
}

export function createEmulatorServer(deps: ServerDeps): EmulatorServer {
  let count = 0;
  let closed = false;
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) => new Promise<void>((resolve) => {
    const t = setTimeout(() => { timers.delete(t); resolve(); }, ms);
    timers.add(t);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    count++;
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const logLine = (outcome: string) => deps.log?.(`${method} ${loggablePath(rawUrl)} ${outcome} ${Math.round(performance.now() - started)}ms`);
    res.setHeader('x-conversation-id', randomUUID());
    const body = await readBody(req);
    const step = deps.faults.next();
    if (step === 'drop') {
      req.socket.destroy();
      logLine('dropped');
      return;
    }
    if (typeof step === 'object' && step.delayMs > 0) await wait(step.delayMs);
    if (closed) return;
    let reply: Reply;
    const retryAfter = deps.limiter.check(req.socket.remoteAddress ?? 'unknown', deps.now());
    if (step === '503') reply = httpCodeError(503, 'Service temporarily unavailable; retry shortly', { 'retry-after': '1' }).reply;
    else if (step === '429') reply = httpCodeError(429, 'Too many requests; retry after 1 second', { 'retry-after': '1' }).reply;
    else if (retryAfter !== undefined) {
      reply = httpCodeError(429, `Rate limit exceeded; retry after ${retryAfter} seconds`, { 'retry-after': String(retryAfter) }).reply;
    } else if (body === undefined) reply = httpCodeError(413, 'Request body too large').reply;
    else reply = route({ method, rawUrl, headers: req.headers, body }, deps);
    if (step === 'drop-response') {
      // The server did the work; the client never hears about it.
      req.socket.destroy();
      logLine(`${reply.status} dropped`);
      return;
    }
    res.on('finish', () => logLine(String(reply.status)));
    send(res, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, httpCodeError(500, 'Internal emulator error').reply);
    });
  });
  return {
    server,
    requestCount: () => count,
    close: () => new Promise<void>((resolve) => {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
