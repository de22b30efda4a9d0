// A secret the server just created is held in the unsaved-secrets registry from the moment it
// arrives until it is saved, copied or knowingly left, so a crash handler can still print it.
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heldSecrets, heldSecretsText, holdSecret, secretLabel, secretLines } from '../src/ops/held-secrets.js';
import { fakeContext } from './helpers/fake-service.js';
import { renderApp, type RenderedApp } from './helpers/ink.js';

describe('held-secrets registry', () => {
  test('holds until released; releasing twice is harmless; callers get copies', () => {
    assert.deepEqual(heldSecrets(), []);
    assert.equal(heldSecretsText(), '');
    const a = holdSecret({ kind: 'hmac', id: 'abc', secret: 's3cr3t', name: null, ownerName: 'alice', expiresAt: null });
    const b = holdSecret({ kind: 'oauth', id: 'x', secret: 'y', name: 'x', ownerName: 'bob', expiresAt: null });
    const held = heldSecrets();
    assert.deepEqual(held.map(secretLabel), ['HMAC key abc of alice', 'OAuth client "x" of bob']);
    held[0]!.secret = 'tampered';
    assert.equal(heldSecrets()[0]!.secret, 's3cr3t');
    const text = heldSecretsText();
    assert.match(text, /created but not saved/);
    assert.match(text, /\n {2}veracode_api_key_secret = s3cr3t\n/);
    a.release();
    a.release();
    assert.deepEqual(heldSecrets().map(secretLabel), ['OAuth client "x" of bob']);
    b.release();
    assert.deepEqual(heldSecrets(), []);
  });
});

let dir: string;
const mounted: RenderedApp[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vcreds-unsaved-'));
});
afterEach(() => {
  for (const ui of mounted.splice(0)) ui.unmount();
  rmSync(dir, { recursive: true, force: true });
});

async function createHmac() {
  const credentialsPath = join(dir, 'credentials');
  const ctx = fakeContext({ credentialsPath, serviceOptions: { caller: { isAdmin: false } } });
  const ui = renderApp({ ctx, rows: 34 });
  mounted.push(ui);
  await ui.waitFor('credentials ·');
  await ui.press('n');
  await ui.waitFor('OAuth Client');
  await ui.press('down');
  await ui.press('enter');
  await ui.waitFor('Replace the current pair');
  await ui.press('enter');
  await ui.press('enter');
  const frame = await ui.waitFor('HMAC pair created');
  await ui.idle();
  const id = /API ID\s+([0-9a-f]{32})/.exec(frame)![1]!;
  return { ui, credentialsPath, id };
}

describe('the secret screens hold what they show', () => {
  test('a created HMAC pair is held while shown, and released once saved to a profile', async () => {
    const { ui, credentialsPath, id } = await createHmac();
    const secret = '1'.padEnd(128, 'a'); // the fake's first generated secret
    assert.deepEqual(heldSecrets().map((h) => ({ label: secretLabel(h), lines: secretLines(h) })), [{
      label: `HMAC key ${id} of alice@example.com`,
      lines: [`veracode_api_key_id = ${id}`, `veracode_api_key_secret = ${secret}`],
    }]);
    await ui.press('p');
    await ui.waitFor('Save to profile: default');
    await ui.press('escape'); // a cancelled prompt saves nothing: still held
    await ui.waitFor((f) => !f.includes('Save to profile'));
    assert.equal(heldSecrets().length, 1);
    await ui.press('p');
    await ui.waitFor('Save to profile: default');
    await ui.press('enter');
    await ui.waitFor('Saved to profile [default]');
    assert.ok(readFileSync(credentialsPath, 'utf8').includes(secret));
    assert.deepEqual(heldSecrets(), []);
  });

  test('leaving unsaved: n keeps it held, y lets it go', async () => {
    const { ui } = await createHmac();
    await ui.press('escape');
    await ui.waitFor('Leave anyway? y/N');
    await ui.press('n');
    await ui.waitFor((f) => !f.includes('Leave anyway'));
    assert.equal(heldSecrets().length, 1);
    await ui.press('escape');
    await ui.waitFor('Leave anyway? y/N');
    await ui.press('y');
    await ui.idle();
    assert.deepEqual(heldSecrets(), []);
  });

  test('a rotated OAuth secret is held from its arrival until copied', async () => {
    const id = '0a1b2c3d-1111-4000-8000-000000000001';
    const ctx = fakeContext({ credentialsPath: join(dir, 'credentials') });
    const ui = renderApp({ ctx, rows: 34 });
    mounted.push(ui);
    await ui.waitFor('10 credentials');
    await ui.type(`/${id}`);
    await ui.press('escape');
    await ui.press('r');
    await ui.waitFor('Rotate now?');
    assert.deepEqual(heldSecrets(), []);
    await ui.press('y');
    await ui.waitFor('new secret');
    await ui.idle();
    const [held] = heldSecrets();
    assert.match(secretLabel(held!), /OAuth client "ci-pipeline" of .*, secret /);
    assert.equal(secretLines(held!)[0], `VERACODE_OAUTH_CLIENT_ID=${id}`);
    assert.match(secretLines(held!)[1]!, /^VERACODE_OAUTH_CLIENT_SECRET=fake-secret-\d+$/);
    await ui.press('y');
    await ui.waitFor('clipboard');
    assert.equal(ui.copied.length, 1);
    assert.deepEqual(heldSecrets(), []);
  });
});
