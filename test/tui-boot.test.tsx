// <Boot>: the first frame is on screen before the connection exists; then the list takes over,
// or a failure to connect ends the app and is handed to the entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../src/app-context.js';
import { Boot } from '../components/boot.js';
import { fakeContext } from './helpers/fake-service.js';
import { renderInk, waitForFrame } from './helpers/ink.js';
import { createMemoryPreferences } from './helpers/preferences.js';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

test('the header and a connecting line show while connecting, then the list', async () => {
  const connection = deferred<AppContext>();
  let connects = 0;
  const ui = renderInk(
    <Boot connect={() => (connects++, connection.promise)} preferences={createMemoryPreferences} demo onExit={() => {}} onFail={() => assert.fail('no failure')} />,
    { columns: 100, rows: 30 },
  );
  try {
    const first = await ui.waitFor('Starting the demo organisation');
    assert.match(first, /vcreds\s+DEMO/);
    assert.equal(connects, 1);
    connection.resolve(fakeContext());
    await ui.waitFor('10 credentials');
    assert.equal(connects, 1, 'connected once');
  } finally {
    ui.unmount();
  }
});

test('a failure to connect is handed over and the app ends', async () => {
  const failures: unknown[] = [];
  const ui = renderInk(
    <Boot connect={() => Promise.reject(new Error('No Veracode credentials file'))} preferences={createMemoryPreferences} demo={false} onExit={() => {}} onFail={(e) => failures.push(e)} />,
  );
  try {
    await waitForFrame(() => (failures.length ? 'failed' : ''), 'failed');
    assert.match(String(failures[0]), /No Veracode credentials file/);
  } finally {
    ui.unmount();
  }
});

test('q leaves while still connecting', async () => {
  const codes: number[] = [];
  const ui = renderInk(<Boot connect={() => new Promise(() => {})} preferences={createMemoryPreferences} demo={false} onExit={(c) => codes.push(c)} onFail={() => {}} />);
  try {
    await ui.waitFor('Connecting…');
    await ui.press('q');
    await waitForFrame(() => (codes.length ? 'exited' : ''), 'exited');
    assert.deepEqual(codes, [0]);
  } finally {
    ui.unmount();
  }
});
