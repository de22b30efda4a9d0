// End to end: SIGTERM reaches `node dist/vcreds.js --demo` (started directly by a private tmux
// server, so the pane's process is node) while the wizard's one-time screen holds a new OAuth
// client secret nobody saved. The process ends and the secret is on the normal screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ensureBuilt, scratchDir, startDemo } from './helpers/tmux.js';

let scratch: ReturnType<typeof scratchDir>;
before(() => {
  ensureBuilt();
  scratch = scratchDir('vcreds-e2e-signal-');
});
after(() => scratch.remove());

test('SIGTERM on the one-time secret screen: the process exits and prints the unsaved OAuth secret on the normal screen', async () => {
  const t = startDemo(scratch.path, { width: 80, height: 24 });
  try {
    await t.waitFor(/^1\/\d+ · /m, 'the list');
    t.keys('n');
    await t.waitFor('step 1 of 7: Type', 'the wizard');
    t.keys('Enter'); // OAuth Client
    await t.waitFor(': For whom', 'the owner step');
    t.keys('Enter'); // Myself
    await t.waitFor(': Name', 'the name step');
    t.type('e2e-sigterm');
    await t.waitFor('Name: e2e-sigterm', 'the typed name');
    t.keys('Enter');
    await t.waitFor(': Expiry', 'the expiry step');
    t.keys('Enter');
    await t.waitFor(': Description', 'the description step');
    t.keys('Enter');
    await t.waitFor(': Roles', 'the roles step');
    t.keys('Enter'); // all of my roles
    await t.waitFor(': Review', 'the review');
    t.keys('Enter');
    const shown = await t.waitFor(/Secret\s+•+…\w{4}/, 'the one-time secret screen with the masked secret');
    assert.match(shown, /OAuth client "e2e-sigterm" created/);
    const clientId = /Client ID\s+([0-9a-f-]{36})/.exec(shown)?.[1];
    assert.ok(clientId, `a client id on screen:\n${shown}`);
    const maskedTail = /Secret\s+•+…(\w{4})/.exec(shown)![1]!;
    assert.equal(t.format('#{alternate_on}'), '1');

    const pid = t.pid();
    assert.match(t.format('#{pane_current_command}'), /node/, 'the pane runs node itself, no shell in between');
    process.kill(pid, 'SIGTERM');
    const exit = await t.waitForExit();
    assert.deepEqual(exit, { status: 143, signal: null }, 'the app ends itself with 128+15 after handing the secret over');

    assert.equal(t.format('#{alternate_on}'), '0', 'the secret is printed after leaving the alternate screen');
    // Joined: the 80-column pane wraps the long lines; history: nothing scrolled off is missed.
    const after = t.screen({ history: true, joined: true });
    assert.match(after, /created but not saved/, `it says why it prints a secret:\n${after}`);
    assert.match(after, new RegExp(`VERACODE_OAUTH_CLIENT_ID=${clientId}`), 'the client id printed');
    const secret = /VERACODE_OAUTH_CLIENT_SECRET=(\S+)/.exec(after)?.[1];
    assert.ok(secret && secret.length >= 32, `the whole secret printed:\n${after}`);
    assert.ok(secret.endsWith(maskedTail), `the printed secret is the one that was on screen (…${maskedTail})`);
  } finally {
    t.stop();
  }
});
