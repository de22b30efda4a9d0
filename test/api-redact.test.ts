import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REDACTED, redactBody, redactHeaders, redactText } from '../src/api/redact.js';

const SECRET = 'deadbeef'.repeat(16);

test('redactHeaders hides Authorization whatever its case, keeps the rest', () => {
  const out = redactHeaders({ Authorization: `VERACODE-HMAC-SHA-256 id=abc,ts=1,nonce=2,sig=${SECRET}`, accept: 'application/json', 'proxy-authorization': 'Basic eA==' });
  assert.equal(out.Authorization, REDACTED);
  assert.equal(out['proxy-authorization'], REDACTED);
  assert.equal(out.accept, 'application/json');
});

test('redactBody hides every secret field at any depth, as value or as text', () => {
  const body = {
    api_id: 'abc',
    api_secret: SECRET,
    nested: { client_secret: SECRET, list: [{ access_token: SECRET }] },
    veracode_api_key_secret: SECRET,
    secret_id: 'keep-me',
  };
  for (const input of [body, JSON.stringify(body)]) {
    const out = redactBody(input);
    assert.ok(!out.includes(SECRET), out);
    assert.match(out, /"api_id":"abc"/);
    assert.match(out, /"secret_id":"keep-me"/);
  }
});

test('non-JSON text: form fields, INI lines and auth schemes are redacted', () => {
  const text = `grant_type=client_credentials&client_secret=${SECRET}\nveracode_api_key_secret = ${SECRET}\nAuthorization: Basic ${Buffer.from(`id:${SECRET}`).toString('base64')}\nBearer ${SECRET}`;
  const out = redactText(text);
  assert.ok(!out.includes(SECRET), out);
  assert.ok(!out.includes(Buffer.from(`id:${SECRET}`).toString('base64')));
  assert.match(out, /grant_type=client_credentials/);
  assert.equal(redactBody(`"api_secret": "${SECRET}", broken json`).includes(SECRET), false);
});

test('credentials inside a URL (a proxy setting) are redacted', () => {
  assert.equal(redactText('via http://me:hunter2@proxy.lan:3128 now'), `via http://${REDACTED}@proxy.lan:3128 now`);
});
