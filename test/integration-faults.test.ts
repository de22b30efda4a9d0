// Faults against the real client: rate limits, gateway errors, timeouts, bad keys, bad answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiClient, type ApiClientOptions } from '../src/api/client.js';
import { ApiError } from '../src/api/errors.js';
import { startEmulator, type EmulatorOptions } from '../src/emulator/index.js';
import { createIdentityService } from '../src/identity/service.js';
import { json, tinyServer } from './helpers/tiny-server.js';

type Emu = Awaited<ReturnType<typeof startEmulator>>;

async function withEmulator(options: EmulatorOptions, run: (emu: Emu) => Promise<void>) {
  const emu = await startEmulator({ users: 20, ...options });
  try {
    await run(emu);
  } finally {
    await emu.close();
  }
}

function adminClient(emu: Emu, extra: Partial<ApiClientOptions> = {}) {
  const sleeps: number[] = [];
  const client = createApiClient({
    baseUrl: emu.apiUrl, auth: { kind: 'hmac', id: emu.admin.id, secret: emu.admin.secret }, env: {},
    sleep: async (ms) => { sleeps.push(ms); },
    ...extra,
  });
  return { client, service: createIdentityService(client), sleeps };
}

test('a 429 is waited out as Retry-After says, then the request succeeds', async () => {
  await withEmulator({ faultSchedule: ['429'] }, async (emu) => {
    const { service, sleeps } = adminClient(emu);
    const me = await service.self();
    assert.equal(me.userId, emu.admin.userId);
    assert.deepEqual(sleeps, [1000]);
    assert.equal(emu.requestCount!(), 2);
  });
});

test('the emulator\'s own rate limit: a long Retry-After says when to retry; within the cap it is waited out', async () => {
  let clock = Date.parse('2026-03-01T12:00:00Z');
  const now = () => clock;
  await withEmulator({ rateLimitPerMinute: 2, now }, async (emu) => {
    const sleeps: number[] = [];
    // Waiting moves the shared clock forward instead of really sleeping.
    const sleep = async (ms: number) => { sleeps.push(ms); clock += ms; };
    const { service } = adminClient(emu, { now, sleep });
    await service.self();
    await service.self();
    const err = await service.self().catch((e: unknown) => e);
    assert.ok(err instanceof ApiError && err.status === 429, String(err));
    assert.match(err.message, /Try again after 2026-03-01T12:0\d:\d\d/);
    assert.deepEqual(sleeps, []);

    const patient = adminClient(emu, { now, sleep, retry: { maxRetryAfterMs: 120_000 } });
    assert.equal((await patient.service.self()).userId, emu.admin.userId);
    assert.equal(sleeps.length, 1);
    assert.ok(sleeps[0]! > 0 && sleeps[0]! <= 60_000);
  });
});

test('a GET answered 503 is retried; a POST answered 503 is not', async () => {
  await withEmulator({ faultSchedule: ['503', '503'] }, async (emu) => {
    const { service, sleeps } = adminClient(emu);
    await service.self();
    assert.equal(sleeps.length, 2);
    await service.loadOrganisation(); // the owner is then known: generating sends only the POST
    emu.setFaultSchedule!(['503']);
    const before = emu.requestCount!();
    const err = await service.generateHmac(emu.member.userId).catch((e: unknown) => e);
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 503);
    assert.equal(err.mayHaveReachedServer, true);
    assert.match(err.message, /may have created it; refresh to check/);
    assert.equal(emu.requestCount!() - before, 1);
  });
});

test('a POST whose answer is lost is not retried: the server saw exactly one, and says refresh', async () => {
  await withEmulator({}, async (emu) => {
    const { client, service } = adminClient(emu, { timeoutMs: 200 });
    const self = await service.self();
    const before = emu.requestCount!();
    emu.setFaultSchedule!([{ delayMs: 1500 }]);
    const err = await client.request('POST', '/api/authn/v2/api_credentials/user_id/' + emu.member.userId).catch((e: unknown) => e);
    assert.ok(err instanceof ApiError);
    assert.equal(err.kind, 'timeout');
    assert.equal(err.mayHaveReachedServer, true);
    assert.match(err.message, /may have created it/);
    assert.equal(emu.requestCount!() - before, 1);
    assert.equal(self.isAdmin, true);

    emu.setFaultSchedule!(['drop-response']);
    const dropped = await client.request('POST', `/api/authn/v2/api_credentials/user_id/${emu.member.userId}`).catch((e: unknown) => e);
    assert.ok(dropped instanceof ApiError);
    assert.equal(dropped.mayHaveReachedServer, true);
    assert.equal(emu.requestCount!() - before, 2);
  });
});

test('a wrong secret is a 401 ApiError with a clear message', async () => {
  await withEmulator({}, async (emu) => {
    const wrong = emu.admin.secret.slice(0, -4) + (emu.admin.secret.endsWith('0000') ? '1111' : '0000');
    const client = createApiClient({ baseUrl: emu.apiUrl, auth: { kind: 'hmac', id: emu.admin.id, secret: wrong }, env: {}, credentialLabel: 'profile [default]' });
    const err = await createIdentityService(client).loadOrganisation().catch((e: unknown) => e);
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 401);
    assert.match(err.message, /^Veracode rejected the API credentials \(401\): .+\. Check the key id\/secret for profile \[default\], or that the key is not expired\/revoked\.$/);
    assert.ok(!err.message.includes(wrong));
  });
});

test('a malformed answer from the server is ApiError malformed, never a crash', async () => {
  const bodies: unknown[] = [
    { user_name: 'no id here' },
    'a string, not an object',
  ];
  for (const body of bodies) {
    const server = await tinyServer((req, res) => json(res, 200, body));
    try {
      const client = createApiClient({ baseUrl: server.url, auth: { kind: 'hmac', id: '3ddaeeb10ca690df3fee5e3bd1c329fa', secret: 'ab'.repeat(64) }, env: {} });
      const err = await createIdentityService(client).loadOrganisation().catch((e: unknown) => e);
      assert.ok(err instanceof ApiError, String(err));
      assert.equal(err.kind, 'malformed');
      assert.match(err.message, /could not be read/);
    } finally {
      await server.close();
    }
  }
  // A users page whose list is not a list.
  const server = await tinyServer((req, res) =>
    req.url.startsWith('/api/authn/v2/users/self')
      ? json(res, 200, { user_id: 'u', roles: [{ role_name: 'adminapi' }] })
      : json(res, 200, { _embedded: { users: { not: 'a list' } }, page: { number: 0, total_pages: 1 } }));
  try {
    const client = createApiClient({ baseUrl: server.url, auth: { kind: 'hmac', id: '3ddaeeb10ca690df3fee5e3bd1c329fa', secret: 'ab'.repeat(64) }, env: {} });
    const err = await createIdentityService(client).loadOrganisation().catch((e: unknown) => e);
    assert.ok(err instanceof ApiError && err.kind === 'malformed', String(err));
  } finally {
    await server.close();
  }
});
