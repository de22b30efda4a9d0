import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FaultPlan } from '../src/emulator/faults.js';
import { formatTs, parseTs } from '../src/emulator/time.js';
import { RateLimiter } from '../src/emulator/rate-limit.js';

test('timestamps are written in all three Veracode forms and read back', () => {
  const t = Date.parse('2021-10-23T15:30:25.123Z');
  assert.equal(formatTs(t), '2021-10-23T15:30:25.123+0000');
  assert.equal(formatTs(t, 'rfc3339'), '2021-10-23T15:30:25Z');
  assert.equal(formatTs(t, 'utc'), '2021-10-23 15:30:25 UTC');
  assert.equal(parseTs('2021-10-23T15:30:25.123+0000'), t);
  assert.equal(parseTs('2021-10-23T15:30:25Z'), t - 123);
  assert.equal(parseTs('2021-10-23 15:30:25 UTC'), t - 123);
  assert.equal(parseTs('next tuesday'), undefined);
});

test('random faults follow their rates once the script is used up', () => {
  const rolls = [0.05, 0.9, 0.3, 0.9, 0.9];
  const plan = new FaultPlan({ dropRate: 0.1, errorRate: 0.5, latencyMs: 7 }, ['ok'], () => rolls.shift()!);
  assert.equal(plan.next(), 'ok');
  assert.equal(plan.next(), 'drop');
  assert.equal(plan.next(), '503');
  assert.deepEqual(plan.next(), { delayMs: 7 });
});

test('the rate limit is counted per address', () => {
  const limiter = new RateLimiter(1);
  assert.equal(limiter.check('a', 0), undefined);
  assert.equal(limiter.check('b', 0), undefined);
  assert.equal(limiter.check('a', 1_000), 59);
});
