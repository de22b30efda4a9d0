import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, httpError, serverMessage } from '../src/api/errors.js';

const ctx = { method: 'GET', path: '/api/authn/v2/users', contentType: 'application/json' };

test('every known JSON error shape yields the server message', () => {
  const shapes: Array<[unknown, string]> = [
    [{ http_code: 400, http_status: 'Bad Request', message: 'size is too big' }, 'size is too big'],
    [{ errors: ['team_id: Invalid value.', 'size: must be positive'], status: 400 }, 'team_id: Invalid value.; size: must be positive'],
    [{ _embedded: { api_errors: [{ id: 'x', code: 'NOT_FOUND', title: 'User not found', status: '404', source: { parameter: 'user_id' } }] } }, 'user_id: User not found'],
    [{ error: 'invalid_client', error_description: 'Client authentication failed' }, 'Client authentication failed (invalid_client)'],
  ];
  for (const [body, expected] of shapes) {
    assert.equal(serverMessage(JSON.stringify(body), 'application/json'), expected);
    const e = httpError({ ...ctx, status: 400, text: JSON.stringify(body) });
    assert.ok(e instanceof ApiError);
    assert.equal(e.kind, 'http');
    assert.equal(e.status, 400);
    assert.ok(e.message.includes(expected), e.message);
  }
});

test('an HTML proxy page becomes a short sentence, never a dump', () => {
  const html = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>${'<p>noise</p>'.repeat(500)}</body></html>`;
  const e = httpError({ ...ctx, status: 502, text: html, contentType: 'text/html' });
  assert.match(e.message, /HTML page \("502 Bad Gateway"\)/);
  assert.ok(!e.message.includes('<p>'));
  assert.ok(e.message.length < 200);
});

test('an empty or unknown body falls back to the status text', () => {
  assert.match(httpError({ ...ctx, status: 404, text: '' }).message, /\(404\): Not Found/);
  assert.match(httpError({ ...ctx, status: 500, text: '{"weird":true}' }).message, /Internal Server Error/);
});

test('401 says the key was rejected and which key to check', () => {
  const e = httpError({ ...ctx, status: 401, text: JSON.stringify({ http_code: 401, message: 'Signature does not match' }), credentialLabel: 'profile [ci]', conversationId: 'conv-1' });
  assert.equal(
    e.message,
    'Veracode rejected the API credentials (401): Signature does not match. Check the key id/secret for profile [ci], or that the key is not expired/revoked.',
  );
  assert.equal(e.conversationId, 'conv-1');
});

test('429 says when to try again', () => {
  const e = httpError({ ...ctx, status: 429, text: '', retryAt: '2030-01-01T00:01:00.000Z' });
  assert.match(e.message, /Try again after 2030-01-01T00:01:00.000Z/);
});
