import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hmacCredential } from '../src/identity/map.js';
import { parseOAuthClient } from '../src/identity/oauth-clients.js';
import { callerOf, parseGeneratedHmac, parsePage, parseUser, ShapeError } from '../src/identity/wire.js';

const wireUser = {
  user_id: 'u-1',
  user_name: 'ci-bot',
  email_address: 'ci@example.com',
  account_type: 'API',
  login_enabled: true,
  roles: [{ role_name: 'uploadapi', role_description: 'Upload API', role_id: 'r1' }, { role_name: 'resultsapi' }],
  api_credentials: { api_id: 'vera01ei-3ddaeeb10ca690df3fee5e3bd1c329fa', expiration_ts: '2030-01-02T03:04:05.000+0000' },
  some_new_field: { ignored: true },
};

test('an HMAC credential: bare api id, no name, owner and roles from the user', () => {
  const p = parseUser(wireUser);
  assert.ok(p.apiCredential);
  const c = hmacCredential(p.user, p.apiCredential, ['ci']);
  assert.deepEqual(c, {
    id: '3ddaeeb10ca690df3fee5e3bd1c329fa',
    type: 'hmac',
    name: null,
    description: null,
    owner: { userId: 'u-1', userName: 'ci-bot', accountType: 'api' },
    expiresAt: '2030-01-02T03:04:05.000Z',
    createdAt: null,
    revokedAt: null,
    roles: [{ name: 'uploadapi', description: 'Upload API' }, { name: 'resultsapi' }],
    secrets: [],
    profiles: ['ci'],
    supersededUntil: null,
  });
});

test('with a clock, a revocation time in the future is the end of a renewal grace, not a revocation', () => {
  const p = parseUser(wireUser);
  const info = { ...p.apiCredential!, revokedAt: '2030-01-01T00:00:00.000Z' };
  const before = hmacCredential(p.user, info, [], Date.parse('2029-12-31T12:00:00Z'));
  assert.equal(before.revokedAt, null);
  assert.equal(before.supersededUntil, '2030-01-01T00:00:00.000Z');
  const afterwards = hmacCredential(p.user, info, [], Date.parse('2030-01-02T00:00:00Z'));
  assert.equal(afterwards.revokedAt, '2030-01-01T00:00:00.000Z');
  assert.equal(afterwards.supersededUntil, null);
});

test('a user without the api_credentials key is told apart from one whose value is null', () => {
  const { api_credentials: _drop, ...bare } = wireUser;
  assert.equal(parseUser(bare).apiCredential, undefined);
  assert.equal(parseUser({ ...bare, api_credentials: null }).apiCredential, null);
  const minimal = parseUser({ user_id: 'u-2' });
  assert.equal(minimal.user.userName, 'u-2');
  assert.equal(minimal.user.accountType, 'user');
  assert.deepEqual(minimal.user.roles, []);
});

test('a user without user_id is a ShapeError', () => {
  assert.throws(() => parseUser({ user_name: 'x' }), ShapeError);
  assert.throws(() => parseUser('nope'), ShapeError);
});

test('admin is the extadmin or adminapi role', () => {
  assert.equal(callerOf(parseUser({ user_id: 'a', roles: [{ role_name: 'adminapi' }] }).user).isAdmin, true);
  assert.equal(callerOf(parseUser({ user_id: 'a', roles: [{ role_name: 'extAdmin' }] }).user).isAdmin, true);
  assert.equal(callerOf(parseUser(wireUser).user).isAdmin, false);
});

test('a HAL page: items, server page metadata, and no _embedded on an empty page', () => {
  const page = parsePage({ _embedded: { users: [wireUser] }, page: { number: 2, size: 1, total_elements: 3, total_pages: 3 } }, 'users', parseUser);
  assert.equal(page.items.length, 1);
  assert.deepEqual([page.number, page.totalPages, page.totalElements], [2, 3, 3]);
  assert.deepEqual(parsePage({ page: { number: 0, total_pages: 0 } }, 'users', parseUser).items, []);
  assert.throws(() => parsePage({ _embedded: { users: 'x' } }, 'users', parseUser), ShapeError);
});

test('a generated pair keeps id and secret exactly as sent', () => {
  const g = parseGeneratedHmac({ api_id: 'vera01ei-abc', api_secret: 'vera01es-def', expiration_ts: '2031-01-01 00:00:00 UTC' });
  assert.deepEqual(g, { apiId: 'vera01ei-abc', apiSecret: 'vera01es-def', expiresAt: '2031-01-01T00:00:00.000Z' });
  assert.throws(() => parseGeneratedHmac({ api_id: 'x' }), /api_secret/);
});

test('an OAuth client (the assumed contract) becomes a Credential with its secrets and down-scoped roles', () => {
  const c = parseOAuthClient({
    client_id: 'cl-1', name: 'pipeline', description: 'CI', user_id: 'u-1', user_name: 'ci-bot', account_type: 'API',
    roles: [{ role_name: 'uploadapi', role_description: 'Upload API' }],
    created_ts: '2024-01-01T00:00:00.000+0000', expiration_ts: '2025-01-01T00:00:00Z', revocation_ts: null,
    secrets: [{ secret_id: 's-1', created_ts: '2024-01-01T00:00:00Z', expiration_ts: '2025-01-01T00:00:00Z' }, { bogus: 1 }],
  });
  assert.deepEqual(c, {
    id: 'cl-1', type: 'oauth', name: 'pipeline', description: 'CI',
    owner: { userId: 'u-1', userName: 'ci-bot', accountType: 'api' },
    expiresAt: '2025-01-01T00:00:00.000Z', createdAt: '2024-01-01T00:00:00.000Z', revokedAt: null,
    roles: [{ name: 'uploadapi', description: 'Upload API' }],
    secrets: [{ secretId: 's-1', createdAt: '2024-01-01T00:00:00.000Z', expiresAt: '2025-01-01T00:00:00.000Z' }],
    profiles: [],
  });
});
