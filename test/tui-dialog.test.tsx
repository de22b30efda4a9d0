// The revoke and rotate dialogs, driven through the whole app as a user does: select a row, d or
// r, confirm. What stops working is said before, what happened is shown after (on the row, the
// status line and the messages screen), and the key vcreds itself signs with needs a typed "yes".
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topOf } from '../src/tui/app/model.js';
import { selectedCredential } from '../src/tui/list/rows.js';
import { fakeContext, type FakeContextOverrides } from './helpers/fake-service.js';
import { flat, renderApp, type RenderedApp } from './helpers/ink.js';

let dir: string;
const mounted: RenderedApp[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vcreds-dialog-'));
});
afterEach(() => {
  for (const ui of mounted.splice(0)) ui.unmount();
  rmSync(dir, { recursive: true, force: true });
});

const has = (text: string) => (frame: string) => flat(frame).includes(text);

const ALICE_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const CI_PIPELINE = '0a1b2c3d-1111-4000-8000-000000000001';
const OLD_SECRET = 'c'.repeat(128);
const FILE = `[default]\nveracode_api_key_id = ${ALICE_ID}\nveracode_api_key_secret = ${OLD_SECRET}\n\n[work]\nveracode_api_key_id = ${ALICE_ID}\nveracode_api_key_secret = ${OLD_SECRET}\n`;

/** The app over a fake service and a real credentials file, with `id` selected and `key` pressed. */
async function mount(key: 'd' | 'r', id: string, overrides: FakeContextOverrides = {}, prepare?: (ctx: ReturnType<typeof fakeContext>) => Promise<unknown>) {
  const credentialsPath = join(dir, 'credentials');
  writeFileSync(credentialsPath, FILE, { mode: 0o600 });
  const ctx = fakeContext({ credentialsPath, ...overrides });
  await prepare?.(ctx);
  const app = renderApp({ ctx, columns: 100, rows: 40 });
  mounted.push(app);
  await app.waitFor('10 credentials');
  // Found by a search, which Esc then clears: the selection stays on the credential found.
  await app.type(`/${id}`);
  await app.press('escape');
  await app.idle();
  assert.equal(selectedCredential(app.model())?.id, id);
  assert.equal(app.model().search.value, '');
  await app.type(key);
  await app.waitFor(key === 'd' ? 'Revoke' : 'Rotate');
  return { app, ctx, credentialsPath };
}

const lastMessage = (app: RenderedApp) => app.model().messages.at(-1)?.text ?? '';

describe('revoke dialog', () => {
  test('says what stops working; wrong last 4 refused, the right ones (any case) revoke', async () => {
    const { app, ctx } = await mount('d', ALICE_ID);
    let frame = flat(app.lastFrame());
    assert.match(frame, new RegExp(`Every script and pipeline using API id ${ALICE_ID} \\(including local profiles default, work\\) stops working at once`));
    assert.match(frame, /alice@example\.com \(user\)/);
    await app.type('abcd');
    await app.press('enter');
    frame = flat(await app.waitFor(has('is not the last 4 characters')));
    assert.match(frame, /"abcd"/);
    assert.ok(!ctx.service.calls.some((c) => c.startsWith('revoke')));
    await app.press('ctrl+u'); // clears what was typed
    await app.type('8F90');
    await app.press('enter');
    frame = await app.waitFor(/Revoked a1b2c3…8f90/);
    assert.ok(ctx.service.calls.includes(`revokeHmac ${ALICE_ID}`));
    assert.equal(topOf(app.model()).kind, 'list', 'the dialog closes');
    assert.match(lastMessage(app), /Local profiles default, work still hold it/);
  });

  test('OAuth: tokens can no longer be obtained; a failure stays open and retries', async () => {
    const { app, ctx } = await mount('d', CI_PIPELINE);
    assert.match(flat(app.lastFrame()), /Tokens for client "ci-pipeline" .* can no longer be obtained/);
    const real = ctx.service.revokeOAuthClient.bind(ctx.service);
    let fail = true;
    ctx.service.revokeOAuthClient = async (clientId) => {
      if (fail) { fail = false; throw new Error('DELETE /oauth_clients failed (503): try later'); }
      return real(clientId);
    };
    await app.type('0001');
    await app.press('enter');
    await app.waitFor(has('Revoking failed: DELETE /oauth_clients failed (503): try later'));
    assert.equal(topOf(app.model()).kind, 'revoke', 'still open');
    await app.press('r');
    await app.waitFor(/Revoked 0a1b2c…0001/);
    assert.ok(ctx.service.calls.includes(`revokeOAuthClient ${CI_PIPELINE}`));
  });

  test('refuses in read-only mode and for an already revoked credential', async () => {
    const credentialsPath = join(dir, 'credentials');
    const app = renderApp({ ctx: fakeContext({ credentialsPath, readOnly: true }) });
    mounted.push(app);
    await app.waitFor('10 credentials');
    await app.type('d');
    await app.waitFor('Read-only mode: cannot revoke');
    assert.equal(topOf(app.model()).kind, 'list');
    const live = renderApp({ ctx: fakeContext({ credentialsPath }) });
    mounted.push(live);
    await live.waitFor('10 credentials');
    await live.type('/9a0b1c23\r');
    await live.type('d');
    await live.waitFor('already revoked on');
    assert.equal(topOf(live.model()).kind, 'list');
    assert.ok(!live.ctx.service.calls.some((c) => c.startsWith('revoke')));
  });
});

describe('rotate dialog', () => {
  test('HMAC: explains, rotates on y, updates both profiles and reports each step', async () => {
    const { app, credentialsPath } = await mount('r', ALICE_ID);
    let frame = flat(app.lastFrame());
    assert.match(frame, /stops working once the server retires it \(Veracode keeps it for up to 24 hours\)/);
    assert.match(frame, /Local profiles default, work .* will be updated .* with a backup/);
    await app.press('y');
    frame = flat(await app.waitFor(has('Profiles default, work updated')));
    assert.match(frame, /A signed test call with the new key succeeded/);
    const text = readFileSync(credentialsPath, 'utf8');
    assert.ok(!text.includes(ALICE_ID), 'the old id is gone from the file');
    assert.ok(!text.includes(OLD_SECRET));
    assert.ok(!frame.includes('aaaaaaaa'), 'the new secret is not shown when it is safely stored');
    const fresh = selectedCredential(app.model())!;
    assert.notEqual(fresh.id, ALICE_ID, 'the new key is selected at once');
    await app.press('enter');
    await app.waitFor(() => topOf(app.model()).kind === 'list');
  });

  test('HMAC: a failed proof restores the file and keeps the new secret on screen until saved', async () => {
    const { app, credentialsPath } = await mount('r', ALICE_ID, { proveHmacKey: async () => { throw new Error('401 from the API'); } });
    await app.press('y');
    let frame = flat(await app.waitFor(has('NOT safely stored')));
    assert.match(frame, /A signed test call with the new key failed/);
    assert.match(frame, /Profiles default, work were updated, then put back as they were/);
    assert.equal(readFileSync(credentialsPath, 'utf8'), FILE);
    assert.match(frame, /••••/);
    await app.press('escape');
    await app.waitFor('Leave anyway? y/N');
    await app.press('n');
    await app.press('v');
    await app.waitFor((f) => f.replace(/[\s│]/g, '').includes('1'.padEnd(128, 'a')));
    await app.press('p');
    // Suggested: the profile that held the old key, which stops working; replacing it asks.
    await app.waitFor('Save to profile: default');
    await app.press('enter');
    await app.waitFor('Replace it? y/N');
    await app.press('y');
    await app.waitFor(has('Saved to profile [default]'));
    assert.ok(readFileSync(credentialsPath, 'utf8').includes('1'.padEnd(128, 'a')));
    await app.press('enter');
    await app.waitFor(() => topOf(app.model()).kind !== 'secret');
  });

  test('OAuth: adds a secret shown once, then offers to retire the old one', async () => {
    const { app, ctx } = await mount('r', CI_PIPELINE);
    assert.match(flat(app.lastFrame()), /current secret keeps working until you retire it/);
    await app.press('y');
    let frame = flat(await app.waitFor(has('new secret')));
    assert.match(frame, /A token request with the new secret succeeded/);
    assert.ok(!frame.includes('fake-secret-1'));
    await app.press('y'); // copy
    await app.waitFor('clipboard');
    assert.match(app.copied.at(-1)!, /^fake-secret-\d+$/);
    await app.press('enter');
    frame = flat(await app.waitFor(has('retire the previous secret?')));
    assert.match(frame, new RegExp(`${CI_PIPELINE}-s1`));
    await app.press('y');
    await app.waitFor(has(`Retired ${CI_PIPELINE}-s1`));
    assert.ok(ctx.service.calls.includes(`retireOAuthSecret ${CI_PIPELINE} ${CI_PIPELINE}-s1`));
    const client = ctx.service.credentials.find((c) => c.id === CI_PIPELINE)!;
    assert.deepEqual(client.secrets.map((s) => s.secretId), [`${CI_PIPELINE}-n1`]);
    await app.press('enter');
    await app.waitFor(() => topOf(app.model()).kind === 'list');
  });

  test('OAuth at the limit of two live secrets: says so, retires the oldest first, offers the other', async () => {
    const { app, ctx } = await mount('r', CI_PIPELINE, {}, (c) => c.service.addOAuthSecret(CI_PIPELINE));
    assert.match(flat(app.lastFrame()), new RegExp(`already has 2 live secrets.*the oldest, ${CI_PIPELINE}-s1 .* is retired first`));
    await app.press('y');
    await app.waitFor(has('new secret'));
    assert.deepEqual(ctx.service.calls.filter((c) => /OAuthSecret/.test(c)).slice(-2), [`retireOAuthSecret ${CI_PIPELINE} ${CI_PIPELINE}-s1`, `addOAuthSecret ${CI_PIPELINE}`]);
    await app.press('y');
    await app.press('enter');
    const frame = flat(await app.waitFor(has('retire the previous secret?')));
    assert.match(frame, new RegExp(`${CI_PIPELINE}-n1`));
    assert.ok(!frame.includes(`${CI_PIPELINE}-s1`));
  });
});

describe('safety in sight', () => {
  const SELF = { signingKeyId: () => ALICE_ID };

  test('revoking the key vcreds signs with says so and needs the typed confirmation', async () => {
    const { app, ctx } = await mount('d', ALICE_ID, SELF);
    assert.match(flat(app.lastFrame()), /vcreds itself is using this key: it and every profile holding it stop working/);
    await app.press('y'); // not a confirmation here: a letter of the typed field
    await app.press('enter');
    await app.waitFor(has('is not the last 4 characters'));
    assert.ok(!ctx.service.calls.some((c) => c.startsWith('revoke')));
    await app.press('ctrl+u');
    await app.type('8f90\r');
    await app.waitFor(/Revoked a1b2c3…8f90/);
    assert.match(lastMessage(app), /vcreds itself was signing with it/);
  });

  test('rotating the key vcreds signs with needs the typed confirmation too, not y', async () => {
    const { app, ctx } = await mount('r', ALICE_ID, SELF);
    const frame = flat(app.lastFrame());
    assert.match(frame, /vcreds itself is using this key/);
    assert.match(frame, /Type the last 4 characters of the id \(8f90\)/);
    assert.doesNotMatch(frame, /Rotate now\? y\/N/);
    await app.press('y');
    await app.idle();
    assert.ok(!ctx.service.calls.some((c) => c.startsWith('generateHmac')), 'y does not rotate the signing key');
    assert.equal(topOf(app.model()).kind, 'rotate');
    await app.press('ctrl+u');
    await app.type('8f90\r');
    await app.waitFor(has('Profiles default, work updated'));
    assert.ok(ctx.service.calls.some((c) => c.startsWith('generateHmac')));
  });

  test('after a revoke the row shows revoked at once and is selected, even when the reload fails', async () => {
    const { app, ctx } = await mount('d', CI_PIPELINE);
    ctx.service.loadOrganisation = async () => {
      throw new Error('connection reset');
    };
    await app.type('0001\r');
    const frame = await app.waitFor('Loading failed: connection reset', 3000).catch(() => app.waitFor('connection reset'));
    const selected = selectedCredential(app.model())!;
    assert.equal(selected.id, CI_PIPELINE);
    assert.equal(selected.status, 'revoked');
    const row = frame.split('\n').find((l) => l.startsWith('›')) ?? '';
    assert.match(row, /ci-pipel/);
    assert.match(row, /⊘ revoked/);
    assert.ok(app.model().messages.some((m) => /^Revoked 0a1b2c…0001/.test(m.text)), 'the message says what was revoked');
  });

  test('the messages screen (m) keeps the last 100 messages whole, with their times', async () => {
    const app = renderApp({ rows: 40 });
    mounted.push(app);
    await app.waitFor('10 credentials');
    const long = `${'a long message that does not fit on one line of the status line; '.repeat(3)}END`;
    for (let i = 0; i < 104; i++) app.store()!.send({ kind: 'note', text: i === 103 ? long : `note ${i}`, tone: 'info' });
    await app.idle();
    const messages = app.model().messages;
    assert.equal(messages.length, 100);
    assert.equal(messages[0]!.text, 'note 4', 'the oldest went first');
    assert.equal(messages.at(-1)!.text, long, 'whole, not cut');
    await app.type('m');
    const frame = await app.waitFor('Messages (100)');
    assert.match(flat(frame), /\d\d:\d\d:\d\d a long message/);
    assert.match(flat(frame), /END/, 'the long message is shown whole, wrapped');
    await app.type('g');
    await app.waitFor(/\d\d:\d\d:\d\d note 4\b/);
  });
});
