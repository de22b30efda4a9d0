// The Identity API as Veracode's own clients use it: Content-Type on every request, DELETE
// without a body; one user's refused key lookup does not abort the organisation's load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiClient } from '../src/api/client.js';
import { createIdentityService } from '../src/identity/service.js';
import { TEST_KEY, json, tinyServer } from './helpers/tiny-server.js';

test('every Identity API request carries Content-Type: application/json; GET and DELETE carry no body', async () => {
  const s = await tinyServer((req, res) => {
    if (req.method === 'DELETE') return void res.writeHead(204).end();
    if (req.url.startsWith('/api/authn/v2/users/search')) return json(res, 200, { _embedded: { users: [] }, page: { number: 0, total_pages: 1 } });
    return json(res, 200, { api_id: 'a'.repeat(32), expiration_ts: '2030-01-01T00:00:00.000+0000' });
  });
  try {
    const client = createApiClient({ baseUrl: s.url, auth: { kind: 'hmac', ...TEST_KEY }, env: {} });
    const service = createIdentityService(client);
    await client.request('GET', '/api/authn/v2/api_credentials/user_id/u1');
    await service.getHmac('a'.repeat(32));
    await service.revokeHmac('a'.repeat(32));
    await client.request('POST', '/api/authn/v2/api_credentials');
    assert.ok(s.seen.length >= 4);
    for (const r of s.seen) assert.equal(r.headers['content-type'], 'application/json', `${r.method} ${r.url}`);
    const deletes = s.seen.filter((r) => r.method === 'DELETE');
    assert.equal(deletes.length, 1);
    assert.equal(deletes[0]!.body, '');
    assert.equal(deletes[0]!.headers['content-length'] ?? '0', '0');
    for (const r of s.seen.filter((x) => x.method === 'GET')) assert.equal(r.body, '');
    assert.equal(s.seen.find((r) => r.method === 'POST')!.body, '{}');
  } finally {
    await s.close();
  }
});

/** An organisation of five users whose list carries no keys; bob's lookup is refused with 403. */
function perUserServer() {
  const users = ['admin', 'alice', 'bob', 'carol', 'dave'].map((n, i) => ({ user_id: `u${i}`, user_name: n, account_type: 'USER', roles: i === 0 ? [{ role_name: 'extadmin' }] : [] }));
  return tinyServer((req, res) => {
    const path = req.url.split('?')[0]!;
    if (path === '/api/authn/v2/users/self') return json(res, 200, users[0]);
    if (path === '/api/authn/v2/users') return json(res, 200, { _embedded: { users }, page: { number: 0, size: 50, total_elements: 5, total_pages: 1 } });
    const m = /^\/api\/authn\/v2\/api_credentials\/user_id\/(u\d)$/.exec(path);
    if (m) {
      if (m[1] === 'u2') return json(res, 403, { http_code: 403, http_status: 'Forbidden', message: 'not for this account' });
      return json(res, 200, { api_id: `${m[1]!.slice(1)}`.repeat(32), expiration_ts: '2030-01-01T00:00:00.000+0000' });
    }
    return json(res, 404, { message: 'no such path' });
  });
}

test('per-user lookups: one refused user leaves that key unknown, with a warning; the rest are listed', async () => {
  const s = await perUserServer();
  try {
    const service = createIdentityService(createApiClient({ baseUrl: s.url, auth: { kind: 'hmac', ...TEST_KEY }, env: {} }));
    const org = await service.loadOrganisation();
    assert.deepEqual(org.credentials.map((c) => c.owner.userName).sort(), ['admin', 'alice', 'carol', 'dave']);
    const warning = org.warnings!.find((w) => w.includes('bob'));
    assert.ok(warning, JSON.stringify(org.warnings));
    assert.match(warning, /1 user \(bob\).*HTTP 403.*unknown/);
  } finally {
    await s.close();
  }
});

test('vcreds list prints the refused lookup as a warning on stderr and lists the rest (exit 0)', async () => {
  const { run } = await import('./cli-harness.js');
  const s = await perUserServer();
  try {
    const r = await run(['--api-url', s.url, 'list', '--json'], { env: { HOME: '/nonexistent', VERACODE_API_KEY_ID: TEST_KEY.id, VERACODE_API_KEY_SECRET: TEST_KEY.secret } });
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as unknown[]).length, 4);
    assert.match(r.stderr, /vcreds: warning: the HMAC key of 1 user \(bob\)/);
  } finally {
    await s.close();
  }
});
