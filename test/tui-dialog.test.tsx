import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RevokeDialog } from '../components/revoke-dialog.js';
import { RotateDialog } from '../components/rotate-dialog.js';
import { viewOf } from '../src/model/credential.js';
import { FAKE_NOW, fakeContext, type FakeContextOverrides } from './helpers/fake-service.js';
import { renderInk } from './helpers/ink.js';

let dir: string;
const mounted: { unmount(): void }[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vcreds-dialog-'));
});
afterEach(() => {
  for (const ui of mounted.splice(0)) ui.unmount();
  rmSync(dir, { recursive: true, force: true });
});

function flat(frame: string): string {
  return frame.split('\n').map((l) => l.replace(/^[│╭╰]\s?|\s?[│╮╯]$/g, '').trim()).join(' ').replace(/\s+/g, ' ');
}
const has = (text: string) => (frame: string) => flat(frame).includes(text);
async function settle() {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
}

const ALICE_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const OLD_SECRET = 'c'.repeat(128);
const FILE = `[default]\nveracode_api_key_id = ${ALICE_ID}\nveracode_api_key_secret = ${OLD_SECRET}\n\n[work]\nveracode_api_key_id = ${ALICE_ID}\nveracode_api_key_secret = ${OLD_SECRET}\n`;

async function mount(kind: 'revoke' | 'rotate', id: string, overrides: FakeContextOverrides = {}, prepare?: (ctx: ReturnType<typeof fakeContext>) => Promise<unknown>) {
  const credentialsPath = join(dir, 'credentials');
  writeFileSync(credentialsPath, FILE, { mode: 0o600 });
  const ctx = fakeContext({ credentialsPath, ...overrides });
  await prepare?.(ctx);
  const credential = viewOf(ctx.service.credentials.find((c) => c.id === id)!, FAKE_NOW);
  const closed: boolean[] = [];
  const onClose = (changed: boolean) => closed.push(changed);
  const ui = renderInk(kind === 'revoke'
    ? <RevokeDialog ctx={ctx} credential={credential} width={90} onClose={onClose} />
    : <RotateDialog ctx={ctx} credential={credential} width={90} height={30} onClose={onClose} copy={() => {}} />);
  mounted.push(ui);
  await ui.waitFor(kind === 'revoke' ? 'Revoke' : 'Rotate');
  await settle();
  return { ...ui, ctx, closed, credentialsPath };
}

async function type(ui: { press(key: string): Promise<void> }, text: string) {
  for (const ch of text) await ui.press(ch);
}

describe('revoke dialog', () => {
  test('says what stops working; wrong last 4 refused, the right ones (any case) revoke', async () => {
    const ui = await mount('revoke', ALICE_ID);
    let frame = flat(ui.lastFrame());
    assert.match(frame, new RegExp(`Every script and pipeline using API id ${ALICE_ID} \\(including local profiles default, work\\) stops working at once`));
    assert.match(frame, /alice@example\.com \(user\)/);
    await type(ui, 'abcd');
    await ui.press('enter');
    frame = flat(await ui.waitFor(has('is not the last 4 characters')));
    assert.match(frame, /"abcd"/);
    assert.ok(!ui.ctx.service.calls.some((c) => c.startsWith('revoke')));
    await ui.press('ctrl+u'); // clears what was typed
    await type(ui, '8F90');
    await ui.press('enter');
    frame = flat(await ui.waitFor(has(`Revoked ${ALICE_ID}`)));
    assert.match(frame, /Local profiles default, work still hold the revoked key/);
    assert.ok(ui.ctx.service.calls.includes(`revokeHmac ${ALICE_ID}`));
    await ui.press('enter');
    await ui.waitFor(() => ui.closed.length > 0);
    assert.deepEqual(ui.closed, [true]);
  });

  test('OAuth: tokens can no longer be obtained; a failure stays open and retries', async () => {
    const id = '0a1b2c3d-1111-4000-8000-000000000001';
    const ui = await mount('revoke', id);
    assert.match(flat(ui.lastFrame()), /Tokens for client "ci-pipeline" .* can no longer be obtained/);
    const real = ui.ctx.service.revokeOAuthClient.bind(ui.ctx.service);
    let fail = true;
    ui.ctx.service.revokeOAuthClient = async (clientId) => {
      if (fail) { fail = false; throw new Error('DELETE /oauth_clients failed (503): try later'); }
      return real(clientId);
    };
    await type(ui, '0001');
    await ui.press('enter');
    await ui.waitFor(has('Revoking failed: DELETE /oauth_clients failed (503): try later'));
    assert.deepEqual(ui.closed, []);
    await ui.press('r');
    await ui.waitFor(has(`Revoked ${id}`));
    assert.ok(ui.ctx.service.calls.includes(`revokeOAuthClient ${id}`));
  });

  test('refuses in read-only mode and for an already revoked credential', async () => {
    let ui = await mount('revoke', ALICE_ID, { readOnly: true });
    assert.match(flat(ui.lastFrame()), /Read-only mode: cannot revoke/);
    await type(ui, '8f90');
    await ui.press('enter');
    await ui.waitFor(() => ui.closed.length > 0);
    assert.deepEqual(ui.closed, [false]);
    assert.ok(!ui.ctx.service.calls.some((c) => c.startsWith('revoke')));
    ui = await mount('revoke', 'd4e5f60718293a4b5c6d7e8f9a0b1c23');
    assert.match(flat(ui.lastFrame()), /already revoked on/);
  });
});

describe('rotate dialog', () => {
  test('HMAC: explains, rotates on y, updates both profiles and reports each step', async () => {
    const ui = await mount('rotate', ALICE_ID);
    let frame = flat(ui.lastFrame());
    assert.match(frame, /stops working \(at once or within 24 hours\)/);
    assert.match(frame, /Local profiles default, work .* will be updated .* with a backup/);
    await ui.press('y');
    frame = flat(await ui.waitFor(has('Profiles default, work updated')));
    assert.match(frame, /A signed test call with the new key succeeded/);
    const text = readFileSync(ui.credentialsPath, 'utf8');
    assert.ok(!text.includes(ALICE_ID), 'the old id is gone from the file');
    assert.ok(!text.includes(OLD_SECRET));
    assert.ok(!frame.includes('aaaaaaaa'), 'the new secret is not shown when it is safely stored');
    await ui.press('enter');
    await ui.waitFor(() => ui.closed.length > 0);
    assert.deepEqual(ui.closed, [true]);
  });

  test('HMAC: a failed proof restores the file and keeps the new secret on screen until saved', async () => {
    const ui = await mount('rotate', ALICE_ID, { proveHmacKey: async () => { throw new Error('401 from the API'); } });
    await ui.press('y');
    let frame = flat(await ui.waitFor(has('NOT safely stored')));
    assert.match(frame, /A signed test call with the new key failed/);
    assert.match(frame, /Profiles default, work were updated, then put back as they were/);
    assert.equal(readFileSync(ui.credentialsPath, 'utf8'), FILE);
    assert.match(frame, /••••/);
    await settle();
    await ui.press('escape');
    await ui.waitFor('Leave anyway? y/N');
    await ui.press('n');
    await ui.press('v');
    await ui.waitFor((f) => f.replace(/\s/g, '').includes('1'.padEnd(128, 'a')));
    await ui.press('p');
    // Suggested: the profile that held the old key, which stops working; replacing it asks.
    await ui.waitFor('Save to profile: default');
    await ui.press('enter');
    await ui.waitFor('Replace it? y/N');
    await ui.press('y');
    await ui.waitFor(has('Saved to profile [default]'));
    assert.ok(readFileSync(ui.credentialsPath, 'utf8').includes('1'.padEnd(128, 'a')));
    await ui.press('enter');
    await ui.waitFor(() => ui.closed.length > 0);
    assert.deepEqual(ui.closed, [true]);
  });

  test('OAuth: adds a secret shown once, then offers to retire the old one', async () => {
    const id = '0a1b2c3d-1111-4000-8000-000000000001';
    const ui = await mount('rotate', id);
    assert.match(flat(ui.lastFrame()), /current secret keeps working until you retire it/);
    await ui.press('y');
    let frame = flat(await ui.waitFor(has('new secret')));
    assert.match(frame, /A token request with the new secret succeeded/);
    assert.ok(!frame.includes('fake-secret-1'));
    await settle();
    await ui.press('y'); // copy
    await ui.waitFor('clipboard');
    await ui.press('enter');
    frame = flat(await ui.waitFor(has('retire the previous secret?')));
    assert.match(frame, new RegExp(`${id}-s1`));
    await ui.press('y');
    await ui.waitFor(has(`Retired ${id}-s1`));
    assert.ok(ui.ctx.service.calls.includes(`retireOAuthSecret ${id} ${id}-s1`));
    const client = ui.ctx.service.credentials.find((c) => c.id === id)!;
    assert.deepEqual(client.secrets.map((s) => s.secretId), [`${id}-n1`]);
    await ui.press('enter');
    await ui.waitFor(() => ui.closed.length > 0);
    assert.deepEqual(ui.closed, [true]);
  });

  test('OAuth at the limit of two live secrets: says so, retires the oldest first, offers the other', async () => {
    const id = '0a1b2c3d-1111-4000-8000-000000000001';
    const ui = await mount('rotate', id, {}, (ctx) => ctx.service.addOAuthSecret(id));
    assert.match(flat(ui.lastFrame()), new RegExp(`already has 2 live secrets.*the oldest, ${id}-s1 .* is retired first`));
    await ui.press('y');
    await ui.waitFor(has('new secret'));
    assert.deepEqual(ui.ctx.service.calls.slice(-2), [`retireOAuthSecret ${id} ${id}-s1`, `addOAuthSecret ${id}`]);
    await settle();
    await ui.press('y');
    await ui.press('enter');
    const frame = flat(await ui.waitFor(has('retire the previous secret?')));
    assert.match(frame, new RegExp(`${id}-n1`));
    assert.ok(!frame.includes(`${id}-s1`));
  });
});
