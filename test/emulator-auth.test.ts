import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { bearerCall, call, clock, token } from './emulator-helpers.js';

describe('emulator: HMAC verification', () => {
  const c = clock();
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ now: c.now }); });
  after(() => emu.close());

  test('a correctly signed call is answered, with a conversation id', async () => {
    const r = await call(emu, emu.admin, '/users/self', c.now);
    assert.equal(r.status, 200);
    assert.equal(r.body.user_name, 'vcreds-admin');
    assert.match(r.headers.get('x-conversation-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  test('the 64-hex nonce variant of Veracode\'s Node examples is accepted', async () => {
    const nonce = Buffer.from(randomBytes(16).toString('hex').toUpperCase(), 'ascii').toString('hex');
    assert.equal(nonce.length, 64);
    const r = await call(emu, emu.admin, '/users/self', c.now, { nonce });
    assert.equal(r.status, 200);
  });

  test('a query string is part of what is signed', async () => {
    const r = await call(emu, emu.admin, '/users?page=0&size=5&detailed=true', c.now);
    assert.equal(r.status, 200);
  });

  test('a missing or malformed header is refused', async () => {
    const r = await fetch(`${emu.apiUrl}/api/authn/v2/users/self`);
    assert.equal(r.status, 401);
    const body = await r.json();
    assert.equal(body.http_code, 401);
    assert.equal(body.http_status, 'Unauthorized');
    const bad = await fetch(`${emu.apiUrl}/api/authn/v2/users/self`, { headers: { authorization: 'VERACODE-HMAC-SHA-256 id=abc' } });
    assert.equal(bad.status, 401);
    assert.match((await bad.json()).message, /Malformed/);
  });

  test('a wrong signature is refused', async () => {
    const r = await call(emu, emu.admin, '/users/self', c.now, { sigOverride: '0'.repeat(64) });
    assert.equal(r.status, 401);
    assert.equal(r.body.message, 'Signature does not match');
  });

  test('a wrong secret is refused as a signature mismatch', async () => {
    const r = await call(emu, { id: emu.admin.id, secret: 'ab'.repeat(64) }, '/users/self', c.now);
    assert.equal(r.body.message, 'Signature does not match');
  });

  test('an unknown API id is refused', async () => {
    const r = await call(emu, { id: 'ab'.repeat(16), secret: 'ab'.repeat(64) }, '/users/self', c.now);
    assert.equal(r.status, 401);
    assert.equal(r.body.message, 'Unknown API ID');
  });

  test('a timestamp more than five minutes off is refused, either way', async () => {
    for (const offset of [-6 * 60_000, 6 * 60_000]) {
      const r = await call(emu, emu.admin, '/users/self', c.now, { ts: String(c.now() + offset) });
      assert.equal(r.status, 401);
      assert.equal(r.body.message, 'Request timestamp is outside the allowed window');
    }
    const ok = await call(emu, emu.admin, '/users/self', c.now, { ts: String(c.now() - 4 * 60_000) });
    assert.equal(ok.status, 200);
  });

  test('a replayed nonce is refused', async () => {
    const nonce = randomBytes(16).toString('hex');
    const ts = String(c.now());
    assert.equal((await call(emu, emu.admin, '/users/self', c.now, { nonce, ts })).status, 200);
    const again = await call(emu, emu.admin, '/users/self', c.now, { nonce, ts });
    assert.equal(again.status, 401);
    assert.equal(again.body.message, 'Nonce has already been used');
  });

  test('the signature covers the host: a request signed for another host fails', async () => {
    const r = await call(emu, emu.admin, '/users/self', c.now, { signHost: 'api.veracode.com' });
    assert.equal(r.status, 401);
  });
});

describe('emulator: key states and permissions', () => {
  const c = clock();
  let emu: RunningEmulator;
  // Grace 0: these tests are about immediate revocation (the 24-hour renewal grace has its own, hardening-emulator).
  before(async () => { emu = await startEmulator({ now: c.now, renewalGraceHours: 0 }); });
  after(() => emu.close());

  test('a revoked key is refused, and with no renewal grace generating a pair revokes the old one at once', async () => {
    const made = await call(emu, emu.member, '/api_credentials', c.now, { method: 'POST' });
    assert.equal(made.status, 200);
    assert.match(made.body.api_id, /^[0-9a-f]{32}$/);
    assert.match(made.body.api_secret, /^[0-9a-f]{128}$/);
    assert.match(made.body.expiration_ts, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    assert.equal(Date.parse(made.body.expiration_ts.replace('+0000', 'Z')), c.now() + 365 * 86_400_000);
    const old = await call(emu, emu.member, '/users/self', c.now);
    assert.equal(old.status, 401);
    assert.equal(old.body.message, 'API credentials revoked');
    const fresh = { id: made.body.api_id, secret: made.body.api_secret };
    const self = await call(emu, fresh, '/api_credentials', c.now);
    assert.equal(self.status, 200);
    assert.equal(self.body.api_id, fresh.id);
  });

  test('an expired key is refused', async () => {
    const local = clock();
    const e = await startEmulator({ now: local.now });
    try {
      local.advance(301 * 86_400_000); // the admin key was seeded with 300 days left
      const r = await call(e, e.admin, '/users/self', local.now);
      assert.equal(r.status, 401);
      assert.equal(r.body.message, 'API credentials expired');
    } finally {
      await e.close();
    }
  });

  test('a member revokes its own pair with DELETE /api_credentials', async () => {
    const e = await startEmulator({ now: c.now });
    try {
      assert.equal((await call(e, e.member, '/api_credentials', c.now, { method: 'DELETE' })).status, 204);
      assert.equal((await call(e, e.member, '/users/self', c.now)).body.message, 'API credentials revoked');
    } finally {
      await e.close();
    }
  });

  test('an admin lists users; a member may not, but may read itself', async () => {
    const adminClient = await startEmulator({ now: c.now });
    try {
      assert.equal((await call(adminClient, adminClient.admin, '/users', c.now)).status, 200);
      const denied = await call(adminClient, adminClient.member, '/users', c.now);
      assert.equal(denied.status, 403);
      assert.deepEqual(Object.keys(denied.body).sort(), ['http_code', 'http_status', 'message']);
      assert.equal((await call(adminClient, adminClient.member, '/users/search?search_term=a', c.now)).status, 403);
      assert.equal((await call(adminClient, adminClient.member, '/roles', c.now)).status, 403);
      assert.equal((await call(adminClient, adminClient.member, `/api_credentials/user_id/${adminClient.admin.userId}`, c.now)).status, 403);
      assert.equal((await call(adminClient, adminClient.member, `/api_credentials/${adminClient.admin.id}`, c.now)).status, 403);
      assert.equal((await call(adminClient, adminClient.member, `/api_credentials/${adminClient.member.id}`, c.now)).status, 200);
      const self = await call(adminClient, adminClient.member, '/users/self', c.now);
      assert.equal(self.status, 200);
      assert.equal(self.body.account_type, 'USER');
      assert.ok(!self.body.roles.some((r: { role_name: string }) => r.role_name === 'extadmin'));
    } finally {
      await adminClient.close();
    }
  });

  test('an admin revokes another user\'s pair; that key stops working', async () => {
    const e = await startEmulator({ now: c.now });
    try {
      const del = await call(e, e.admin, `/api_credentials/${e.member.id}`, c.now, { method: 'DELETE' });
      assert.equal(del.status, 204);
      assert.equal((await call(e, e.member, '/users/self', c.now)).body.message, 'API credentials revoked');
      const info = await call(e, e.admin, `/api_credentials/user_id/${e.member.userId}`, c.now);
      assert.equal(info.body.api_id, e.member.id);
      assert.ok(info.body.revocation_ts);
      const forUser = await call(e, e.admin, `/api_credentials/user_id/${e.member.userId}`, c.now, { method: 'POST' });
      assert.equal(forUser.status, 200);
      assert.equal((await call(e, { id: forUser.body.api_id, secret: forUser.body.api_secret }, '/users/self', c.now)).body.user_id, e.member.userId);
    } finally {
      await e.close();
    }
  });
});

describe('emulator: OAuth tokens', () => {
  const c = clock();
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ now: c.now, tokenTtlSeconds: 600 }); });
  after(() => emu.close());

  test('client credentials give a bearer token that works on every endpoint', async () => {
    const t = await token(emu, emu.adminOAuth.clientId, emu.adminOAuth.clientSecret);
    assert.equal(t.status, 200);
    assert.equal(t.body.token_type, 'Bearer');
    assert.equal(t.body.expires_in, 600);
    const users = await bearerCall(emu, t.body.access_token, '/users?size=3');
    assert.equal(users.status, 200);
    c.advance(601_000);
    const late = await bearerCall(emu, t.body.access_token, '/users/self');
    assert.equal(late.status, 401);
    assert.equal(late.body.error, 'invalid_token');
  });

  test('a wrong secret or unknown client is invalid_client; a made-up token is invalid_token', async () => {
    const wrong = await token(emu, emu.adminOAuth.clientId, 'nope');
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error, 'invalid_client');
    assert.equal((await token(emu, 'no-such-client', 'x')).body.error, 'invalid_client');
    assert.equal((await bearerCall(emu, 'made-up', '/users/self')).body.error, 'invalid_token');
  });

  test('a down-scoped client\'s token carries only its roles', async () => {
    const made = await call(emu, emu.admin, '/oauth_clients', c.now, {
      method: 'POST',
      body: { name: 'results only', expiration_ts: new Date(c.now() + 30 * 86_400_000).toISOString(), roles: [{ role_name: 'resultsapi' }] },
    });
    assert.equal(made.status, 201);
    const t = await token(emu, made.body.client_id, made.body.client_secret);
    assert.equal(t.status, 200);
    const self = await bearerCall(emu, t.body.access_token, '/users/self');
    assert.deepEqual(self.body.roles.map((r: { role_name: string }) => r.role_name), ['resultsapi']);
    assert.equal((await bearerCall(emu, t.body.access_token, '/users')).status, 403);
    // Revoking the client ends its tokens and its secrets.
    assert.equal((await call(emu, emu.admin, `/oauth_clients/${made.body.client_id}`, c.now, { method: 'DELETE' })).status, 204);
    assert.equal((await bearerCall(emu, t.body.access_token, '/users/self')).body.error, 'invalid_token');
    const again = await token(emu, made.body.client_id, made.body.client_secret);
    assert.equal(again.body.error, 'invalid_client');
  });
});
