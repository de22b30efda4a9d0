// The emulator as a faithful stand-in: query values read as Veracode's (Spring) server reads them,
// and the 24-hour renewal grace of a superseded HMAC pair.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { call, clock } from './emulator-helpers.js';

describe('query values as Spring reads them', () => {
  let emu: RunningEmulator;
  const c = clock();
  before(async () => {
    emu = await startEmulator({ seed: 3, users: 30, now: c.now });
  });
  after(() => emu.close());

  test('detailed=True (as Python prints it) is detailed', async () => {
    for (const v of ['True', 'TRUE', 'true', 'yes', '1']) {
      const r = await call(emu, emu.admin, `/users?detailed=${v}&size=5`, c.now);
      assert.equal(r.status, 200);
      assert.ok(r.body._embedded.users.every((u: any) => 'account_type' in u), `detailed=${v}`);
    }
    const plain = await call(emu, emu.admin, '/users?detailed=False&size=5', c.now);
    assert.ok(plain.body._embedded.users.every((u: any) => !('account_type' in u)));
  });

  test('saml_user=False and saml_user=True filter like false and true', async () => {
    const count = async (q: string) => (await call(emu, emu.admin, `/users/search?${q}&size=500`, c.now)).body.page.total_elements as number;
    const all = await count('search_term=');
    const no = await count('saml_user=False');
    const yes = await count('saml_user=True');
    assert.equal(no, await count('saml_user=false'));
    assert.equal(yes, await count('saml_user=true'));
    assert.ok(no > 0 && yes > 0);
    assert.equal(no + yes, all);
  });

  test('user_type is read case-insensitively; a word Spring cannot read is a 400 naming it', async () => {
    const api = await call(emu, emu.admin, '/users/search?user_type=API&detailed=True&size=500', c.now);
    assert.equal(api.status, 200);
    assert.ok(api.body._embedded.users.length > 0);
    assert.ok(api.body._embedded.users.every((u: any) => u.account_type === 'API'));
    const bad = await call(emu, emu.admin, '/users?detailed=maybe', c.now);
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /detailed/);
  });
});

describe('renewal grace: a superseded HMAC pair works for 24 hours', () => {
  const HOUR = 3_600_000;

  test('the previous pair still authenticates, reads and revokes by id, and stops at the end of the grace', async () => {
    const c = clock();
    const emu = await startEmulator({ seed: 5, users: 10, now: c.now });
    try {
      const made = await call(emu, emu.member, '/api_credentials', c.now, { method: 'POST' });
      assert.equal(made.status, 200);
      // The old pair still works, and the caller's current pair is the new one.
      const own = await call(emu, emu.member, '/api_credentials', c.now);
      assert.equal(own.status, 200);
      assert.equal(own.body.api_id, made.body.api_id);
      const old = await call(emu, emu.admin, `/api_credentials/${emu.member.id}`, c.now);
      assert.equal(old.status, 200);
      assert.equal(Date.parse(old.body.revocation_ts.replace('+0000', 'Z')), c.now() + 24 * HOUR);
      c.advance(24 * HOUR - 1000);
      assert.equal((await call(emu, emu.member, '/users/self', c.now)).status, 200);
      c.advance(2000);
      const late = await call(emu, emu.member, '/users/self', c.now);
      assert.equal(late.status, 401);
      assert.equal(late.body.message, 'API credentials revoked');
      // Revoked, it is still readable by id.
      assert.equal((await call(emu, emu.admin, `/api_credentials/${emu.member.id}`, c.now)).status, 200);
    } finally {
      await emu.close();
    }
  });

  test('DELETE /api_credentials/{id} revokes a superseded pair at once', async () => {
    const c = clock();
    const emu = await startEmulator({ seed: 5, users: 10, now: c.now });
    try {
      assert.equal((await call(emu, emu.admin, `/api_credentials/user_id/${emu.member.userId}`, c.now, { method: 'POST' })).status, 200);
      assert.equal((await call(emu, emu.member, '/users/self', c.now)).status, 200);
      assert.equal((await call(emu, emu.admin, `/api_credentials/${emu.member.id}`, c.now, { method: 'DELETE' })).status, 204);
      assert.equal((await call(emu, emu.member, '/users/self', c.now)).status, 401);
    } finally {
      await emu.close();
    }
  });

  test('renewalGraceHours 0 revokes the previous pair at once', async () => {
    const c = clock();
    const emu = await startEmulator({ seed: 5, users: 10, now: c.now, renewalGraceHours: 0 });
    try {
      assert.equal((await call(emu, emu.member, '/api_credentials', c.now, { method: 'POST' })).status, 200);
      assert.equal((await call(emu, emu.member, '/users/self', c.now)).status, 401);
    } finally {
      await emu.close();
    }
  });
});
