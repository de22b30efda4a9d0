import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectionHelp, startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { call, clock } from './emulator-helpers.js';

async function withEmulator(options: Parameters<typeof startEmulator>[0], body: (emu: RunningEmulator) => Promise<void>) {
  const emu = await startEmulator(options);
  try {
    await body(emu);
  } finally {
    await emu.close();
  }
}

describe('emulator: rate limit and faults', () => {
  test('past the per-minute limit the answer is 429 with Retry-After, until the minute is over', async () => {
    const c = clock();
    await withEmulator({ now: c.now, rateLimitPerMinute: 3 }, async (emu) => {
      for (let i = 0; i < 3; i++) assert.equal((await call(emu, emu.admin, '/users/self', c.now)).status, 200);
      c.advance(20_000);
      const limited = await call(emu, emu.admin, '/users/self', c.now);
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '40');
      assert.equal(limited.body.http_code, 429);
      c.advance(40_000);
      assert.equal((await call(emu, emu.admin, '/users/self', c.now)).status, 200);
    });
  });

  test('a fault schedule plays out in order, then requests are answered normally', async () => {
    const c = clock();
    await withEmulator({ now: c.now, faultSchedule: ['429', '503', 'drop', { delayMs: 30 }] }, async (emu) => {
      const first = await call(emu, emu.admin, '/users/self', c.now);
      assert.equal(first.status, 429);
      assert.equal(first.headers.get('retry-after'), '1');
      const second = await call(emu, emu.admin, '/users/self', c.now);
      assert.equal(second.status, 503);
      assert.equal(second.headers.get('retry-after'), '1');
      await assert.rejects(call(emu, emu.admin, '/users/self', c.now));
      assert.equal((await call(emu, emu.admin, '/users/self', c.now)).status, 200);
      assert.equal((await call(emu, emu.admin, '/users/self', c.now)).status, 200);
      assert.equal(emu.requestCount?.(), 5);
    });
  });

  test('drop-response does the work but loses the answer: a generated key is in effect', async () => {
    const c = clock();
    await withEmulator({ now: c.now }, async (emu) => {
      emu.setFaultSchedule?.(['drop-response']);
      await assert.rejects(call(emu, emu.member, '/api_credentials', c.now, { method: 'POST' }));
      // The member's current pair is a new one; the old pair works through its renewal grace.
      const own = await call(emu, emu.member, '/api_credentials', c.now);
      assert.equal(own.status, 200);
      assert.notEqual(own.body.api_id, emu.member.id);
    });
  });

  test('a delayed answer lets a client time out', async () => {
    const c = clock();
    await withEmulator({ now: c.now, faultSchedule: [{ delayMs: 2_000 }] }, async (emu) => {
      await assert.rejects(fetch(`${emu.apiUrl}/api/authn/v2/users/self`, { signal: AbortSignal.timeout(50) }));
    });
  });
});

describe('emulator: persistence and output', () => {
  test('a data file keeps changes across a restart, is private, and the old key stays revoked', async () => {
    const c = clock();
    const dataFile = join(mkdtempSync(join(tmpdir(), 'vcreds-emu-')), 'org.json');
    let made: { api_id: string; api_secret: string } | undefined;
    let firstAdmin = { id: '', secret: '' };
    await withEmulator({ now: c.now, dataFile, users: 30 }, async (emu) => {
      firstAdmin = { id: emu.admin.id, secret: emu.admin.secret };
      const r = await call(emu, emu.admin, '/api_credentials', c.now, { method: 'POST' });
      made = r.body;
    });
    assert.equal(statSync(dataFile).mode & 0o777, 0o600);
    const saved = readFileSync(dataFile, 'utf8');
    assert.ok(!saved.includes('"client_secret"'));
    await withEmulator({ now: c.now, dataFile, users: 5 }, async (emu) => {
      assert.equal(emu.admin.id, made!.api_id, 'the emulator reports the admin\'s current key');
      const self = await call(emu, { id: made!.api_id, secret: made!.api_secret }, '/users?size=100', c.now);
      assert.equal(self.status, 200);
      assert.equal(self.body.page.total_elements, 30);
      // The end of the old key's renewal grace was saved too: past it, the old key is refused.
      c.advance(24 * 3_600_000 + 1);
      const old = await call(emu, firstAdmin, '/users/self', c.now);
      assert.equal(old.status, 401);
      assert.equal(old.body.message, 'API credentials revoked');
    });
  });

  test('a damaged data file is refused with a message naming it', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'vcreds-emu-')), 'bad.json');
    writeFileSync(dataFile, '{not json');
    await assert.rejects(startEmulator({ dataFile }), (err: Error) => err.message.includes(dataFile) && /not valid JSON/.test(err.message));
  });

  test('the log has one line per request and never a secret or header', async () => {
    const c = clock();
    const lines: string[] = [];
    await withEmulator({ now: c.now, log: (l) => lines.push(l) }, async (emu) => {
      await call(emu, emu.admin, '/users?size=2&client_secret=hush', c.now);
      const made = await call(emu, emu.admin, '/api_credentials', c.now, { method: 'POST' });
      await new Promise((r) => setImmediate(r));
      assert.equal(lines.length, 2);
      assert.match(lines[0]!, /^GET \/api\/authn\/v2\/users\?size=2&client_secret=REDACTED 200 \d+ms$/);
      assert.match(lines[1]!, /^POST \/api\/authn\/v2\/api_credentials 200 \d+ms$/);
      const all = lines.join('\n');
      for (const secret of [emu.admin.secret, made.body.api_secret, 'hush', 'VERACODE-HMAC']) assert.ok(!all.includes(secret));
    });
  });

  test('the connection help is a ready-to-paste profile, env vars and a command', async () => {
    await withEmulator({}, async (emu) => {
      const text = connectionHelp(emu);
      assert.ok(text.includes(`[vcreds-demo]\nveracode_api_key_id = ${emu.admin.id}\nveracode_api_key_secret = ${emu.admin.secret}\n`));
      assert.ok(text.includes(`VERACODE_API_KEY_ID=${emu.admin.id}`));
      assert.ok(text.includes(`vcreds --api-url ${emu.apiUrl} --profile vcreds-demo`));
    });
  });

  test('only loopback addresses are accepted', async () => {
    await assert.rejects(startEmulator({ host: '0.0.0.0' }), /loopback/);
  });
});
