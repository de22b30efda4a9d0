import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiClient, type ApiClientOptions } from '../src/api/client.js';
import { ApiError } from '../src/api/errors.js';
import { parseAuthorizationHeader } from '../src/signing/hmac.js';
import { TEST_KEY, json, tinyServer, type Handler } from './helpers/tiny-server.js';

const PATH = '/api/authn/v2/users/self';

async function withServer(handler: Handler, run: (url: string, seen: Awaited<ReturnType<typeof tinyServer>>['seen']) => Promise<void>) {
  const s = await tinyServer(handler);
  try {
    await run(s.url, s.seen);
  } finally {
    await s.close();
  }
}

function client(baseUrl: string, extra: Partial<ApiClientOptions> = {}) {
  const sleeps: number[] = [];
  const lines: string[] = [];
  const c = createApiClient({
    baseUrl, auth: { kind: 'hmac', ...TEST_KEY }, env: {},
    sleep: async (ms) => { sleeps.push(ms); },
    debug: (l) => lines.push(l),
    ...extra,
  });
  return { c, sleeps, lines };
}

test('a GET answered 503 is retried with a fresh signature and then succeeds', async () => {
  await withServer((req, res, i) => (i === 0 ? json(res, 503, { message: 'busy' }) : json(res, 200, { user_id: 'u1' })), async (url, seen) => {
    const { c, sleeps, lines } = client(url);
    const body = await c.request<{ user_id: string }>('GET', PATH, { query: { detailed: true } });
    assert.equal(body.user_id, 'u1');
    assert.equal(seen.length, 2);
    assert.equal(seen[0]!.url, `${PATH}?detailed=true`);
    const [a, b] = seen.map((r) => parseAuthorizationHeader(r.headers.authorization as string)!);
    assert.notEqual(a!.nonce, b!.nonce);
    assert.equal(sleeps.length, 1);
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /503.*retry/);
  });
});

test('a POST answered 503 is not retried and says the server may have created it', async () => {
  await withServer((req, res) => json(res, 503, { message: 'busy' }), async (url, seen) => {
    const { c } = client(url);
    const err = await c.request('POST', '/api/authn/v2/api_credentials').catch((e: unknown) => e);
    assert.ok(err instanceof ApiError);
    assert.equal(err.mayHaveReachedServer, true);
    assert.match(err.message, /may have created it; refresh to check/);
    assert.equal(seen.length, 1);
    // Empty POST bodies are sent as {} with a JSON content type.
    assert.equal(seen[0]!.body, '{}');
    assert.equal(seen[0]!.headers['content-type'], 'application/json');
  });
});

test('a POST answered 429 waits for Retry-After and is retried', async () => {
  await withServer((req, res, i) => (i === 0 ? json(res, 429, { message: 'slow down' }, { 'retry-after': '2' }) : json(res, 200, { ok: 1 })), async (url, seen) => {
    const { c, sleeps } = client(url);
    await c.request('POST', '/api/authn/v2/oauth_clients', { json: { name: 'x' } });
    assert.deepEqual(sleeps, [2000]);
    assert.equal(seen.length, 2);
  });
});

test('a Retry-After beyond the cap gives up and says when to try again', async () => {
  await withServer((req, res) => json(res, 429, { message: 'slow down' }, { 'retry-after': '600' }), async (url, seen) => {
    const { c, sleeps } = client(url);
    const err = await c.request('GET', PATH).catch((e: unknown) => e);
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 429);
    assert.match(err.message, /Try again after \d{4}-/);
    assert.deepEqual(sleeps, []);
    assert.equal(seen.length, 1);
  });
});

test('a timed-out POST is not retried: the server saw exactly one request', async () => {
  await withServer(() => { /* never answers */ }, async (url, seen) => {
    const { c } = client(url, { timeoutMs: 150 });
    const err = await c.request('POST', '/api/authn/v2/api_credentials').catch((e: unknown) => e);
    assert.ok(err instanceof ApiError);
    assert.equal(err.kind, 'timeout');
    assert.equal(err.mayHaveReachedServer, true);
    assert.match(err.message, /may have created it/);
    assert.equal(seen.length, 1);
  });
});

test('a success answer that is not JSON is ApiError malformed, not a crash', async () => {
  await withServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"user_id": '); }, async (url) => {
    const { c } = client(url);
    const err = await c.request('GET', PATH).catch((e: unknown) => e);
    assert.ok(err instanceof ApiError);
    assert.equal(err.kind, 'malformed');
  });
});

test('an HTML gateway page becomes a short error with the conversation id', async () => {
  await withServer((req, res) => { res.writeHead(404, { 'content-type': 'text/html', 'x-conversation-id': 'c-42' }); res.end('<html><head><title>Not here</title></head><body>...</body></html>'); }, async (url) => {
    const { c } = client(url);
    const err = await c.request('GET', PATH).catch((e: unknown) => e);
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 404);
    assert.equal(err.conversationId, 'c-42');
    assert.match(err.message, /HTML page \("Not here"\)/);
  });
});

test('a refused connection is a network error naming the address', async () => {
  const s = await tinyServer(() => {});
  const url = s.url;
  await s.close();
  const { c, sleeps } = client(url, { retry: { maxAttempts: 2 } });
  const err = await c.request('GET', PATH).catch((e: unknown) => e);
  assert.ok(err instanceof ApiError);
  assert.equal(err.kind, 'network');
  assert.match(err.message, /connection refused/);
  assert.equal(sleeps.length, 1);
});

test('debug lines never carry the key secret, the Authorization header or a generated secret', async () => {
  const generated = 'ab'.repeat(64);
  await withServer((req, res) => json(res, 200, { api_id: 'x', api_secret: generated }), async (url, seen) => {
    const { c, lines } = client(url);
    await c.request('POST', '/api/authn/v2/api_credentials', { json: { client_secret: 'sekret-value-123' } });
    const log = lines.join('\n');
    const sig = parseAuthorizationHeader(seen[0]!.headers.authorization as string)!.sig;
    for (const secret of [TEST_KEY.secret, generated, sig, 'sekret-value-123']) assert.ok(!log.includes(secret), `leaked ${secret.slice(0, 8)}`);
    assert.match(log, /POST http:\/\/127\.0\.0\.1:\d+\/api\/authn\/v2\/api_credentials req=\S+ → 200/);
  });
});

test('requestRaw returns 4xx answers instead of throwing', async () => {
  await withServer((req, res) => json(res, 403, { http_code: 403, message: 'no' }, { 'x-conversation-id': 'c-1' }), async (url) => {
    const { c } = client(url);
    const raw = await c.requestRaw('GET', PATH);
    assert.equal(raw.status, 403);
    assert.deepEqual(raw.body, { http_code: 403, message: 'no' });
    assert.equal(raw.conversationId, 'c-1');
  });
});

test('OAuth: fetches a token once, renews it before expiry and after a 401', async () => {
  let issued = 0;
  const valid = new Set<string>();
  await withServer((req, res) => {
    if (req.url === '/api/authn/v2/oauth2/token') {
      assert.equal(req.body, 'grant_type=client_credentials');
      assert.equal(req.headers.authorization, `Basic ${Buffer.from('cid:csecret').toString('base64')}`);
      const token = `tok${++issued}`;
      valid.add(token);
      return json(res, 200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
    }
    const token = String(req.headers.authorization).replace('Bearer ', '');
    return valid.has(token) ? json(res, 200, { via: token.replace('tok', 'token number ') }) : json(res, 401, { error: 'invalid_token', error_description: 'expired' });
  }, async (url, seen) => {
    let clock = 1_000_000;
    const { c, lines } = client(url, { auth: { kind: 'oauth', clientId: 'cid', clientSecret: 'csecret' }, now: () => clock });
    assert.deepEqual(await c.request('GET', PATH), { via: 'token number 1' });
    assert.deepEqual(await c.request('GET', PATH), { via: 'token number 1' });
    clock += 3590_000; // within the renewal margin
    assert.deepEqual(await c.request('GET', PATH), { via: 'token number 2' });
    valid.clear(); // the server forgets every token
    assert.deepEqual(await c.request('GET', PATH), { via: 'token number 3' });
    assert.equal(seen.filter((r) => r.url.endsWith('/oauth2/token')).length, 3);
    assert.ok(!lines.join('\n').includes('csecret'));
    assert.ok(!lines.join('\n').includes('tok1'));
  });
});

test('OAuth: refused client credentials give a clear 401', async () => {
  await withServer((req, res) => json(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' }), async (url) => {
    const { c } = client(url, { auth: { kind: 'oauth', clientId: 'cid', clientSecret: 'bad' } });
    const err = await c.request('GET', PATH).catch((e: unknown) => e);
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 401);
    assert.match(err.message, /rejected the API credentials \(401\): Client authentication failed.*VERACODE_OAUTH_CLIENT_ID/);
  });
});

test('a DELETE retried after a lost answer that then finds nothing counts as done', async () => {
  await withServer((req, res, i) => (i === 0 ? json(res, 503, {}) : json(res, 404, { message: 'gone' })), async (url, seen) => {
    const { c } = client(url);
    assert.equal(await c.request('DELETE', '/api/authn/v2/api_credentials/abc'), undefined);
    assert.equal(seen.length, 2);
  });
  await withServer((req, res) => json(res, 404, { message: 'No such credential' }), async (url) => {
    const { c } = client(url);
    await assert.rejects(c.request('DELETE', '/api/authn/v2/api_credentials/abc'), /404/);
  });
});
