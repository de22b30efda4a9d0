// Bounded work: doctor asks once per distinct key under the rate limit; check has an overall
// deadline; a FIFO at the credentials path is refused at once instead of hanging.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, run, type Fixture } from './cli-harness.js';

describe('doctor with 1,200 profiles holding 3 keys', () => {
  let f: Fixture;
  before(async () => {
    // Veracode's own limit: 500 requests a minute per address.
    f = await fixture({ rateLimitPerMinute: 500 });
    const d = f.data();
    const third = d.hmac.find((h) => h.user_id !== d.demo.adminUserId && h.user_id !== d.demo.memberUserId && !h.revoked && h.expiration > Date.now() + 30 * 86_400_000)!;
    const keys = [f.emu.admin, f.emu.member, { id: third.api_id, secret: third.secret }];
    const text = Array.from({ length: 1200 }, (_, i) => {
      const k = keys[i % keys.length]!;
      return `[${i === 0 ? 'default' : `p${i}`}]\nveracode_api_key_id = ${k.id}\nveracode_api_key_secret = ${k.secret}\n`;
    }).join('');
    f.writeCredentials(text);
  });
  after(() => f.close());

  test('one check per distinct key: a handful of requests, no false problem, every profile judged', async () => {
    const before = f.emu.requestCount!();
    const started = Date.now();
    const r = await run(f.args('doctor', '--json'), { env: { HOME: f.home, USERPROFILE: f.home } });
    const requests = f.emu.requestCount!() - before;
    const { findings } = JSON.parse(r.stdout) as { findings: { severity: string; message: string }[] };
    assert.deepEqual(findings.filter((x) => x.severity === 'error'), []);
    const judged = findings.filter((x) => /^profile \[[^\]]+\]: active/.test(x.message));
    assert.equal(judged.length, 1200);
    assert.ok(requests <= 3 * 3, `${requests} requests for 3 distinct keys`);
    assert.ok(Date.now() - started < 20_000, 'seconds, not minutes');
    // The copies are a true finding (one key in several profiles), a warning.
    assert.ok(findings.some((x) => x.severity === 'warn' && /One key .* is in 400 profiles/.test(x.message)));
  });
});

describe('check --timeout', () => {
  test('against a server that never answers: UNKNOWN (exit 3) with a clear line, in about the time given', async () => {
    const { tinyServer, TEST_KEY } = await import('./helpers/tiny-server.js');
    const s = await tinyServer(() => {}); // never answers
    try {
      const started = Date.now();
      const r = await run(['--api-url', s.url, 'check', '--timeout', '1'], { env: { HOME: '/nonexistent', VERACODE_API_KEY_ID: TEST_KEY.id, VERACODE_API_KEY_SECRET: TEST_KEY.secret } });
      const took = Date.now() - started;
      assert.equal(r.code, 3, r.stdout + r.stderr);
      assert.match(r.stdout, /^UNKNOWN .*no answer within 1s \(--timeout 1\)/);
      assert.ok(took < 5_000, `${took} ms`);
    } finally {
      await s.close();
    }
  });

  test('a bad --timeout is UNKNOWN as a usage error', async () => {
    const r = await run(['check', '--timeout', '0'], { env: { HOME: '/nonexistent' } });
    assert.equal(r.code, 3);
    assert.match(r.stdout, /UNKNOWN usage: .*--timeout/);
  });
});

describe('a FIFO at the credentials path', () => {
  /**
   * The built bin (node scripts/build.mjs) in a child process, killed if it hangs: a read blocked
   * on a FIFO cannot be interrupted in-process. Killed means `code` null.
   */
  function spawnWithin(argv: string[], env: Record<string, string>, ms: number): Promise<{ code: number | null; stdout: string; stderr: string; took: number }> {
    return import('node:child_process').then(({ spawn }) => new Promise((resolve) => {
      const started = Date.now();
      const child = spawn(process.execPath, ['dist/vcreds.js', ...argv], {
        cwd: new URL('..', import.meta.url), env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: ms,
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr, took: Date.now() - started }));
    }));
  }

  test('list, check and doctor refuse it at once, saying what it is', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdirSync, mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const home = mkdtempSync(join(tmpdir(), 'vcreds-fifo-'));
    try {
      mkdirSync(join(home, '.veracode'));
      execFileSync('mkfifo', [join(home, '.veracode', 'credentials')]);
      const env = { HOME: home, USERPROFILE: home };
      const [list, check, doctor] = await Promise.all([
        spawnWithin(['list'], env, 20_000),
        spawnWithin(['check'], env, 20_000),
        spawnWithin(['doctor'], env, 20_000),
      ]);
      assert.equal(list.code, 1, list.stderr);
      assert.match(list.stderr, /credentials is a named pipe \(FIFO\), not a regular file/);
      assert.equal(check.code, 3, check.stdout + check.stderr);
      assert.match(check.stdout, /^UNKNOWN .*named pipe \(FIFO\)/);
      assert.equal(doctor.code, 1, doctor.stderr);
      assert.match(doctor.stdout, /error\s+.*named pipe \(FIFO\), not a regular file/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
