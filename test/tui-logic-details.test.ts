import { test } from 'node:test';
import assert from 'node:assert/strict';
import { viewOf } from '../src/model/credential.js';
import { detailLines } from '../src/tui/details/details-view.js';
import { FAKE_NOW, fakeCredentials } from './helpers/fake-service.js';

const line = (lines: ReturnType<typeof detailLines>, label: string) => lines.find((l) => l.label === label)?.value;

test('details: an HMAC key says its creation date is not given, days are counted in words', () => {
  // As the real API answers: an HMAC pair carries no creation date.
  const hmac = { ...fakeCredentials().find((c) => c.type === 'hmac' && !c.revokedAt)!, createdAt: null };
  const lines = detailLines(viewOf(hmac, FAKE_NOW), '/tmp/credentials');
  assert.equal(line(lines, 'Created'), 'not reported by the API for HMAC keys');
  assert.match(line(lines, 'Expires') ?? '', /^\d{4}-\d\d-\d\d \((in \d+ days?|\d+ days? ago)\)$/);
});
