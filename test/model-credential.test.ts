// The credential model's rules at every boundary, with the clock injected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysLeft, displayName, isUrgent, statusOf, viewOf, type Credential } from '../src/model/credential.js';
import { EMPTY_FILTER, filteredIndices, matchesFilter, matchesText, sortCredentials } from '../src/model/filter.js';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const DAY = 86_400_000;
const at = (ms: number) => new Date(NOW + ms).toISOString();

function cred(id: string, expiresInMs: number | null, extra: Partial<Credential> = {}): Credential {
  return {
    id, type: 'hmac', name: null, description: null,
    owner: { userId: `u-${id}`, userName: `${id}@example.com`, accountType: 'user' },
    expiresAt: expiresInMs === null ? null : at(expiresInMs), createdAt: null, revokedAt: null,
    roles: [{ name: 'extreviewer' }], secrets: [], profiles: [], ...extra,
  };
}

test('status: revoked wins; expired at the instant of expiry; expiring within 7 days; active beyond', () => {
  const s = (ms: number | null, extra: Partial<Credential> = {}) => statusOf(cred('a', ms, extra), NOW);
  assert.equal(s(30 * DAY, { revokedAt: at(-DAY) }), 'revoked');
  assert.equal(s(-DAY, { revokedAt: at(-DAY) }), 'revoked');
  assert.equal(s(-1), 'expired');
  assert.equal(s(0), 'expired');
  assert.equal(s(1), 'expiring');
  assert.equal(s(7 * DAY), 'expiring');
  assert.equal(s(7 * DAY + 1), 'active');
  assert.equal(s(null), 'active');
  assert.equal(statusOf({ expiresAt: 'not a date', revokedAt: null }, NOW), 'active');
});

test('urgent: expiring within one day, never once expired or revoked', () => {
  const u = (ms: number, extra: Partial<Credential> = {}) => isUrgent(cred('a', ms, extra), NOW);
  assert.equal(u(DAY), true);
  assert.equal(u(1), true);
  assert.equal(u(DAY + 1), false);
  assert.equal(u(0), false);
  assert.equal(u(DAY / 2, { revokedAt: at(-1) }), false);
});

test('days left round up while time remains, and count down past expiry', () => {
  assert.equal(daysLeft(at(2.3 * DAY), NOW), 3);
  assert.equal(daysLeft(at(DAY), NOW), 1);
  assert.equal(daysLeft(at(1), NOW), 1);
  assert.equal(daysLeft(at(0), NOW), 0);
  assert.equal(daysLeft(at(-3.5 * DAY), NOW), -3);
  assert.equal(daysLeft(null, NOW), null);
  const v = viewOf(cred('a', 5 * DAY), NOW);
  assert.deepEqual([v.status, v.daysLeft, v.urgent], ['expiring', 5, false]);
});

test('an HMAC key is named by its owner, an OAuth client by its name', () => {
  assert.equal(displayName(cred('a', DAY)), 'a@example.com');
  assert.equal(displayName(cred('b', DAY, { type: 'oauth', name: 'deploy' })), 'deploy');
});

const views = [
  cred('active1', 90 * DAY),
  cred('revoked1', 10 * DAY, { revokedAt: at(-DAY) }),
  cred('expired1', -5 * DAY),
  cred('soon1', 2 * DAY, { type: 'oauth', name: 'Release gate', owner: { userId: 'u-x', userName: 'ci-bot', accountType: 'api' }, roles: [{ name: 'uploadapi' }] }),
  cred('never1', null),
].map((c) => viewOf(c, NOW));

test('default order: soonest expiry first, no date after dates, revoked last', () => {
  assert.deepEqual(sortCredentials(views).map((v) => v.id), ['expired1', 'soon1', 'active1', 'never1', 'revoked1']);
  assert.deepEqual(sortCredentials(views, { key: 'expires', direction: 'desc' }).map((v) => v.id).at(-1), 'revoked1', 'revoked stays last when reversed');
  assert.deepEqual(sortCredentials(views, { key: 'name', direction: 'asc' }).map((v) => v.id)[0], 'active1');
});

test('filters: type, status, account, owner, expiring within N days (expired in, revoked out)', () => {
  const ids = (f: Partial<typeof EMPTY_FILTER>) => views.filter((v) => matchesFilter(v, { ...EMPTY_FILTER, ...f })).map((v) => v.id);
  assert.deepEqual(ids({ types: ['oauth'] }), ['soon1']);
  assert.deepEqual(ids({ statuses: ['expired', 'revoked'] }), ['revoked1', 'expired1']);
  assert.deepEqual(ids({ accounts: ['api'] }), ['soon1']);
  assert.deepEqual(ids({ owner: 'CI-B' }), ['soon1']);
  assert.deepEqual(ids({ expiringWithinDays: 7 }), ['expired1', 'soon1']);
  assert.deepEqual(ids({ expiringWithinDays: 1 }), ['expired1']);
  assert.equal(ids({}).length, views.length);
});

test('text search: name, id, owner or role, any case; the indices point into the full list', () => {
  assert.ok(matchesText(views[3]!, 'release'));
  assert.ok(matchesText(views[3]!, 'UPLOADAPI'));
  assert.ok(matchesText(views[0]!, 'ACTIVE1'));
  assert.ok(!matchesText(views[0]!, 'uploadapi'));
  assert.deepEqual(filteredIndices(views, EMPTY_FILTER, 'example.com'), [0, 1, 2, 4]);
  assert.deepEqual(filteredIndices(views, { ...EMPTY_FILTER, statuses: ['expired'] }, 'example'), [2]);
});

test('a superseded pair: superseded until its grace ends, then revoked; expiry first if it comes sooner', () => {
  const status = statusOf;
  const now = Date.parse('2030-01-01T00:00:00Z');
  const c = { expiresAt: '2030-06-01T00:00:00Z', revokedAt: null, supersededUntil: '2030-01-01T12:00:00Z' };
  assert.equal(status(c, now), 'superseded');
  assert.equal(status(c, Date.parse('2030-01-01T12:00:00Z')), 'revoked');
  assert.equal(status({ ...c, expiresAt: '2029-12-31T00:00:00Z' }, now), 'expired');
  assert.equal(status({ ...c, supersededUntil: null }, now), 'active');
});
