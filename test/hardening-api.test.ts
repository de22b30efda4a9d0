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
