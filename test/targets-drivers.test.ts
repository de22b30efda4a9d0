// Each target kind on its own: the stand-ins over real HTTP (GitHub opens every sealed value with
// its private key), dotenv on real files, exec on real processes; token checks, versioning, a 403
// and a 5xx mode; nothing secret in any debug line or failure message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deliverOne, testTarget } from '../src/targets/deliver.js';
import { formatTarget, parseNameOption, parseTarget } from '../src/targets/descriptor.js';
import { rewriteDotenv } from '../src/targets/dotenv-text.js';
import type { DeliverContext, Payload } from '../src/targets/types.js';
import { createPreferencesStore } from '../src/config/store.js';
import { createTargetsStore } from '../src/targets/store.js';
import { githubStandIn, gitlabStandIn, vaultStandIn } from './targets-standins.js';

const SECRET = 'ab'.repeat(64);
const hmac: Payload = { kind: 'hmac', id: '0123456789abcdef0123456789abcdef', secret: SECRET, secretId: null, expiresAt: '2027-01-01T00:00:00.000Z', ownerName: 'ann' };
const oauth: Payload = { kind: 'oauth', id: 'c1a2b3c4-0000-4000-8000-000000000001', secret: 'oAuth~Secret.Value_0123456789', secretId: 's-2', expiresAt: null, ownerName: 'ann' };

function ctx(env: Record<string, string>, lines: string[] = []): DeliverContext {
  return { env: { PATH: process.env.PATH!, ...env }, debug: (l) => lines.push(l), credentialsPath: join(mkdtempSync(join(tmpdir(), 'vc-t-')), 'credentials'), now: Date.now };
}

test('descriptors parse, format back, and refuse what is not a target', () => {
  for (const t of ['github:acme/api', 'github:acme/api@production', 'github:org/acme', 'gitlab:grp/sub/proj@prod', 'vault:secret/ci/veracode', 'dotenv:/tmp/.env', 'exec:cat > /dev/null', 'profile:ci']) {
    assert.equal(formatTarget(parseTarget(t)), t);
  }
  for (const t of ['github:acme', 'github:a/b/c', 'vault:secret', 'gitlab:proj', 'nope:x', 'dotenv:', 'profile:[x]']) assert.throws(() => parseTarget(t), /not a target/);
  assert.deepEqual(parseNameOption('secret=VC_SECRET'), { which: 'value', name: 'VC_SECRET' });
  assert.throws(() => parseNameOption('x=Y'));
});

test('dotenv rewrite keeps every other line, and the parser reads the new values', () => {
  const before = '# ci\nexport VERACODE_API_KEY_ID=old\nOTHER="a b"\nVERACODE_API_KEY_SECRET=oldsecret\nLAST=1';
  const after = rewriteDotenv(before, { VERACODE_API_KEY_ID: 'new', VERACODE_API_KEY_SECRET: 'n3w' });
  assert.equal(after, '# ci\nexport VERACODE_API_KEY_ID=new\nOTHER="a b"\nVERACODE_API_KEY_SECRET=n3w\nLAST=1\n');
  assert.equal(rewriteDotenv('A=1\n', { K: 'v' }), 'A=1\nK=v\n');
  // A multi-line quoted value of ours cannot be replaced line by line: refused, not mangled.
  assert.throws(() => rewriteDotenv('VERACODE_API_KEY_SECRET="a\nb"\n', { VERACODE_API_KEY_SECRET: 'x' }));
});

test('dotenv target: atomic rewrite in place, mode kept, read back; test says writable', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vc-env-'));
  const path = join(dir, '.env');
  writeFileSync(path, 'KEEP=me\nVERACODE_API_KEY_ID=old\n');
  chmodSync(path, 0o640);
  const c = ctx({});
  const o = await deliverOne(hmac, { credentialId: hmac.id, target: `dotenv:${path}` }, c);
  assert.equal(o.status, 'proven', o.detail);
  assert.equal(readFileSync(path, 'utf8'), `KEEP=me\nVERACODE_API_KEY_ID=${hmac.id}\nVERACODE_API_KEY_SECRET=${SECRET}\n`);
  assert.equal(statSync(path).mode & 0o777, 0o640);
  assert.equal((await testTarget({ credentialId: hmac.id, target: `dotenv:${path}` }, 'hmac', c)).ok, true);
  // OAuth pair under its own names.
  const o2 = await deliverOne(oauth, { credentialId: oauth.id, target: `dotenv:${path}` }, c);
  assert.equal(o2.status, 'proven');
  assert.match(readFileSync(path, 'utf8'), /VERACODE_OAUTH_CLIENT_SECRET=oAuth~Secret\.Value_0123456789/);
  assert.equal(o2.holds, `${oauth.id}/s-2`);
  // An unwritable folder fails with the reason and leaves the file alone.
  chmodSync(dir, 0o500);
  try {
    if (process.getuid?.() !== 0) {
      const f = await deliverOne(hmac, { credentialId: hmac.id, target: `dotenv:${path}` }, c);
      assert.equal(f.status, 'failed');
      assert.match(f.detail, /could not be written/);
      assert.equal(f.detail.includes(SECRET), false);
    }
  } finally {
    chmodSync(dir, 0o700);
  }
});

test('exec target: the credential as JSON on stdin only; exit 0 delivered, else the reason without the secret', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vc-exec-'));
  const out = join(dir, 'got.json');
  const argsOut = join(dir, 'env.txt');
  const c = ctx({});
  const o = await deliverOne(hmac, { credentialId: hmac.id, target: `exec:cat > '${out}'; env > '${argsOut}'` }, c);
  assert.equal(o.status, 'delivered', o.detail);
  const got = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(got.secret, SECRET);
  assert.equal(got.variables.VERACODE_API_KEY_SECRET, SECRET);
  assert.equal(readFileSync(argsOut, 'utf8').includes(SECRET), false, 'not in the environment');
  const f = await deliverOne(hmac, { credentialId: hmac.id, target: `exec:cat >/dev/null; echo "refused ${SECRET}" >&2; exit 3` }, c);
  assert.equal(f.status, 'failed');
  assert.match(f.detail, /exited 3/);
  assert.equal(f.detail.includes(SECRET), false);
});

test('GitHub stand-in: repository, environment and organisation secrets sealed, opened with the private key, proven by updated_at', async () => {
  const gh = await githubStandIn('ghp_test_token_1234');
  const lines: string[] = [];
  try {
    const c = ctx({ GH_TOKEN: 'ghp_test_token_1234', GITHUB_API_URL: gh.url }, lines);
    for (const [t, scope] of [['github:acme/api', 'repos/acme/api'], ['github:acme/api@prod env', 'repos/acme/api/environments/prod env'], ['github:org/acme', 'orgs/acme']] as const) {
      const o = await deliverOne(hmac, { credentialId: hmac.id, target: t }, c);
      assert.equal(o.status, 'proven', `${t}: ${o.detail}`);
      assert.equal(gh.value(scope, 'VERACODE_API_KEY_ID'), hmac.id);
      assert.equal(gh.value(scope, 'VERACODE_API_KEY_SECRET'), SECRET);
    }
    assert.equal(gh.secrets.get('orgs/acme')!.get('VERACODE_API_KEY_SECRET')!.visibility, 'private');
    // Names as configured.
    const named = await deliverOne(hmac, { credentialId: hmac.id, target: 'github:acme/web', idName: 'VC_ID', valueName: 'VC_SECRET' }, c);
    assert.equal(named.status, 'proven');
    assert.equal(gh.value('repos/acme/web', 'VC_SECRET'), SECRET);
    assert.equal((await testTarget({ credentialId: hmac.id, target: 'github:acme/api' }, 'hmac', c)).ok, true);
    // A wrong token, a 403 and a 5xx: each a failure with the reason, never the token or secret.
    const bad = await deliverOne(hmac, { credentialId: hmac.id, target: 'github:acme/api' }, ctx({ GH_TOKEN: 'wrong', GITHUB_API_URL: gh.url }, lines));
    assert.match(bad.detail, /401/);
    gh.mode = '403';
    const forbidden = await deliverOne(hmac, { credentialId: hmac.id, target: 'github:acme/api' }, c);
    assert.match(forbidden.detail, /403.*not accessible/);
    assert.equal((await testTarget({ credentialId: hmac.id, target: 'github:acme/api' }, 'hmac', c)).ok, false);
    gh.mode = '500';
    const broken = await deliverOne(hmac, { credentialId: hmac.id, target: 'github:acme/api' }, c);
    assert.equal(broken.status, 'failed');
    assert.match(broken.detail, /500/);
    const missing = await deliverOne(hmac, { credentialId: hmac.id, target: 'github:acme/api' }, ctx({ GITHUB_API_URL: gh.url }));
    assert.match(missing.detail, /GH_TOKEN or GITHUB_TOKEN/);
    const all = lines.join('\n') + forbidden.detail + broken.detail + bad.detail;
    assert.equal(all.includes(SECRET), false);
    assert.equal(all.includes('ghp_test_token_1234'), false);
    assert.ok(lines.some((l) => l.includes('PUT')), 'debug lines were written');
  } finally {
    await gh.close();
  }
});

test('GitLab stand-in: variables created then updated, masked and scoped, read back; 403 and 5xx fail with the reason', async () => {
  const gl = await gitlabStandIn('glpat-abcdef');
  const lines: string[] = [];
  try {
    const c = ctx({ GITLAB_TOKEN: 'glpat-abcdef', GITLAB_URL: gl.url }, lines);
    const b = { credentialId: hmac.id, target: 'gitlab:grp/sub/proj@production', protected: true };
    assert.equal((await deliverOne(hmac, b, c)).status, 'proven');
    const second = { ...hmac, id: 'fedcba9876543210fedcba9876543210', secret: 'cd'.repeat(64) };
    assert.equal((await deliverOne(second, b, c)).status, 'proven');
    const v = gl.vars.get('grp/sub/proj')!.get('VERACODE_API_KEY_SECRET@production')!;
    assert.deepEqual(v, { value: 'cd'.repeat(64), masked: true, protected: true });
    assert.equal((await testTarget(b, 'hmac', c)).ok, true);
    gl.mode = '403';
    assert.match((await deliverOne(hmac, b, c)).detail, /403/);
    gl.mode = '500';
    const f = await deliverOne(hmac, b, c);
    assert.equal(f.status, 'failed');
    assert.equal((lines.join('\n') + f.detail).includes('glpat-abcdef'), false);
    assert.equal(lines.join('\n').includes(SECRET), false);
  } finally {
    await gl.close();
  }
});

test('Vault stand-in: KV v2 versions with check-and-set, other fields kept, namespace sent; capabilities test; 403 and 5xx', async () => {
  const vault = await vaultStandIn('hvs.token', 'team-a');
  const lines: string[] = [];
  try {
    vault.kv.set('secret/ci/veracode', [{ OTHER: 'kept' }]);
    const c = ctx({ VAULT_ADDR: vault.url, VAULT_TOKEN: 'hvs.token', VAULT_NAMESPACE: 'team-a' }, lines);
    const b = { credentialId: hmac.id, target: 'vault:secret/ci/veracode' };
    const o = await deliverOne(hmac, b, c);
    assert.equal(o.status, 'proven', o.detail);
    assert.match(o.detail, /version 2/);
    assert.deepEqual(vault.latest('secret/ci/veracode'), { OTHER: 'kept', VERACODE_API_KEY_ID: hmac.id, VERACODE_API_KEY_SECRET: SECRET });
    assert.equal((await testTarget(b, 'hmac', c)).ok, true);
    // No namespace: the stand-in does not know the route.
    assert.equal((await deliverOne(hmac, b, ctx({ VAULT_ADDR: vault.url, VAULT_TOKEN: 'hvs.token' }))).status, 'failed');
    assert.match((await deliverOne(hmac, b, ctx({ VAULT_ADDR: vault.url, VAULT_TOKEN: 'nope', VAULT_NAMESPACE: 'team-a' }))).detail, /403/);
    vault.mode = '403';
    assert.match((await deliverOne(hmac, b, c)).detail, /403/);
    vault.mode = '500';
    const f = await deliverOne(hmac, b, c);
    assert.equal(f.status, 'failed');
    assert.equal(vault.kv.get('secret/ci/veracode')!.length, 2, 'no version written by a failure');
    assert.equal((lines.join('\n') + f.detail).includes('hvs.token'), false);
    assert.equal(lines.join('\n').includes(SECRET), false);
  } finally {
    await vault.close();
  }
});

test('the targets store keeps descriptors only and refuses a secret', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'vc-prefs-'));
  const store = createTargetsStore(createPreferencesStore({ cwd }));
  store.add({ credentialId: hmac.id }, 'github:acme/api', { valueName: 'VC_SECRET' });
  store.add({ profile: 'ci' }, 'dotenv:/tmp/x.env');
  assert.equal(store.forCredential(hmac.id, ['ci']).length, 2);
  store.rekey(hmac.id, 'ffff0000ffff0000ffff0000ffff0000');
  assert.equal(store.of({ credentialId: 'ffff0000ffff0000ffff0000ffff0000' }).length, 1);
  assert.equal(store.remove({ profile: 'ci' }, 'dotenv:/tmp/x.env'), true);
  assert.throws(() => store.add({ credentialId: hmac.id }, `exec:echo ${SECRET}`), /looks like a secret/);
  assert.equal(readFileSync(join(cwd, 'config.json'), 'utf8').includes(SECRET), false);
});
