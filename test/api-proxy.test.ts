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

test('a request to a Veracode host tunnels through HTTPS_PROXY (a loopback proxy that refuses the CONNECT)', async () => {
  const { createServer } = await import('node:http');
  const { createApiClient } = await import('../src/api/client.js');
  const connects: string[] = [];
  // The proxy answers every CONNECT with 403, so nothing ever leaves this machine.
  const proxy = createServer();
  proxy.on('connect', (req, socket) => {
    connects.push(String(req.url));
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as { port: number }).port;
  try {
    const client = createApiClient({
      baseUrl: 'https://api.veracode.com',
      auth: { kind: 'hmac', id: '3ddaeeb10ca690df3fee5e3bd1c329fa', secret: '0123456789abcdef'.repeat(8) },
      env: { HTTPS_PROXY: `http://127.0.0.1:${port}` },
      retry: { maxAttempts: 1 },
      timeoutMs: 5_000,
    });
    await assert.rejects(client.request('GET', '/api/authn/v2/users/self'), (err: Error) => {
      assert.match(err.message, /proxy/i);
      return true;
    });
    assert.deepEqual(connects, ['api.veracode.com:443']);
  } finally {
    proxy.close();
  }
});
