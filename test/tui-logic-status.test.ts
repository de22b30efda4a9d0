import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusMessage } from '../src/tui/app/effects.js';

test('the status line drops the request line of an API error and keeps the reason', () => {
  assert.equal(
    statusMessage(new Error('GET /api/authn/v2/users/self?detailed=true: Could not connect to http://127.0.0.1:4 (connection refused).')),
    'Could not connect to http://127.0.0.1:4 (connection refused).',
  );
  assert.equal(statusMessage(new Error('Veracode rejected the API credentials (401): Signature does not match.')), 'Veracode rejected the API credentials (401): Signature does not match.');
  assert.equal(statusMessage('plain'), 'plain');
});
