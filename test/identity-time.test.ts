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
