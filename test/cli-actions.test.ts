// create, revoke, rotate, api and --read-only against the emulator, with HOME in a temp dir.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from '../src/connect.js';
import { connectDemo } from '../src/connect.js';
import { fixture, profileText, run, type Fixture } from './cli-harness.js';

let f: Fixture;
beforeEach(async () => {
  f = await fixture();
});
afterEach(() => f.close());

/** An API service account of the seeded organisation other than the demo admin. */
function serviceAccount(): { user_id: string; user_name: string } {
  const d = f.data();
  return d.users.find((u) => u.account_type === 'API' && u.user_id !== d.demo.adminUserId)!;
}

function liveHmacOf(userId: string) {
  return f.data().hmac.filter((h) => h.user_id === userId && !h.revoked).sort((a, b) => b.created - a.created)[0];
}

describe('create hmac', () => {
  test('--save-profile writes the pair to a 0600 file and never prints the secret', async () => {
    const user = serviceAccount();
    const r = await run(f.args('create', 'hmac', '--user', user.user_name, '--save-profile', 'ci'), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    const fresh = liveHmacOf(user.user_id)!;
    assert.ok(!r.stdout.includes(fresh.secret) && !r.stderr.includes(fresh.secret));
    assert.match(r.stdout, /profile \[ci\]/);
    const text = readFileSync(f.credentialsPath, 'utf8');
    assert.match(text, new RegExp(`veracode_api_key_id = ${fresh.api_id}`));
    assert.match(text, new RegExp(`veracode_api_key_secret = ${fresh.secret}`));
    assert.equal(statSync(f.credentialsPath).mode & 0o777, 0o600);
  });

  test('without --save-profile the secret goes to stdout once, and it works', async () => {
    const user = serviceAccount();
    const r = await run(f.args('create', 'hmac', '--user', user.user_id), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    const fresh = liveHmacOf(user.user_id)!;
    assert.equal(r.stdout.split(fresh.secret).length - 1, 1, 'the secret appears exactly once');
    assert.match(r.stderr, /previous pair keeps working until about \d{4}-\d\d-\d\d \d\d:\d\d UTC \(Veracode's 24-hour grace\)/);
    const env = { HOME: f.home, VERACODE_API_KEY_ID: fresh.api_id, VERACODE_API_KEY_SECRET: fresh.secret };
    const self = await run(f.args('api', '/api/authn/v2/users/self'), { env });
    assert.equal(self.code, 0, self.stderr);
    assert.equal(JSON.parse(self.stdout).user_name, user.user_name);
    // For yourself, signing with the env vars: they hold the pair just replaced, and you are told.
    const mine = await run(f.args('create', 'hmac'), { env });
    assert.equal(mine.code, 0, mine.stderr);
    assert.match(mine.stderr, /VERACODE_API_KEY_ID\/SECRET hold your previous pair/);
  });

  test('a credentials file that cannot be read stops --save-profile before anything is generated', async () => {
    const user = serviceAccount();
    const before = liveHmacOf(user.user_id);
    // ~/.veracode is a file, so the credentials file cannot be read or created.
    writeFileSync(join(f.home, '.veracode'), 'not a folder');
    const r = await run(f.args('create', 'hmac', '--user', user.user_name, '--save-profile', 'ci', '--json'), { env: f.env });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /\.veracode/);
    assert.deepEqual(liveHmacOf(user.user_id), before, 'no pair was generated');
  });

  test('an unknown --user is a clear failure before anything is generated', async () => {
    const before = f.data().hmac.length;
    const r = await run(f.args('create', 'hmac', '--user', 'nobody-at-all'), { env: f.env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no user named or with id "nobody-at-all"/);
    assert.equal(f.data().hmac.length, before);
  });
});

describe('create oauth', () => {
  test('each bad field exits 2 naming the flag; nothing is created', async () => {
    const before = f.data().clients.length;
    const cases: [string[], RegExp][] = [
      [['--ttl-days', '30', '--role', 'adminapi'], /--name: Name is empty: give a name of 1 to 64 characters/],
      [['--name', 'x'.repeat(65), '--ttl-days', '30', '--role', 'adminapi'], /--name: .*at most 64/],
      [['--name', 'a\u0007b', '--ttl-days', '30', '--role', 'adminapi'], /--name: Name contains a control character \(\\x07\)/],
      [['--name', 'ok', '--ttl-days', '400', '--role', 'adminapi'], /--ttl-days: Expiry of 400 days is out of range: the organisation allows 1 to 365/],
      [['--name', 'ok', '--expires', '2020-01-01', '--role', 'adminapi'], /--expires: Expiry date 2020-01-01 is not in the future/],
      [['--name', 'ok', '--expires', '2030-02-30', '--role', 'adminapi'], /--expires: Expiry date 2030-02-30 does not exist/],
      [['--name', 'ok', '--ttl-days', '30'], /--role: Roles: none selected; choose at least one of: adminapi, /],
      [['--name', 'ok', '--ttl-days', '30', '--expires', '2030-01-01', '--role', 'adminapi'], /--expires: give either --ttl-days or --expires, not both/],
      [['--name', 'ok', '--role', 'adminapi'], /--ttl-days: a lifetime is required/],
      [['--name', 'ok', '--ttl-days', '30', '--role', 'extadmin'], /--role: Roles: extadmin is not among the owner's roles .*allowed: .*adminapi/],
    ];
    for (const [flags, message] of cases) {
      const r = await run(f.args('create', 'oauth', ...flags), { env: f.env });
      assert.equal(r.code, 2, `${flags.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
    assert.equal(f.data().clients.length, before);
  });

  test('a valid client is created; its secret is printed once and is usable', async () => {
    const r = await run(f.args('create', 'oauth', '--name', 'deploy bot', '--ttl-days', '90', '--role', 'adminapi', '--description', 'CI', '--json'), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.client.name, 'deploy bot');
    assert.deepEqual(out.client.roles, ['adminapi']);
    assert.equal(out.client.daysLeft, 90);
    const stored = f.data().clients.find((c) => c.client_id === out.clientId);
    assert.ok(stored);
    const conn = await connect({ env: f.env, apiUrl: f.emu.apiUrl });
    await conn.ctx.proveOAuthSecret(out.clientId, out.clientSecret);
  });
});

describe('revoke', () => {
  test('--yes revokes at once; without a terminal and without --yes it refuses (exit 2)', async () => {
    const target = liveHmacOf(serviceAccount().user_id)!;
    const refused = await run(f.args('revoke', target.api_id), { env: f.env });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--yes/);
    assert.equal(liveHmacOf(serviceAccount().user_id)?.api_id, target.api_id);
    const r = await run(f.args('revoke', target.api_id.slice(0, 10), '--yes'), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(f.data().hmac.find((h) => h.api_id === target.api_id)!.revoked);
    const again = await run(f.args('revoke', target.api_id, '--yes'), { env: f.env });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already revoked/);
  });

  test('on a terminal it asks for the last 4 characters; a wrong answer revokes nothing', async () => {
    const client = f.data().clients.find((c) => !c.revoked && c.user_id !== f.data().demo.adminUserId)!;
    const wrong = await run(f.args('revoke', client.client_id), { env: f.env, stdinIsTTY: true, answers: ['nope'] });
    assert.equal(wrong.code, 1);
    assert.match(wrong.prompts[0]!, new RegExp(client.client_id.slice(-4)));
    assert.equal(f.data().clients.find((c) => c.client_id === client.client_id)!.revoked, null);
    const right = await run(f.args('revoke', client.client_id), { env: f.env, stdinIsTTY: true, answers: [client.client_id.slice(-4)] });
    assert.equal(right.code, 0, right.stderr);
    assert.ok(f.data().clients.find((c) => c.client_id === client.client_id)!.revoked);
  });
});

describe('rotate', () => {
  test('--profile: every profile holding the key is updated in one write, and the new key is proven', async () => {
    const m = f.emu.member;
    f.writeCredentials(`# mine\n${profileText('ci', m.id, m.secret)}\n${profileText('ci-copy', m.id, m.secret)}\n${profileText('other', f.emu.admin.id, f.emu.admin.secret)}`);
    const r = await run(f.args('--profile', 'ci', 'rotate'), { env: { HOME: f.home } });
    assert.equal(r.code, 0, r.stderr);
    const fresh = liveHmacOf(m.userId)!;
    assert.notEqual(fresh.api_id, m.id);
    assert.ok(!r.stdout.includes(fresh.secret), 'a saved, proven secret is not printed');
    assert.match(r.stdout, /\[ci\], \[ci-copy\]/);
    assert.match(r.stdout, /works/);
    const text = readFileSync(f.credentialsPath, 'utf8');
    assert.equal(text.split(fresh.secret).length - 1, 2);
    assert.ok(text.startsWith('# mine\n') && text.includes(f.emu.admin.secret), 'other bytes are kept');
  });

  test('when the proof fails the file is restored and the new secret is still printed (exit 1)', async () => {
    const m = f.emu.member;
    const original = profileText('ci', m.id, m.secret);
    f.writeCredentials(original);
    const failingProof = {
      connect: async (o: Parameters<typeof connect>[0]) => {
        const c = await connect(o);
        return { ...c, ctx: { ...c.ctx, proveHmacKey: async () => { throw new Error('injected: refused'); } } };
      },
      connectDemo,
    };
    const r = await run(f.args('--profile', 'ci', 'rotate', '--json'), { env: { HOME: f.home }, deps: failingProof });
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    const fresh = liveHmacOf(m.userId)!;
    assert.equal(out.generated.apiSecret, fresh.secret);
    assert.equal(out.proof, 'failed');
    assert.equal(out.restored, true);
    assert.equal(readFileSync(f.credentialsPath, 'utf8'), original);
    assert.match(r.stderr, /injected: refused/);
  });

  test('the key of VERACODE_API_KEY_ID/SECRET: the new pair is printed, with a note to update the variables', async () => {
    const m = f.emu.member;
    f.writeCredentials(profileText('other', f.emu.admin.id, f.emu.admin.secret));
    const r = await run(f.args('rotate'), { env: { HOME: f.home, VERACODE_API_KEY_ID: m.id, VERACODE_API_KEY_SECRET: m.secret } });
    assert.equal(r.code, 0, r.stderr);
    const fresh = liveHmacOf(m.userId)!;
    assert.ok(r.stdout.includes(`veracode_api_key_secret = ${fresh.secret}`));
    assert.match(r.stderr, /VERACODE_API_KEY_ID\/SECRET: put the new pair there/);
    assert.ok(!r.stderr.includes(fresh.secret));
  });

  test('OAuth --retire-old on a client with two live secrets: oldest retired first, new proven, previous retired', async () => {
    const d = f.data();
    const client = d.clients.find((c) => !c.revoked && c.expiration > Date.now() && c.secrets.filter((s) => !s.retired && s.expiration > Date.now()).length === 2)!;
    assert.ok(client, 'the seed has a client with two live secrets');
    const refused = await run(f.args('rotate', client.client_id), { env: f.env });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /already has 2 live secrets/);
    const r = await run(f.args('rotate', client.client_id, '--retire-old', '--json'), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.proof, 'ok');
    assert.equal(out.retiredSecretIds.length, 2);
    const live = f.data().clients.find((c) => c.client_id === client.client_id)!.secrets.filter((s) => !s.retired);
    assert.deepEqual(live.map((s) => s.secret_id), [out.secret.secretId]);
  });
});

describe('api and --read-only', () => {
  test('api GET prints the JSON body; -f becomes query parameters; a 404 exits 1', async () => {
    const r = await run(f.args('api', '/api/authn/v2/users', '-f', 'size=3', '-f', 'detailed=true'), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    const body = JSON.parse(r.stdout);
    assert.equal(body._embedded.users.length, 3);
    const missing = await run(f.args('api', 'api/authn/v2/users/00000000-0000-0000-0000-000000000000'), { env: f.env });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /answered 404: \S/, 'the server\'s words, whatever its error shape');
    // POST: -f fields are a JSON body (numbers, true/false typed); the answer is JSON on stdout.
    const expires = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const post = await run(f.args('api', '-X', 'post', '/api/authn/v2/oauth_clients', '-f', 'name=api made', '-f', `expiration_ts=${expires}`, '-f', 'roles=null'), { env: f.env });
    assert.equal(post.code, 1);
    assert.match(post.stderr, /answered 400: roles/);
    assert.equal(JSON.parse(post.stdout).http_code, 400);
  });

  test('--read-only refuses create, revoke, rotate and a non-GET api call (exit 1), changing nothing', async () => {
    const before = JSON.stringify(f.data());
    const target = liveHmacOf(serviceAccount().user_id)!;
    for (const argv of [
      ['create', 'hmac'],
      ['create', 'oauth', '--name', 'x', '--ttl-days', '3', '--role', 'adminapi'],
      ['revoke', target.api_id, '--yes'],
      ['rotate', target.api_id],
      ['api', '-X', 'POST', '/api/authn/v2/api_credentials'],
    ]) {
      const r = await run(f.args('--read-only', ...argv), { env: f.env });
      assert.equal(r.code, 1, argv.join(' '));
      assert.match(r.stderr, /^vcreds: --read-only: refusing to/);
    }
    assert.equal(JSON.stringify(f.data()), before);
    const read = await run(f.args('--read-only', 'api', '/api/authn/v2/users/self'), { env: f.env });
    assert.equal(read.code, 0);
  });
});

describe('emulator command', () => {
  test('prints how to connect and closes cleanly on a signal', async () => {
    mkdirSync(join(f.home, 'emu'), { recursive: true });
    const data = join(f.home, 'emu', 'state.json');
    const r = await run(['emulator', '--users', '5', '--data', data], { env: { HOME: f.home } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /listening on http:\/\/127\.0\.0\.1:\d+/);
    assert.match(r.stdout, /veracode_api_key_id = [0-9a-f]{32}/);
    assert.ok(statSync(data).size > 0);
    const bad = await run(['emulator', '--port', '70000'], { env: {} });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--port.*0 to 65535/);
    const badRate = await run(['emulator', '--error-rate', '1.5'], { env: {} });
    assert.equal(badRate.code, 2);
    assert.match(badRate.stderr, /--error-rate.*fraction from 0 to 1/);
  });

  test('fault flags reach the server: --error-rate 1 answers 503, --log prints each request', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'emulator', '--users', '3', '--error-rate', '1', '--log'], {
      env: { PATH: process.env.PATH, HOME: f.home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          out += d;
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error(`emulator exited: ${err}`)));
      });
      const res = await fetch(`${url}/api/authn/v2/users/self`);
      assert.equal(res.status, 503);
      for (let i = 0; i < 50 && !/GET \/api\/authn\/v2\/users\/self 503/.test(err); i++) await new Promise((r) => setTimeout(r, 50));
      assert.match(err, /GET \/api\/authn\/v2\/users\/self 503/);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
