import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bypassesProxy, proxyFor } from '../src/api/proxy.js';

const u = (s: string) => new URL(s);

test('HTTPS_PROXY is used for Veracode hosts, lower case too, HTTP_PROXY as fallback', () => {
  assert.equal(proxyFor(u('https://api.veracode.com/x'), { HTTPS_PROXY: 'http://proxy:3128' }), 'http://proxy:3128');
  assert.equal(proxyFor(u('https://api.veracode.com/x'), { https_proxy: 'http://p2:3128' }), 'http://p2:3128');
  assert.equal(proxyFor(u('https://api.veracode.com/x'), { HTTP_PROXY: 'http://p3:80' }), 'http://p3:80');
  assert.equal(proxyFor(u('https://api.veracode.com/x'), {}), undefined);
});

test('loopback never goes through a proxy, whatever the environment', () => {
  const env = { HTTPS_PROXY: 'http://proxy:3128', HTTP_PROXY: 'http://proxy:3128' };
  for (const url of ['http://127.0.0.1:4000/', 'http://localhost:1/', 'http://[::1]:8080/']) {
    assert.equal(proxyFor(u(url), env), undefined, url);
  }
});

test('NO_PROXY: exact host, domain suffix, leading dot, wildcard, port, list separators', () => {
  const veracode = u('https://api.veracode.eu/api');
  assert.equal(bypassesProxy(veracode, 'api.veracode.eu'), true);
  assert.equal(bypassesProxy(veracode, 'veracode.eu'), true);
  assert.equal(bypassesProxy(veracode, '.veracode.eu'), true);
  assert.equal(bypassesProxy(veracode, '*.veracode.eu'), true);
  assert.equal(bypassesProxy(veracode, '*'), true);
  assert.equal(bypassesProxy(veracode, 'example.com, internal.lan veracode.eu'), true);
  assert.equal(bypassesProxy(veracode, 'veracode.eu:443'), true);
  assert.equal(bypassesProxy(veracode, 'veracode.eu:8443'), false);
  assert.equal(bypassesProxy(veracode, 'racode.eu'), false);
  assert.equal(bypassesProxy(veracode, 'veracode.com'), false);
  assert.equal(bypassesProxy(veracode, ''), false);
  assert.equal(proxyFor(veracode, { HTTPS_PROXY: 'http://p:1', no_proxy: 'veracode.eu' }), undefined);
});
