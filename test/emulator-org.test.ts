import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { statusOf, isUrgent } from '../src/model/credential.js';
import { parseTs } from '../src/emulator/time.js';
import { call, clock } from './emulator-helpers.js';

const iso = (ts: string | undefined) => (ts ? new Date(parseTs(ts)!).toISOString() : null);

describe('emulator: paging', () => {
  const c = clock();
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ now: c.now, users: 250 }); });
  after(() => emu.close());

  test('a page size above the cap is lowered to 100, and the metadata says so', async () => {
    const r = await call(emu, emu.admin, '/users?size=1000', c.now);
    assert.equal(r.status, 200);
    assert.equal(r.body._embedded.users.length, 100);
    assert.deepEqual(r.body.page, { number: 0, size: 100, total_elements: 250, total_pages: 3 });
    assert.ok(r.body._links.next);
  });

  test('the last page holds the rest; a page past the end has no _embedded', async () => {
    const last = await call(emu, emu.admin, '/users?size=100&page=2', c.now);
    assert.equal(last.body._embedded.users.length, 50);
    assert.equal(last.body._links.next, undefined);
    const empty = await call(emu, emu.admin, '/users?size=100&page=3', c.now);
    assert.equal(empty.status, 200);
    assert.equal(empty.body._embedded, undefined);
    assert.equal(empty.body.page.total_elements, 250);
  });

  test('walking every page sees every user exactly once', async () => {
    const seen = new Set<string>();
    for (let page = 0; ; page++) {
      const r = await call(emu, emu.admin, `/users?size=100&page=${page}`, c.now);
      const users = r.body._embedded?.users ?? [];
      for (const u of users) seen.add(u.user_id);
      if (users.length === 0) break;
    }
    assert.equal(seen.size, 250);
  });

  test('a bad page parameter is a 400 in the errors shape', async () => {
    const r = await call(emu, emu.admin, '/users?page=-1', c.now);
    assert.equal(r.status, 400);
    assert.equal(r.body.status, 400);
    assert.match(r.body.errors[0], /^page:/);
  });

  test('detailed=true adds account type, roles and the current credential', async () => {
    const plain = await call(emu, emu.admin, '/users?size=5', c.now);
    assert.equal(plain.body._embedded.users[0].roles, undefined);
    const r = await call(emu, emu.admin, '/users?size=5&detailed=true', c.now);
    const admin = r.body._embedded.users[0];
    assert.equal(admin.account_type, 'API');
    assert.equal(admin.api_credentials.api_id, emu.admin.id);
    assert.ok(admin.roles.some((role: { role_name: string }) => role.role_name === 'adminapi'));
  });

  test('usersCarryCredentials:false leaves api_credentials out of the list', async () => {
    const e = await startEmulator({ now: c.now, usersCarryCredentials: false, pageSizeCap: 10 });
    try {
      const r = await call(e, e.admin, '/users?detailed=true&size=50', c.now);
      assert.equal(r.body.page.size, 10);
      assert.ok(r.body._embedded.users.every((u: Record<string, unknown>) => !('api_credentials' in u)));
      const one = await call(e, e.admin, `/api_credentials/user_id/${e.admin.userId}`, c.now);
      assert.equal(one.body.api_id, e.admin.id);
    } finally {
      await e.close();
    }
  });

  test('search by term, type, role and api id', async () => {
    const api = await call(emu, emu.admin, '/users/search?user_type=api&size=100&detailed=true', c.now);
    assert.ok(api.body.page.total_elements > 50);
    assert.ok(api.body._embedded.users.every((u: { account_type: string }) => u.account_type === 'API'));
    const byId = await call(emu, emu.admin, `/users/search?api_id=${emu.member.id}`, c.now);
    assert.deepEqual(byId.body._embedded.users.map((u: { user_id: string }) => u.user_id), [emu.member.userId]);
    const byName = await call(emu, emu.admin, '/users/search?search_term=VCREDS-ADM', c.now);
    assert.equal(byName.body._embedded.users[0].user_name, 'vcreds-admin');
    const roles = await call(emu, emu.admin, '/roles', c.now);
    const adminapi = roles.body._embedded.roles.find((r: { role_name: string }) => r.role_name === 'adminapi');
    assert.equal(adminapi.is_api, true);
    const byRole = await call(emu, emu.admin, `/users/search?role_id=${adminapi.role_id}&detailed=true`, c.now);
    assert.ok(byRole.body._embedded.users.every((u: { roles: { role_name: string }[] }) => u.roles.some((r) => r.role_name === 'adminapi')));
    const bad = await call(emu, emu.admin, '/users/search?user_type=robot', c.now);
    assert.equal(bad.status, 400);
  });

  test('an unknown user is a 404 in the api_errors shape', async () => {
    const r = await call(emu, emu.admin, '/users/00000000-0000-4000-8000-000000000000', c.now);
    assert.equal(r.status, 404);
    assert.equal(r.body._embedded.api_errors[0].status, '404');
  });
});

describe('emulator: the seeded organisation', () => {
  const c = clock();
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ now: c.now }); });
  after(() => emu.close());

  test('is the same for the same seed, and different for another', async () => {
    const again = await startEmulator({ now: c.now });
    const other = await startEmulator({ now: c.now, seed: 2 });
    try {
      assert.deepEqual(again.admin, emu.admin);
      assert.deepEqual(again.adminOAuth, emu.adminOAuth);
      const a = await call(emu, emu.admin, '/users?size=100', c.now);
      const b = await call(again, again.admin, '/users?size=100', c.now);
      assert.deepEqual(a.body._embedded, b.body._embedded);
      assert.notEqual(other.admin.id, emu.admin.id);
    } finally {
      await again.close();
      await other.close();
    }
  });

  test('has HMAC credentials in every state, users without any, and all three timestamp forms', async () => {
    const r = await call(emu, emu.admin, '/users?size=100&detailed=true', c.now);
    const users = r.body._embedded.users;
    assert.equal(users.length, 24);
    const apiShare = users.filter((u: { account_type: string }) => u.account_type === 'API').length / users.length;
    assert.ok(apiShare > 0.2 && apiShare < 0.5, `API accounts share ${apiShare}`);
    const creds = users.map((u: { api_credentials?: { expiration_ts: string; revocation_ts?: string } }) => u.api_credentials);
    const states = new Set<string>();
    for (const cred of creds) {
      if (!cred) { states.add('none'); continue; }
      const view = { expiresAt: iso(cred.expiration_ts), revokedAt: iso(cred.revocation_ts) };
      assert.ok(view.expiresAt, `unparseable ${cred.expiration_ts}`);
      states.add(statusOf(view, c.now()));
      if (isUrgent(view, c.now())) states.add('urgent');
    }
    assert.deepEqual([...states].sort(), ['active', 'expired', 'expiring', 'none', 'revoked', 'urgent']);
    const forms = creds.filter(Boolean).map((cr: { expiration_ts: string }) => cr.expiration_ts);
    assert.ok(forms.some((f: string) => f.endsWith('+0000')));
    assert.ok(forms.some((f: string) => /T\d\d:\d\d:\d\dZ$/.test(f)));
    assert.ok(forms.some((f: string) => f.endsWith(' UTC')));
  });

  test('has OAuth clients with one and two secrets, revoked, expired and expiring', async () => {
    const r = await call(emu, emu.admin, '/oauth_clients?size=100', c.now);
    const clients = r.body._embedded.oauth_clients;
    const states = new Set<string>();
    for (const cl of clients) {
      states.add(`${cl.secrets.length} secret(s)`);
      states.add(statusOf({ expiresAt: iso(cl.expiration_ts), revokedAt: iso(cl.revocation_ts ?? undefined) }, c.now()));
    }
    for (const s of ['1 secret(s)', '2 secret(s)', 'active', 'expiring', 'expired', 'revoked']) assert.ok(states.has(s), `no client ${s}`);
    const owners = new Set(clients.map((cl: { user_id: string }) => cl.user_id));
    assert.ok(owners.size >= 6, `clients spread over ${owners.size} users`);
  });

  test('scales to 10,000 users quickly, and pages stay cheap', async () => {
    const big = await startEmulator({ now: c.now, users: 10_000 });
    try {
      const r = await call(big, big.admin, '/users?detailed=true&size=100&page=99', c.now);
      assert.equal(r.body._embedded.users.length, 100);
      assert.equal(r.body.page.total_pages, 100);
    } finally {
      await big.close();
    }
  });
});
