// No silent defaults, bounded values: an empty or blank value, an overlong profile name or URL,
// or an invalid --api-url is a usage error (exit 2) naming the flag; --read-only refuses config
// changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { nonBlank } from '../src/cli/parse.js';
import { run } from './cli-harness.js';

function home() {
  const dir = mkdtempSync(join(tmpdir(), 'vcreds-values-'));
  return { env: { HOME: dir, USERPROFILE: dir }, done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('nonBlank refuses empty and blank values and values over the limit; trims the rest', () => {
  const p = nonBlank('a user name', 10);
  assert.throws(() => p(''), InvalidArgumentError);
  assert.throws(() => p('   '), /Expected a user name; the value is empty/);
  assert.throws(() => p('x'.repeat(11)), /at most 10 characters; this one has 11/);
  assert.equal(p(' bob '), 'bob');
});

const CASES: [string, string[], RegExp][] = [
  ['--profile ""', ['--profile', '', 'list'], /--profile/],
  ['--profile "  "', ['list', '--profile', '  '], /--profile/],
  ['--profile over 64 characters', ['--profile', 'p'.repeat(65), 'list'], /--profile.*1 to 64 characters/],
  ['--api-url ""', ['--api-url', '', 'list'], /--api-url.*empty/],
  ['--api-url over 2,048 characters', ['--api-url', `https://example.com/${'a'.repeat(2048)}`, 'list'], /--api-url.*at most 2048 characters/],
  ['--api-url not a URL', ['--api-url', 'http://exa mple', 'list'], /--api-url.*not a valid URL/],
  ['--api-url plain http to a remote host', ['--api-url', 'http://api.example.com', 'list'], /--api-url.*loopback/],
  ['--owner ""', ['list', '--owner', ''], /--owner.*empty/],
  ['show ""', ['show', ''], /argument 'id'.*empty/],
  ['api ""', ['api', ''], /argument 'path'.*empty/],
  ['emulator --data ""', ['emulator', '--data', ''], /--data.*empty/],
];

for (const [name, argv, message] of CASES) {
  test(`${name}: exit 2 naming the flag, before any connection`, async () => {
    const h = home();
    try {
      const r = await run(argv, { env: h.env });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.split('\n')[0]!.length < 300, true, 'one short line, even for a 2,049-character value');
    } finally {
      h.done();
    }
  });
}

test('check with a blank --profile is UNKNOWN (3), never an alarm', async () => {
  const h = home();
  try {
    const r = await run(['check', '--profile', ''], { env: h.env });
    assert.equal(r.code, 3);
    assert.match(r.stdout, /^UNKNOWN usage: .*--profile/);
  } finally {
    h.done();
  }
});

test('config set refuses an overlong profile and an invalid api-url (exit 2)', async () => {
  const h = home();
  try {
    const long = await run(['config', 'set', 'profile', 'p'.repeat(65)], { env: h.env });
    assert.equal(long.code, 2);
    assert.match(long.stderr, /config set profile: .*64/);
    const url = await run(['config', 'set', 'api-url', 'http://api.example.com'], { env: h.env });
    assert.equal(url.code, 2);
    assert.match(url.stderr, /config set api-url: .*loopback/);
  } finally {
    h.done();
  }
});

test('--read-only refuses config set, unset and reset (exit 1) and changes nothing', async () => {
  const h = home();
  try {
    assert.equal((await run(['config', 'set', 'profile', 'ci'], { env: h.env })).code, 0);
    for (const argv of [['config', 'set', 'profile', 'other'], ['config', 'unset', 'profile'], ['config', 'reset']]) {
      const r = await run(['--read-only', ...argv], { env: h.env });
      assert.equal(r.code, 1, argv.join(' '));
      assert.match(r.stderr, /--read-only: refusing to/);
    }
    assert.match((await run(['config'], { env: h.env })).stdout, /profile\s+ci/);
  } finally {
    h.done();
  }
});
