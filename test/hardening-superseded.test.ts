// vcreds shows a superseded HMAC pair while it still works: status "superseded" and until when,
// in list, show (also by id when the list does not show it), check and the service after a renewal.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiClient } from '../src/api/client.js';
import { createIdentityService } from '../src/identity/service.js';
import { viewOf } from '../src/model/credential.js';
import { fixture, profileText, run, type Fixture } from './cli-harness.js';

describe('a superseded pair in vcreds', () => {
  let f: Fixture;
  let user: { user_id: string; user_name: string };
  let old: { api_id: string; secret: string };
  before(async () => {
    f = await fixture();
    const d = f.data();
    user = d.users.find((u) => u.account_type === 'API' && u.user_id !== d.demo.adminUserId && d.hmac.some((h) => h.user_id === u.user_id && !h.revoked && h.expiration > Date.now() + 30 * 86_400_000))!;
    old = d.hmac.filter((h) => h.user_id === user.user_id && !h.revoked).sort((a, b) => b.created - a.created)[0]!;
    const admin = createApiClient({ baseUrl: f.emu.apiUrl, auth: { kind: 'hmac', id: f.emu.admin.id, secret: f.emu.admin.secret }, env: {} });
    await admin.request('POST', `/api/authn/v2/api_credentials/user_id/${user.user_id}`);
  });
  after(() => f.close());

  test('show ID: the list no longer shows the previous pair, but its id still answers, as superseded with its end', async () => {
    const r = await run(f.args('show', old.api_id), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Status:\s+superseded/);
    assert.match(r.stdout, /works until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    const j = await run(f.args('show', old.api_id, '--json'), { env: f.env });
    const body = JSON.parse(j.stdout);
    assert.equal(body.status, 'superseded');
    assert.ok(Math.abs(Date.parse(body.supersededUntil) - (Date.now() + 24 * 3_600_000)) < 60_000);
    assert.equal(body.revokedAt, null);
  });

  test('list: a local profile holding the previous pair shows it, superseded, beside the new one', async () => {
    f.writeCredentials(profileText('old', old.api_id, old.secret));
    const r = await run(f.args('list', '--json'), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    const mine = (JSON.parse(r.stdout) as any[]).filter((c) => c.owner.userId === user.user_id && c.type === 'hmac');
    assert.deepEqual(mine.map((c) => c.status).sort(), ['active', 'superseded']);
    assert.deepEqual(mine.find((c) => c.status === 'superseded').profiles, ['old']);
    const table = await run(f.args('list', '--status', 'superseded'), { env: f.env });
    assert.match(table.stdout, /superseded, works until/);
  });

  test('check --profile: CRITICAL, it stops working within a day', async () => {
    f.writeCredentials(profileText('old', old.api_id, old.secret));
    const r = await run(f.args('--profile', 'old', 'check'), { env: { HOME: f.home, USERPROFILE: f.home } });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /^CRITICAL hmac .*superseded by a newer pair; stops working in (23|24) hours/);
  });

  test('revoke ID --yes: the previous pair, not in the list, is revoked at once by its id', async () => {
    const r = await run(f.args('revoke', old.api_id, '--yes'), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Revoked HMAC key /);
    assert.ok(f.data().hmac.find((h) => h.api_id === old.api_id)!.revoked, 'the emulator holds it revoked');
    const again = await run(f.args('show', old.api_id, '--json'), { env: f.env });
    assert.equal(JSON.parse(again.stdout).status, 'revoked');
  });

  test('the service remembers a pair it replaced and lists it while it works', async () => {
    const client = createApiClient({ baseUrl: f.emu.apiUrl, auth: { kind: 'hmac', id: f.emu.admin.id, secret: f.emu.admin.secret }, env: {} });
    const service = createIdentityService(client);
    const before = await service.loadOrganisation();
    const target = before.credentials.find((c) => c.type === 'hmac' && c.owner.userId !== f.emu.admin.userId && c.owner.userId !== user.user_id && !c.revokedAt && Date.parse(c.expiresAt!) > Date.now())!;
    const made = await service.generateHmac(target.owner.userId);
    const after = await service.loadOrganisation();
    const views = after.credentials.filter((c) => c.owner.userId === target.owner.userId).map((c) => viewOf(c, Date.now()));
    assert.deepEqual(views.map((v) => [v.id, v.status]).sort(), [[made.apiId, 'active'], [target.id, 'superseded']].sort());
    // Revoked by id, it leaves the list.
    await service.revokeHmac(target.id);
    const gone = await service.loadOrganisation();
    assert.ok(!gone.credentials.some((c) => c.id === target.id));
  });
});
