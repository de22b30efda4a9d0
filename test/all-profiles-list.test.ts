// `vcreds list --all-profiles` and a profile's own API URL, against two emulators (two
// organisations): one reached by an EU-prefixed key, which without its own URL would go to
// api.veracode.eu.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, profileText, run, type Fixture } from './cli-harness.js';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { accountsOf, envFor, ENV_ACCOUNT, loadAccounts, mergeAccounts, type AccountLoad } from '../src/ops/all-profiles.js';
import type { Organisation } from '../src/identity/types.js';
import { connect, type ConnectOptions } from '../src/connect.js';
import type { Credential } from '../src/model/credential.js';

interface Two {
  f: Fixture;
  b: RunningEmulator;
  /** HOME only: no key in the environment. */
  env: Record<string, string | undefined>;
  close(): Promise<void>;
}

/** Organisation A (the fixture's emulator) and B (another seed), and a credentials file with: */
async function twoOrganisations(): Promise<Two> {
  const f = await fixture({ users: 12 });
  const b = await startEmulator({ seed: 99, users: 10 });
  f.writeCredentials([
    profileText('default', f.emu.admin.id, f.emu.admin.secret), // A, administrator
    profileText('member', f.emu.member.id, f.emu.member.secret), // A again, a member: same organisation
    profileText('eu', `vera01ei-${b.admin.id}`, `vera01ei-${b.admin.secret}`), // B, EU-prefixed
    profileText('broken', 'a'.repeat(32), 'b'.repeat(128)), // a key no server knows
  ].join('\n'));
  const env = { HOME: f.home, USERPROFILE: f.home };
  for (const [profile, url] of [['default', f.emu.apiUrl], ['member', f.emu.apiUrl], ['eu', b.apiUrl], ['broken', f.emu.apiUrl]]) {
    const set = await run(['config', 'set', 'api-url', url!, '--profile', profile!], { env });
    assert.equal(set.code, 0, set.stderr);
  }
  return { f, b, env, async close() { await b.close(); await f.close(); } };
}

test('config set api-url --profile: kept per profile in the preferences, used by connect for that profile only; --api-url still wins', async () => {
  const t = await twoOrganisations();
  try {
    const stored = readFileSync(join(t.f.home, '.config', 'vcreds', 'config.json'), 'utf8');
    assert.match(stored, /"profileApiUrls"/);
    assert.ok(!stored.includes(t.f.emu.admin.secret) && !stored.includes(t.b.admin.secret), 'no secret in the preferences');

    const shown = await run(['config'], { env: t.env });
    assert.match(shown.stdout, /api-url\s+\(not set\)/, 'the global one is untouched');
    assert.match(shown.stdout, new RegExp(`api-url\\s+${t.b.apiUrl.replace(/[.]/g, '\\.')}\\s+\\(profile \\[eu\\]\\)`));

    // The EU-prefixed key goes to its own URL (B), not to api.veracode.eu: B's admin is listed.
    const eu = await run(['--profile', 'eu', 'list', '--json'], { env: t.env });
    assert.equal(eu.code, 0, eu.stderr);
    const euIds = (JSON.parse(eu.stdout) as { id: string }[]).map((c) => c.id);
    assert.ok(euIds.includes(t.b.admin.id));
    assert.ok(!euIds.includes(t.f.emu.admin.id));
    assert.doesNotMatch(eu.stderr, /region/, 'no region-mismatch warning for a profile\'s own URL');

    // Another profile gets its own URL (A).
    const a = await run(['--profile', 'default', 'list', '--json'], { env: t.env });
    assert.equal(a.code, 0, a.stderr);
    assert.ok((JSON.parse(a.stdout) as { id: string }[]).some((c) => c.id === t.f.emu.admin.id));

    // --api-url on the command line wins: the eu key sent to A is refused there.
    const forced = await run(['--profile', 'eu', '--api-url', t.f.emu.apiUrl, 'list', '--json'], { env: t.env });
    assert.equal(forced.code, 1);
    assert.match(forced.stderr, /401|rejected|not accepted|authentic/i);

    assert.equal((await run(['config', 'unset', 'api-url', '--profile', 'eu'], { env: t.env })).code, 0);
    assert.doesNotMatch((await run(['config'], { env: t.env })).stdout, /profile \[eu\]/);

    // Where connect sends each profile (no request is made): --api-url > --region > the profile's
    // own > the configured one > the key's prefix.
    const where = async (profile: string, o: Partial<ConnectOptions> = {}) =>
      (await connect({ env: t.env, credentialsPath: t.f.credentialsPath, profile, profileApiUrl: (p) => (p === 'eu' ? 'http://127.0.0.1:1' : undefined), ...o })).ctx.connection.apiUrl;
    assert.equal(await where('eu'), 'http://127.0.0.1:1');
    assert.equal(await where('eu', { configuredApiUrl: 'http://127.0.0.1:2' }), 'http://127.0.0.1:1');
    assert.equal(await where('default', { configuredApiUrl: 'http://127.0.0.1:2' }), 'http://127.0.0.1:2');
    assert.equal(await where('eu', { apiUrl: 'http://127.0.0.1:3' }), 'http://127.0.0.1:3');
    assert.equal(await where('eu', { region: 'us' }), 'https://api.veracode.us');
    assert.equal(await where('eu', { profileApiUrl: () => undefined }), 'https://api.veracode.eu');
    assert.equal(await where('default', { profileApiUrl: () => undefined }), 'https://api.veracode.com');
    // The environment's key is no profile: the profile's own URL is not asked for.
    assert.equal(await where('eu', { env: t.f.env, configuredApiUrl: 'http://127.0.0.1:2' }), 'http://127.0.0.1:2');
  } finally {
    await t.close();
  }
});

test('config set/unset api-url --profile: usage errors for other settings, a warning for an unknown profile, --read-only refuses', async () => {
  const t = await twoOrganisations();
  try {
    const wrong = await run(['config', 'set', 'profile', 'ci', '--profile', 'eu'], { env: t.env });
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /--profile applies only to api-url/);

    const typo = await run(['config', 'set', 'api-url', 'https://api.veracode.eu', '--profile', 'euu'], { env: t.env });
    assert.equal(typo.code, 0);
    assert.match(typo.stderr, /has no profile \[euu\]/);

    const bad = await run(['config', 'set', 'api-url', 'http://example.com', '--profile', 'eu'], { env: t.env });
    assert.equal(bad.code, 2);

    const ro = await run(['--read-only', 'config', 'unset', 'api-url', '--profile', 'eu'], { env: t.env });
    assert.equal(ro.code, 1);
    assert.match(ro.stderr, /read-only/);

    const json = JSON.parse((await run(['config', '--json'], { env: t.env })).stdout) as { profileApiUrls: { profile: string; apiUrl: string }[] };
    assert.deepEqual(json.profileApiUrls.map((e) => e.profile).sort(), ['broken', 'default', 'eu', 'euu', 'member']);
  } finally {
    await t.close();
  }
});

interface ListedJson {
  organisations: { name: string; accounts: string[]; apiUrls: string[]; admin: boolean; credentials: number }[];
  credentials: { id: string; organisation: string; profiles: string[] }[];
  errors: { account: string | null; message: string }[];
}

test('list --all-profiles: two organisations merged, one row per credential, the same organisation once, a broken account reported (exit 0)', async () => {
  const t = await twoOrganisations();
  try {
    const started = Date.now();
    const r = await run(['list', '--all-profiles', '--json'], { env: t.env });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as ListedJson;

    assert.deepEqual(out.organisations.map((o) => o.accounts), [['default', 'member'], ['eu']]);
    assert.deepEqual(out.organisations.map((o) => o.name), ['default,member', 'eu']);
    assert.equal(out.organisations[1]!.apiUrls[0], t.b.apiUrl);

    const ids = out.credentials.map((c) => c.id.toLowerCase());
    assert.equal(new Set(ids).size, ids.length, 'each credential once');
    const byId = new Map(out.credentials.map((c) => [c.id, c]));
    assert.equal(byId.get(t.f.emu.admin.id)?.organisation, 'default,member');
    assert.equal(byId.get(t.f.emu.member.id)?.organisation, 'default,member');
    assert.deepEqual(byId.get(t.f.emu.member.id)?.profiles, ['member']);
    assert.equal(byId.get(t.b.admin.id)?.organisation, 'eu');
    assert.deepEqual(byId.get(t.b.admin.id)?.profiles, ['eu']);
    assert.equal(out.organisations[0]!.credentials + out.organisations[1]!.credentials, out.credentials.length);

    assert.equal(out.errors.length, 1);
    assert.equal(out.errors[0]!.account, 'broken');
    assert.match(r.stderr, /warning: account \[broken\] not listed/);

    // The table and the CSV carry the organisation too.
    const table = await run(['list', '--all-profiles', '--type', 'hmac'], { env: t.env });
    assert.equal(table.code, 0);
    const lines = table.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^ORGANISATION\s+TYPE\s+NAME\s+ID/);
    assert.ok(lines.some((l) => l.startsWith('eu ') && l.includes(t.b.admin.id)));
    assert.ok(lines.slice(1).every((l) => /^(default,member|eu)\s+hmac\s/.test(l)), 'filters apply to the merged list');

    const csv = await run(['list', '--all-profiles', '--csv'], { env: t.env });
    assert.equal(csv.code, 0);
    assert.match(csv.stdout, /^organisation,id,type,name,/);
    assert.ok(csv.stdout.includes(`eu,${t.b.admin.id},hmac,`));
    assert.ok(csv.stdout.includes(`"default,member",${t.f.emu.admin.id},hmac,`));
    console.log(`list --all-profiles x3: ${Date.now() - started} ms`);
  } finally {
    await t.close();
  }
});

test('list --all-profiles: the environment\'s key is one more account; none loaded is exit 1 with every error said', async () => {
  const t = await twoOrganisations();
  try {
    // The env key is A's admin, the same as [default]: one organisation, named by all three. It
    // is no profile: the configured API URL sends it to A.
    assert.equal((await run(['config', 'set', 'api-url', t.f.emu.apiUrl], { env: t.env })).code, 0);
    const withEnv = await run(['list', '--all-profiles', '--json'], { env: t.f.env });
    assert.equal(withEnv.code, 0, withEnv.stderr);
    const out = JSON.parse(withEnv.stdout) as ListedJson;
    assert.deepEqual(out.organisations[0]!.accounts, [ENV_ACCOUNT, 'default', 'member']);

    t.f.writeCredentials(profileText('broken', 'a'.repeat(32), 'b'.repeat(128)));
    const none = await run(['list', '--all-profiles', '--json'], { env: t.env });
    assert.equal(none.code, 1);
    const j = JSON.parse(none.stdout) as ListedJson;
    assert.deepEqual(j.credentials, []);
    assert.equal(j.errors[0]!.account, 'broken');

    const noneTable = await run(['list', '--all-profiles'], { env: t.env });
    assert.equal(noneTable.code, 1);
    assert.equal(noneTable.stdout, '');
    assert.match(noneTable.stderr, /account \[broken\] not listed/);
    assert.match(noneTable.stderr, /no account could be loaded/);

    const usage = await run(['--profile', 'eu', 'list', '--all-profiles'], { env: t.env });
    assert.equal(usage.code, 2);
    const demo = await run(['--demo', 'list', '--all-profiles'], { env: t.env });
    assert.equal(demo.code, 2);
  } finally {
    await t.close();
  }
});

// The pure merge, as the TUI uses it.
function cred(id: string, profiles: string[] = []): Credential {
  return {
    id, type: 'hmac', name: null, description: null, owner: { userId: `u-${id}`, userName: `user-${id}`, accountType: 'api' },
    expiresAt: '2030-01-01T00:00:00.000Z', createdAt: '2025-01-01T00:00:00.000Z', revokedAt: null, roles: [], secrets: [], profiles,
  };
}

function org(ids: Credential[], isAdmin = true): Organisation {
  return { caller: { isAdmin } as Organisation['caller'], users: [], credentials: ids, maxTtlDays: 365 };
}

test('mergeAccounts: groups by shared ids transitively, unites profiles, keeps errors, loadAccounts keeps order and turns rejections into errors', async () => {
  const acc = (name: string) => ({ name, profile: name });
  const loads: AccountLoad[] = [
    { account: acc('a'), org: org([cred('1', ['a']), cred('2')]), apiUrl: 'https://x' },
    { account: acc('z'), org: org([cred('9', ['z'])]), apiUrl: 'https://y' },
    { account: acc('b'), org: org([cred('3'), cred('9')]), apiUrl: 'https://y' },
    { account: acc('c'), org: org([cred('2', ['c']), cred('3')], false), apiUrl: 'https://x' },
    { account: acc('bad'), error: 'refused' },
  ];
  const m = mergeAccounts(loads, Date.parse('2026-01-01'));
  // a–c share 2, c–b share 3, b–z share 9: one organisation, named in load order.
  assert.deepEqual(m.organisations.map((o) => o.name), ['a,z,b,c']);
  assert.deepEqual(m.credentials.map((c) => c.id), ['1', '2', '9', '3']);
  assert.deepEqual(m.credentials.find((c) => c.id === '2')!.profiles, ['c']);
  assert.equal(m.credentials[0]!.status, 'active');
  assert.deepEqual(m.errors, [{ account: 'bad', message: 'refused' }]);
  assert.equal(m.loaded, 4);
  assert.deepEqual(loads[3]!.account && (loads[3] as { org: Organisation }).org.credentials[0]!.profiles, ['c'], 'inputs untouched');

  assert.deepEqual(accountsOf(['a', 'b', 'a'], { VERACODE_API_KEY_ID: 'x' }).map((a) => a.name), [ENV_ACCOUNT, 'a', 'b']);
  assert.deepEqual(accountsOf(['a'], {}).map((a) => a.name), ['a']);
  const env = { VERACODE_API_KEY_ID: 'x', VERACODE_API_KEY_SECRET: 'y', VERACODE_API_PROFILE: 'p', HOME: '/h' };
  assert.deepEqual(envFor({ name: 'a', profile: 'a' }, env), { HOME: '/h' });
  assert.deepEqual(envFor({ name: ENV_ACCOUNT, profile: null }, env), { VERACODE_API_KEY_ID: 'x', VERACODE_API_KEY_SECRET: 'y', HOME: '/h' });

  let running = 0;
  let peak = 0;
  const results = await loadAccounts(['1', '2', '3', '4', '5'].map(acc), async (a) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, a.name === '1' ? 30 : 5));
    running--;
    if (a.name === '4') throw new Error('nope');
    return { org: org([cred(a.name)]), apiUrl: 'u' };
  }, { concurrency: 2 });
  assert.equal(peak, 2);
  assert.deepEqual(results.map((r) => r.account.name), ['1', '2', '3', '4', '5']);
  assert.deepEqual(results.map((r) => ('error' in r ? r.error : 'ok')), ['ok', 'ok', 'ok', 'nope', 'ok']);
});
