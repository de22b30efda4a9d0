import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, profileText, run } from './cli-harness.js';

test('config set api-url and profile become the defaults; flags and VERACODE_API_PROFILE still win', async () => {
  const f = await fixture();
  try {
    // Only a profile in the file, no env key: the saved settings decide where and as whom.
    f.writeCredentials(profileText('ci', f.emu.admin.id, f.emu.admin.secret));
    const env = { HOME: f.home, USERPROFILE: f.home };

    const before = await run(['list', '--json'], { env });
    assert.equal(before.code, 1);
    assert.match(before.stderr, /profile \[default\]|\[default\]/);

    assert.equal((await run(['config', 'set', 'api-url', f.emu.apiUrl], { env })).code, 0);
    assert.equal((await run(['config', 'set', 'profile', 'ci'], { env })).code, 0);
    const stored = join(f.home, '.config', 'vcreds', 'config.json');
    assert.ok(existsSync(stored), 'kept in the XDG config folder of HOME');
    assert.ok(!readFileSync(stored, 'utf8').includes(f.emu.admin.secret), 'no secret in the preferences');

    const listed = await run(['list', '--json'], { env });
    assert.equal(listed.code, 0, listed.stderr);
    assert.ok((JSON.parse(listed.stdout) as unknown[]).length > 10);

    // VERACODE_API_PROFILE beats the saved profile.
    const other = await run(['list'], { env: { ...env, VERACODE_API_PROFILE: 'nope' } });
    assert.equal(other.code, 1);
    assert.match(other.stderr, /nope/);

    const shown = await run(['config'], { env });
    assert.match(shown.stdout, /profile\s+ci/);
    assert.match(shown.stdout, new RegExp(`api-url\\s+${f.emu.apiUrl.replace(/[.]/g, '\\.')}`));

    assert.equal((await run(['config', 'unset', 'api-url'], { env })).code, 0);
    assert.match((await run(['config'], { env })).stdout, /api-url\s+\(not set\)/);
  } finally {
    await f.close();
  }
});

test('config refuses a bad setting name or value with exit 2, saying what is allowed', async () => {
  const f = await fixture();
  try {
    const env = { HOME: f.home };
    const badName = await run(['config', 'set', 'colour', 'red'], { env });
    assert.equal(badName.code, 2);
    assert.match(badName.stderr, /unknown setting "colour"/);
    assert.match(badName.stderr, /profile, api-url/);

    const badUrl = await run(['config', 'set', 'api-url', 'http://example.com'], { env });
    assert.equal(badUrl.code, 2);
    assert.match(badUrl.stderr, /https:\/\//);

    // A pasted secret is no profile name (over 64 characters): a usage error that never echoes it.
    const pasted = await run(['config', 'set', 'profile', f.emu.admin.secret], { env });
    assert.equal(pasted.code, 2);
    assert.match(pasted.stderr, /1 to 64 characters/);
    assert.ok(!pasted.stderr.includes(f.emu.admin.secret));

    // A well-formed URL carrying one is refused by the store: preferences never hold secrets.
    const secretLike = await run(['config', 'set', 'api-url', `https://api.veracode.com/${f.emu.admin.secret}`], { env });
    assert.equal(secretLike.code, 1);
    assert.match(secretLike.stderr, /looks like a secret/);
    assert.ok(!secretLike.stderr.includes(f.emu.admin.secret));
  } finally {
    await f.close();
  }
});
