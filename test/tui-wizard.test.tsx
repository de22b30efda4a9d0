import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateWizard } from '../components/create-wizard.js';
import { fakeContext } from './helpers/fake-service.js';
import { renderInk } from './helpers/ink.js';

let dir: string;
// Unmounted even when a test fails, or the live Ink instance keeps the process running.
const mounted: { unmount(): void }[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vcreds-wizard-'));
});
afterEach(() => {
  for (const ui of mounted.splice(0)) ui.unmount();
  rmSync(dir, { recursive: true, force: true });
});

async function mount(options: { isAdmin?: boolean; file?: string; prefillName?: string } = {}) {
  const credentialsPath = join(dir, 'credentials');
  if (options.file !== undefined) writeFileSync(credentialsPath, options.file, { mode: 0o600 });
  const ctx = fakeContext({ credentialsPath, serviceOptions: { caller: { isAdmin: options.isAdmin ?? true } } });
  const organisation = await ctx.service.loadOrganisation();
  const prefill = options.prefillName ? organisation.credentials.find((c) => c.name === options.prefillName) : undefined;
  const closed: boolean[] = [];
  const copied: string[] = [];
  const ui = renderInk(
    <CreateWizard
      ctx={ctx} organisation={organisation} prefill={prefill} width={90} height={30}
      onClose={(changed) => closed.push(changed)} copy={(t) => copied.push(t)}
    />,
  );
  mounted.push(ui);
  await ui.waitFor(prefill ? 'Name' : 'OAuth Client');
  await settle();
  return { ...ui, ctx, closed, copied, credentialsPath };
}

/** A screen that just appeared subscribes to keys in an effect: let it run before pressing (trap 3). */
async function settle() {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
}

/** The frame's text without the box border, lines joined, so wrapped sentences still match. */
function flat(frame: string): string {
  return frame.split('\n').map((l) => l.replace(/^[│╭╰]\s?|\s?[│╮╯]$/g, '').trim()).join(' ').replace(/\s+/g, ' ');
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
    await settle();
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
    await ui.waitFor('Snippet sent to the clipboard');
    assert.match(ui.copied[0]!, new RegExp(`^export VERACODE_OAUTH_CLIENT_ID=${made.id} VERACODE_OAUTH_CLIENT_SECRET=fake-secret-\\d+$`));
    await ui.press('e');
    await ui.waitFor((f) => !f.includes('VERACODE_OAUTH_CLIENT_SECRET='));

    // Leaving unsaved asks; n stays; copy makes leaving safe.
    await ui.press('y');
    await ui.waitFor('Secret sent to the clipboard');
    assert.match(ui.copied[1]!, /^fake-secret-\d+$/);
    await ui.press('enter');
    assert.deepEqual(ui.closed, [true]);
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
    await settle();
    await settle();
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
    await ui.waitFor(() => ui.closed.length > 0);
    assert.deepEqual(ui.closed, [true]);
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
    await settle();
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
    assert.ok(!text.includes('1111111111'));
    assert.ok(existsSync(`${ui.credentialsPath}.bak`));
  });

  test('leaving a secret that was not saved or copied asks, and y leaves', async () => {
    const ui = await mount({ isAdmin: false });
    await ui.press('down');
    await ui.press('enter');
    await ui.waitFor('Replace the current pair');
    await ui.press('enter');
    await ui.press('enter');
    await ui.waitFor('HMAC pair created');
    await settle();
    await ui.press('ctrl+c'); // asks, like q and Esc
    await ui.waitFor('Leave anyway? y/N');
    await ui.press('n');
    await ui.waitFor((f) => !f.includes('Leave anyway'));
    await ui.press('q');
    await ui.waitFor('Leave anyway? y/N');
    assert.deepEqual(ui.closed, []);
    await ui.press('y');
    assert.deepEqual(ui.closed, [true]);
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
    const credentialsPath = join(dir, 'credentials');
    const ctx = fakeContext({ credentialsPath, readOnly: true });
    const organisation = await ctx.service.loadOrganisation();
    const closed: boolean[] = [];
    const ui = renderInk(<CreateWizard ctx={ctx} organisation={organisation} width={90} height={30} onClose={(c) => closed.push(c)} />);
    mounted.push(ui);
    await ui.waitFor(has('Read-only mode: cannot create credentials'));
    await settle();
    await ui.press('enter');
    await ui.waitFor(() => closed.length > 0);
    assert.deepEqual(closed, [false]);
    assert.deepEqual(ctx.service.calls, ['loadOrganisation']);
  });

  test('Esc on the first step closes without change', async () => {
    const ui = await mount();
    await ui.press('escape');
    await ui.waitFor(() => ui.closed.length > 0);
    assert.deepEqual(ui.closed, [false]);
  });

  test('clone starts at the name, prefilled', async () => {
    const ui = await mount({ prefillName: 'ci-pipeline' });
    const frame = await ui.waitFor('Name: ci-pipeline (copy)');
    assert.match(frame, /Clone "ci-pipeline"/);
  });
});
