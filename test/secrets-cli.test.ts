// The CLI side of keeping new secrets safe: recover and its notice, a lost answer in CLI terms,
// --save-profile onto another key, blank arguments, the lock as a second vcreds sees it.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { connect, connectDemo } from '../src/connect.js';
import { listRecords, recordSecret } from '../src/credentials/journal.js';
import { lockPathFor } from '../src/credentials/lock.js';
import { fixture, profileText, run, type Fixture } from './cli-harness.js';

let f: Fixture;
beforeEach(async () => {
  f = await fixture();
});
afterEach(() => f.close());

const NEW_ID = '684a28d91070e4ce68b2131e43c2d79b';
const NEW_SECRET = 'fedcba9876543210'.repeat(8);

function serviceAccount(): { user_id: string; user_name: string } {
  const d = f.data();
  return d.users.find((u) => u.account_type === 'API' && u.user_id !== d.demo.adminUserId)!;
}

describe('recover', () => {
  test('other commands name the journal on stderr (never the secret); recover writes the intended profile and removes the entry', async () => {
    const m = f.emu.member;
    f.writeCredentials(`# mine\n${profileText('ci', `vera01gi-${m.id}`, `vera01gs-${m.secret}`)}`);
    recordSecret(f.credentialsPath, {
      kind: 'hmac', id: NEW_ID, secret: NEW_SECRET, secretId: null, owner: { userId: m.userId, userName: m.userName }, expiresAt: null,
      intent: { action: 'rotate', profiles: [{ name: 'ci', idPrefix: 'vera01gi', secretPrefix: 'vera01gs', replaces: `vera01gi-${m.id}` }] },
    });
    const list = await run(f.args('list', '--json'), { env: f.env });
    assert.equal(list.code, 0, list.stderr);
    assert.ok(list.stderr.includes(`vcreds: a secret from an interrupted run is kept in ${f.credentialsPath}.recovery: run vcreds recover\n`), list.stderr);
    assert.ok(!list.stderr.includes(NEW_SECRET) && !list.stdout.includes(NEW_SECRET));

    const r = await run(['recover'], { env: { HOME: f.home } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Recovered HMAC key 684a28d9\S+ of .*: \[ci\] of .* now holds it/);
    assert.ok(!r.stdout.includes(NEW_SECRET), 'saved, so not printed');
    assert.equal(readFileSync(f.credentialsPath, 'utf8'), `# mine\n${profileText('ci', `vera01gi-${NEW_ID}`, `vera01gs-${NEW_SECRET}`)}`);
    assert.equal(statSync(f.credentialsPath).mode & 0o777, 0o600);
    assert.deepEqual(listRecords(f.credentialsPath).records, []);
    assert.equal(existsSync(lockPathFor(f.credentialsPath)), false);
    const again = await run(['recover'], { env: { HOME: f.home } });
    assert.match(again.stdout, /^Nothing to recover/);
    const quiet = await run(f.args('list', '--json'), { env: f.env });
    assert.doesNotMatch(quiet.stderr, /interrupted run/);
  });

  test('a profile that now holds another key is left alone and the secret is printed; --json carries it; entries go', async () => {
    f.writeCredentials(profileText('ci', f.emu.admin.id, f.emu.admin.secret));
    recordSecret(f.credentialsPath, {
      kind: 'hmac', id: NEW_ID, secret: NEW_SECRET, secretId: null, owner: null, expiresAt: null,
      intent: { action: 'rotate', profiles: [{ name: 'ci', idPrefix: null, secretPrefix: null, replaces: 'aaaabbbbccccddddeeeeffff00001111' }] },
    });
    recordSecret(f.credentialsPath, {
      kind: 'oauth', id: 'client-1', secret: 'oauth-secret-1', secretId: 'sec-1', owner: { userId: 'u', userName: 'bob' }, expiresAt: null,
      intent: { action: 'create', profiles: [] },
    });
    const before = readFileSync(f.credentialsPath, 'utf8');
    const r = await run(['recover', '--json'], { env: { HOME: f.home } });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.map((o: { action: string; secret: string; skipped: string[] }) => [o.action, o.secret, o.skipped]), [['printed', NEW_SECRET, ['ci']], ['printed', 'oauth-secret-1', []]]);
    assert.match(r.stderr, /\[ci\] now holds another key .*left alone/);
    assert.equal(readFileSync(f.credentialsPath, 'utf8'), before);
    assert.deepEqual(listRecords(f.credentialsPath).records, []);
  });
});

describe('a lost answer to a create', () => {
  test('create hmac: what may have happened, how to check (list --owner, check), that the secret cannot be recovered; no "refresh"', async () => {
    const dropPost = {
      connect: async (o: Parameters<typeof connect>[0]) => {
        const c = await connect(o);
        const service = c.ctx.service;
        const generateHmac = async (userId?: string) => {
          await service.self(); // known before the POST, so the scripted drop hits the POST itself
          f.emu.setFaultSchedule!(['drop-response']);
          return service.generateHmac(userId);
        };
        return { ...c, ctx: { ...c.ctx, service: { ...service, generateHmac } } };
      },
      connectDemo,
    };
    const before = f.data().hmac.length;
    const r = await run(f.args('create', 'hmac'), { env: f.env, deps: dropPost });
    assert.equal(r.code, 1);
    assert.equal(f.data().hmac.length, before + 1, 'the server did generate a key');
    assert.match(r.stderr, /may have generated a new HMAC key for \S+ without vcreds receiving it/);
    assert.match(r.stderr, /its secret cannot be recovered/);
    assert.match(r.stderr, /hint: Check with: vcreds list --owner \S+ --type hmac .*vcreds check/);
    assert.doesNotMatch(r.stderr, /refresh/i);
    assert.equal(r.stdout, '');
  });
});

describe('create hmac --save-profile onto a profile holding a key', () => {
  test('refused (exit 1) naming the key and its owner, nothing created; --force replaces it', async () => {
    const m = f.emu.member;
    f.writeCredentials(profileText('ci', m.id, m.secret));
    const user = serviceAccount();
    const before = f.data().hmac.length;
    const r = await run(f.args('create', 'hmac', '--user', user.user_name, '--save-profile', 'ci'), { env: f.env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`profile \\[ci\\] holds another key, ${m.id} of ${m.userName}; saving here would replace it; nothing was created`));
    assert.match(r.stderr, /--force/);
    assert.equal(f.data().hmac.length, before);
    assert.equal(readFileSync(f.credentialsPath, 'utf8'), profileText('ci', m.id, m.secret));

    const forced = await run(f.args('create', 'hmac', '--user', user.user_name, '--save-profile', 'ci', '--force'), { env: f.env });
    assert.equal(forced.code, 0, forced.stderr);
    assert.doesNotMatch(readFileSync(f.credentialsPath, 'utf8'), new RegExp(m.id));
    assert.deepEqual(listRecords(f.credentialsPath).records, [], 'saved: the journal entry is gone');
  });
});

describe('blank arguments', () => {
  test('rotate "" and create hmac --user "" exit 2 naming the argument; nothing is sent', async () => {
    const before = f.emu.requestCount!();
    const rotate = await run(f.args('rotate', ''), { env: f.env });
    assert.equal(rotate.code, 2, rotate.stderr);
    assert.match(rotate.stderr, /argument 'id'.*empty/i);
    const create = await run(f.args('create', 'hmac', '--user', '  '), { env: f.env });
    assert.equal(create.code, 2, create.stderr);
    assert.match(create.stderr, /--user.*empty/);
    assert.equal(f.emu.requestCount!(), before);
  });
});

describe('the credentials file lock', () => {
  test('rotate waits for another live vcreds, then fails naming it, before creating anything', async () => {
    const m = f.emu.member;
    f.writeCredentials(profileText('ci', m.id, m.secret));
    const other = spawn('sleep', ['30']);
    try {
      writeFileSync(lockPathFor(f.credentialsPath), JSON.stringify({ pid: other.pid, host: hostname(), since: new Date().toISOString() }), { mode: 0o600 });
      const before = f.data().hmac.length;
      const started = Date.now();
      const r = await run(f.args('--profile', 'ci', 'rotate'), { env: { HOME: f.home } });
      assert.equal(r.code, 1);
      assert.ok(Date.now() - started >= 9_500, 'it waited about 10 s');
      assert.ok(r.stderr.includes(`vcreds: another vcreds (pid ${other.pid}) is changing ${f.credentialsPath}; try again\n`), r.stderr);
      assert.equal(f.data().hmac.length, before);
      assert.equal(readFileSync(f.credentialsPath, 'utf8'), profileText('ci', m.id, m.secret));
    } finally {
      other.kill();
    }
  });
});
