import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorizationHeader, computeSignature, parseAuthorizationHeader, signingData } from '../src/signing/hmac.js';
import { KeyFormatError, parseKeyPart, validateKey, regionOfHost, isLoopbackHost } from '../src/signing/region.js';

const C1_SECRET = '0123456789abcdef'.repeat(8);

test('vector S1: xlr-veracode-plugin mock server', () => {
  const id = '3ddaeeb10ca690df3fee5e3bd1c329fa';
  const { sig } = computeSignature({
    id, secret: id.repeat(4), host: 'localhost', pathAndQuery: '/api/4.0/detailedreportpdf.do?build_id=1',
    method: 'GET', ts: '1588878918722', nonce: 'a8d7fdb5aa22fc3fdb688fbb6807c2b4',
  });
  assert.equal(sig, '055490fe1aba6c309205ef5322b37a77a9de0646a318de23699e69ce4c5cb9d4');
});

test('vector S2: every intermediate key of the openssl walk-through', () => {
  const r = computeSignature({
    id: '684a28d91070e4ce68b2131e43c2d79b',
    secret: '38611f3f651c90091e0cd5389e8a836fa591829505ea0acf4b8f141a4b0b1779ed016fd1819ddd07f2bee100bf7ffec9f2b29ff719f9e818f3e40865719474e3',
    host: 'analysiscenter.veracode.com', pathAndQuery: '/api/5.0/getapplist.do', method: 'GET',
    ts: '1528471895699', nonce: '43a096639916c4f3925a44200cc2eeeb',
  });
  assert.deepEqual(r, {
    kNonce: 'fdadd4b99d0e80e2ff62c8462e649df50b7d8454bc44184385ad2d249eb0d3a2',
    kDate: 'cf2289384942ad95b591c15053dc2e91c16ec555722c4886329e697337240c98',
    kSig: '72163d368a280f9b5fc467baa1c181c391378e88b5bee0906569142d7d9d9e2f',
    sig: 'ec1241f682aac90594cb17c51044aee450abeecf4f3d837718109c3e933c72e2',
  });
});

test('vector C1 through the header builder', () => {
  const header = authorizationHeader(
    { id: '3ddaeeb10ca690df3fee5e3bd1c329fa', secret: C1_SECRET },
    { method: 'get', url: 'https://api.veracode.com/api/authn/v2/api_credentials' },
    { now: () => 1700000000000, nonce: () => '0123456789abcdef0123456789abcdef' },
  );
  assert.equal(
    header,
    'VERACODE-HMAC-SHA-256 id=3ddaeeb10ca690df3fee5e3bd1c329fa,ts=1700000000000,nonce=0123456789abcdef0123456789abcdef,sig=c70884784c1260173077191c8681835374d81904c85dd5333339082d109a58b6',
  );
  assert.deepEqual(parseAuthorizationHeader(header), {
    id: '3ddaeeb10ca690df3fee5e3bd1c329fa', ts: '1700000000000',
    nonce: '0123456789abcdef0123456789abcdef', sig: 'c70884784c1260173077191c8681835374d81904c85dd5333339082d109a58b6',
  });
});

test('vector C7: region-prefixed key signs with the stripped id and names the EU', () => {
  const key = validateKey('vera01ei-3ddaeeb10ca690df3fee5e3bd1c329fa', `vera01es-${C1_SECRET}`);
  assert.equal(key.region, 'eu');
  assert.equal(key.regionFromPrefix, true);
  const header = authorizationHeader(key, { method: 'GET', url: 'https://api.veracode.eu/api/authn/v2/users/self' }, {
    now: () => 1700000000000, nonce: () => '0123456789abcdef0123456789abcdef',
  });
  assert.match(header, /^VERACODE-HMAC-SHA-256 id=3ddaeeb10ca690df3fee5e3bd1c329fa,/);
  assert.match(header, /sig=30e35a3d037c870df079f11750d10a6f90f48fe90c4998101a6d946766d3012c$/);
});

test('signing data lowercases id and host, drops the port, keeps the raw query', () => {
  assert.equal(
    signingData({ id: 'ABCD', host: 'LocalHost:8443', pathAndQuery: '/a?b=%20c&d', method: 'post' }),
    'id=abcd&host=localhost&url=/a?b=%20c&d&method=POST',
  );
});

test('each call signs anew: a fresh nonce and timestamp', () => {
  const key = { id: '3ddaeeb10ca690df3fee5e3bd1c329fa', secret: C1_SECRET };
  const a = parseAuthorizationHeader(authorizationHeader(key, { method: 'GET', url: 'https://api.veracode.com/x' }))!;
  const b = parseAuthorizationHeader(authorizationHeader(key, { method: 'GET', url: 'https://api.veracode.com/x' }))!;
  assert.match(a.nonce, /^[0-9a-f]{32}$/);
  assert.notEqual(a.nonce, b.nonce);
  assert.notEqual(a.sig, b.sig);
});

test('region prefixes: g, e, f and none', () => {
  assert.equal(parseKeyPart('vera01gi-abc', 'id').region, 'com');
  assert.equal(parseKeyPart('vera01ei-abc', 'id').region, 'eu');
  assert.equal(parseKeyPart('vera01fi-abc', 'id').region, 'us');
  assert.deepEqual(parseKeyPart('abc', 'id'), { bare: 'abc' });
});

test('a bad prefix or a bad key names the rule and never echoes the secret', () => {
  const secret = C1_SECRET;
  assert.throws(() => validateKey('vera1ei-3ddaeeb10ca690df3fee5e3bd1c329fa', secret), /8 characters/);
  assert.throws(() => validateKey('vera01xi-3ddaeeb10ca690df3fee5e3bd1c329fa', secret), /unknown region "x"/);
  assert.throws(() => validateKey('3ddaeeb10ca690df', secret), /32 to 128 hex characters, found 16/);
  assert.throws(() => validateKey('zzzaeeb10ca690df3fee5e3bd1c329fa', secret), /id: must be hexadecimal/);
  const err = (() => {
    try { validateKey('3ddaeeb10ca690df3fee5e3bd1c329fa', `${secret.slice(0, 100)}`); } catch (e) { return e as KeyFormatError; }
    return undefined;
  })();
  assert.ok(err instanceof KeyFormatError);
  assert.equal(err.field, 'secret');
  assert.match(err.message, /128 to 1024 hex characters, found 100/);
  assert.ok(!err.message.includes(secret.slice(0, 100)));
  assert.throws(() => validateKey('vera01ei-3ddaeeb10ca690df3fee5e3bd1c329fa', `vera01fs-${secret}`), /disagrees/);
});

test('hosts: regions and loopback', () => {
  assert.equal(regionOfHost('api.veracode.eu'), 'eu');
  assert.equal(regionOfHost('API.VERACODE.COM'), 'com');
  assert.equal(regionOfHost('127.0.0.1'), undefined);
  assert.ok(isLoopbackHost('127.0.0.1'));
  assert.ok(isLoopbackHost('localhost'));
  assert.ok(isLoopbackHost('[::1]'));
  assert.ok(!isLoopbackHost('10.0.0.1'));
});

test('a secret with a stray dash is never quoted in the error', () => {
  const secret = `${'ab'.repeat(40)}-${C1_SECRET}`;
  const err = (() => {
    try { validateKey('3ddaeeb10ca690df3fee5e3bd1c329fa', secret); } catch (e) { return e as Error; }
    return undefined;
  })();
  assert.match(err!.message, /secret: the region prefix must be 8 characters before the dash/);
  assert.ok(!err!.message.includes('abab'));
});

test('splitKeyPrefix is the one split at the last dash; parseKeyPart and bareId agree with it', async () => {
  const { splitKeyPrefix } = await import('../src/signing/region.js');
  const { bareId } = await import('../src/credentials/sources.js');
  const { bareApiId } = await import('../src/identity/wire.js');
  assert.deepEqual(splitKeyPrefix(' vera01ei-3DDAEEB1 '), { prefix: 'vera01ei', bare: '3DDAEEB1' });
  assert.deepEqual(splitKeyPrefix('3ddaeeb1'), { prefix: null, bare: '3ddaeeb1' });
  // Never throws, even where parseKeyPart refuses the prefix.
  assert.deepEqual(splitKeyPrefix('bad-3ddaeeb1'), { prefix: 'bad', bare: '3ddaeeb1' });
  assert.equal(bareId('bad-3DDAEEB1'), '3ddaeeb1');
  assert.equal(bareApiId('vera01ei-3ddaeeb1'), '3ddaeeb1');
});
