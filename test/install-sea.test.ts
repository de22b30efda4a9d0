// The single executable (npm run build:sea) on a machine without Node: built into a temp folder by
// scripts/build-sea.mjs, then run from an empty folder with a PATH that has no `node`: --version,
// list --json against an emulator, and the interactive app's first frame in a private tmux server.
// Skipped, saying why, only where this node cannot build one (scripts/build-sea.mjs --check).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { fixture } from './cli-harness.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

const check = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-sea.mjs'), '--check'], { encoding: 'utf8' });
const unsupported = check.status === 0 ? null : (check.stdout.trim() || check.stderr.trim() || `exit ${check.status}`);
const tmuxMissing = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status !== 0;

test('the single executable runs with no node on PATH: --version, list --json, the first frame', {
  skip: unsupported ? `cannot build a single executable with this node: ${unsupported}` : false,
  timeout: 420_000,
}, async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'vcreds-sea-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));

  let started = Date.now();
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-sea.mjs')], {
    cwd: ROOT,
    env: { ...process.env, VCREDS_SEA_OUT: join(work, 'sea') },
    encoding: 'utf8',
    timeout: 360_000,
  });
  assert.equal(built.status, 0, `build-sea failed:\n${built.stdout}\n${built.stderr}`);
  const exe = join(work, 'sea', 'vcreds');
  t.diagnostic(`build-sea: ${Date.now() - started} ms`);

  // A PATH without node (an empty folder), checked; HOME and the working folder empty too.
  const noNode = join(work, 'empty-bin');
  const cwd = join(work, 'cwd');
  const home = join(work, 'home');
  for (const d of [noNode, cwd, home]) mkdirSync(d);
  assert.notEqual(spawnSync('/bin/sh', ['-c', 'command -v node'], { env: { PATH: noNode } }).status, 0, 'node must not be found on the PATH under test');
  const env = { PATH: noNode, HOME: home, USERPROFILE: home };

  started = Date.now();
  const version = await run(exe, ['--version'], { cwd, env });
  assert.equal(version.stdout.trim(), pkg.version);
  assert.equal(version.stderr, '', 'no experimental-feature warning or other noise');
  t.diagnostic(`--version: ${Date.now() - started} ms`);

  const f = await fixture({ users: 6 });
  t.after(() => f.close());
  const listed = await run(exe, f.args('list', '--json'), { cwd, env: { ...env, ...f.env } as NodeJS.ProcessEnv });
  const rows = JSON.parse(listed.stdout) as { id: string; type: string }[];
  assert.ok(rows.length > 0);
  assert.ok(JSON.stringify(f.data()).includes(rows[0]!.id), 'the rows are the emulator’s');

  if (tmuxMissing) {
    t.diagnostic('tmux is not installed: the first-frame check is left out (npm test installs it)');
    return;
  }
  // The interactive app (Ink, yoga's wasm) in a private tmux server, started with the same env.
  const socket = `vcreds-sea-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  t.after(() => {
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
  });
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'sea', '-x', '100', '-y', '30', '-c', cwd,
    '-e', `PATH=${noNode}`, '-e', `HOME=${home}`, exe, '--demo');
  const waitFor = async (pattern: RegExp, what: string) => {
    let screen = '';
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      screen = tmux('capture-pane', '-p', '-t', 'sea');
      if (pattern.test(screen)) return;
      await sleep(100);
    }
    assert.fail(`timed out waiting for ${what}; screen was:\n${screen}`);
  };
  started = Date.now();
  await waitFor(/^vcreds\s+DEMO/m, 'the first frame (header "vcreds DEMO")');
  t.diagnostic(`first frame: ${Date.now() - started} ms`);
  await waitFor(/\d+ credentials/, 'the demo organisation in the list');
  tmux('send-keys', '-t', 'sea', 'q');
});
