// `vcreds list` / `show` against the emulator: exact JSON, filters, CSV, paging, per-user fallback.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, run, spawnCli, type Fixture } from './cli-harness.js';
import { connect, connectDemo } from '../src/connect.js';

const KEYS = ['id', 'type', 'name', 'owner', 'status', 'expiresAt', 'daysLeft', 'createdAt', 'revokedAt', 'roles', 'profiles'];
const DAY = 86_400_000;

/** What the emulator holds: the latest HMAC pair of every user, and every OAuth client. */
function expected(f: Fixture) {
  const d = f.data();
  const now = Date.now();
  const latest = new Map<string, (typeof d.hmac)[number]>();
  for (const h of d.hmac) {
    const prev = latest.get(h.user_id);
    if (!prev || h.created > prev.created) latest.set(h.user_id, h);
  }
  const status = (expiration: number, revoked: number | null) =>
    revoked ? 'revoked' : expiration <= now ? 'expired' : expiration - now <= 7 * DAY ? 'expiring' : 'active';
  const out = new Map<string, { type: string; status: string; userId: string }>();
  for (const h of latest.values()) out.set(h.api_id, { type: 'hmac', status: status(h.expiration, h.revoked), userId: h.user_id });
  for (const c of d.clients) out.set(c.client_id, { type: 'oauth', status: status(c.expiration, c.revoked), userId: c.user_id });
  return out;
}

describe('vcreds list', () => {
  let f: Fixture;
  before(async () => {
    f = await fixture();
  });
  after(() => f.close());

  test('--json prints exactly the documented keys, and every credential the server holds with its status', async () => {
    const r = await run(f.args('list', '--json'), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    const list = JSON.parse(r.stdout) as Record<string, any>[];
    const want = expected(f);
    assert.equal(list.length, want.size);
    for (const item of list) {
      assert.deepEqual(Object.keys(item), KEYS);
      assert.deepEqual(Object.keys(item.owner), ['userId', 'userName', 'accountType']);
      assert.ok(['user', 'api'].includes(item.owner.accountType));
      const w = want.get(item.id);
      assert.ok(w, `unexpected id ${item.id}`);
      assert.equal(item.type, w.type);
      assert.equal(item.status, w.status, `status of ${item.id}`);
      assert.equal(item.owner.userId, w.userId);
      if (item.expiresAt !== null) assert.match(item.expiresAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.ok(Array.isArray(item.roles) && item.roles.every((x: unknown) => typeof x === 'string'));
      assert.ok(item.type === 'oauth' || item.name === null);
    }
    // The seeded organisation has every state, so the check above covered them all.
    assert.deepEqual(new Set(list.map((i) => i.status)), new Set(['active', 'expiring', 'expired', 'revoked']));
  });

  test('filters combine: --type, --status (comma list), --account, --owner, --expiring-within', async () => {
    const all = JSON.parse((await run(f.args('list', '--json'), { env: f.env })).stdout) as any[];
    const r = await run(f.args('list', '--json', '--type', 'hmac', '--status', 'expired,expiring', '--account', 'user'), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    const got = JSON.parse(r.stdout) as any[];
    const want = all.filter((c) => c.type === 'hmac' && ['expired', 'expiring'].includes(c.status) && c.owner.accountType === 'user');
    assert.ok(want.length > 0);
    assert.deepEqual(got.map((c) => c.id).sort(), want.map((c) => c.id).sort());

    const owner = all.find((c) => c.type === 'oauth')!.owner.userName as string;
    const byOwner = JSON.parse((await run(f.args('list', '--json', '--owner', owner.toUpperCase()), { env: f.env })).stdout) as any[];
    assert.ok(byOwner.length > 0 && byOwner.every((c) => c.owner.userName === owner));

    const soon = JSON.parse((await run(f.args('list', '--json', '--expiring-within', '30'), { env: f.env })).stdout) as any[];
    assert.deepEqual(
      soon.map((c) => c.id).sort(),
      all.filter((c) => c.status !== 'revoked' && c.daysLeft !== null && c.daysLeft <= 30).map((c) => c.id).sort(),
    );
  });

  test('the table is aligned, uncoloured when not a terminal, and sorted by expiry with revoked last', async () => {
    const r = await run(f.args('list', '--type', 'hmac'), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /\x1b\[/);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^TYPE\s+NAME\s+ID\s+OWNER\s+ACCOUNT\s+STATUS\s+EXPIRES/);
    const col = lines[0]!.indexOf('STATUS');
    const statuses = lines.slice(1).map((l) => l.slice(col).split(/\s+/)[0]);
    assert.ok(statuses.every((s) => ['active', 'expiring', 'expired', 'revoked'].includes(s!)), statuses.join());
    const firstRevoked = statuses.indexOf('revoked');
    if (firstRevoked !== -1) assert.ok(statuses.slice(firstRevoked).every((s) => s === 'revoked'));
  });

  test('on a narrow terminal each credential stays on one line; ids cut to a prefix show accepts', async () => {
    const wide = await run(f.args('--no-color', 'list'), { env: f.env });
    assert.ok(wide.stdout.split('\n').some((l) => l.length > 100), 'the natural table is wider than 100 columns');
    for (const columns of [120, 100, 80]) {
      const r = await run(f.args('--no-color', 'list'), { env: f.env, stdoutIsTTY: true, columns });
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      for (const l of lines) assert.ok([...l].length <= columns, `${columns}: ${[...l].length} > ${columns}: ${l}`);
      assert.match(lines[0]!, /\bSTATUS\s+EXPIRES\b/);
      const statusCol = lines[0]!.indexOf('STATUS');
      assert.ok(lines.slice(1).every((l) => /^(active|expiring|expired|revoked)\b/.test(l.slice(statusCol))), `${columns}: status column intact`);
    }
    // A cut id is still a usable prefix.
    const narrow = await run(f.args('--no-color', 'list', '--type', 'oauth'), { env: f.env, stdoutIsTTY: true, columns: 80 });
    const prefix = /\s([0-9a-f]{8})…\s/.exec(narrow.stdout.split('\n')[1]!)?.[1];
    assert.ok(prefix, narrow.stdout);
    const shown = await run(f.args('show', prefix), { env: f.env });
    assert.equal(shown.code, 0, shown.stderr);
  });

  test('colour on a terminal, none with NO_COLOR or --no-color', async () => {
    const tty = await run(f.args('list', '--status', 'expired'), { env: f.env, stdoutIsTTY: true });
    assert.match(tty.stdout, /\x1b\[31m/);
    const noColor = await run(f.args('list', '--status', 'expired'), { env: { ...f.env, NO_COLOR: '1' }, stdoutIsTTY: true });
    assert.doesNotMatch(noColor.stdout, /\x1b\[/);
    const flag = await run(f.args('--no-color', 'list', '--status', 'expired'), { env: f.env, stdoutIsTTY: true });
    assert.doesNotMatch(flag.stdout, /\x1b\[/);
  });

  test('--csv is RFC 4180: a header, CRLF lines, fields with commas quoted', async () => {
    const r = await run(f.args('list', '--csv'), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\r\n');
    assert.equal(lines[0], 'id,type,name,owner_user_id,owner_user_name,account_type,status,expires_at,days_left,created_at,revoked_at,roles,profiles');
    assert.equal(lines.at(-1), '');
    const all = JSON.parse((await run(f.args('list', '--json'), { env: f.env })).stdout) as any[];
    assert.equal(lines.length - 2, all.length);
    for (const line of lines.slice(1, -1)) {
      // Unquoted fields never hold a comma, so counting the commas outside quotes gives 13 fields.
      const unquoted = line.replace(/"(?:[^"]|"")*"/g, 'x');
      assert.equal(unquoted.split(',').length, 13, line);
    }
  });

  test('bad values exit 2 and name the flag and what is allowed', async () => {
    const r = await run(f.args('list', '--status', 'stale'), { env: f.env });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--status/);
    assert.match(r.stderr, /active, expiring, expired, revoked/);
    assert.equal(r.stdout, '');
    const days = await run(f.args('list', '--expiring-within', 'soon'), { env: f.env });
    assert.equal(days.code, 2);
    assert.match(days.stderr, /--expiring-within.*whole number of days/);
    const both = await run(f.args('list', '--json', '--csv'), { env: f.env });
    assert.equal(both.code, 2);
    const sub = await run(f.args('create', 'ssh'), { env: f.env });
    assert.equal(sub.code, 2);
    assert.match(sub.stderr, /unknown command 'ssh'/);
    const missing = await run(f.args('show'), { env: f.env });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing required argument 'id'/);
    const region = await run(['--region', 'mars', 'list'], { env: f.env });
    assert.equal(region.code, 2);
    assert.match(region.stderr, /--region.*Allowed: com .*eu .*us/);
  });

  test('show: one credential by a unique prefix; too short or unknown ids are refused', async () => {
    const all = JSON.parse((await run(f.args('list', '--json'), { env: f.env })).stdout) as any[];
    const oauth = all.find((c) => c.type === 'oauth')!;
    const r = await run(f.args('show', oauth.id.slice(0, 10), '--json'), { env: f.env });
    assert.equal(r.code, 0, r.stderr);
    const shown = JSON.parse(r.stdout);
    assert.equal(shown.id, oauth.id);
    assert.ok(Array.isArray(shown.secrets) && shown.secrets.length >= 1);
    assert.ok(shown.secrets.every((s: object) => !('clientSecret' in s)));
    const human = await run(f.args('show', oauth.id), { env: f.env });
    assert.match(human.stdout, new RegExp(`Name:\\s+${oauth.name}`));
    const short = await run(f.args('show', oauth.id.slice(0, 4)), { env: f.env });
    assert.equal(short.code, 2);
    assert.match(short.stderr, /too short/);
    const unknown = await run(f.args('show', 'ffffffffffffffff'), { env: f.env });
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no credential with id/);
  });

  test('a key with a region prefix works against the emulator when --api-url is given', async () => {
    const env = { ...f.env, VERACODE_API_KEY_ID: `vera01gi-${f.emu.admin.id}`, VERACODE_API_KEY_SECRET: `vera01gs-${f.emu.admin.secret}` };
    const r = await run(f.args('list', '--json', '--type', 'oauth'), { env });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(JSON.parse(r.stdout).length > 0);
  });

  test('--debug logs each request to stderr with the Authorization header and the secret redacted', async () => {
    const r = await run(f.args('--debug', 'list', '--json'), { env: f.env });
    assert.equal(r.code, 0);
    assert.match(r.stderr, /\[debug\] .*GET .*\/api\/authn\/v2\/users/);
    assert.ok(!r.stderr.includes(f.emu.admin.secret));
    assert.doesNotMatch(r.stderr, /sig=[0-9a-f]{64}/);
    JSON.parse(r.stdout);
  });

  test('a wrong secret fails with exit 1 and a one-line message, no stack trace', async () => {
    const env = { ...f.env, VERACODE_API_KEY_SECRET: 'ab'.repeat(64) };
    const r = await run(f.args('list'), { env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^vcreds: .*401/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    assert.ok(!r.stderr.includes('ab'.repeat(64)));
  });
});

describe('vcreds list: paging and the per-user fallback', () => {
  test('several pages (page size capped at 5) and users without api_credentials in the list', async () => {
    const f = await fixture({ pageSizeCap: 5, usersCarryCredentials: false, users: 17 });
    try {
      const r = await run(f.args('list', '--json'), { env: f.env });
      assert.equal(r.code, 0, r.stderr);
      const got = JSON.parse(r.stdout) as any[];
      const want = expected(f);
      assert.deepEqual(got.map((c) => c.id).sort(), [...want.keys()].sort());
      assert.ok(got.filter((c) => c.type === 'hmac').length > 5, 'more HMAC keys than one page holds');
    } finally {
      await f.close();
    }
  });
});

describe('the real process', () => {
  test('list --json through env vars, with the profile file too; --version; unknown flag exits 2', async () => {
    const f = await fixture();
    try {
      const r = await spawnCli(f.args('list', '--json', '--type', 'hmac'), f.env);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(JSON.parse(r.stdout).length > 0);
      // The key from a profile of the credentials file instead of env vars.
      f.writeCredentials(`[ci]\nveracode_api_key_id = ${f.emu.admin.id}\nveracode_api_key_secret = ${f.emu.admin.secret}\n`);
      const p = await spawnCli(f.args('--profile', 'ci', 'list', '--json'), { HOME: f.home });
      assert.equal(p.code, 0, p.stderr);
      const admin = (JSON.parse(p.stdout) as any[]).find((c) => c.id === f.emu.admin.id);
      assert.deepEqual(admin.profiles, ['ci']);
      const v = await spawnCli(['--version'], {});
      assert.equal(v.code, 0);
      assert.match(v.stdout, /^\d+\.\d+\.\d+\n$/);
      const bad = await spawnCli(['list', '--frobnicate'], { HOME: f.home });
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /unknown option '--frobnicate'/);
    } finally {
      await f.close();
    }
  });

  test('no command and no terminal: one line on stderr, exit 2', async () => {
    const r = await spawnCli([], { HOME: '/nonexistent' });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'vcreds: no terminal; use "vcreds list" (see vcreds --help)\n');
  });
});

describe('list while the rate limit pauses it', () => {
  let f: Fixture;
  before(async () => {
    f = await fixture();
  });
  after(() => f.close());

  test('a pause for the rate limit is one line on stderr, saying when it goes on; stdout stays the data', async () => {
    // The client tells of a pause as it starts (gate.ts and client.ts are tested for when); here
    // a client that pauses 41 s at once shows what the person at the terminal reads.
    const pausing: typeof connect = async (options) => {
      const real = await connect(options);
      const onRateLimitWait = (listener: (until: number | null) => void) => {
        listener(Date.now() + 41_000);
        listener(null);
        return () => {};
      };
      return { ...real, client: { ...real.client, onRateLimitWait } };
    };
    const r = await run(f.args('list', '--json'), { env: f.env, deps: { connect: pausing, connectDemo } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^vcreds: the API's rate limit \(500 requests a minute\) is reached: going on in 4[01] s, at \d\d:\d\d:\d\d UTC\n$/);
    assert.equal((JSON.parse(r.stdout) as unknown[]).length, expected(f).size);
  });
});
