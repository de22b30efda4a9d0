// connect() and connectDemo(): which key, which API, what the AppContext says about it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { homedir } from 'node:os';
import { ApiError } from '../src/api/errors.js';
import { connect, connectDemo } from '../src/connect.js';
import { CredentialsError } from '../src/credentials/errors.js';
import { startEmulator } from '../src/emulator/index.js';

const ID = '3ddaeeb10ca690df3fee5e3bd1c329fa';
const SECRET = '0123456789abcdef'.repeat(8);

test('OAuth environment variables win over the HMAC ones and authenticate for real', async () => {
  const emu = await startEmulator({ users: 20 });
  try {
    const env = {
      VERACODE_OAUTH_CLIENT_ID: emu.adminOAuth.clientId,
      VERACODE_OAUTH_CLIENT_SECRET: emu.adminOAuth.clientSecret,
      VERACODE_API_KEY_ID: ID,
      VERACODE_API_KEY_SECRET: SECRET,
    };
    const { ctx, client, key } = await connect({ env, apiUrl: emu.apiUrl, credentialsPath: '/nonexistent/credentials' });
    assert.equal(ctx.connection.source, 'oauth');
    assert.equal(client.authKind, 'oauth');
    assert.deepEqual(key, { clientId: emu.adminOAuth.clientId, source: { kind: 'oauth' } });
    assert.equal((await ctx.service.self()).userId, emu.admin.userId);
  } finally {
    await emu.close();
  }
});

test('only one OAuth variable set is a clear error naming the missing one', async () => {
  await assert.rejects(connect({ env: { VERACODE_OAUTH_CLIENT_ID: 'abc' } }), (e: unknown) => e instanceof CredentialsError && /VERACODE_OAUTH_CLIENT_SECRET is not/.test(e.message));
});

test('the key prefix picks the region; an explicit API URL in another region is allowed with a warning', async () => {
  const env = { VERACODE_API_KEY_ID: `vera01ei-${ID}`, VERACODE_API_KEY_SECRET: `vera01es-${SECRET}` };
  const eu = await connect({ env, credentialsPath: '/nonexistent/credentials' });
  assert.equal(eu.ctx.connection.apiUrl, 'https://api.veracode.eu');
  assert.equal(eu.ctx.connection.region, 'eu');
  assert.equal(eu.regionMismatch, undefined);
  const us = await connect({ env, apiUrl: 'https://api.veracode.us', credentialsPath: '/nonexistent/credentials' });
  assert.equal(us.ctx.connection.region, 'us');
  assert.match(us.regionMismatch ?? '', /European.*api\.veracode\.us/);
  const plain = await connect({ env: { VERACODE_API_KEY_ID: ID, VERACODE_API_KEY_SECRET: SECRET }, region: 'us', credentialsPath: '/nonexistent/credentials' });
  assert.equal(plain.ctx.connection.apiUrl, 'https://api.veracode.us');
  await assert.rejects(connect({ env, apiUrl: 'http://api.veracode.eu' }), (e: unknown) => e instanceof ApiError && e.kind === 'config');
});

test('the demo runs the emulator in-process, connects as its admin and never uses ~/.veracode', async () => {
  const demo = await connectDemo({ users: 12 });
  try {
    assert.equal(demo.ctx.connection.source, 'demo');
    assert.equal(demo.ctx.connection.isDemo, true);
    assert.ok(!demo.ctx.credentialsPath.startsWith(homedir() + '/.veracode'));
    const org = await demo.ctx.service.loadOrganisation();
    assert.equal(org.caller.isAdmin, true);
    assert.ok(org.users.length >= 12);
  } finally {
    await demo.close();
  }
});

test('proving a just-created key asks again after a 401, and gives up after the last pause', async () => {
  const { tinyServer } = await import('./helpers/tiny-server.js');
  const refusals = [true, false];
  const server = await tinyServer((req, res, index) => {
    const refuse = refusals[index] ?? false;
    res.writeHead(refuse ? 401 : 200, { 'content-type': 'application/json' });
    res.end(refuse ? '{"http_code":401,"http_status":"Unauthorized","message":"Unknown API ID"}' : '{"user_id":"u1","user_name":"x"}');
  });
  const id = '3ddaeeb10ca690df3fee5e3bd1c329fa';
  const secret = '0123456789abcdef'.repeat(8);
  try {
    const { ctx } = await connect({
      env: { VERACODE_API_KEY_ID: id, VERACODE_API_KEY_SECRET: secret },
      apiUrl: server.url,
      proofRetryDelaysMs: [10],
    });
    await ctx.proveHmacKey({ id, secret });
    assert.equal(server.seen.length, 2, 'refused once, accepted on the second ask');

    refusals.push(true, true);
    await assert.rejects(ctx.proveHmacKey({ id, secret }), (err: ApiError) => err.status === 401);
    assert.equal(server.seen.length, 4, 'one pause configured: two asks, then the refusal stands');
  } finally {
    await server.close();
  }
});

test('the key in use is read from the caller\'s own credential, so a server without /api_credentials/{id} still answers', async () => {
  const { tinyServer } = await import('./helpers/tiny-server.js');
  const id = '3ddaeeb10ca690df3fee5e3bd1c329fa';
  const server = await tinyServer((req, res) => {
    const path = req.url.split('?')[0];
    const body =
      path === '/api/authn/v2/users/self' ? { user_id: 'u1', user_name: 'ci-bot', account_type: 'API', roles: [{ role_name: 'uploadapi' }] }
      : path === '/api/authn/v2/api_credentials' ? { api_id: id, expiration_ts: '2030-01-02T03:04:05.000+0000' }
      : null;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { http_code: 404, http_status: 'Not Found', message: 'no such path' }));
  });
  try {
    const { ctx } = await connect({ env: { VERACODE_API_KEY_ID: id, VERACODE_API_KEY_SECRET: '0123456789abcdef'.repeat(8) }, apiUrl: server.url });
    const c = await ctx.service.hmacInUse(id);
    assert.equal(c?.id, id);
    assert.equal(c?.owner.userName, 'ci-bot');
    assert.equal(c?.expiresAt, '2030-01-02T03:04:05.000Z');
    assert.ok(!server.seen.some((r) => r.url.startsWith(`/api/authn/v2/api_credentials/${id}`)), 'no lookup by id was needed');
  } finally {
    await server.close();
  }
});
