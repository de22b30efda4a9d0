import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topOf } from '../src/tui/app/model.js';
import { fakeContext } from './helpers/fake-service.js';
import { flat, renderApp, type RenderedApp } from './helpers/ink.js';

let dir: string;
// Unmounted even when a test fails, or the live Ink instance keeps the process running.
const mounted: RenderedApp[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vcreds-wizard-'));
});
afterEach(() => {
  for (const ui of mounted.splice(0)) ui.unmount();
  rmSync(dir, { recursive: true, force: true });
});

/** The app with the wizard open (n), or the clone of an OAuth client (its details, then C). */
async function mount(options: { isAdmin?: boolean; file?: string; prefillName?: string } = {}) {
  const credentialsPath = join(dir, 'credentials');
  if (options.file !== undefined) writeFileSync(credentialsPath, options.file, { mode: 0o600 });
  const ctx = fakeContext({ credentialsPath, serviceOptions: { caller: { isAdmin: options.isAdmin ?? true } } });
  const ui = renderApp({ ctx, columns: 100, rows: 34 });
  mounted.push(ui);
  await ui.waitFor('credentials ·');
  if (options.prefillName) {
    await ui.type(`/${options.prefillName}`);
    await ui.press('escape');
    await ui.press('enter');
    await ui.waitFor('Client ID:');
    await ui.press('C');
    await ui.waitFor('Name');
  } else {
    await ui.press('n');
    await ui.waitFor('OAuth Client');
  }
  const wizardClosed = () => !ui.model().stack.some((s) => s.kind === 'wizard' || s.kind === 'secret');
  return { ...ui, ctx, copied: ui.copied, credentialsPath, wizardClosed };
}

const has = (text: string) => (frame: string) => flat(frame).includes(text);

async function type(ui: { press(key: string): Promise<void> }, text: string) {
  for (const ch of text) await ui.press(ch);
}

describe('create wizard', () => {
  test('walks an OAuth client end to end; a bad name stays on the step with the reason', async () => {
    const ui = await mount();
    await ui.press('enter'); // OAuth Client
    await ui.waitFor('Myself: alice@example.com');
    await ui.press('enter'); // myself
    await ui.waitFor('step 3 of 7: Name');
    await ui.press('enter');
    let frame = await ui.waitFor('Name is empty');
    assert.match(frame, /step 3 of 7: Name/);
    await type(ui, 'github-actions');
    await ui.press('enter');
    frame = await ui.waitFor('already used');
    assert.match(frame, /step 3 of 7: Name/);
    await ui.press('ctrl+u');
    await type(ui, 'deploy-bot');
    await ui.press('enter');
    frame = flat(await ui.waitFor('step 4 of 7: Expiry'));
    assert.match(frame, /maximum is 2027-11-26 \(365 days\)/);
    assert.match(frame, /expires 2027-11-26/);
    await ui.press('ctrl+u');
    await type(ui, '30');
    await ui.press('enter');
    await ui.waitFor('step 5 of 7: Description');
    await type(ui, 'deploys');
    await ui.press('escape'); // back keeps what was typed
    frame = await ui.waitFor('step 4 of 7');
    assert.match(frame, /Expiry: 30/);
    await ui.press('enter');
    frame = await ui.waitFor('step 5 of 7');
    assert.match(frame, /Description: deploys/);
    await ui.press('enter');
    frame = await ui.waitFor('step 6 of 7: Roles');
    assert.match(frame, /\[x\] Administrator/);
    await ui.press('space'); // clear Administrator: down-scope
    await ui.waitFor('[ ] Administrator');
    await ui.press('enter');
    frame = await ui.waitFor('step 7 of 7: Review');
    assert.match(frame, /deploy-bot/);
    assert.match(frame, /2026-12-26 \(30 days\)/);
    assert.match(frame, /Creator, Security Lead/);
    await ui.press('enter');
    frame = await ui.waitFor('created');
    await ui.idle();
    assert.ok(ui.ctx.service.calls.includes('createOAuthClient deploy-bot'));
    const made = ui.ctx.service.credentials.find((c) => c.name === 'deploy-bot')!;
    assert.deepEqual(made.roles.map((r) => r.name), ['Creator', 'Security Lead']);
    assert.equal(made.description, 'deploys');

    // Masked until v.
    assert.ok(!frame.includes('fake-secret-'), 'the secret is masked');
    assert.match(frame, /••••/);
    await ui.press('v');
    frame = await ui.waitFor(/fake-secret-\d+/);
    await ui.press('e');
    frame = await ui.waitFor('VERACODE_OAUTH_CLIENT_SECRET=');
    assert.match(frame, new RegExp(`export VERACODE_OAUTH_CLIENT_ID=${made.id} \\\\`));
    await ui.press('y'); // with the snippet shown, y copies the snippet
    await ui.waitFor('Snippet sent to');
    assert.match(ui.copied[0]!, new RegExp(`^export VERACODE_OAUTH_CLIENT_ID=${made.id} VERACODE_OAUTH_CLIENT_SECRET=fake-secret-\\d+$`));
    await ui.press('e');
    await ui.waitFor((f) => !f.includes('VERACODE_OAUTH_CLIENT_SECRET='));

    // Leaving unsaved asks; n stays; copy makes leaving safe.
    await ui.press('y');
    await ui.waitFor('Secret sent to');
    assert.match(ui.copied[1]!, /^fake-secret-\d+$/);
    await ui.press('enter');
    await ui.waitFor(ui.wizardClosed);
    assert.match(ui.model().flash?.text ?? '', /Created OAuth client "deploy-bot"/);
  });

  test('HMAC for another user: warns about the current pair, saves to a new 0600 file as "default"', async () => {
    const ui = await mount();
    await ui.press('down');
    await ui.press('enter');
    await ui.waitFor('For whom');
    await type(ui, 'bob');
    let frame = await ui.waitFor((f) => !f.includes('carol'));
    assert.match(frame, /bob@example\.com/);
    await ui.press('enter');
    frame = await ui.waitFor(has('stops working (at once or within 24 hours)'));
    assert.match(frame, /b2c3d4e5f60718293a4b5c6d7e8f9a01/);
    await ui.press('enter');
    await ui.waitFor('Review');
    await ui.press('enter');
    frame = await ui.waitFor('HMAC pair created');
    await ui.idle();
    await ui.idle();
    assert.ok(ui.ctx.service.calls.includes('generateHmac u-bob'));
    const secret = '1'.padEnd(128, 'a'); // the fake's first generated secret
    assert.ok(!frame.includes(secret));
    await ui.press('p');
    frame = await ui.waitFor('Save to profile: default');
    await ui.press('enter');
    frame = await ui.waitFor('Saved to profile [default]');
    const text = readFileSync(ui.credentialsPath, 'utf8');
    assert.match(text, /\[default\]/);
    assert.ok(text.includes(secret));
    assert.equal(statSync(ui.credentialsPath).mode & 0o777, 0o600);
    await ui.press('escape'); // saved: leaves without asking
    await ui.waitFor(ui.wizardClosed);
  });

  test('saving over an existing profile asks first and keeps a backup', async () => {
    const old = '[default]\nveracode_api_key_id = 11111111111111111111111111111111\nveracode_api_key_secret = ' + 'b'.repeat(128) + '\n';
    const ui = await mount({ isAdmin: false, file: old });
    await ui.press('down');
    await ui.press('enter');
    await ui.waitFor('Replace the current pair');
    await ui.press('enter');
    await ui.press('enter');
    const frame = flat(await ui.waitFor('HMAC pair created'));
    assert.match(frame, /Local profiles default, work hold the previous key/);
    await ui.idle();
    await ui.press('p');
    await ui.waitFor('Save to profile: default'); // suggested: the profile that held the old key
    await ui.press('ctrl+u');
    await type(ui, 'default');
    await ui.press('enter');
    await ui.waitFor('Profile [default] already exists');
    await ui.press('n');
    await ui.waitFor('Save to profile: default');
    assert.equal(readFileSync(ui.credentialsPath, 'utf8'), old, 'nothing written on no');
    await ui.press('enter');
    await ui.waitFor('Replace it?');
    await ui.press('y');
    await ui.waitFor('Saved to profile [default]');
    const text = readFileSync(ui.credentialsPath, 'utf8');
    assert.ok(!text.includes('1111111111'), text);
    // The previous file is kept beside it, named by the time it was replaced.
    const backups = readdirSync(dir).filter((f) => f.startsWith('credentials.bak.'));
    assert.equal(backups.length, 1);
    assert.ok(readFileSync(join(dir, backups[0]!), 'utf8').includes('1111111111'));
  });

  test('leaving a secret that was not saved or copied asks, and y leaves', async () => {
    const ui = await mount({ isAdmin: false });
    await ui.press('down');
    await ui.press('enter');
    await ui.waitFor('Replace the current pair');
    await ui.press('enter');
    await ui.press('enter');
    await ui.waitFor('HMAC pair created');
    await ui.idle();
    await ui.press('ctrl+c'); // asks, like q and Esc, but to quit the app
    await ui.waitFor('Quit vcreds anyway? y/N');
    await ui.press('n');
    await ui.waitFor((f) => !f.includes('Leave anyway'));
    await ui.press('q');
    await ui.waitFor('Leave anyway? y/N');
    assert.equal(topOf(ui.model()).kind, 'secret');
    await ui.press('y');
    await ui.waitFor(ui.wizardClosed);
    assert.deepEqual(ui.exitCodes, [], 'q on the secret screen leaves it, not the app');
  });

  test('a failed request keeps the draft and retries; an uncertain one says to refresh', async () => {
    const ui = await mount({ isAdmin: false });
    const real = ui.ctx.service.createOAuthClient.bind(ui.ctx.service);
    let failures = 2;
    ui.ctx.service.createOAuthClient = async (input) => {
      if (failures-- === 2) throw new Error('POST /oauth_clients failed (400): name too fancy');
      if (failures === 0) throw Object.assign(new Error('POST /oauth_clients timed out'), { mayHaveReachedServer: true });
      return real(input);
    };
    await ui.press('enter');
    await ui.waitFor('Name');
    await type(ui, 'x1');
    for (let i = 0; i < 5; i++) await ui.press('enter');
    let frame = await ui.waitFor('name too fancy');
    assert.match(frame, /press r to try again/);
    await ui.press('escape');
    frame = await ui.waitFor('Review');
    assert.match(frame, /x1/);
    await ui.press('enter');
    frame = flat(await ui.waitFor('timed out'));
    assert.match(frame, /may have reached Veracode/);
    await ui.press('r');
    await ui.waitFor('created');
  });

  test('read-only mode refuses to create', async () => {
    const ctx = fakeContext({ credentialsPath: join(dir, 'credentials'), readOnly: true });
    const ui = renderApp({ ctx });
    mounted.push(ui);
    await ui.waitFor('10 credentials');
    await ui.press('n');
    await ui.waitFor('Read-only mode: cannot create credentials');
    assert.equal(topOf(ui.model()).kind, 'list');
    assert.deepEqual(ctx.service.calls, ['loadOrganisation']);
  });

  test('Esc on the first step closes without change', async () => {
    const ui = await mount();
    await ui.press('escape');
    await ui.waitFor(ui.wizardClosed);
    assert.ok(!ui.ctx.service.calls.some((c) => /generate|create/.test(c)));
  });

  test('clone starts at the name, prefilled', async () => {
    const ui = await mount({ prefillName: 'ci-pipeline' });
    const frame = await ui.waitFor('Name: ci-pipeline (copy)');
    assert.match(frame, /Clone "ci-pipeline"/);
  });
});
