// `vcreds rotate` with targets, against the project's emulator: each target gets the new key and
// it works; a failure injected at each target in turn: HMAC reports the grace deadline and keeps
// the secret (journal only) for `vcreds targets deliver`; OAuth keeps its previous secret. Nothing
// secret in stderr, --debug output or the preferences file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, run } from './cli-harness.js';
import { githubStandIn } from './targets-standins.js';
import { readDotenv } from '../src/targets/dotenv-text.js';

function prefsText(home: string): string {
  const p = join(home, '.config', 'vcreds', 'config.json');
  return existsSync(p) ? readFileSync(p, 'utf8') : '';
}

test('HMAC: rotate delivers to dotenv, exec and GitHub, each proven; a failing target gets the deadline and targets deliver finishes', async () => {
  const f = await fixture();
  const gh = await githubStandIn('ghp_tok_999');
  try {
    const env = { ...f.env, PATH: process.env.PATH, GH_TOKEN: 'ghp_tok_999', GITHUB_API_URL: gh.url };
    const list = JSON.parse((await run(f.args('list', '--type', 'hmac', '--status', 'active', '--json'), { env })).stdout);
    const key = list.find((c: any) => c.id !== f.emu.admin.id.replace(/^.*-/, ''));
    const dir = mkdtempSync(join(f.home, 'work-'));
    const dotenvPath = join(dir, '.env');
    writeFileSync(dotenvPath, 'APP=1\n');
    const execOut = join(dir, 'exec.json');
    for (const t of [`dotenv:${dotenvPath}`, `exec:cat > '${execOut}'`, 'github:acme/api@prod']) {
      const r = await run(f.args('targets', 'add', key.id, t), { env });
      assert.equal(r.code, 0, r.stderr);
    }
    const listed = await run(f.args('targets'), { env });
    assert.match(listed.stdout, /github:acme\/api@prod/);
    const tested = await run(f.args('targets', 'test', key.id), { env });
    assert.equal(tested.code, 0, tested.stdout + tested.stderr);

    const plan = await run(f.args('rotate', key.id, '--dry-run'), { env });
    assert.equal(plan.code, 0, plan.stderr);
    assert.match(plan.stdout, /Plan \(dry run/);
    assert.equal(readFileSync(dotenvPath, 'utf8'), 'APP=1\n', 'the dry run changed nothing');

    const r = await run(f.args('--debug', 'rotate', key.id, '--json'), { env });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.generated.apiSecret, null, 'delivered everywhere: not printed');
    assert.deepEqual(out.targets.map((t: any) => t.status), ['proven', 'delivered', 'proven']);
    const newId = out.generated.apiId;
    const vars = readDotenv(readFileSync(dotenvPath, 'utf8'));
    assert.equal(vars.VERACODE_API_KEY_ID, newId);
    assert.equal(vars.APP, '1');
    const secret = vars.VERACODE_API_KEY_SECRET!;
    assert.equal(JSON.parse(readFileSync(execOut, 'utf8')).secret, secret);
    assert.equal(gh.value('repos/acme/api/environments/prod', 'VERACODE_API_KEY_SECRET'), secret);
    // The delivered key works.
    const self = await run(['--api-url', f.emu.apiUrl, 'api', '/api/authn/v2/users/self'], { env: { HOME: f.home, VERACODE_API_KEY_ID: newId, VERACODE_API_KEY_SECRET: secret } });
    assert.equal(self.code, 0, self.stderr);
    assert.equal(r.stderr.includes(secret) || r.stderr.includes('ghp_tok_999'), false, 'nothing secret in --debug output');
    assert.equal(prefsText(f.home).includes(secret), false);
    assert.match(prefsText(f.home), new RegExp(newId), 'the targets followed the key to its new id');

    // A failure at each target in turn.
    let current = newId;
    for (const broken of ['github', 'dotenv', 'exec'] as const) {
      if (broken === 'github') gh.mode = '403';
      if (broken === 'dotenv') writeFileSync(dotenvPath, 'VERACODE_API_KEY_SECRET="multi\nline"\n');
      const execTarget = `exec:cat > '${execOut}'`;
      if (broken === 'exec') {
        await run(f.args('targets', 'remove', current, execTarget), { env });
        await run(f.args('targets', 'add', current, 'exec:cat >/dev/null; exit 7'), { env });
      }
      const failed = await run(f.args('rotate', current), { env });
      assert.equal(failed.code, 1, `${broken}: ${failed.stdout}${failed.stderr}`);
      assert.match(failed.stdout, /FAILED/);
      assert.match(failed.stdout, /works until about \d{4}-\d\d-\d\d \d\d:\d\d UTC/, 'the deadline');
      assert.match(failed.stdout, /vcreds targets deliver [0-9a-f]+/);
      const fresh = /targets deliver ([0-9a-f]+)/.exec(failed.stdout)![1]!;
      assert.equal(failed.stdout.includes('veracode_api_key_secret'), false, 'delivered somewhere: not printed');
      // Fix it, then re-deliver from the journal.
      gh.mode = 'ok';
      if (broken === 'dotenv') writeFileSync(dotenvPath, 'APP=2\n');
      if (broken === 'exec') {
        await run(f.args('targets', 'remove', fresh, 'exec:cat >/dev/null; exit 7'), { env });
        await run(f.args('targets', 'add', fresh, execTarget), { env });
      }
      const again = await run(f.args('targets', 'deliver', fresh), { env });
      assert.equal(again.code, 0, again.stdout + again.stderr);
      assert.match(again.stdout, /no longer kept in the recovery journal/);
      const journal = join(f.home, '.veracode', 'credentials.recovery');
      assert.equal(existsSync(journal) ? readdirSync(journal).length : 0, 0);
      const again2 = await run(f.args('targets', 'deliver', fresh), { env });
      assert.equal(again2.code, 1, 'the secret is gone from the journal once everywhere');
      assert.equal(readDotenv(readFileSync(dotenvPath, 'utf8')).VERACODE_API_KEY_ID, fresh);
      current = fresh;
    }
  } finally {
    await gh.close();
    await f.close();
  }
});

test('OAuth: a failing target keeps the previous secret and says who holds what; all delivered retires it', async () => {
  const f = await fixture();
  const gh = await githubStandIn('ghp_tok_1');
  try {
    const env = { ...f.env, PATH: process.env.PATH, GH_TOKEN: 'ghp_tok_1', GITHUB_API_URL: gh.url };
    const list = JSON.parse((await run(f.args('list', '--type', 'oauth', '--status', 'active', '--json'), { env })).stdout);
    const data = f.data() as any;
    const client = list.find((c: any) => {
      const raw = JSON.stringify(data).includes(c.id);
      return raw && c.secrets?.length !== 2;
    }) ?? list[0];
    const shown = JSON.parse((await run(f.args('show', client.id, '--json'), { env })).stdout);
    const liveBefore = (shown.secrets ?? []).map((s: any) => s.secretId ?? s.secret_id);
    const dir = mkdtempSync(join(f.home, 'o-'));
    const dotenvPath = join(dir, '.env');
    await run(f.args('targets', 'add', client.id, `dotenv:${dotenvPath}`), { env });
    await run(f.args('targets', 'add', client.id, 'github:acme/api'), { env });
    const retireFlag = liveBefore.length >= 2 ? ['--retire-old'] : [];
    gh.mode = '500';
    const failed = await run(f.args('rotate', client.id, '--json', ...retireFlag), { env });
    assert.equal(failed.code, 1, failed.stdout + failed.stderr);
    const out = JSON.parse(failed.stdout);
    assert.equal(out.proof, 'ok');
    assert.deepEqual(out.targets.map((t: any) => t.status), ['proven', 'failed']);
    assert.ok(out.previousSecrets.kept.length >= 1, 'the previous secret is kept');
    assert.equal(out.secret.clientSecret, null, 'delivered to the dotenv file: not printed');
    const dotSecret = readDotenv(readFileSync(dotenvPath, 'utf8')).VERACODE_OAUTH_CLIENT_SECRET!;
    assert.ok(dotSecret);
    assert.equal(failed.stderr.includes(dotSecret), false);
    const text = await run(f.args('rotate', client.id, '--dry-run'), { env });
    assert.match(text.stdout, /github:acme\/api/);
    // Fixed: re-deliver, retiring the previous secret once every target has the new one.
    gh.mode = 'ok';
    const again = await run(f.args('targets', 'deliver', client.id, '--retire-old'), { env });
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /Retired/);
    assert.equal(gh.value('repos/acme/api', 'VERACODE_OAUTH_CLIENT_SECRET'), dotSecret);
    assert.equal(prefsText(f.home).includes(dotSecret), false);
  } finally {
    await gh.close();
    await f.close();
  }
});

test('rotate --due: a summary line per due credential, exit codes as check', async () => {
  const f = await fixture();
  try {
    const env = { ...f.env, PATH: process.env.PATH };
    const none = await run(f.args('rotate', '--due', '0', '--json'), { env });
    assert.ok([0, 1, 2].includes(none.code), none.stderr);
    const r = await run(f.args('rotate', '--due', '3650', '--dry-run'), { env });
    assert.match(r.stdout, /^(OK|WARNING|CRITICAL) /m);
    assert.ok([0, 1].includes(r.code), r.stdout + r.stderr);
    const bad = await run(['--api-url', 'http://127.0.0.1:9', 'rotate', '--due', '7'], { env });
    assert.equal(bad.code, 3);
    assert.match(bad.stdout, /^UNKNOWN /);
  } finally {
    await f.close();
  }
});
