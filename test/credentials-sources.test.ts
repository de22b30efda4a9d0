import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CredentialsError } from '../src/credentials/errors.js';
import {
  defaultCredentialsPath, findProfilesHoldingKey, listProfiles, permissionWarning, readCredentialsFile, resolveApiKey,
} from '../src/credentials/sources.js';

const ID = '3ddaeeb10ca690df3fee5e3bd1c329fa';
const ID2 = '684a28d91070e4ce68b2131e43c2d79b';
const SECRET = '0123456789abcdef'.repeat(8);
const SECRET2 = 'fedcba9876543210'.repeat(8);

function credentialsFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'vcreds-src-')), 'credentials');
  writeFileSync(path, text);
  return path;
}

const TWO_PROFILES = `[default]\nveracode_api_key_id = ${ID}\nveracode_api_key_secret = ${SECRET}\n\n[ci]\nveracode_api_key_id = vera01ei-${ID2}\nveracode_api_key_secret = vera01es-${SECRET2}\n`;

function failure(fn: () => unknown): CredentialsError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof CredentialsError, String(err));
    return err;
  }
  assert.fail('expected a CredentialsError');
}

test('the default path is Veracode\'s, under the home folder', () => {
  assert.equal(defaultCredentialsPath({}, '/home/ann'), join('/home/ann', '.veracode', 'credentials'));
  const homeVar = process.platform === 'win32' ? 'USERPROFILE' : 'HOME';
  assert.equal(defaultCredentialsPath({ [homeVar]: '/home/bob' }), join('/home/bob', '.veracode', 'credentials'));
});

test('reads profiles with their lines and the file mode', () => {
  const path = credentialsFile(TWO_PROFILES);
  chmodSync(path, 0o640);
  const file = readCredentialsFile(path);
  assert.deepEqual(file.profiles.map((p) => [p.name, p.line, p.id]), [['default', 1, ID], ['ci', 5, `vera01ei-${ID2}`]]);
  assert.equal(file.mode, 0o640);
  assert.deepEqual(listProfiles(path), ['default', 'ci']);
  assert.deepEqual(listProfiles(join(path, '..', 'nope')), []);
});

test('the default profile, then VERACODE_API_PROFILE, then an explicit profile', () => {
  const path = credentialsFile(TWO_PROFILES);
  const byDefault = resolveApiKey({ env: {}, path });
  assert.deepEqual(byDefault, {
    id: ID, secret: SECRET, region: 'com', regionFromPrefix: false, rawId: ID, source: { kind: 'file', path, profile: 'default' },
  });
  const byEnv = resolveApiKey({ env: { VERACODE_API_PROFILE: 'ci' }, path });
  assert.equal(byEnv.id, ID2);
  assert.equal(byEnv.secret, SECRET2);
  assert.equal(byEnv.region, 'eu');
  assert.equal(byEnv.regionFromPrefix, true);
  assert.equal(byEnv.rawId, `vera01ei-${ID2}`);
  const explicit = resolveApiKey({ env: { VERACODE_API_PROFILE: 'ci' }, profile: 'default', path });
  assert.deepEqual(explicit.source, { kind: 'file', path, profile: 'default' });
});

test('environment variables win over the file when both are set', () => {
  const path = credentialsFile(TWO_PROFILES);
  const key = resolveApiKey({ env: { VERACODE_API_KEY_ID: ID2, VERACODE_API_KEY_SECRET: SECRET2, VERACODE_API_PROFILE: 'default' }, path });
  assert.equal(key.id, ID2);
  assert.deepEqual(key.source, { kind: 'env' });
  // ...even without any file
  assert.equal(resolveApiKey({ env: { VERACODE_API_KEY_ID: ID, VERACODE_API_KEY_SECRET: SECRET }, path: '/nonexistent/x' }).id, ID);
});

test('one environment variable alone is an error naming the missing one', () => {
  const path = credentialsFile(TWO_PROFILES);
  const err = failure(() => resolveApiKey({ env: { VERACODE_API_KEY_ID: ID }, path }));
  assert.equal(err.code, 'env-incomplete');
  assert.match(err.message, /VERACODE_API_KEY_ID is set but VERACODE_API_KEY_SECRET is not/);
  const err2 = failure(() => resolveApiKey({ env: { VERACODE_API_KEY_SECRET: SECRET }, path }));
  assert.match(err2.message, /VERACODE_API_KEY_SECRET is set but VERACODE_API_KEY_ID is not/);
  assert.ok(!err2.message.includes(SECRET) && !err2.hint.includes(SECRET));
});

test('a missing file says where it looked and how to go on', () => {
  const err = failure(() => resolveApiKey({ env: {}, path: '/nonexistent/.veracode/credentials' }));
  assert.equal(err.code, 'file-missing');
  assert.match(err.message, /No Veracode credentials file at \/nonexistent\/\.veracode\/credentials/);
  assert.match(err.hint, /\[default\].*VERACODE_API_KEY_ID.*--demo/);
});

test('a missing profile lists the profiles that exist', () => {
  const path = credentialsFile(TWO_PROFILES);
  const err = failure(() => resolveApiKey({ env: {}, profile: 'prod', path }));
  assert.equal(err.code, 'profile-missing');
  assert.match(err.message, /No profile \[prod\] in .*; it has \[default\], \[ci\]/);
  const legacy = failure(() => resolveApiKey({ env: {}, path: credentialsFile(`[greenlight]\nveracode_api_key_id = ${ID}\n`) }));
  assert.match(legacy.hint, /Rename the legacy \[greenlight\] profile to \[default\]/);
});

test('a profile without its id or secret says which key is missing', () => {
  const path = credentialsFile(`[default]\nveracode_api_key_id = ${ID}\n[empty]\n`);
  assert.match(failure(() => resolveApiKey({ env: {}, path })).message, /\[default\] .*\(line 1\) has no veracode_api_key_secret\.$/);
  assert.match(failure(() => resolveApiKey({ env: {}, path, profile: 'empty' })).message, /has no veracode_api_key_id and no veracode_api_key_secret/);
});

test('a malformed file names the line', () => {
  const path = credentialsFile(`[default]\nveracode_api_key_id = ${ID}\nthis is not ini\n`);
  const err = failure(() => resolveApiKey({ env: {}, path }));
  assert.equal(err.code, 'malformed');
  assert.match(err.message, new RegExp(`${path}, line 3`));
});

test('an invalid key says which rule failed and where, and never shows the secret', () => {
  const shortSecret = 'abcdef0123'.repeat(6);
  const path = credentialsFile(`[default]\nveracode_api_key_id = ${ID}\nveracode_api_key_secret = ${shortSecret}\n`);
  const err = failure(() => resolveApiKey({ env: {}, path }));
  assert.equal(err.code, 'invalid-key');
  assert.match(err.message, /veracode_api_key_secret in profile \[default\] of .* is not a valid Veracode API key secret: must be 128 to 1024 hex characters, found 60/);
  assert.ok(!err.message.includes(shortSecret) && !err.hint.includes(shortSecret));

  // A stray dash makes most of the secret look like a "region prefix": that text must not be echoed.
  const dashed = `${SECRET}-${SECRET}`;
  const env = failure(() => resolveApiKey({ env: { VERACODE_API_KEY_ID: ID, VERACODE_API_KEY_SECRET: dashed } }));
  assert.match(env.message, /^VERACODE_API_KEY_SECRET is not a valid Veracode API key secret: the region prefix must be 8 characters/);
  assert.ok(!env.message.includes(SECRET.slice(0, 16)));

  const badId = failure(() => resolveApiKey({ env: { VERACODE_API_KEY_ID: 'xyz', VERACODE_API_KEY_SECRET: SECRET } }));
  assert.match(badId.message, /^VERACODE_API_KEY_ID is not a valid Veracode API key id: must be hexadecimal/);
});

test('finds the profiles holding a key, ignoring region prefixes and case', () => {
  const path = credentialsFile(`${TWO_PROFILES}\n[copy]\nveracode_api_key_id = ${ID2.toUpperCase()}\n`);
  assert.deepEqual(findProfilesHoldingKey(path, ID2), ['ci', 'copy']);
  assert.deepEqual(findProfilesHoldingKey(path, `vera01ei-${ID}`), ['default']);
  assert.deepEqual(findProfilesHoldingKey(path, 'ffff'), []);
  assert.deepEqual(findProfilesHoldingKey('/nonexistent/credentials', ID), []);
});

test('warns when the file can be read by group or others', () => {
  assert.equal(permissionWarning(0o600, '/p', 'linux'), null);
  assert.equal(permissionWarning(0o400, '/p', 'linux'), null);
  assert.match(permissionWarning(0o644, '/p', 'linux')!, /\/p is open to your group and other users \(mode 644\); run: chmod 600 \/p/);
  assert.match(permissionWarning(0o604, '/p', 'linux')!, /open to other users/);
  assert.equal(permissionWarning(0o644, '/p', 'win32'), null);
});
