// The lock on the credentials file: one vcreds at a time, stale locks broken, released on every exit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CredentialsLocked, lockCredentials, lockPathFor, withCredentialsLock } from '../src/credentials/lock.js';

function credentialsPath(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'vcreds-l-')), '.veracode');
  mkdirSync(dir, { mode: 0o700 });
  return join(dir, 'credentials');
}

test('the lock file holds the pid and time, 0600; released, it is gone; release twice does nothing', async () => {
  const path = credentialsPath();
  const lock = await lockCredentials(path);
  assert.equal(lock.path, `${path}.lock`);
  const holder = JSON.parse(readFileSync(lock.path, 'utf8'));
  assert.equal(holder.pid, process.pid);
  assert.ok(Date.parse(holder.since) > 0);
  assert.equal(statSync(lock.path).mode & 0o777, 0o600);
  lock.release();
  lock.release();
  assert.equal(existsSync(lock.path), false);
});

test('a second taker waits for a live holder, then fails naming it, having changed nothing', async () => {
  const path = credentialsPath();
  // A live process other than us holds it.
  const other = spawn('sleep', ['30']);
  try {
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: other.pid, host: hostname(), since: new Date().toISOString() }), { mode: 0o600 });
    const started = Date.now();
    await assert.rejects(lockCredentials(path, { waitMs: 400, pollMs: 50 }), (err: unknown) => {
      assert.ok(err instanceof CredentialsLocked);
      assert.equal(err.message, `another vcreds (pid ${other.pid}) is changing ${path}; try again`);
      return true;
    });
    assert.ok(Date.now() - started >= 400, 'it waited');
    assert.equal(JSON.parse(readFileSync(lockPathFor(path), 'utf8')).pid, other.pid, 'the holder keeps its lock');
  } finally {
    other.kill();
  }
});

test('a waiter in the same process gets the lock as soon as the holder lets go', async () => {
  const path = credentialsPath();
  const first = await lockCredentials(path);
  const released = Date.now() + 150;
  setTimeout(() => first.release(), 150);
  const second = await lockCredentials(path, { waitMs: 2000, pollMs: 20 });
  assert.ok(Date.now() >= released - 5, 'not before the first let go');
  second.release();
  assert.equal(existsSync(lockPathFor(path)), false);
});

test('a lock left by a dead process is stale and broken', async () => {
  const path = credentialsPath();
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  writeFileSync(lockPathFor(path), JSON.stringify({ pid: Number(dead.stdout), host: hostname(), since: '2026-01-01T00:00:00Z' }), { mode: 0o600 });
  const lock = await lockCredentials(path, { waitMs: 0 });
  assert.equal(JSON.parse(readFileSync(lock.path, 'utf8')).pid, process.pid);
  lock.release();
});

test('withCredentialsLock releases when the work throws', async () => {
  const path = credentialsPath();
  await assert.rejects(withCredentialsLock(path, () => { throw new Error('boom'); }), /boom/);
  assert.equal(existsSync(lockPathFor(path)), false);
});

const LOCK = pathToFileURL(fileURLToPath(new URL('../src/credentials/lock.ts', import.meta.url))).href;

test('a process that exits on a signal (process.exit) releases its lock', () => {
  const path = credentialsPath();
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
    const { lockCredentials } = await import(${JSON.stringify(LOCK)});
    await lockCredentials(process.argv[1]);
    process.exit(130);
  `, path], { encoding: 'utf8' });
  assert.equal(child.status, 130, child.stderr);
  assert.equal(existsSync(lockPathFor(path)), false);
});

test('many processes racing: at most one holds the lock at any moment', async () => {
  const path = credentialsPath();
  const counter = `${path}.holders`;
  writeFileSync(counter, '');
  const script = `
    const { appendFileSync } = await import('node:fs');
    const { lockCredentials } = await import(${JSON.stringify(LOCK)});
    const [path, counter] = process.argv.slice(1);
    for (let i = 0; i < 5; i++) {
      const l = await lockCredentials(path, { waitMs: 20000, pollMs: 5 });
      appendFileSync(counter, 'in ' + process.pid + '\\n');
      await new Promise((r) => setTimeout(r, 5));
      appendFileSync(counter, 'out ' + process.pid + '\\n');
      l.release();
    }
  `;
  const runs = Array.from({ length: 4 }, () => new Promise<number>((resolve) => {
    const c = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, path, counter], { stdio: 'inherit' });
    c.on('exit', (code) => resolve(code ?? -1));
  }));
  assert.deepEqual(await Promise.all(runs), [0, 0, 0, 0]);
  const lines = readFileSync(counter, 'utf8').trim().split('\n');
  assert.equal(lines.length, 40);
  for (let i = 0; i < lines.length; i += 2) {
    assert.match(lines[i]!, /^in (\d+)$/);
    assert.equal(lines[i + 1], lines[i]!.replace('in', 'out'), `overlap at line ${i + 1}`);
  }
});
