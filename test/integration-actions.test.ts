// Generating, revoking and rotating credentials through the real client against the emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiClient } from '../src/api/client.js';
import { ApiError } from '../src/api/errors.js';
import { connectDemo } from '../src/connect.js';
import { startEmulator } from '../src/emulator/index.js';
import { createIdentityService } from '../src/identity/service.js';

test('an admin generates an HMAC pair for a user: the new key works; once revoked it is refused', async () => {
  const lines: string[] = [];
  const demo = await connectDemo({ users: 20, debug: (l) => lines.push(l) });
  try {
    const { service, proveHmacKey } = demo.ctx;
    const org = await service.loadOrganisation();
    const member = org.users.find((u) => u.userId !== org.caller.userId && org.credentials.some((c) => c.type === 'hmac' && c.owner.userId === u.userId));
    assert.ok(member, 'a user with a live HMAC credential');
    const generated = await service.generateHmac(member.userId);
    assert.equal(generated.owner.userId, member.userId);
    assert.equal(generated.owner.userName, member.userName);
    assert.ok(generated.apiSecret.length >= 128);
    assert.ok(generated.expiresAt && Date.parse(generated.expiresAt) > Date.now());
    await proveHmacKey({ id: generated.apiId, secret: generated.apiSecret });

    const got = await service.getHmac(generated.apiId);
    assert.equal(got?.owner.userId, member.userId);
    assert.equal(got?.revokedAt, null);

    await service.revokeHmac(generated.apiId);
    const refused = await proveHmacKey({ id: generated.apiId, secret: generated.apiSecret }).catch((e: unknown) => e);
    assert.ok(refused instanceof ApiError);
    assert.equal(refused.status, 401);
    assert.match(refused.message, /Veracode rejected the API credentials \(401\)/);
    // The generated secret was never written to the debug output.
    assert.ok(!lines.join('\n').includes(generated.apiSecret));
  } finally {
    await demo.close();
  }
});

test('generating a pair for yourself with no renewal grace: the previous pair is refused, and the client goes on with the new one', async () => {
  // Grace 0, as a server that revokes at once would: the session must not depend on the old pair.
  const emu = await startEmulator({ users: 20, renewalGraceHours: 0 });
  try {
    const client = createApiClient({ baseUrl: emu.apiUrl, auth: { kind: 'hmac', id: emu.member.id, secret: emu.member.secret }, env: {} });
    const service = createIdentityService(client);
    const fresh = await service.generateHmac();
    assert.equal(fresh.owner.userId, emu.member.userId);
    const withOldKey = createIdentityService(createApiClient({ baseUrl: emu.apiUrl, auth: { kind: 'hmac', id: emu.member.id, secret: emu.member.secret }, env: {} }));
    const old = await withOldKey.self().catch((e: unknown) => e);
    assert.ok(old instanceof ApiError && old.status === 401, String(old));
    // The same session keeps working: it now signs with the pair it just generated.
    assert.equal((await service.self()).userId, emu.member.userId);
    const org = await service.loadOrganisation();
    assert.ok(org.credentials.some((c) => c.type === 'hmac' && c.id === fresh.apiId && !c.revokedAt));
  } finally {
    await emu.close();
  }
});

test('OAuth client: create, add a secret, retire the old one, revoke', async () => {
  const demo = await connectDemo({ users: 20 });
  try {
    const { service, proveOAuthSecret } = demo.ctx;
    const caller = await service.self();
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const roles = caller.roles.slice(0, 1).map((r) => r.name);
    const created = await service.createOAuthClient({ name: 'integration pipeline', description: 'made by a test', expiresAt, roles });
    assert.equal(created.client.name, 'integration pipeline');
    assert.equal(created.client.type, 'oauth');
    assert.deepEqual(created.client.roles.map((r) => r.name), roles);
    assert.ok(created.secret.clientSecret.length > 0);
    assert.equal(created.secret.clientId, created.client.id);
    assert.ok(created.client.secrets.some((s) => s.secretId === created.secret.secretId));
    await proveOAuthSecret(created.client.id, created.secret.clientSecret);

    const added = await service.addOAuthSecret(created.client.id);
    assert.notEqual(added.secretId, created.secret.secretId);
    await proveOAuthSecret(created.client.id, added.clientSecret);

    await service.retireOAuthSecret(created.client.id, created.secret.secretId);
    const retired = await proveOAuthSecret(created.client.id, created.secret.clientSecret).catch((e: unknown) => e);
    assert.ok(retired instanceof ApiError && retired.status === 401, String(retired));
    await proveOAuthSecret(created.client.id, added.clientSecret);

    await service.revokeOAuthClient(created.client.id);
    const org = await service.loadOrganisation();
    const listed = org.credentials.find((c) => c.id === created.client.id);
    assert.ok(listed?.revokedAt, 'the revoked client is listed as revoked');
    const after = await proveOAuthSecret(created.client.id, added.clientSecret).catch((e: unknown) => e);
    assert.ok(after instanceof ApiError && after.status === 401);
  } finally {
    await demo.close();
  }
});

test('a client authenticated with OAuth works and renews its token before it expires', async () => {
  let clock = Date.parse('2026-03-01T12:00:00Z');
  const now = () => clock;
  const emu = await startEmulator({ users: 20, now, tokenTtlSeconds: 600 });
  try {
    const lines: string[] = [];
    const client = createApiClient({ baseUrl: emu.apiUrl, auth: { kind: 'oauth', ...emu.adminOAuth }, env: {}, now, debug: (l) => lines.push(l) });
    const service = createIdentityService(client);
    const org = await service.loadOrganisation();
    assert.equal(org.caller.userId, emu.admin.userId);
    clock += 599_000; // inside the renewal margin: the client fetches a new token first
    await service.self();
    clock += 3_600_000; // long past expiry
    await service.self();
    const tokenCalls = lines.filter((l) => l.includes('/oauth2/token'));
    assert.equal(tokenCalls.length, 3);
    assert.ok(!lines.some((l) => / → 401/.test(l)), 'no request was sent with an expired token');
    assert.ok(!lines.join('\n').includes(emu.adminOAuth.clientSecret));
  } finally {
    await emu.close();
  }
});
