import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkApiUrl, chooseBaseUrl } from '../src/api/base-url.js';
import { ApiError } from '../src/api/errors.js';

test('the region picks the Veracode host; an explicit URL wins', () => {
  assert.equal(chooseBaseUrl({ keyRegion: 'eu' }).baseUrl, 'https://api.veracode.eu');
  assert.equal(chooseBaseUrl({ region: 'us', keyRegion: 'eu' }).baseUrl, 'https://api.veracode.us');
  assert.equal(chooseBaseUrl({}).baseUrl, 'https://api.veracode.com');
  assert.deepEqual(chooseBaseUrl({ apiUrl: 'http://127.0.0.1:9000/', region: 'eu' }), { baseUrl: 'http://127.0.0.1:9000', hostRegion: null });
  assert.deepEqual(checkApiUrl('https://api.veracode.eu/api/authn/v2'), { baseUrl: 'https://api.veracode.eu', hostRegion: 'eu' });
  assert.equal(checkApiUrl('api.veracode.com').baseUrl, 'https://api.veracode.com');
});

test('plain http is refused except on loopback, with a clear message', () => {
  assert.throws(() => checkApiUrl('http://api.veracode.com'), (e: unknown) => e instanceof ApiError && e.kind === 'config' && /only over https/.test(e.message));
  assert.throws(() => checkApiUrl('http://10.0.0.5:8080'), /only for loopback/);
  assert.throws(() => checkApiUrl('ftp://x'), /must start with https/);
  assert.equal(checkApiUrl('http://localhost:1234').baseUrl, 'http://localhost:1234');
});
