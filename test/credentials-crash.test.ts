// Kills a real process in the middle of writing the credentials file, at every step in turn,
// and checks the file is then the old one or the new one, whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const WRITER = pathToFileURL(fileURLToPath(new URL('../src/credentials/writer.ts', import.meta.url))).href;
const ATOMIC = pathToFileURL(fileURLToPath(new URL('../src/credentials/atomic.ts', import.meta.url))).href;

// The child counts fs calls and SIGKILLs itself just before the k-th one.
const CHILD = `
const { writeProfiles } = await import(${JSON.stringify(WRITER)});
const { realFs } = await import(${JSON.stringify(ATOMIC)});
const [path, k, id, secret] = process.argv.slice(1);
let calls = 0;
const fs = {};
for (const [name, fn] of Object.entries(realFs)) {
  fs[name] = (...args) => {
    if (++calls === Number(k)) process.kill(process.pid, 'SIGKILL');
    return fn(...args);
  };
}
writeProfiles(path, [{ profile: 'ci', id, secret }], { fs });
process.stdout.write('done');
`;

const ID = '3ddaeeb10ca690df3fee5e3bd1c329fa';
const NEW_ID = '684a28d91070e4ce68b2131e43c2d79b';
const SECRET = '0123456789abcdef'.repeat(8);
const NEW_SECRET = 'fedcba9876543210'.repeat(8);

test('a process killed at any step of a write leaves the old file or the new one', () => {
  const old = `# team keys\n[default]\nveracode_api_key_id = ${ID}\nveracode_api_key_secret = ${SECRET}\n\n[ci]\nveracode_api_key_id=${ID}\nveracode_api_key_secret=${SECRET}\n`;
  const expected = old.replace(`id=${ID}`, `id=${NEW_ID}`).replace(`secret=${SECRET}`, `secret=${NEW_SECRET}`);
  const outcomes = new Set<string>();
  let k = 1;
  for (; k < 60; k++) {
    const dir = join(mkdtempSync(join(tmpdir(), 'vcreds-crash-')), '.veracode');
    mkdirSync(dir, { mode: 0o700 });
    const path = join(dir, 'credentials');
    writeFileSync(path, old, { mode: 0o600 });
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD, path, String(k), NEW_ID, NEW_SECRET], {
      encoding: 'utf8',
    });
    const text = readFileSync(path, 'utf8');
    assert.ok(text === old || text === expected, `killed before call ${k}: the file is neither old nor new`);
    for (const f of readdirSync(dir)) {
      // A temp file can survive a kill; it must be private.
      assert.equal(statSync(join(dir, f)).mode & 0o077, 0, `killed before call ${k}: ${f} is readable by others`);
      if (f.startsWith('credentials.bak.')) assert.equal(readFileSync(join(dir, f), 'utf8'), old);
    }
    if (child.signal === null) {
      assert.equal(child.stdout, 'done', child.stderr);
      assert.equal(text, expected);
      break;
    }
    assert.equal(child.signal, 'SIGKILL', child.stderr);
    outcomes.add(text === old ? 'old' : 'new');
  }
  assert.ok(k > 15, `the write finished after only ${k - 1} fs calls`);
  assert.deepEqual([...outcomes].sort(), ['new', 'old'], 'kills happened both before and after the rename');
});
