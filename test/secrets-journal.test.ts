// The recovery journal: a new secret written durably, privately, beside the credentials file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { realFs, type WriterFs } from '../src/credentials/atomic.js';
import { journalDirFor, listRecords, recordSecret, removeRecord, type NewJournalEntry } from '../src/credentials/journal.js';

const SECRET = 'fedcba9876543210'.repeat(8);
const mode = (p: string) => statSync(p).mode & 0o777;

function credentialsPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'vcreds-j-')), '.veracode', 'credentials');
}

const ENTRY: NewJournalEntry = {
  kind: 'hmac',
  id: '684a28d91070e4ce68b2131e43c2d79b',
  secret: SECRET,
  secretId: null,
  owner: { userId: 'u-1', userName: 'ci-bot' },
  expiresAt: '2027-12-02T15:30:12Z',
  intent: { action: 'rotate', profiles: [{ name: 'ci', idPrefix: 'vera01ei', secretPrefix: 'vera01es', replaces: 'vera01ei-3ddaeeb10ca690df3fee5e3bd1c329fa' }] },
};

test('record: a 0600 entry in a 0700 folder beside the credentials file, holding only what recovery needs', () => {
  const path = credentialsPath();
  const r = recordSecret(path, ENTRY, { now: () => Date.parse('2026-12-02T15:30:12.5Z') });
  assert.equal(journalDirFor(path), `${path}.recovery`);
  assert.match(r.path, /credentials\.recovery\/20261202T153012Z-hmac-[0-9a-f]{8}\.json$/);
  assert.equal(mode(journalDirFor(path)), 0o700);
  assert.equal(mode(r.path), 0o600);
  const stored = JSON.parse(readFileSync(r.path, 'utf8'));
  assert.deepEqual(Object.keys(stored).sort(), ['createdAt', 'expiresAt', 'id', 'intent', 'kind', 'owner', 'secret', 'secretId', 'version']);
  assert.equal(stored.secret, SECRET);
  assert.equal(stored.createdAt, '2026-12-02T15:30:12.500Z');
  assert.deepEqual(stored.intent, ENTRY.intent);
  assert.deepEqual(readdirSync(journalDirFor(path)), [r.path.split('/').at(-1)], 'no temp file left');
});

test('record syncs the entry and its folder before returning; a failed write throws and leaves no entry', () => {
  const path = credentialsPath();
  const synced: string[] = [];
  const opened = new Map<number, string>();
  const fs: Partial<WriterFs> = {
    openSync: (p, f, m) => {
      const fd = realFs.openSync(p, f, m);
      opened.set(fd, p);
      return fd;
    },
    fsyncSync: (fd) => {
      synced.push(opened.get(fd)!);
      realFs.fsyncSync(fd);
    },
  };
  const r = recordSecret(path, ENTRY, { fs });
  assert.ok(synced.some((p) => p.endsWith('.tmp')), 'the entry file is synced');
  assert.ok(synced.includes(journalDirFor(path)), 'the folder is synced after the rename');
  assert.ok(synced.includes(join(path, '..')), 'the new folder itself is synced into its parent');
  removeRecord(r);

  const failing: Partial<WriterFs> = { fsyncSync: () => { throw Object.assign(new Error('EIO'), { code: 'EIO' }); } };
  assert.throws(() => recordSecret(path, ENTRY, { fs: failing }));
  assert.deepEqual(listRecords(path).records, []);
});

test('list: oldest first; unreadable entries are reported and kept; remove deletes the entry and the empty folder', () => {
  const path = credentialsPath();
  let t = Date.parse('2026-12-02T15:30:12Z');
  const a = recordSecret(path, ENTRY, { now: () => t });
  t += 1000;
  const b = recordSecret(path, { ...ENTRY, kind: 'oauth', id: 'client-1', secretId: 's-2', intent: { action: 'create', profiles: [] } }, { now: () => t });
  writeFileSync(join(journalDirFor(path), '20261202T153014Z-hmac-broken.json'), '{"half', { mode: 0o600 });
  const listed = listRecords(path);
  assert.deepEqual(listed.records.map((r) => r.path), [a.path, b.path]);
  assert.equal(listed.records[1]!.entry.secretId, 's-2');
  assert.equal(listed.unreadable.length, 1);
  removeRecord(a);
  removeRecord(a); // twice: nothing
  removeRecord(b);
  assert.ok(existsSync(listed.unreadable[0]!), 'an unreadable entry may hold a secret: never deleted');
  removeRecord({ path: listed.unreadable[0]! });
  assert.equal(existsSync(journalDirFor(path)), false, 'the empty folder goes');
  assert.deepEqual(listRecords(path), { records: [], unreadable: [], dir: journalDirFor(path) });
});

test('a loose journal folder is tightened to 0700 on the next record', () => {
  const path = credentialsPath();
  const r = recordSecret(path, ENTRY);
  realFs.chmodSync(journalDirFor(path), 0o755);
  recordSecret(path, ENTRY);
  assert.equal(mode(journalDirFor(path)), 0o700);
  assert.equal(mode(r.path), 0o600);
});

const JOURNAL = pathToFileURL(fileURLToPath(new URL('../src/credentials/journal.ts', import.meta.url))).href;
const ATOMIC = pathToFileURL(fileURLToPath(new URL('../src/credentials/atomic.ts', import.meta.url))).href;
const CHILD = `
const { recordSecret } = await import(${JSON.stringify(JOURNAL)});
const { realFs } = await import(${JSON.stringify(ATOMIC)});
const [path, k, entry] = process.argv.slice(1);
let calls = 0;
const fs = {};
for (const [name, fn] of Object.entries(realFs)) {
  fs[name] = (...args) => {
    if (++calls === Number(k)) process.kill(process.pid, 'SIGKILL');
    return fn(...args);
  };
}
recordSecret(path, JSON.parse(entry), { fs });
process.stdout.write('done');
`;

test('a process killed at any step of a record leaves no entry or a whole one, never a readable temp file', () => {
  let k = 1;
  const outcomes = new Set<string>();
  for (; k < 40; k++) {
    const path = credentialsPath();
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD, path, String(k), JSON.stringify(ENTRY)], { encoding: 'utf8' });
    const listed = listRecords(path);
    assert.deepEqual(listed.unreadable, [], `killed before call ${k}: a half entry`);
    const dir = journalDirFor(path);
    if (existsSync(dir)) for (const f of readdirSync(dir)) assert.equal(mode(join(dir, f)) & 0o077, 0, `killed before call ${k}: ${f} is readable by others`);
    if (child.signal === null) {
      assert.equal(child.stdout, 'done', child.stderr);
      assert.equal(listed.records.length, 1);
      break;
    }
    outcomes.add(listed.records.length ? 'whole' : 'none');
    if (listed.records.length) assert.equal(listed.records[0]!.entry.secret, SECRET);
  }
  assert.ok(k > 6, `the record finished after only ${k - 1} fs calls`);
  assert.deepEqual([...outcomes].sort(), ['none', 'whole']);
});
