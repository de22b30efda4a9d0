import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RETRY_POLICY as P, decideRetry, parseRetryAfter } from '../src/api/retry.js';

const half = () => 0.5;

test('GET and DELETE retry on 429/502/503/504 and broken connections; other statuses do not', () => {
  for (const status of [429, 502, 503, 504]) assert.equal(decideRetry({ kind: 'status', status }, 1, true, P, half).retry, true, String(status));
  for (const status of [400, 401, 403, 404, 409, 500]) assert.equal(decideRetry({ kind: 'status', status }, 1, true, P, half).retry, false, String(status));
  assert.equal(decideRetry({ kind: 'network', code: 'ECONNRESET' }, 1, true, P, half).retry, true);
  assert.equal(decideRetry({ kind: 'timeout' }, 1, true, P, half).retry, true);
  assert.equal(decideRetry({ kind: 'status', status: 503 }, P.maxAttempts, true, P, half).retry, false);
});

test('a POST that may have reached the server is never retried, and says so', () => {
  for (const outcome of [{ kind: 'status', status: 502 }, { kind: 'status', status: 503 }, { kind: 'status', status: 504 }, { kind: 'timeout' }, { kind: 'network', code: 'ECONNRESET' }] as const) {
    const d = decideRetry(outcome, 1, false, P, half);
    assert.equal(d.retry, false, JSON.stringify(outcome));
    assert.equal(!d.retry && d.mayHaveReachedServer, true);
  }
});

test('a POST is retried when the server certainly did not process it: 429, refused connection', () => {
  const d = decideRetry({ kind: 'status', status: 429, retryAfterMs: 2000 }, 1, false, P, half);
  assert.deepEqual(d.retry && d.delayMs, 2000);
  assert.equal(decideRetry({ kind: 'network', code: 'ECONNREFUSED' }, 1, false, P, half).retry, true);
});

test('a Retry-After beyond the cap is not waited for', () => {
  const d = decideRetry({ kind: 'status', status: 429, retryAfterMs: 120_000 }, 1, true, P, half);
  assert.equal(d.retry, false);
  assert.equal(!d.retry && d.retryAfterTooLong, true);
});

test('backoff grows with the attempt number', () => {
  const delays = [1, 2, 3].map((n) => {
    const d = decideRetry({ kind: 'status', status: 503 }, n, true, { ...P, maxAttempts: 10 }, () => 1);
    return d.retry ? d.delayMs : -1;
  });
  assert.deepEqual(delays, [300, 600, 1200]);
});

test('Retry-After: seconds or an HTTP date', () => {
  const now = Date.parse('2030-01-01T00:00:00Z');
  assert.equal(parseRetryAfter('3', now), 3000);
  assert.equal(parseRetryAfter('Tue, 01 Jan 2030 00:00:10 GMT', now), 10_000);
  assert.equal(parseRetryAfter('Tue, 01 Jan 2029 00:00:10 GMT', now), 0);
  assert.equal(parseRetryAfter('soon', now), undefined);
  assert.equal(parseRetryAfter(undefined, now), undefined);
});
