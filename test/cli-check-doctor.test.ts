// `vcreds check` exit codes 0/1/2/3 and `vcreds doctor` findings, against the emulator.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, profileText, run, spawnCli, type Fixture } from './cli-harness.js';

let f: Fixture;
before(async () => {
  f = await fixture();
});
after(() => f.close());

/** A user whose live HMAC key has expired (the server refuses to sign with it). */
function expiredKey() {
  const d = f.data();
  const h = d.hmac.find((x) => !x.revoked && x.expiration < Date.now())!;
  return { id: h.api_id, secret: h.secret };
}

describe('vcreds check', () => {
  test('0 OK: the key in use is valid for longer than --warn', async () => {
    const r = await run(f.args('check'), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^OK hmac [0-9a-f]{4}…[0-9a-f]{4} \(.+\) expires in \d+ days/);
  });

  test('1 WARNING and 2 CRITICAL follow the --warn / --critical windows', async () => {
    const warn = await run(f.args('check', '--warn', '3650'), { env: f.env });
    assert.equal(warn.code, 1, warn.stderr);
    assert.match(warn.stdout, /^WARNING /);
    const critical = await run(f.args('check', '--warn', '3650', '--critical', '3650', '--json'), { env: f.env });
    assert.equal(critical.code, 2);
    const out = JSON.parse(critical.stdout);
    assert.equal(out.state, 'CRITICAL');
    assert.equal(out.results[0].id, f.emu.admin.id);
  });

  test('2 CRITICAL: a profile whose key the server rejects; lines worst first with --all-profiles', async () => {
    const bad = expiredKey();
    f.writeCredentials(`${profileText('default', f.emu.admin.id, f.emu.admin.secret)}${profileText('old', bad.id, bad.secret)}`);
    const r = await run(f.args('check', '--all-profiles'), { env: { HOME: f.home } });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^CRITICAL hmac .*\(old\) rejected by the server/);
    assert.match(lines[1]!, /^OK hmac .*\(default\)/);
  });

  test('--org judges every credential: the seeded organisation has expired ones, so CRITICAL', async () => {
    const r = await run(f.args('check', '--org', '--json'), { env: f.env });
    assert.equal(r.code, 2);
    const out = JSON.parse(r.stdout);
    const states = out.results.map((x: { state: string }) => x.state);
    const rank = { CRITICAL: 0, WARNING: 1, UNKNOWN: 2, OK: 3 } as Record<string, number>;
    assert.deepEqual(states, [...states].sort((a: string, b: string) => rank[a]! - rank[b]!));
  });

  test('3 UNKNOWN when the server cannot be reached or the configuration is missing (real process)', async () => {
    const down = await spawnCli(['--api-url', 'http://127.0.0.1:9', 'check'], f.env);
    assert.equal(down.code, 3, down.stderr);
    assert.match(down.stdout, /^UNKNOWN /);
    const noConfig = await spawnCli(['check'], { HOME: `${f.home}/nowhere` });
    assert.equal(noConfig.code, 3);
    assert.match(noConfig.stdout, /^UNKNOWN .*configuration: No Veracode credentials file/);
  });

  test('bad flags and values are UNKNOWN (exit 3), never WARNING or CRITICAL; the flag is named', async () => {
    const r = await run(f.args('check', '--warn', '-1'), { env: f.env });
    assert.equal(r.code, 3);
    assert.match(r.stderr, /--warn/);
    assert.match(r.stdout, /^UNKNOWN usage: .*--warn/);
    const inverted = await run(f.args('check', '--warn', '3', '--critical', '10'), { env: f.env });
    assert.equal(inverted.code, 3);
    assert.match(inverted.stderr, /--critical 10 is more than --warn 3/);
    const unknownFlag = await run(f.args('check', '--wran', '3'), { env: f.env });
    assert.equal(unknownFlag.code, 3);
    const globalFlag = await run(['--profile', 'check', 'check', '--region', 'mars'], { env: f.env });
    assert.equal(globalFlag.code, 3);
    assert.match(globalFlag.stderr, /--region/);
    const json = await run(f.args('check', '--org', '--all-profiles', '--json'), { env: f.env });
    assert.equal(json.code, 3);
    assert.equal(json.stdout, '', 'no half line before a JSON reader');
    // Every other command keeps exit 2 for usage errors.
    assert.equal((await run(f.args('list', '--warn', '3'), { env: f.env })).code, 2);
  });
});

describe('vcreds doctor', () => {
  test('finds a leftover [greenlight], a loose file, a duplicate key, no [default], VERACODE_API_ID, a rejected key', async () => {
    const bad = expiredKey();
    const m = f.emu.member;
    f.writeCredentials(
      `${profileText('greenlight', m.id, m.secret)}${profileText('copy', m.id, m.secret)}${profileText('old', bad.id, bad.secret)}`,
      0o640,
    );
    const r = await run(f.args('doctor', '--json'), { env: { HOME: f.home, VERACODE_API_ID: 'x' } });
    assert.equal(r.code, 1, r.stderr);
    const { findings } = JSON.parse(r.stdout) as { findings: { severity: string; message: string; fix: string }[] };
    const has = (severity: string, re: RegExp) => assert.ok(findings.some((x) => x.severity === severity && re.test(x.message)), `${severity} ${re}: ${JSON.stringify(findings, null, 1)}`);
    has('error', /readable by its group \(mode 640\)/);
    has('warn', /legacy \[greenlight\]/);
    has('warn', /no \[default\] profile/);
    has('warn', /One key .* is in 2 profiles: \[greenlight\], \[copy\]/);
    has('warn', /VERACODE_API_ID is set, but Veracode's tools read VERACODE_API_KEY_ID/);
    has('error', /profile \[old\]: the server rejects this key/);
    has('ok', /profile \[greenlight\]: active/);
    assert.ok(findings.filter((x) => x.severity !== 'ok').every((x) => x.fix.length > 0), 'every problem has a fix');
    assert.ok(!r.stdout.includes(m.secret) && !r.stdout.includes(bad.secret));
  });

  test('env vars and file both set', async () => {
    // (The region-prefix rule is tested in ops-doctor-rules: here every call stays on loopback.)
    f.writeCredentials(profileText('default', f.emu.admin.id, f.emu.admin.secret));
    const r = await run(f.args('doctor'), { env: f.env });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /warn .*VERACODE_API_KEY_ID\/SECRET are set and override every profile/);
    assert.match(r.stdout, /fix: Use the file or the variables, not both/);
  });

  test('a clean setup exits 0', async () => {
    f.writeCredentials(profileText('default', f.emu.admin.id, f.emu.admin.secret));
    const r = await run(f.args('doctor'), { env: { HOME: f.home } });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /All good\./);
  });
});
