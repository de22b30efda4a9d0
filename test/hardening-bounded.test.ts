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
