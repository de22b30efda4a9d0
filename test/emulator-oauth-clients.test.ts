import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { call, clock, token } from './emulator-helpers.js';

const DAY = 86_400_000;

describe('emulator: OAuth client rules', () => {
  const c = clock();
  let emu: RunningEmulator;
  const inDays = (d: number) => new Date(c.now() + d * DAY).toISOString();
  const create = (body: Record<string, unknown>, key = emu.admin) => call(emu, key, '/oauth_clients', c.now, { method: 'POST', body });
  before(async () => { emu = await startEmulator({ now: c.now }); });
  after(() => emu.close());

  test('creating returns the client and its first secret once; listing never shows the secret', async () => {
    const r = await create({ name: 'Deploy bot', description: 'ci', expiration_ts: inDays(90), roles: [{ role_name: 'uploadapi' }] });
    assert.equal(r.status, 201);
    assert.equal(r.body.name, 'Deploy bot');
    assert.equal(r.body.user_name, 'vcreds-admin');
    assert.equal(r.body.revocation_ts, null);
    assert.ok(r.body.client_secret);
    assert.equal(r.body.secrets[0].secret_id, r.body.secret_id);
    const one = await call(emu, emu.admin, `/oauth_clients/${r.body.client_id}`, c.now);
    assert.equal(one.body.client_secret, undefined);
    assert.ok(!JSON.stringify(one.body).includes(r.body.client_secret));
  });

  test('the name must be 1 to 64 characters and unique for its owner', async () => {
    const base = { expiration_ts: inDays(30), roles: [{ role_name: 'resultsapi' }] };
    for (const name of ['', 'x'.repeat(65)]) {
      const r = await create({ ...base, name });
      assert.equal(r.status, 400);
      assert.match(r.body.message, /^name: must be 1 to 64 characters/);
    }
    assert.equal((await create({ ...base, name: 'Twice' })).status, 201);
    const dup = await create({ ...base, name: 'twice' });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.http_code, 409);
    assert.match(dup.body.message, /already has an OAuth client named/);
  });

  test('roles must be a non-empty subset of the owner\'s roles, and the refusal names the role', async () => {
    const none = await create({ name: 'No roles', expiration_ts: inDays(30), roles: [] });
    assert.equal(none.status, 400);
    const r = await create({ name: 'Too much', expiration_ts: inDays(30), roles: [{ role_name: 'resultsapi' }, { role_name: 'extadmin' }] });
    assert.equal(r.status, 400);
    assert.match(r.body.message, /"extadmin" is not one of vcreds-admin's roles/);
    const member = await create({ name: 'Mine', expiration_ts: inDays(30), roles: [{ role_name: 'adminapi' }] }, emu.member);
    assert.equal(member.status, 400);
    const ok = await create({ name: 'Mine', expiration_ts: inDays(30), roles: [{ role_name: 'extreviewer' }] }, emu.member);
    assert.equal(ok.status, 201);
    assert.equal(ok.body.user_id, emu.member.userId);
  });

  test('the expiry must be in the future and within the organisation maximum', async () => {
    const roles = [{ role_name: 'resultsapi' }];
    const past = await create({ name: 'Past', expiration_ts: inDays(-1), roles });
    assert.match(past.body.message, /must be in the future/);
    const far = await create({ name: 'Far', expiration_ts: inDays(366), roles });
    assert.match(far.body.message, /no more than 365 days/);
    const veracodeForm = new Date(c.now() + 365 * DAY).toISOString().replace('Z', '+0000');
    assert.equal((await create({ name: 'Max', expiration_ts: veracodeForm, roles })).status, 201);
  });

  test('a client holds at most two live secrets, and must keep one', async () => {
    const made = await create({ name: 'Rotating', expiration_ts: inDays(60), roles: [{ role_name: 'resultsapi' }] });
    const id = made.body.client_id;
    const second = await call(emu, emu.admin, `/oauth_clients/${id}/secrets`, c.now, { method: 'POST' });
    assert.equal(second.status, 201);
    assert.ok(second.body.client_secret);
    const third = await call(emu, emu.admin, `/oauth_clients/${id}/secrets`, c.now, { method: 'POST' });
    assert.equal(third.status, 409);
    assert.match(third.body.message, /2 live secrets/);
    // Both secrets work until one is retired.
    assert.equal((await token(emu, id, made.body.client_secret)).status, 200);
    assert.equal((await token(emu, id, second.body.client_secret)).status, 200);
    const retire = await call(emu, emu.admin, `/oauth_clients/${id}/secrets/${made.body.secret_id}`, c.now, { method: 'DELETE' });
    assert.equal(retire.status, 204);
    assert.equal((await token(emu, id, made.body.client_secret)).body.error, 'invalid_client');
    const last = await call(emu, emu.admin, `/oauth_clients/${id}/secrets/${second.body.secret_id}`, c.now, { method: 'DELETE' });
    assert.equal(last.status, 409);
    const listed = await call(emu, emu.admin, `/oauth_clients/${id}`, c.now);
    assert.deepEqual(listed.body.secrets.map((s: { secret_id: string }) => s.secret_id), [second.body.secret_id]);
  });

  test('revoked clients stay listed with their revocation time', async () => {
    const made = await create({ name: 'Short lived', expiration_ts: inDays(10), roles: [{ role_name: 'resultsapi' }] });
    await call(emu, emu.admin, `/oauth_clients/${made.body.client_id}`, c.now, { method: 'DELETE' });
    const list = await call(emu, emu.admin, `/oauth_clients?user_id=${emu.admin.userId}&size=100`, c.now);
    const found = list.body._embedded.oauth_clients.find((cl: { client_id: string }) => cl.client_id === made.body.client_id);
    assert.ok(found.revocation_ts);
    const more = await call(emu, emu.admin, `/oauth_clients/${made.body.client_id}/secrets`, c.now, { method: 'POST' });
    assert.equal(more.status, 409);
  });

  test('a member sees and manages only their own clients', async () => {
    const list = await call(emu, emu.member, '/oauth_clients?size=100', c.now);
    assert.equal(list.status, 200);
    assert.ok(list.body._embedded.oauth_clients.every((cl: { user_id: string }) => cl.user_id === emu.member.userId));
    assert.equal((await call(emu, emu.member, `/oauth_clients?user_id=${emu.admin.userId}`, c.now)).status, 403);
    assert.equal((await call(emu, emu.member, `/oauth_clients/${emu.adminOAuth.clientId}`, c.now, { method: 'DELETE' })).status, 403);
    const forOther = await create({ name: 'Sneaky', expiration_ts: inDays(5), roles: [{ role_name: 'adminapi' }], user_id: emu.admin.userId }, emu.member);
    assert.equal(forOther.status, 403);
  });

  test('an admin creates a client for another user, within that user\'s roles', async () => {
    const r = await create({ name: 'For member', expiration_ts: inDays(5), roles: [{ role_name: 'extcreator' }], user_id: emu.member.userId });
    assert.equal(r.status, 201);
    assert.equal(r.body.user_id, emu.member.userId);
  });

  test('a body that is not JSON is refused with a clear message', async () => {
    const text = await call(emu, emu.admin, '/oauth_clients', c.now, { method: 'POST', headers: { 'content-type': 'text/plain' } });
    assert.equal(text.status, 415);
  });
});
