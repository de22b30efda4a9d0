// A load paused by the rate limit (Veracode's 500 requests a minute) must not look frozen: the
// effect runner shows the pause at once and counts it down every second until the load goes on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEffectRunner } from '../src/tui/app/effects.js';
import type { Msg } from '../src/tui/app/messages.js';
import type { LoadOptions } from '../src/identity/types.js';
import { fakeContext, fakeOrganisation } from './helpers/fake-service.js';
import { createMemoryPreferences } from './helpers/preferences.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a pause for the rate limit is shown at once, counted down each second, and cleared when the load goes on', async () => {
  const ctx = fakeContext();
  let resume!: () => void;
  ctx.service.loadOrganisation = async (o: LoadOptions = {}) => {
    o.onProgress?.({ phase: 'users', done: 500, total: 80_000 });
    o.onProgress?.({ phase: 'users', done: 500, total: 80_000, waitingUntil: Date.now() + 3_000 });
    await new Promise<void>((r) => (resume = r));
    o.onProgress?.({ phase: 'users', done: 1_000, total: 80_000 });
    return fakeOrganisation();
  };
  const sent: Msg[] = [];
  const run = createEffectRunner({ ctx, preferences: createMemoryPreferences(), copy: () => {}, quit: () => {} });
  run({ kind: 'load' }, (m) => sent.push(m));
  const shown = () => sent.flatMap((m) => (m.kind === 'load-progress' ? [m.progress] : []));
  await sleep(2_200);
  const waits = shown().map((p) => p.waitSeconds).filter((s) => s !== undefined);
  // Shown at once (3 s left), then again as the seconds pass: 2, then 1.
  assert.deepEqual(waits.slice(0, 3), [3, 2, 1]);
  resume();
  await sleep(50);
  const last = shown().at(-1)!;
  assert.equal(last.waitSeconds, undefined, 'the pause is over once progress comes without one');
  assert.equal(last.done, 1_000);
  // And the countdown stops with it.
  const count = shown().length;
  await sleep(1_200);
  assert.equal(shown().length, count);
});
