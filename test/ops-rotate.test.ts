// rotateHmac / rotateOAuth on the real service and emulator; only the proof is replaced where a
// failure is wanted.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { listRecords } from '../src/credentials/journal.js';
import { lockPathFor } from '../src/credentials/lock.js';
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
    // A byte that is not UTF-8 (in a comment): readable, but the writer refuses to rewrite such a file.
    f.writeCredentials(`# caf\xe9\n${profileText('member', m.id, m.secret)}`);
    writeFileSync(f.credentialsPath, Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${profileText('member', m.id, m.secret)}`)]));
    const before = readFileSync(f.credentialsPath, 'utf8');
    const r = await rotateHmac(ctx, await find(m.id));
    assert.equal(r.write, 'failed');
    assert.match(r.generated.apiSecret, /^[0-9a-f]{128,}$/);
    assert.equal(r.proof, 'ok');
    assert.equal(readFileSync(f.credentialsPath, 'utf8'), before);
    assert.ok(r.problems.some((p) => /not updated/.test(p)));
    assert.ok(r.problems.every((p) => !p.includes(r.generated.apiSecret)));
    // Not saved: the secret stays in the recovery journal, with the job it was for, until the caller lets go.
    const [entry] = listRecords(f.credentialsPath).records;
    assert.equal(entry!.entry.secret, r.generated.apiSecret);
    assert.deepEqual(entry!.entry.intent, { action: 'rotate', profiles: [{ name: 'member', idPrefix: null, secretPrefix: null, replaces: m.id }] });
    assert.equal(r.held.journalPath, entry!.path);
    r.held.release();
    assert.deepEqual(listRecords(f.credentialsPath).records, []);
    assert.equal(existsSync(lockPathFor(f.credentialsPath)), false, 'the lock is released');
  });

  test('saved and proven: nothing is left in the journal, and no lock', async () => {
    const m = f.emu.member;
    f.writeCredentials(profileText('member', m.id, m.secret));
    const r = await rotateHmac(ctx, await find(m.id));
    assert.equal(r.proof, 'ok');
    assert.equal(r.oldKey.revoked, 'no');
    assert.ok(Date.parse(r.oldKey.worksUntil!) - Date.now() > 23 * 3_600_000, 'the previous key keeps working about 24 hours');
    assert.deepEqual(listRecords(f.credentialsPath), { records: [], unreadable: [], dir: `${f.credentialsPath}.recovery` });
    assert.equal(existsSync(lockPathFor(f.credentialsPath)), false);
  });

  test('revokeOld revokes the previous key once the new one is proven', async () => {
    const m = f.emu.member;
    f.writeCredentials(profileText('member', m.id, m.secret));
    const r = await rotateHmac(ctx, await find(m.id), { revokeOld: true });
    assert.equal(r.proof, 'ok');
    assert.deepEqual(r.oldKey, { id: m.id, revoked: 'now', worksUntil: null });
    assert.ok(f.data().hmac.find((h) => h.api_id === m.id)!.revoked, 'the old key is revoked on the server');
    await assert.rejects(ctx.proveHmacKey({ id: m.id, secret: m.secret }));
    await ctx.proveHmacKey({ id: r.generated.apiId, secret: r.generated.apiSecret });
  });

  test('a profile that no longer holds the key under the lock: refused before anything is generated', async () => {
    const m = f.emu.member;
    f.writeCredentials(profileText('member', f.emu.admin.id, f.emu.admin.secret));
    const count = f.data().hmac.length;
    await assert.rejects(rotateHmac(ctx, await find(m.id), { expectProfiles: ['member'] }), (err: Error) => {
      assert.ok(err instanceof RotationRefused);
      assert.match(err.message, new RegExp(`profile \\[member\\] no longer holds the key ${m.id} \\(\\[member\\] holds ${f.emu.admin.id}\\): another vcreds rotated or replaced it meanwhile; nothing was changed`));
      return true;
    });
    assert.equal(f.data().hmac.length, count);
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
