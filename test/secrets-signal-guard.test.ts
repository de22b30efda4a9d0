// The signal guard: SIGINT/SIGTERM/SIGHUP wait while a new secret is being handled, then the
// process exits 128+signo after the interrupt hooks (which print what is still held).
import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { configureSignalGuardForTests, critical, deferSignal, interruptedBy, isCritical, onInterrupt, setCriticalState, whenIdle } from '../src/ops/signal-guard.js';

let notes: string[];
let exits: number[];
let restore: () => void;
beforeEach(() => {
  notes = [];
  exits = [];
  restore = configureSignalGuardForTests({ note: (l) => notes.push(l), exit: (c) => exits.push(c) });
});
afterEach(() => restore());

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

/** Signals reach JS handlers asynchronously: wait (bounded) until `n` notes have arrived. */
async function notesReach(n: number): Promise<void> {
  for (let i = 0; i < 200 && notes.length < n; i++) await tick(10);
}

test('a signal during the critical work waits for it, runs the hooks, then exits 128+signo', async () => {
  const order: string[] = [];
  const off = onInterrupt((s) => {
    order.push(`hook ${s}`);
  });
  try {
    const result = await critical(async () => {
      setCriticalState('saving the new key to profile [ci]');
      process.kill(process.pid, 'SIGTERM');
      await notesReach(1);
      assert.equal(exits.length, 0, 'not while the work runs');
      assert.equal(interruptedBy(), 'SIGTERM');
      process.kill(process.pid, 'SIGINT');
      await notesReach(2);
      order.push('work done');
      return 42;
    });
    assert.equal(result, 42);
  } finally {
    off();
  }
  assert.deepEqual(order, ['work done', 'hook SIGTERM']);
  assert.deepEqual(exits, [143]);
  assert.match(notes[0]!, /SIGTERM received while saving the new key to profile \[ci\]; exiting as soon as the new secret is saved or printed/);
  assert.match(notes[1]!, /SIGINT again/);
  assert.match(notes.at(-1)!, /stopped by SIGTERM: saving the new key/);
});

test('nested sections exit only when the outermost settles; no signal means no exit and no handler left', async () => {
  const before = process.listenerCount('SIGINT');
  await critical(async () => {
    assert.ok(isCritical());
    assert.equal(process.listenerCount('SIGINT'), before + 1);
    await critical(async () => {
      process.kill(process.pid, 'SIGHUP');
      await notesReach(1);
    });
    assert.deepEqual(exits, [], 'the inner section settling does not exit');
  });
  assert.deepEqual(exits, [129]);
  assert.equal(isCritical(), false);
  assert.equal(process.listenerCount('SIGINT'), before);
  restore();
  restore = configureSignalGuardForTests({ note: (l) => notes.push(l), exit: (c) => exits.push(c) });
  await critical(async () => tick());
  assert.deepEqual(exits, [129]);
});

test('the TUI can hand a signal to the guard while critical, and wait until idle', async () => {
  assert.equal(deferSignal('SIGINT'), false, 'nothing critical: the caller exits itself');
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const work = critical(() => gate);
  assert.equal(deferSignal('SIGINT'), true);
  let idle = false;
  const waiting = whenIdle().then(() => (idle = true));
  await tick();
  assert.equal(idle, false);
  release();
  await work;
  await waiting;
  assert.deepEqual(exits, [130]);
});

const GUARD = pathToFileURL(fileURLToPath(new URL('../src/ops/signal-guard.ts', import.meta.url))).href;

test('a real process: SIGINT during the work prints what the hook holds, then exits 130', () => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
    const { critical, onInterrupt } = await import(${JSON.stringify(GUARD)});
    onInterrupt(() => { process.stdout.write('the held secret\\n'); });
    await critical(async () => {
      process.kill(process.pid, 'SIGINT');
      await new Promise((r) => setTimeout(r, 200));
      process.stdout.write('work finished\\n');
    }, 'waiting for the server');
    process.stdout.write('never\\n');
  `], { encoding: 'utf8' });
  assert.equal(child.status, 130, child.stderr);
  assert.equal(child.stdout, 'work finished\nthe held secret\n');
  assert.match(child.stderr, /SIGINT received while waiting for the server/);
});
