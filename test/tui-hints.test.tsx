// What the hint bars offer matches what the screen can do; details fit 80 columns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeContext } from './helpers/fake-service.js';
import { renderApp } from './helpers/ink.js';

const loaded = (f: string) => f.includes('10 credentials');
/** The list's hint bar: its last two lines. */
const hintLine = (frame: string) => frame.trimEnd().split('\n').slice(-2).join('\n');
/** An overlay's hint line: the one holding its way out. */
const overlayHints = (frame: string, out: string) => frame.split('\n').find((l) => l.includes(out)) ?? '';

test('at 80 columns the list hint bar still shows "? help"; read-only it offers no changes', async () => {
  const app = renderApp({ ctx: fakeContext({ readOnly: true }), columns: 80, rows: 24 });
  try {
    const f = await app.waitFor(loaded);
    const hints = hintLine(f);
    assert.match(hints, /\? help/);
    assert.doesNotMatch(hints, /n new|d revoke|r rotate/);
    await app.press('enter');
    const details = await app.waitFor('HMAC credential of');
    assert.match(overlayHints(details, 'Esc/q back'), /\? help/);
    assert.doesNotMatch(overlayHints(details, 'Esc/q back'), /revoke|rotate|clone/);
  } finally {
    app.unmount();
  }
});

test('HMAC details do not hint at clone; OAuth secrets show their expiry at 80 columns', async () => {
  const app = renderApp({ columns: 80, rows: 40 });
  try {
    await app.waitFor(loaded);
    await app.press('/');
    for (const ch of 'a1b2c3d4e5') await app.press(ch);
    await app.press('enter');
    await app.press('enter');
    const hmac = await app.waitFor('HMAC credential of');
    assert.match(overlayHints(hmac, 'Esc/q back'), /d revoke {2}r rotate/);
    assert.doesNotMatch(overlayHints(hmac, 'Esc/q back'), /clone/);
    await app.press('escape');
    await app.press('/');
    await app.press('backspace', 10);
    for (const ch of 'ci-pipe') await app.press(ch);
    await app.press('enter');
    await app.press('enter');
    const oauth = await app.waitFor('Secrets (1)');
    assert.match(oauth, /│ Secret ID +│ Created +│ Expires +│ State │[^\n]*\n[^\n]*\n[^\n]*│ 0a1b2c3d-1111-4000-8000-000000000…1-s1 │ 2026-11-16 │ 2027-02-14 │ live  │/);
    assert.match(overlayHints(oauth, 'Esc/q back'), /C clone/);
    for (const l of oauth.split('\n')) assert.ok(l.length <= 80, l);
  } finally {
    app.unmount();
  }
});

test('keys in one chunk: the key after one that opens a screen goes to that screen', async () => {
  const app = renderApp({ columns: 80, rows: 24 });
  try {
    await app.waitFor(loaded);
    // `n` then Enter faster than a frame (a paste, tmux send-keys n Enter): Enter picks the
    // wizard's first choice; it must not open the details of the list's row under the wizard.
    app.stdin.write('n\r');
    const f = await app.waitFor(/step 2 of/);
    assert.match(f, /For whom/);
    await app.press('escape');
    await app.press('escape');
    await app.waitFor(loaded);
    app.stdin.write('/ci-pipe\r');
    const filtered = await app.waitFor(/1\/1 \(of 10\)/);
    assert.match(filtered, /› OAuth ci-pipel/);
    assert.doesNotMatch(filtered, /New API credential/, 'the n of ci-pipe was typed into the search');
  } finally {
    app.unmount();
  }
});
