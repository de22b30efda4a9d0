import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realFs, type WriterFs } from '../src/credentials/atomic.js';
import { CredentialsError } from '../src/credentials/errors.js';
import { KEPT_BACKUPS, listBackups, restoreBackup, writeProfiles } from '../src/credentials/writer.js';

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
  assert.match(result.backupPath!, /\/credentials\.bak\.\d{8}T\d{6}Z$/);
  assert.equal(readFileSync(result.backupPath!, 'utf8'), old);
  assert.equal(mode(result.backupPath!), 0o600);
  assert.equal(mode(path), 0o600);
  assert.equal(result.warnings.length, 1);
  assert.match(result.warnings[0]!, /is open to your group and other users \(mode 644\) before this write; it is now 0600/);

  restoreBackup(path, result.backupPath!);
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
  const left = readdirSync(join(path, '..')).sort();
  assert.equal(left.length, 2);
  assert.equal(left[0], 'credentials');
  assert.match(left[1]!, /^credentials\.bak\.\d{8}T\d{6}Z$/);
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
    let files = readdirSync(join(path, '..')).sort();
    // Only a failed clean-up of the backup's link source can leave a temp file: private, and the old content.
    if (step === 'unlinkSync') {
      const temps = files.filter((f) => /^\.credentials\.\d+\.[0-9a-f]+\.tmp$/.test(f));
      assert.ok(temps.length <= 1);
      for (const t of temps) assert.equal(mode(join(path, '..', t)), 0o600);
      files = files.filter((f) => !temps.includes(f));
    }
    const isBackup = (f: string) => /^credentials\.bak\.\d{8}T\d{6}Z$/.test(f);
    assert.ok(files.every((f) => f === 'credentials' || isBackup(f)), `step ${n} (${step}) left ${files.join(', ')}`);
    assert.ok(files.filter(isBackup).length <= 1);
    for (const b of files.filter(isBackup)) {
      assert.equal(readFileSync(join(path, '..', b), 'utf8'), old);
      assert.equal(mode(join(path, '..', b)), 0o600);
    }
  }
  // Sanity: the loop really went through the write path (temp, backup, rename, folder sync).
  for (const name of ['mkdirSync', 'openSync', 'writeSync', 'fsyncSync', 'closeSync', 'renameSync', 'readFileSync', 'linkSync']) {
    assert.ok(steps.includes(name), `never failed ${name}`);
  }
  assert.ok(steps.length >= 15, `only ${steps.length} steps`);
});

test(`keeps the last ${KEPT_BACKUPS} previous files, each under its own timestamped 0600 name, even within one second`, () => {
  const keyText = (n: number) => `[default]\nveracode_api_key_id = ${String(n).padStart(32, '0')}\nveracode_api_key_secret = ${SECRET}\n`;
  const path = setup(keyText(0));
  const now = () => Date.parse('2026-12-02T15:30:12.345Z');
  const backups: string[] = [];
  for (let n = 1; n <= 7; n++) {
    const r = writeProfiles(path, [{ profile: 'default', id: String(n).padStart(32, '0'), secret: SECRET }], { now });
    backups.push(r.backupPath!);
    assert.equal(mode(r.backupPath!), 0o600);
  }
  // The first write's backup is named after its time; later ones in the same second get -2, -3, ...
  assert.equal(backups[0], `${path}.bak.20261202T153012Z`);
  assert.equal(backups[1], `${path}.bak.20261202T153012Z-2`);
  assert.equal(new Set(backups).size, 7, 'no name is reused');
  const kept = listBackups(path);
  assert.equal(kept.length, KEPT_BACKUPS);
  assert.deepEqual(kept, backups.slice(-KEPT_BACKUPS).reverse(), 'newest first, the oldest two pruned');
  // The key the second write displaced is still there after later writes (one .bak lost it).
  assert.equal(readFileSync(kept.at(-1)!, 'utf8'), keyText(2));
  assert.equal(readFileSync(kept[0]!, 'utf8'), keyText(6));
  restoreBackup(path, kept.at(-1)!);
  assert.equal(readFileSync(path, 'utf8'), keyText(2));
  const other = readdirSync(join(path, '..')).filter((f) => f !== 'credentials' && !f.startsWith('credentials.bak.'));
  assert.deepEqual(other, [], 'no temp file is left');
});

test('backups of different seconds sort by time, and a tenth backup in one second sorts after the ninth', () => {
  const path = setup('[a]\n');
  let t = Date.parse('2026-12-02T15:30:12Z');
  for (let n = 0; n < 11; n++) writeProfiles(path, [{ profile: 'a', id: ID, secret: `${SECRET}${n}` }], { now: () => t });
  t += 1000;
  writeProfiles(path, [{ profile: 'a', id: ID, secret: SECRET }], { now: () => t });
  const kept = listBackups(path).map((p) => p.slice(path.length));
  assert.deepEqual(kept, ['.bak.20261202T153013Z', '.bak.20261202T153012Z-11', '.bak.20261202T153012Z-10', '.bak.20261202T153012Z-9', '.bak.20261202T153012Z-8']);
});
