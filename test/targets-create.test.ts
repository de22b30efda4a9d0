// `vcreds create hmac|oauth --target …` against the project's emulator and the stand-ins: the new
// credential is proven, then delivered to each target, which is kept for it; one report, exit 0
// only when every target has it; the secret printed only when nothing received it, else kept in
// the recovery journal (only there) for `vcreds targets deliver`. --debug output and error
// messages of GitLab and Vault deliveries never hold a secret or a token, even when the server
// quotes them back. Usage errors cost no credential.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, run, type Fixture } from './cli-harness.js';
import { githubStandIn, gitlabStandIn, vaultStandIn } from './targets-standins.js';
import { readDotenv } from '../src/targets/dotenv-text.js';
import { runCli } from '../src/cli/run.js';
import { connect, connectDemo } from '../src/connect.js';

function prefsText(home: string): string {
  const p = join(home, '.config', 'vcreds', 'config.json');
  return existsSync(p) ? readFileSync(p, 'utf8') : '';
}

function journalCount(f: Fixture): number {
  const dir = join(f.home, '.veracode', 'credentials.recovery');
  return existsSync(dir) ? readdirSync(dir).length : 0;
}

/** An API service account of the seeded organisation other than the admin vcreds signs with. */
function serviceAccount(f: Fixture, n = 0): { user_id: string; user_name: string } {
  const d = f.data();
  return d.users.filter((u) => u.account_type === 'API' && u.user_id !== d.demo.adminUserId)[n]!;
}

function liveHmacOf(f: Fixture, userId: string) {
  return f.data().hmac.filter((h) => h.user_id === userId && !h.revoked).sort((a, b) => b.created - a.created)[0];
}

test('create hmac --target: proven, delivered to dotenv, exec, GitHub, GitLab and Vault, kept as targets; not printed; the key works', async () => {
  const f = await fixture();
  const gh = await githubStandIn('ghp_create_tok');
  const gl = await gitlabStandIn('glpat-create-tok');
  const vault = await vaultStandIn('hvs.create-tok');
  try {
    const env = {
      ...f.env, PATH: process.env.PATH, GH_TOKEN: 'ghp_create_tok', GITHUB_API_URL: gh.url,
      GITLAB_TOKEN: 'glpat-create-tok', GITLAB_URL: gl.url, VAULT_ADDR: vault.url, VAULT_TOKEN: 'hvs.create-tok',
    };
    const user = serviceAccount(f);
    const dir = mkdtempSync(join(f.home, 'work-'));
    const dotenvPath = join(dir, '.env');
    writeFileSync(dotenvPath, 'APP=1\n');
    const execOut = join(dir, 'exec.json');
    const targets = [`dotenv:${dotenvPath}`, `exec:cat > '${execOut}'`, 'github:acme/api@prod', 'gitlab:acme/api', 'vault:secret/ci/veracode'];
    const r = await run(f.args('create', 'hmac', '--user', user.user_name, ...targets.flatMap((t) => ['--target', t]), '--json'), { env });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const out = JSON.parse(r.stdout);
    const fresh = liveHmacOf(f, user.user_id)!;
    assert.equal(out.apiId, fresh.api_id);
    assert.equal(out.apiSecret, null, 'delivered: not printed');
    assert.equal(out.proof, 'ok');
    assert.equal(out.allDelivered, true);
    assert.equal(out.keptForRedelivery, false);
    assert.deepEqual(out.targets.map((t: any) => [t.target, t.status]), [
      [`dotenv:${dotenvPath}`, 'proven'], [`exec:cat > '${execOut}'`, 'delivered'], ['github:acme/api@prod', 'proven'], ['gitlab:acme/api', 'proven'], ['vault:secret/ci/veracode', 'proven'],
    ]);
    const secret = fresh.secret;
    assert.equal(r.stdout.includes(secret) || r.stderr.includes(secret), false);
    const vars = readDotenv(readFileSync(dotenvPath, 'utf8'));
    assert.equal(vars.VERACODE_API_KEY_ID, fresh.api_id);
    assert.equal(vars.VERACODE_API_KEY_SECRET, secret);
    assert.equal(vars.APP, '1');
    assert.equal(JSON.parse(readFileSync(execOut, 'utf8')).secret, secret);
    assert.equal(gh.value('repos/acme/api/environments/prod', 'VERACODE_API_KEY_SECRET'), secret);
    assert.equal(gl.vars.get('acme/api')!.get('VERACODE_API_KEY_SECRET@*')!.value, secret);
    assert.equal(vault.latest('secret/ci/veracode')!.VERACODE_API_KEY_SECRET, secret);
    // The delivered key works.
    const self = await run(f.args('api', '/api/authn/v2/users/self'), { env: { HOME: f.home, VERACODE_API_KEY_ID: vars.VERACODE_API_KEY_ID, VERACODE_API_KEY_SECRET: vars.VERACODE_API_KEY_SECRET } });
    assert.equal(self.code, 0, self.stderr);
    assert.equal(JSON.parse(self.stdout).user_name, user.user_name);
    // Kept as the new key's targets, each with what it holds; never the secret.
    const listed = JSON.parse((await run(f.args('targets', '--json'), { env })).stdout);
    assert.deepEqual(listed.map((b: any) => [b.credentialId, b.target, b.last?.holds, b.last?.outcome]), out.targets.map((t: any) => [fresh.api_id, t.target, fresh.api_id, t.status]));
    assert.equal(prefsText(f.home).includes(secret), false);
    assert.equal(journalCount(f), 0, 'delivered everywhere: nothing left in the recovery journal');
    // The next rotation delivers to the same targets.
    const plan = await run(f.args('rotate', fresh.api_id, '--dry-run', '--json'), { env });
    assert.equal(plan.code, 0, plan.stderr);
    assert.deepEqual(JSON.parse(plan.stdout).targets.map((t: any) => t.target), targets.map((t) => t));
  } finally {
    await Promise.all([gh.close(), gl.close(), vault.close()]);
    await f.close();
  }
});

test('create hmac --target: a failing target is reported with its reason, exit 1, the secret kept (journal only) until targets deliver', async () => {
  const f = await fixture();
  const gh = await githubStandIn('ghp_tok_2');
  try {
    const env = { ...f.env, PATH: process.env.PATH, GH_TOKEN: 'ghp_tok_2', GITHUB_API_URL: gh.url };
    const user = serviceAccount(f);
    const dir = mkdtempSync(join(f.home, 'w-'));
    const dotenvPath = join(dir, 'ci.env');
    gh.mode = '403';
    const r = await run(f.args('create', 'hmac', '--user', user.user_id, '--target', `dotenv:${dotenvPath}`, '--target', 'github:acme/api', '--name', 'secret=VC_SECRET'), { env });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const fresh = liveHmacOf(f, user.user_id)!;
    assert.match(r.stdout, /^Created the HMAC key [0-9a-f]+ for /m);
    assert.match(r.stdout, /The new key works \(a signed call succeeded\)/);
    assert.match(r.stdout, /Targets \(1 of 2 delivered\):/);
    assert.match(r.stdout, /proven +dotenv:.*ci\.env/);
    assert.match(r.stdout, /FAILED +github:acme\/api .*403.*not accessible/);
    assert.match(r.stdout, new RegExp(`vcreds targets deliver ${fresh.api_id}`));
    assert.match(r.stdout, /kept in the recovery journal \(only there\)/);
    assert.equal(r.stdout.includes(fresh.secret) || r.stderr.includes(fresh.secret), false, 'the dotenv file received it: not printed');
    assert.equal(readDotenv(readFileSync(dotenvPath, 'utf8')).VC_SECRET, fresh.secret, '--name applies to the targets');
    assert.equal(journalCount(f), 1);
    const listed = JSON.parse((await run(f.args('targets', '--json'), { env })).stdout);
    assert.equal(listed.find((b: any) => b.target === 'github:acme/api').last.outcome, 'failed');
    // Fixed: re-delivered from the journal, which then lets go of it.
    gh.mode = 'ok';
    const again = await run(f.args('targets', 'deliver', fresh.api_id), { env });
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.equal(gh.value('repos/acme/api', 'VC_SECRET'), fresh.secret);
    assert.equal(journalCount(f), 0);
    assert.equal(prefsText(f.home).includes(fresh.secret), false);
  } finally {
    await gh.close();
    await f.close();
  }
});

test('create hmac --target: nothing received it: the secret is printed once (exit 1); --save-profile received it: not printed', async () => {
  const f = await fixture();
  try {
    const env = { ...f.env, PATH: process.env.PATH };
    const user = serviceAccount(f);
    const r = await run(f.args('create', 'hmac', '--user', user.user_id, '--target', 'exec:cat >/dev/null; exit 9'), { env });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const fresh = liveHmacOf(f, user.user_id)!;
    assert.match(r.stdout, /FAILED +exec:.*exited 9/);
    assert.equal(r.stdout.split(fresh.secret).length - 1, 1, 'printed exactly once');
    assert.match(r.stdout, /veracode_api_key_secret = /);
    // JSON: the same rule, in create's JSON.
    const j = await run(f.args('create', 'hmac', '--user', user.user_id, '--target', 'exec:exit 4', '--json'), { env });
    assert.equal(j.code, 1);
    const out = JSON.parse(j.stdout);
    assert.equal(out.apiSecret, liveHmacOf(f, user.user_id)!.secret);
    assert.equal(out.targets[0].status, 'failed');
    // Saved to a profile: that received it.
    const s = await run(f.args('create', 'hmac', '--user', user.user_id, '--save-profile', 'ci', '--target', 'exec:exit 5', '--json'), { env });
    assert.equal(s.code, 1);
    const saved = JSON.parse(s.stdout);
    const third = liveHmacOf(f, user.user_id)!;
    assert.equal(saved.apiSecret, null);
    assert.equal(saved.savedTo.profile, 'ci');
    assert.match(readFileSync(f.credentialsPath, 'utf8'), new RegExp(third.secret));
    // A profile: target (it takes the file's lock itself, after --save-profile let go of it).
    const p = await run(f.args('create', 'hmac', '--user', user.user_id, '--save-profile', 'ci', '--force', '--target', 'profile:ci-copy'), { env });
    assert.equal(p.code, 0, p.stdout + p.stderr);
    const fourth = liveHmacOf(f, user.user_id)!;
    assert.match(p.stdout, /proven +profile:ci-copy/);
    assert.equal(readFileSync(f.credentialsPath, 'utf8').split(fourth.secret).length - 1, 2, 'in [ci] and [ci-copy]');
    assert.equal(p.stdout.includes(fourth.secret), false);
  } finally {
    await f.close();
  }
});

test('create --target: a new credential that fails its proof is delivered nowhere and printed (exit 1); its targets are kept', async () => {
  const f = await fixture();
  try {
    const env = { ...f.env, PATH: process.env.PATH };
    const failingProof = {
      connect: async (o: Parameters<typeof connect>[0]) => {
        const c = await connect(o);
        return { ...c, ctx: { ...c.ctx, proveHmacKey: async () => { throw new Error('injected: refused'); }, proveOAuthSecret: async () => { throw new Error('injected: no token'); } } };
      },
      connectDemo,
    };
    const dir = mkdtempSync(join(f.home, 'p-'));
    const user = serviceAccount(f);
    const r = await run(f.args('create', 'hmac', '--user', user.user_id, '--target', `dotenv:${join(dir, 'h.env')}`), { env, deps: failingProof });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const fresh = liveHmacOf(f, user.user_id)!;
    assert.match(r.stdout, /The new key FAILED its test call: nothing was delivered/);
    assert.match(r.stdout, /skipped +dotenv:.*failed its test call/);
    assert.match(r.stderr, /injected: refused/);
    assert.equal(r.stdout.split(fresh.secret).length - 1, 1, 'printed once');
    assert.equal(existsSync(join(dir, 'h.env')), false, 'nothing delivered');
    const o = await run(f.args('create', 'oauth', '--name', 'unproven', '--ttl-days', '5', '--role', 'adminapi', '--target', `dotenv:${join(dir, 'o.env')}`, '--json'), { env, deps: failingProof });
    assert.equal(o.code, 1, o.stdout + o.stderr);
    const out = JSON.parse(o.stdout);
    assert.equal(out.proof, 'failed');
    assert.ok(out.clientSecret, 'not delivered anywhere: printed');
    assert.equal(out.targets[0].status, 'skipped');
    assert.equal(existsSync(join(dir, 'o.env')), false);
    const listed = JSON.parse((await run(f.args('targets', '--json'), { env })).stdout);
    assert.deepEqual(listed.map((b: any) => [b.credentialId, b.last]), [[fresh.api_id, undefined], [out.client.id, undefined]], 'kept, never delivered');
    assert.equal(journalCount(f), 0, 'printed: not left in the journal');
  } finally {
    await f.close();
  }
});

test('create --target: a bad target, profile: for OAuth, --name or --protected without their target are usage errors; nothing is created', async () => {
  const f = await fixture();
  try {
    const env = { ...f.env, PATH: process.env.PATH };
    const user = serviceAccount(f);
    const before = f.data();
    const cases: [string[], RegExp][] = [
      [['create', 'hmac', '--user', user.user_id, '--target', 'github:acme'], /--target: "github:acme" is not a target/],
      [['create', 'hmac', '--user', user.user_id, '--target', 'nope:x'], /unknown kind/],
      [['create', 'hmac', '--user', user.user_id, '--name', 'secret=X'], /--name KEY=NAME goes with --target/],
      [['create', 'hmac', '--user', user.user_id, '--target', 'dotenv:/tmp/x.env', '--name', 'bad=X'], /KEY must be id or secret/],
      [['create', 'hmac', '--user', user.user_id, '--target', 'dotenv:/tmp/x.env', '--protected'], /for gitlab: targets/],
      [['create', 'oauth', '--name', 'x1', '--ttl-days', '3', '--role', 'adminapi', '--target', 'profile:ci'], /HMAC pairs only/],
      [['create', 'oauth', '--name', 'x2', '--name', 'x3', '--ttl-days', '3', '--role', 'adminapi', '--target', 'dotenv:/tmp/x.env'], /one client name/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(f.args(...argv), { env });
      assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message, argv.join(' '));
    }
    const after = f.data();
    assert.equal(after.hmac.length, before.hmac.length, 'no key was created');
    assert.equal(after.clients.length, before.clients.length, 'no client was created');
    assert.equal(prefsText(f.home).includes('targets'), false);
    // Without --target, create keeps its contract: the secret on stdout, no targets key.
    const plain = await run(f.args('create', 'hmac', '--user', user.user_id, '--json'), { env });
    assert.equal(plain.code, 0, plain.stderr);
    const out = JSON.parse(plain.stdout);
    assert.deepEqual(Object.keys(out).sort(), ['apiId', 'apiSecret', 'expiresAt', 'owner']);
    assert.equal(out.apiSecret, liveHmacOf(f, user.user_id)!.secret);
  } finally {
    await f.close();
  }
});

test('create oauth --target: the new secret proven by a token, delivered (names as asked), kept as targets; the client name stays its name', async () => {
  const f = await fixture();
  const gl = await gitlabStandIn('glpat-oauth-tok');
  try {
    const env = { ...f.env, PATH: process.env.PATH, GITLAB_TOKEN: 'glpat-oauth-tok', GITLAB_URL: gl.url };
    const dir = mkdtempSync(join(f.home, 'o-'));
    const dotenvPath = join(dir, '.env');
    const r = await run(f.args('create', 'oauth', '--name', 'deploy bot', '--ttl-days', '90', '--role', 'adminapi', '--target', `dotenv:${dotenvPath}`, '--target', 'gitlab:acme/deploy@production', '--protected', '--name', 'secret=VC_CLIENT_SECRET', '--json'), { env });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.client.name, 'deploy bot');
    assert.equal(out.clientSecret, null, 'delivered: not printed');
    assert.equal(out.proof, 'ok');
    assert.deepEqual(out.targets.map((t: any) => t.status), ['proven', 'proven']);
    assert.equal(out.targets[0].holds, `${out.clientId}/${out.secretId}`);
    const vars = readDotenv(readFileSync(dotenvPath, 'utf8'));
    assert.equal(vars.VERACODE_OAUTH_CLIENT_ID, out.clientId);
    const secret = vars.VC_CLIENT_SECRET!;
    assert.ok(secret);
    const v = gl.vars.get('acme/deploy')!.get('VC_CLIENT_SECRET@production')!;
    assert.deepEqual(v, { value: secret, masked: true, protected: true });
    assert.equal(r.stdout.includes(secret) || r.stderr.includes(secret), false);
    // The delivered secret works.
    const self = await run(f.args('api', '/api/authn/v2/users/self'), { env: { HOME: f.home, VERACODE_OAUTH_CLIENT_ID: vars.VERACODE_OAUTH_CLIENT_ID, VERACODE_OAUTH_CLIENT_SECRET: secret } });
    assert.equal(self.code, 0, self.stderr);
    const listed = JSON.parse((await run(f.args('targets', '--json'), { env })).stdout);
    assert.deepEqual(listed.map((b: any) => [b.credentialId, b.valueName, b.last.outcome]), [[out.client.id, 'VC_CLIENT_SECRET', 'proven'], [out.client.id, 'VC_CLIENT_SECRET', 'proven']]);
    assert.equal(prefsText(f.home).includes(secret), false);
    assert.equal(journalCount(f), 0);
    // A failing target: exit 1, the secret not printed (the dotenv file has it), kept for re-delivery.
    gl.mode = '500';
    const failed = await run(f.args('create', 'oauth', '--name', 'second', '--ttl-days', '30', '--role', 'adminapi', '--target', `dotenv:${join(dir, 'second.env')}`, '--target', 'gitlab:acme/deploy'), { env });
    assert.equal(failed.code, 1, failed.stdout + failed.stderr);
    assert.match(failed.stdout, /^Created the OAuth client "second"/m);
    assert.match(failed.stdout, /The new secret works \(a token was issued\)/);
    assert.match(failed.stdout, /FAILED +gitlab:acme\/deploy .*500/);
    const second = readDotenv(readFileSync(join(dir, 'second.env'), 'utf8'));
    assert.equal(failed.stdout.includes(second.VERACODE_OAUTH_CLIENT_SECRET!), false);
    assert.match(failed.stdout, new RegExp(`vcreds targets deliver ${second.VERACODE_OAUTH_CLIENT_ID}`));
    gl.mode = 'ok';
    const again = await run(f.args('targets', 'deliver', second.VERACODE_OAUTH_CLIENT_ID!), { env });
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.equal(gl.vars.get('acme/deploy')!.get('VERACODE_OAUTH_CLIENT_SECRET@*')!.value, second.VERACODE_OAUTH_CLIENT_SECRET);
  } finally {
    await gl.close();
    await f.close();
  }
});

test('--debug output and error messages never hold a secret or a token for GitLab and Vault deliveries (HMAC and OAuth, ok, 403, 5xx, and a server quoting them back)', async () => {
  const f = await fixture();
  const GL_TOKEN = 'glpat-debug-token-777';
  const VAULT_TOKEN = 'hvs.debug-token-777';
  const gl = await gitlabStandIn(GL_TOKEN);
  const vault = await vaultStandIn(VAULT_TOKEN, 'team-a');
  try {
    const env = { ...f.env, PATH: process.env.PATH, GITLAB_TOKEN: GL_TOKEN, GITLAB_URL: gl.url, VAULT_ADDR: vault.url, VAULT_TOKEN, VAULT_NAMESPACE: 'team-a' };
    const dir = mkdtempSync(join(f.home, 'd-'));
    let n = 0;
    for (const kind of ['hmac', 'oauth'] as const) {
      for (const mode of ['ok', '403', '500', 'echo'] as const) {
        gl.mode = mode;
        vault.mode = mode;
        // A dotenv target receives it too, so the secret is never printed on purpose: anything
        // of it in the output is a leak. It is read from there.
        const dotenvPath = join(dir, `${kind}-${mode}.env`);
        const targets = ['--target', `dotenv:${dotenvPath}`, '--target', `gitlab:grp/proj${n}`, '--target', `vault:secret/ci/p${n}`];
        n++;
        const argv = kind === 'hmac'
          ? f.args('--debug', 'create', 'hmac', '--user', serviceAccount(f).user_id, ...targets)
          : f.args('--debug', 'create', 'oauth', '--name', `debug ${mode}`, '--ttl-days', '10', '--role', 'adminapi', ...targets);
        for (const json of kind === 'hmac' && mode !== '500' && mode !== '403' ? [false, true] : [false]) {
          const r = await run(json ? [...argv, '--json'] : argv, { env });
          const label = `${kind} ${mode}${json ? ' --json' : ''}`;
          assert.equal(r.code, mode === 'ok' ? 0 : 1, `${label}: ${r.stdout}${r.stderr}`);
          assert.match(r.stderr, /\[debug\] \[GitLab\] (PUT|POST)/, `${label}: GitLab requests are logged`);
          assert.match(r.stderr, /\[debug\] \[Vault\] (GET|POST)/, `${label}: Vault requests are logged`);
          const vars = readDotenv(readFileSync(dotenvPath, 'utf8'));
          const secret = kind === 'hmac' ? vars.VERACODE_API_KEY_SECRET! : vars.VERACODE_OAUTH_CLIENT_SECRET!;
          assert.ok(secret && secret.length >= 16, label);
          const all = r.stdout + r.stderr;
          for (const s of [secret, GL_TOKEN, VAULT_TOKEN, f.emu.admin.secret]) assert.equal(all.includes(s), false, `${label}: ${s.slice(0, 6)}… leaked`);
          // The report, as text or as the --json targets.
          const report = json ? JSON.parse(r.stdout).targets.map((t: any) => `${t.status.toUpperCase()} ${t.target} ${t.detail}`).join('\n') : r.stdout;
          if (mode !== 'ok') {
            assert.match(report, mode === 'echo' ? /FAILED +gitlab:.*is invalid for \[redacted\]/ : new RegExp(`FAILED +gitlab:.*${mode}`), label);
            assert.match(report, mode === 'echo' ? /FAILED +vault:.*with \[redacted\]/ : new RegExp(`FAILED +vault:.*${mode}`), label);
          } else {
            assert.equal(gl.vars.get(`grp/proj${n - 1}`)!.get(`${kind === 'hmac' ? 'VERACODE_API_KEY_SECRET' : 'VERACODE_OAUTH_CLIENT_SECRET'}@*`)!.value, secret);
          }
        }
      }
    }
    // What the stand-ins saw carried the tokens (so the absence above means something).
    assert.ok(gl.requests.some((q) => q.auth === GL_TOKEN));
    assert.ok(vault.requests.some((q) => q.auth === VAULT_TOKEN));
    const prefs = prefsText(f.home);
    assert.equal(prefs.includes(GL_TOKEN) || prefs.includes(VAULT_TOKEN), false);
  } finally {
    await Promise.all([gl.close(), vault.close()]);
    await f.close();
  }
});

test('targets is among the commands the usage hints name', async () => {
  let err = '';
  const code = await runCli(['nosuchcommand'], { stdout: { write: () => true, isTTY: false }, stderr: { write: (s: string) => ((err += s), true), isTTY: false }, stdinIsTTY: false, env: {}, prompt: async () => '', untilSignal: () => Promise.resolve('SIGTERM') } as any, 'test');
  assert.equal(code, 2);
  assert.match(err, /Commands: .*\btargets\b/);
  const help = await run(['create', 'hmac', '--help']);
  assert.match(help.stdout, /--target <TARGET>/);
  assert.match(help.stdout, /vcreds create hmac .*--target github:acme\/api/);
  const oauthHelp = await run(['create', 'oauth', '--help']);
  assert.match(oauthHelp.stdout, /--target gitlab:acme\/api@production --protected/);
});
