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
