import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTimestamp } from '../src/identity/time.js';

test('all three Identity API timestamp forms become the same ISO 8601 UTC instant', () => {
  assert.equal(parseTimestamp('2021-10-23T15:30:25.123+0000'), '2021-10-23T15:30:25.123Z');
  assert.equal(parseTimestamp('2021-10-23T15:30:25Z'), '2021-10-23T15:30:25.000Z');
  assert.equal(parseTimestamp('2021-10-23 15:30:25 UTC'), '2021-10-23T15:30:25.000Z');
});

test('offsets are honoured and zone-less times are read as UTC, not local time', () => {
  assert.equal(parseTimestamp('2021-10-23T17:30:25.000+0200'), '2021-10-23T15:30:25.000Z');
  assert.equal(parseTimestamp('2021-10-23T17:30:25+02:00'), '2021-10-23T15:30:25.000Z');
  assert.equal(parseTimestamp('2021-10-23T15:30:25'), '2021-10-23T15:30:25.000Z');
});

test('missing or unreadable values are null, never an exception', () => {
  for (const v of [null, undefined, '', 'tomorrow', {}, '2021-13-45T99:00:00Z']) assert.equal(parseTimestamp(v), null, String(v));
});

test('the fast reading of the common form answers exactly as date-fns parseISO on a generated corpus', async () => {
  const { isValid, parseISO } = await import('date-fns');
  const { fastTimestamp } = await import('../src/identity/time.js');
  const viaDateFns = (s: string) => {
    const d = parseISO(s);
    return isValid(d) ? d.toISOString() : null;
  };
  const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!;
  const years = ['1000', '1970', '1999', '2000', '2024', '2026', '2100', '2400', '9999', '0999'];
  const months = ['00', '01', '02', '06', '09', '11', '12', '13'];
  const days = ['00', '01', '15', '28', '29', '30', '31', '32'];
  const times = ['00:00:00', '23:59:59', '12:30:05', '24:00:00', '23:60:00', '23:59:60', '07:08:09'];
  const fractions = ['', '.1', '.12', '.123', '.999', '.000'];
  const zones = ['Z', '+0000', '+00:00', '+02', '-0530', '+05:45', '-12:00', '+14:00', '+2400', '+00:60'];
  let fast = 0;
  let n = 0;
  for (const y of years) for (const mo of months) for (const d of days) for (const t of times) {
    n++;
    const s = `${y}-${mo}-${d}T${t}${pick(fractions, n)}${pick(zones, n * 7)}`;
    const quick = fastTimestamp(s);
    if (quick === undefined) continue; // parseISO decides these
    fast++;
    assert.equal(quick, viaDateFns(s), s);
  }
  // The corpus must exercise the fast path, not only its refusals.
  assert.ok(fast > 500, `only ${fast} of ${n} read by the fast path`);
  // And the public function agrees with parseISO whichever path it takes.
  for (const s of ['2021-02-29T00:00:00Z', '2020-02-29T00:00:00Z', '2021-10-23T15:30:25.1234Z', '0099-01-01T00:00:00Z']) {
    assert.equal(parseTimestamp(s), viaDateFns(s), s);
  }
});
