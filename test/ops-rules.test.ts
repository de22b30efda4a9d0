// The pure rules of check, doctor, create and id resolution.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { viewOf, type Credential } from '../src/model/credential.js';
import { evaluateCheck, type CheckFailure } from '../src/ops/check-rules.js';
import { oneLinePerKey } from '../src/ops/check.js';
import { doctorExitCode, evaluateDoctor, type DoctorFacts } from '../src/ops/doctor-rules.js';
import { validateOAuthDraft } from '../src/ops/create-rules.js';
import { resolveCredential, resolveUser, ResolveError } from '../src/ops/resolve.js';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const DAY = 86_400_000;

function cred(id: string, expiresInMs: number | null, extra: Partial<Credential> = {}): Credential {
  return {
    id, type: 'hmac', name: null, description: null,
    owner: { userId: `u-${id}`, userName: `user-${id}`, accountType: 'api' },
    expiresAt: expiresInMs === null ? null : new Date(NOW + expiresInMs).toISOString(),
    createdAt: null, revokedAt: null, roles: [], secrets: [], profiles: [], ...extra,
  };
}
const view = (c: Credential) => viewOf(c, NOW);
const T = { warn: 7, critical: 1, now: NOW };

describe('evaluateCheck', () => {
  test('the windows: beyond warn OK, within warn WARNING, within critical or expired CRITICAL', () => {
    const at = (ms: number | null) => evaluateCheck([view(cred('a'.repeat(32), ms))], T).state;
    assert.equal(at(7 * DAY + 1), 'OK');
    assert.equal(at(7 * DAY), 'WARNING');
    assert.equal(at(DAY + 1), 'WARNING');
    assert.equal(at(DAY), 'CRITICAL');
    assert.equal(at(0), 'CRITICAL');
    assert.equal(at(-3 * DAY), 'CRITICAL');
    assert.equal(at(null), 'OK');
    assert.equal(evaluateCheck([view(cred('b'.repeat(32), 90 * DAY, { revokedAt: new Date(NOW).toISOString() }))], T).state, 'CRITICAL');
  });

  test('exit codes 0..3, worst first, a known problem outranks UNKNOWN, nothing to check is UNKNOWN', () => {
    const unknown: CheckFailure = { kind: 'failure', state: 'UNKNOWN', id: null, type: null, label: 'ci', reason: 'network down' };
    const ok = view(cred('1'.repeat(32), 100 * DAY));
    const warning = view(cred('2'.repeat(32), 3 * DAY, { profiles: ['ci'] }));
    const expired = view(cred('3ddaeeb10ca690df3fee5e3bd1c329fa', -3 * DAY, { profiles: ['ci'] }));
    assert.equal(evaluateCheck([ok], T).exitCode, 0);
    assert.equal(evaluateCheck([ok, warning], T).exitCode, 1);
    assert.equal(evaluateCheck([unknown, ok], T).exitCode, 3);
    assert.equal(evaluateCheck([unknown, warning], T).exitCode, 1);
    const r = evaluateCheck([ok, unknown, warning, expired], T);
    assert.equal(r.exitCode, 2);
    assert.deepEqual(r.results.map((x) => x.state), ['CRITICAL', 'WARNING', 'UNKNOWN', 'OK']);
    assert.equal(r.results[0]!.line, 'CRITICAL hmac 3dda…29fa (ci) expired 3 days ago');
    assert.equal(evaluateCheck([], T).exitCode, 3);
  });
});

function facts(over: Partial<DoctorFacts> = {}): DoctorFacts {
  return {
    credentialsPath: '/h/.veracode/credentials',
    file: { state: 'ok', mode: 0o600, profiles: ['default'] },
    env: { idSet: false, secretSet: false, profile: null, nonStandard: [] },
    apiUrl: '', apiRegion: null,
    keys: [{ source: { kind: 'profile', name: 'default', line: 1 }, id: 'a'.repeat(32), prefixRegion: null, verdict: { kind: 'status', status: 'active', expiresAt: null, daysLeft: 200 } }],
    ...over,
  };
}

describe('check wording', () => {
  test('days to come round up like the list\'s days left; days past round down', () => {
    const line = (ms: number) => evaluateCheck([view(cred('f'.repeat(32), ms))], T).results[0]!.line;
    assert.match(line(2.3 * DAY), /expires in 3 days/);
    assert.equal(view(cred('f'.repeat(32), 2.3 * DAY)).daysLeft, 3);
    assert.match(line(5 * 3_600_000), /expires in 5 hours/);
    assert.match(line(-178.3 * DAY), /expired 178 days ago/);
  });
});

describe('oneLinePerKey', () => {
  test('a key in several profiles is one line naming them all; other keys and failures stay', () => {
    const shared = 'c'.repeat(32);
    const merged = oneLinePerKey([
      view(cred(shared, 90 * DAY, { profiles: ['default'] })),
      view(cred('d'.repeat(32), 90 * DAY, { profiles: ['old'] })),
      view(cred(shared, 90 * DAY, { profiles: ['ci'] })),
      { kind: 'failure', state: 'CRITICAL', id: 'e'.repeat(32), type: 'hmac', label: 'x', reason: '401' },
      { kind: 'failure', state: 'CRITICAL', id: 'e'.repeat(32), type: 'hmac', label: 'y', reason: '401' },
      { kind: 'failure', state: 'UNKNOWN', id: null, type: null, label: 'z', reason: 'network' },
    ]);
    assert.equal(merged.length, 4);
    assert.deepEqual((merged[0] as { profiles: string[] }).profiles, ['default', 'ci']);
    assert.equal((merged[2] as CheckFailure).label, 'x,y');
  });
});

describe('evaluateDoctor', () => {
  test('a clean setup has only ok findings', () => {
    const f = evaluateDoctor(facts());
    assert.ok(f.every((x) => x.severity === 'ok'));
    assert.equal(doctorExitCode(f), 0);
  });

  test('a region prefix that disagrees with the API URL is an error with its fix', () => {
    const f = evaluateDoctor(facts({
      apiUrl: 'https://api.veracode.com', apiRegion: 'com',
      keys: [{ source: { kind: 'profile', name: 'eu', line: 1 }, id: 'a'.repeat(32), prefixRegion: 'eu', verdict: { kind: 'rejected', message: '401' } }],
    }));
    const region = f.find((x) => /region prefix names eu/.test(x.message));
    assert.equal(region?.severity, 'error');
    assert.match(region!.fix, /--region eu/);
    assert.equal(doctorExitCode(f), 1);
  });

  test('one env var without the other, a missing VERACODE_API_PROFILE profile, expiring and expired keys', () => {
    const f = evaluateDoctor(facts({
      env: { idSet: true, secretSet: false, profile: 'ci', nonStandard: ['VERACODE_API_KEY'] },
      keys: [
        { source: { kind: 'profile', name: 'default', line: 1 }, id: 'a'.repeat(32), prefixRegion: null, verdict: { kind: 'status', status: 'expiring', expiresAt: '2025-06-03T00:00:00Z', daysLeft: 2 } },
        { source: { kind: 'profile', name: 'x', line: 5 }, id: 'b'.repeat(32), prefixRegion: null, verdict: { kind: 'status', status: 'expired', expiresAt: '2025-05-03T00:00:00Z', daysLeft: -29 } },
      ],
    }));
    const msg = f.map((x) => `${x.severity}: ${x.message} -> ${x.fix}`).join('\n');
    assert.match(msg, /error: VERACODE_API_KEY_ID is set but VERACODE_API_KEY_SECRET is not/);
    assert.match(msg, /error: VERACODE_API_PROFILE=ci but .* has no \[ci\] profile \(it has: default\)/);
    assert.match(msg, /warn: VERACODE_API_KEY is set, but Veracode's tools read VERACODE_API_KEY_SECRET/);
    assert.match(msg, /warn: profile \[default\]: expires in 2 days .* -> vcreds rotate --profile default/);
    assert.match(msg, /error: profile \[x\]: expired on 2025-05-03/);
  });

  test('no file and no env key is an error; no file with an env key is fine', () => {
    assert.equal(doctorExitCode(evaluateDoctor(facts({ file: { state: 'missing' }, keys: [] }))), 1);
    const withEnv = evaluateDoctor(facts({ file: { state: 'missing' }, env: { idSet: true, secretSet: true, profile: null, nonStandard: [] }, keys: [] }));
    assert.equal(doctorExitCode(withEnv), 0);
  });
});

describe('validateOAuthDraft', () => {
  const ctx = { now: NOW, maxTtlDays: 365, ownerId: 'u-1', ownerRoles: [{ name: 'uploadapi' }, { name: 'resultsapi' }], credentials: [] };
  test('a valid draft becomes the service input, roles in the server spelling', () => {
    const r = validateOAuthDraft({ name: ' deploy ', expiry: '30', expiryForm: 'days', roles: ['UploadAPI'], description: '' }, ctx);
    assert.ok(r.ok);
    assert.deepEqual(r.input, { name: 'deploy', expiresAt: new Date(NOW + 30 * DAY).toISOString(), roles: ['uploadapi'] });
    // A date means valid through that day (UTC), as in the wizard.
    const d = validateOAuthDraft({ name: 'x', expiry: '2026-01-15', expiryForm: 'date', roles: ['resultsapi'] }, ctx);
    assert.ok(d.ok && d.input.expiresAt === '2026-01-15T23:59:59.999Z');
    // The last date the organisation allows is accepted, capped at its exact maximum.
    const lastDay = new Date(NOW + ctx.maxTtlDays * DAY).toISOString().slice(0, 10);
    const last = validateOAuthDraft({ name: 'x', expiry: lastDay, roles: ['resultsapi'] }, ctx);
    assert.ok(last.ok && last.input.expiresAt === new Date(NOW + ctx.maxTtlDays * DAY).toISOString());
  });
  test('every broken field is reported, by field', () => {
    const r = validateOAuthDraft({ name: '', expiry: '0', expiryForm: 'days', roles: ['adminapi'] }, ctx);
    assert.ok(!r.ok);
    assert.deepEqual(r.errors.map((e) => e.field), ['name', 'expiry', 'roles']);
    assert.match(r.errors[2]!.message, /allowed: uploadapi, resultsapi/);
    const far = validateOAuthDraft({ name: 'a', expiry: '2026-06-02', expiryForm: 'date', roles: ['uploadapi'] }, ctx);
    assert.ok(!far.ok && /more than 365 days/.test(far.errors[0]!.message));
    const days = validateOAuthDraft({ name: 'a', expiry: '2026-06-02', expiryForm: 'days', roles: ['uploadapi'] }, ctx);
    assert.ok(!days.ok && /not a whole number of days/.test(days.errors[0]!.message));
  });
  test('names: length in code points, control characters refused, unique per owner among live clients', () => {
    const emoji = '\u{1F600}'.repeat(40);
    const long = validateOAuthDraft({ name: emoji, expiry: '3', roles: ['uploadapi'] }, ctx);
    assert.ok(long.ok, 'forty emoji are forty characters: allowed');
    const tooLong = validateOAuthDraft({ name: '\u{1F600}'.repeat(65), expiry: '3', roles: ['uploadapi'] }, ctx);
    assert.ok(!tooLong.ok && /65 characters long/.test(tooLong.errors[0]!.message));
    for (const bad of ['a\u0007b', 'ok\u001b]0;PWNED', 'x\u009by', 'del\u007f']) {
      const r = validateOAuthDraft({ name: bad, expiry: '3', roles: ['uploadapi'] }, ctx);
      assert.ok(!r.ok && r.errors[0]!.field === 'name' && /control character/.test(r.errors[0]!.message), JSON.stringify(bad));
    }
  });
});

describe('resolveCredential / resolveUser', () => {
  const list = [cred('3ddaeeb10ca690df3fee5e3bd1c329fa', DAY), cred('3ddaeeb1ffffffffffffffffffffffff', DAY), cred('0198de2e-a26c-4484-acfa-86584d1b907d', DAY, { type: 'oauth', name: 'ci' })];
  test('full id, region-prefixed id, unique prefix, UUID prefix', () => {
    assert.equal(resolveCredential(list, '3DDAEEB10CA690DF3FEE5E3BD1C329FA').id, list[0]!.id);
    assert.equal(resolveCredential(list, 'vera01ei-3ddaeeb10ca690df3fee5e3bd1c329fa').id, list[0]!.id);
    assert.equal(resolveCredential(list, '3ddaeeb10c').id, list[0]!.id);
    assert.equal(resolveCredential(list, '0198de2e-a2').id, list[2]!.id);
  });
  test('ambiguous lists the candidates; short is a usage error; unknown is not-found', () => {
    assert.throws(() => resolveCredential(list, '3ddaeeb1'), (e: ResolveError) => e.kind === 'usage' && e.message.includes(list[0]!.id) && e.message.includes(list[1]!.id));
    assert.throws(() => resolveCredential(list, '3dda'), (e: ResolveError) => e.kind === 'usage' && /too short/.test(e.message));
    assert.throws(() => resolveCredential(list, '99999999'), (e: ResolveError) => e.kind === 'not-found');
  });
  test('users by id or exact name, with suggestions', () => {
    const users = [{ userId: 'u1', userName: 'ci-bot' }, { userId: 'u2', userName: 'ci-bot-2' }].map((u) => ({ ...u, email: null, firstName: null, lastName: null, accountType: 'api' as const, roles: [], loginEnabled: true }));
    assert.equal(resolveUser(users, 'CI-BOT').userId, 'u1');
    assert.equal(resolveUser(users, 'u2').userName, 'ci-bot-2');
    assert.throws(() => resolveUser(users, 'ci'), (e: ResolveError) => /Did you mean: ci-bot, ci-bot-2/.test(e.hint));
  });
});
