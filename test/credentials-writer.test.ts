import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realFs, type WriterFs } from '../src/credentials/atomic.js';
import { CredentialsError } from '../src/credentials/errors.js';
import { restoreBackup, writeProfiles } from '../src/credentials/writer.js';

const ID = '3ddaeeb10ca690df3fee5e3bd1c329fa';
const NEW_ID = '684a28d91070e4ce68b2131e43c2d79b';
const SECRET = '0123456789abcdef'.repeat(8);
const NEW_SECRET = 'fedcba9876543210'.repeat(8);

const mode = (p: string) => statSync(p).mode & 0o777;

function setup(text: string | null, fileMode = 0o600): string {
  const path = join(mkdtempSync(join(tmpdir(), 'vcreds-w-')), '.veracode', 'credentials');
  if (text !== null) {
    realFs.mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
    writeFileSync(path, text, { mode: fileMode });
    chmodSync(path, fileMode);
  }
  return path;
}

// Comments, CRLF and LF mixed, odd spacing, a legacy profile and a file without a final newline.
const MESSY =
  '# my keys\r\n; keep me\r\n[greenlight]\r\nveracode_api_key_id=aaaa\r\n\r\n' +
  `[ci]\r\nveracode_api_key_id   =   ${ID}\r\n# rotated yearly\r\nVERACODE_API_KEY_SECRET:${SECRET}\r\nother = x\r\n\r\n` +
  `[default]\nveracode_api_key_id = ${ID}`;

test('replaces values in place and keeps every other byte', () => {
  const path = setup(MESSY);
  const result = writeProfiles(path, [{ profile: 'ci', id: NEW_ID, secret: NEW_SECRET }]);
  const expected = MESSY
    .replace(`veracode_api_key_id   =   ${ID}\r\n#`, `veracode_api_key_id   =   ${NEW_ID}\r\n#`)
    .replace(`VERACODE_API_KEY_SECRET:${SECRET}`, `VERACODE_API_KEY_SECRET:${NEW_SECRET}`);
  assert.notEqual(expected, MESSY);
  assert.equal(readFileSync(path, 'utf8'), expected);
  assert.equal(result.created, false);
  assert.deepEqual(result.warnings, []);
});

test('adds a missing key inside its section, in the file\'s style, keeping the missing final newline', () => {
  const path = setup(MESSY);
  writeProfiles(path, [{ profile: 'default', id: NEW_ID, secret: NEW_SECRET }]);
  // The first entry of the file uses "=" without spaces and the file's first line ending is CRLF.
  assert.equal(
    readFileSync(path, 'utf8'),
    MESSY.replace(`[default]\nveracode_api_key_id = ${ID}`, `[default]\nveracode_api_key_id = ${NEW_ID}\r\nveracode_api_key_secret=${NEW_SECRET}`),
  );
});

test('fills empty values, mirroring the spacing before "="', () => {
  const path = setup('[default]\nveracode_api_key_id =\nveracode_api_key_secret=   \n');
  writeProfiles(path, [{ profile: 'default', id: NEW_ID, secret: NEW_SECRET }]);
  assert.equal(readFileSync(path, 'utf8'), `[default]\nveracode_api_key_id = ${NEW_ID}\nveracode_api_key_secret=${NEW_SECRET}\n`);
});

test('appends a new profile after a blank line, several updates in one write', () => {
  const old = `[default]\nveracode_api_key_id = ${ID}\nveracode_api_key_secret = ${SECRET}\n`;
  const path = setup(old);
  writeProfiles(path, [
    { profile: 'new', id: `vera01ei-${NEW_ID}`, secret: `vera01es-${NEW_SECRET}` },
    { profile: 'default', id: NEW_ID, secret: NEW_SECRET },
  ]);
  assert.equal(
    readFileSync(path, 'utf8'),
    `[default]\nveracode_api_key_id = ${NEW_ID}\nveracode_api_key_secret = ${NEW_SECRET}\n` +
      `\n[new]\nveracode_api_key_id = vera01ei-${NEW_ID}\nveracode_api_key_secret = vera01es-${NEW_SECRET}\n`,
  );
});

test('creates the folder 0700 and the file 0600 when there is none', () => {
  const path = setup(null);
  const result = writeProfiles(path, [{ profile: 'default', id: ID, secret: SECRET }]);
  assert.deepEqual(result, { backupPath: null, created: true, warnings: [] });
  assert.equal(readFileSync(path, 'utf8'), `[default]\nveracode_api_key_id = ${ID}\nveracode_api_key_secret = ${SECRET}\n`);
  assert.equal(mode(path), 0o600);
  assert.equal(mode(join(path, '..')), 0o700);
});

test('backs up the previous file 0600, makes the new one 0600, and warns it was readable', () => {
  const old = `[default]\nveracode_api_key_id = ${ID}\nveracode_api_key_secret = ${SECRET}\n`;
  const path = setup(old, 0o644);
  const result = writeProfiles(path, [{ profile: 'default', id: NEW_ID, secret: NEW_SECRET }]);
  assert.equal(result.backupPath, `${path}.bak`);
  assert.equal(readFileSync(result.backupPath, 'utf8'), old);
  assert.equal(mode(result.backupPath), 0o600);
  assert.equal(mode(path), 0o600);
  assert.equal(result.warnings.length, 1);
  assert.match(result.warnings[0]!, /is open to your group and other users \(mode 644\) before this write; it is now 0600/);

  restoreBackup(path, result.backupPath);
  assert.equal(readFileSync(path, 'utf8'), old);
  assert.equal(mode(path), 0o600);
});

test('refuses a malformed file or a bad update without touching the file', () => {
  const bad = `[default]\nnot a line\n`;
  const path = setup(bad);
  assert.throws(() => writeProfiles(path, [{ profile: 'default', id: ID, secret: SECRET }]), /line 2/);
  assert.throws(() => writeProfiles(setup(''), [{ profile: 'a]', id: ID, secret: SECRET }]), /cannot be a profile name/);
  assert.throws(() => writeProfiles(setup(''), [{ profile: 'a', id: ID, secret: `${SECRET}\n[x]` }]), /line breaks/);
  assert.equal(readFileSync(path, 'utf8'), bad);
  assert.deepEqual(readdirSync(join(path, '..')), ['credentials']);
});

test('does not overwrite a change another program made while writing', () => {
  const old = `[default]\nveracode_api_key_id = ${ID}\n`;
  const path = setup(old);
  let reads = 0;
  const fs: Partial<WriterFs> = {
    readFileSync: (p) => {
      if (p === path && ++reads === 2) writeFileSync(path, '# edited elsewhere\n');
      return realFs.readFileSync(p);
    },
  };
  assert.throws(() => writeProfiles(path, [{ profile: 'default', id: NEW_ID, secret: NEW_SECRET }], { fs }), /changed while it was being updated/);
  assert.equal(readFileSync(path, 'utf8'), '# edited elsewhere\n');
  assert.deepEqual(readdirSync(join(path, '..')).sort(), ['credentials', 'credentials.bak']);
});

/** Wraps every fs function so that the n-th call, whichever it is, throws. */
function failingAt(n: number): { fs: Partial<WriterFs>; failed: () => string | null } {
  let calls = 0;
  let failed: string | null = null;
  const fs: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(realFs)) {
    fs[name] = (...args: unknown[]) => {
      if (++calls === n) {
        failed = name;
        throw Object.assign(new Error(`injected failure in ${name}`), { code: 'EIO' });
      }
      return (fn as (...a: unknown[]) => unknown)(...args);
    };
  }
  return { fs: fs as Partial<WriterFs>, failed: () => failed };
}

test('a failure at every step leaves the old file or the new one, whole, and no temp file', () => {
  const old = `# keep\n[default]\nveracode_api_key_id = ${ID}\nveracode_api_key_secret = ${SECRET}\n`;
  const expected = old.replace(ID, NEW_ID).replace(SECRET, NEW_SECRET);
  const steps: string[] = [];
  for (let n = 1; n < 100; n++) {
    const path = setup(old, 0o640);
    const { fs, failed } = failingAt(n);
    let threw: unknown = null;
    try {
      writeProfiles(path, [{ profile: 'default', id: NEW_ID, secret: NEW_SECRET }], { fs });
    } catch (err) {
      threw = err;
    }
    const step = failed();
    if (step === null) {
      assert.equal(threw, null);
      break; // every call succeeded: all steps have been tried
    }
    steps.push(step);
    const text = readFileSync(path, 'utf8');
    assert.ok(text === old || text === expected, `step ${n} (${step}) left a mixed file`);
    if (threw) {
      assert.ok(threw instanceof CredentialsError, `step ${n} (${step}) threw ${String(threw)}`);
      assert.equal(text, old, `step ${n} (${step}) reported failure but replaced the file`);
      assert.ok(!threw.message.includes(NEW_SECRET) && !threw.message.includes(SECRET));
    } else {
      assert.equal(text, expected);
    }
    const files = readdirSync(join(path, '..')).sort();
    assert.ok(files.every((f) => f === 'credentials' || f === 'credentials.bak'), `step ${n} (${step}) left ${files.join(', ')}`);
    if (files.includes('credentials.bak')) {
      assert.equal(readFileSync(`${path}.bak`, 'utf8'), old);
      assert.equal(mode(`${path}.bak`), 0o600);
    }
  }
  // Sanity: the loop really went through the write path (temp, backup, rename, folder sync).
  for (const name of ['mkdirSync', 'openSync', 'writeSync', 'fsyncSync', 'closeSync', 'renameSync', 'readFileSync']) {
    assert.ok(steps.includes(name), `never failed ${name}`);
  }
  assert.ok(steps.length >= 15, `only ${steps.length} steps`);
});
