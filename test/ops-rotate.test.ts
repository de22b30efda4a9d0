// rotateHmac / rotateOAuth on the real service and emulator; only the proof is replaced where a
// failure is wanted.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { connect } from '../src/connect.js';
import type { AppContext } from '../src/app-context.js';
import { viewOf } from '../src/model/credential.js';
import { rotateHmac, rotateOAuth, RotationRefused } from '../src/ops/rotate.js';
import { fixture, profileText, type Fixture } from './cli-harness.js';

let f: Fixture;
let ctx: AppContext;
beforeEach(async () => {
  f = await fixture();
  ctx = (await connect({ env: f.env, apiUrl: f.emu.apiUrl, credentialsPath: f.credentialsPath })).ctx;
});
afterEach(() => f.close());

async function find(id: string) {
  const org = await ctx.service.loadOrganisation();
  return org.credentials.find((c) => c.id === id)!;
}

describe('rotateHmac', () => {
  test("another user's key: generated for that owner, the region prefix of the profile kept", async () => {
    const m = f.emu.member;
    f.writeCredentials(profileText('member', `vera01gi-${m.id}`, `vera01gs-${m.secret}`));
    const r = await rotateHmac(ctx, await find(m.id));
    assert.equal(r.generated.owner.userId, m.userId);
    assert.deepEqual(r.profilesUpdated, ['member']);
    assert.equal(r.write, 'ok');
    assert.equal(r.proof, 'ok');
    const text = readFileSync(f.credentialsPath, 'utf8');
    assert.match(text, new RegExp(`veracode_api_key_id = vera01gi-${r.generated.apiId}\\n`));
    assert.match(text, new RegExp(`veracode_api_key_secret = vera01gs-${r.generated.apiSecret}\\n`));
  });

  test('a failed write is reported, and the generated secret is still returned and proven', async () => {
    const m = f.emu.member;
    f.writeCredentials(profileText('member', m.id, m.secret));
    // A non-empty folder where the backup must go makes the write fail before the file changes.
    mkdirSync(`${f.credentialsPath}.bak/x`, { recursive: true });
    const before = readFileSync(f.credentialsPath, 'utf8');
    const r = await rotateHmac(ctx, await find(m.id));
    assert.equal(r.write, 'failed');
    assert.match(r.generated.apiSecret, /^[0-9a-f]{128,}$/);
    assert.equal(r.proof, 'ok');
    assert.equal(readFileSync(f.credentialsPath, 'utf8'), before);
    assert.ok(r.problems.some((p) => /not updated/.test(p)));
    assert.ok(r.problems.every((p) => !p.includes(r.generated.apiSecret)));
  });

  test('a failed proof restores the file', async () => {
    const m = f.emu.member;
    const original = `# keep me\n${profileText('member', m.id, m.secret)}`;
    f.writeCredentials(original);
    const failing = { ...ctx, proveHmacKey: async () => { throw new Error('refused'); } };
    const r = await rotateHmac(failing, await find(m.id));
    assert.equal(r.proof, 'failed');
    assert.equal(r.restored, true);
    assert.equal(readFileSync(f.credentialsPath, 'utf8'), original);
    assert.ok(r.generated.apiSecret);
  });

  test('refuses revoked keys, OAuth clients and read-only contexts before calling the server', async () => {
    const target = viewOf(await find(f.emu.member.id), ctx.now());
    const count = f.emu.requestCount!();
    await assert.rejects(rotateHmac({ ...ctx, readOnly: true }, target), RotationRefused);
    await assert.rejects(rotateHmac(ctx, { ...target, revokedAt: '2025-01-01T00:00:00Z' }), /revoked/);
    await assert.rejects(rotateHmac(ctx, { ...target, type: 'oauth' }), /OAuth client/);
    assert.equal(f.emu.requestCount!(), count);
  });
});

describe('rotateOAuth', () => {
  test('without --retire-old the previous secret stays; a failed proof retires nothing', async () => {
    const id = f.emu.adminOAuth.clientId;
    const r = await rotateOAuth(ctx, await find(id), { retireOld: false });
    assert.equal(r.proof, 'ok');
    assert.equal(r.retiredSecretId, null);
    await ctx.proveOAuthSecret(id, f.emu.adminOAuth.clientSecret);

    // Now two are live: with retireOld the oldest goes first, then the proof fails, so the other stays.
    const failing = { ...ctx, proveOAuthSecret: async () => { throw new Error('no token'); } };
    const second = await rotateOAuth(failing, await find(id), { retireOld: true });
    assert.equal(second.proof, 'failed');
    assert.equal(second.retiredSecretIds!.length, 1, 'only the oldest, retired to make room');
    const live = f.data().clients.find((c) => c.client_id === id)!.secrets.filter((s) => !s.retired).map((s) => s.secret_id);
    assert.deepEqual(live.sort(), [r.secret.secretId, second.secret.secretId].sort());
  });
});
