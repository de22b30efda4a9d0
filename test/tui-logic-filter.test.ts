// The live text filter and the sort the list runs on (src/model/filter.ts), and the list's views.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { viewOf, viewsOf } from '../src/model/credential.js';
import { EMPTY_FILTER, filteredIndices, matchesText, sortCredentials } from '../src/model/filter.js';
import { FAKE_NOW, fakeCredentials, manyCredentials } from './helpers/fake-service.js';

const views = viewsOf(fakeCredentials(), FAKE_NOW);
const names = (indices: number[]) => indices.map((i) => views[i]!.name ?? views[i]!.owner.userName);

test('the list views are what viewOf gives', () => {
  assert.deepEqual(views, fakeCredentials().map((c) => viewOf(c, FAKE_NOW)));
});

test('typing filters by name, id, owner or role, ignoring case and surrounding spaces', () => {
  assert.deepEqual(names(filteredIndices(views, EMPTY_FILTER, 'NIGHTLY')), ['nightly-scan']);
  assert.deepEqual(names(filteredIndices(views, EMPTY_FILTER, ' 8F9A0B12 ')), ['carol@example.com']);
  assert.deepEqual(names(filteredIndices(views, EMPTY_FILTER, 'dave@')), ['dave@example.com']);
  assert.deepEqual(names(filteredIndices(views, EMPTY_FILTER, 'results api')).sort(), ['ci-bot', 'ci-pipeline']);
  assert.equal(filteredIndices(views, EMPTY_FILTER, '').length, views.length);
  assert.deepEqual(filteredIndices(views, EMPTY_FILTER, 'no such thing'), []);
});

test('a query never matches across two fields', () => {
  // "ci-pipeline" is the name and "ci-bot" the owner: their join must not match.
  assert.deepEqual(filteredIndices(views, EMPTY_FILTER, 'pipelineci'), []);
});

test('the text filter and the panel filter both apply', () => {
  const oauthOnly = { ...EMPTY_FILTER, types: ['oauth' as const] };
  assert.deepEqual(names(filteredIndices(views, oauthOnly, 'ci')), ['ci-pipeline']);
});

test('the rows found are the ones matchesText accepts, over a large list', () => {
  const many = viewsOf(manyCredentials(3000), FAKE_NOW);
  for (const q of ['client-0001', 'REVIEWER', '0000000000000000000000000000abc', 'bob', 'x']) {
    const expected = many.flatMap((c, i) => (matchesText(c, q) ? [i] : []));
    assert.deepEqual(filteredIndices(many, EMPTY_FILTER, q), expected, q);
  }
});

test('sorting: soonest expiry first, revoked last; descending flips the order but not where revoked ones go', () => {
  const sorted = sortCredentials(views);
  const expiries = sorted.filter((c) => c.status !== 'revoked').map((c) => Date.parse(c.expiresAt!));
  assert.deepEqual(expiries, [...expiries].sort((a, b) => a - b));
  assert.deepEqual(sorted.slice(-2).map((c) => c.status), ['revoked', 'revoked']);
  const desc = sortCredentials(views, { key: 'expires', direction: 'desc' }).filter((c) => c.status !== 'revoked');
  const descExpiries = desc.map((c) => Date.parse(c.expiresAt!));
  assert.deepEqual(descExpiries, [...descExpiries].sort((a, b) => b - a));
  const noExpiry = viewsOf([{ ...fakeCredentials()[0]!, id: 'zz-none', expiresAt: null }, fakeCredentials()[1]!], FAKE_NOW);
  assert.deepEqual(sortCredentials(noExpiry).map((c) => c.id).at(-1), 'zz-none', 'unknown expiry goes last');
});
