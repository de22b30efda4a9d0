// End to end: create an HMAC key for myself through the wizard of the built `vcreds --demo` in a
// real 80x24 pseudo-terminal (tmux), save it to a profile, and check the file and the screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TmuxSession } from './helpers/tmux.js';

const BIN = join(process.cwd(), 'dist', 'vcreds.js');
let home: string;

before(() => {
  if (!existsSync(BIN)) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  home = mkdtempSync(join(tmpdir(), 'vcreds-e2e-wizard-'));
});
after(() => rmSync(home, { recursive: true, force: true }));

test('80x24: n → HMAC for myself → save to profile e2e; the file is 0600 and the secret was never shown', async () => {
  const t = new TmuxSession(80, 24);
  // Every screen the test saw, to check afterwards that the secret never appeared on one.
  const seen: string[] = [];
  const waitFor = async (pattern: string | RegExp) => {
    const screen = await t.waitFor((s) => {
      seen.push(s);
      return typeof pattern === 'string' ? s.includes(pattern) : pattern.test(s);
    });
    // A screen that just appeared subscribes to keys in an effect: a moment before typing into it.
    await sleep(50);
    return screen;
  };
  t.start(`node ${BIN} --demo`, { HOME: home, TERM: 'xterm-256color' });
  try {
    await waitFor(/\d+ credentials/);
    t.keys('n');
    await waitFor('step 1 of');
    t.keys('Down', 'Enter');
    await waitFor('For whom');
    t.keys('Enter'); // the first choice: Myself
    await waitFor('Replace the current pair');
    t.keys('Enter');
    await waitFor('Review');
    t.keys('Enter');
    const created = await waitFor('HMAC pair created');
    const id = /API ID\s+([0-9a-f]{32})/.exec(created)?.[1];
    assert.ok(id, `an API id on screen:\n${created}`);
    assert.match(created, /Secret\s+•+…[0-9a-f]{4}/, 'the secret is masked');

    t.keys('p');
    await waitFor('Save to profile:');
    t.keys('C-u');
    t.type('e2e');
    await waitFor('Save to profile: e2e');
    t.keys('Enter');
    const saved = await waitFor('Saved to profile [e2e]');
    // The demo writes to a temporary credentials file; the confirmation says where.
    const path = /Saved to profile \[e2e\] in (\S+)/.exec(saved)?.[1];
    assert.ok(path && existsSync(path), `the credentials file named on screen exists:\n${saved}`);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const file = readFileSync(path, 'utf8');
    const section = /\[e2e\]\n([^[]*)/.exec(file)?.[1] ?? '';
    assert.match(section, new RegExp(`veracode_api_key_id\\s*=\\s*${id}`));
    const secret = /veracode_api_key_secret\s*=\s*(\S+)/.exec(section)?.[1];
    assert.ok(secret && secret.length >= 32, 'the secret was saved');
    // v was never pressed: not even a piece of the secret was on screen (beyond the last 4 of the mask).
    for (const s of [...seen, t.screen()]) assert.ok(!s.replace(/\s/g, '').includes(secret.slice(0, 16)), `the secret was shown:\n${s}`);

    t.keys('Enter'); // saved: leaves without asking
    await waitFor(/\d+ credentials/);
    t.keys('q');
    await waitFor(/\[exited 0\]/);
  } finally {
    t.stop();
  }
});

test('killed while a new secret is unsaved: it is printed on the normal screen, not lost', async () => {
  const t = new TmuxSession(80, 24);
  t.start(`node ${BIN} --demo`, { HOME: home, TERM: 'xterm-256color' });
  const step = async (pattern: string | RegExp) => {
    const screen = await t.waitFor(pattern);
    await sleep(50);
    return screen;
  };
  try {
    await step(/\d+ credentials/);
    t.keys('n');
    await step('step 1 of');
    t.keys('Down', 'Enter');
    await step('For whom');
    t.keys('Enter');
    await step('Replace the current pair');
    t.keys('Enter');
    await step('Review');
    t.keys('Enter');
    const created = await step('HMAC pair created');
    const id = /API ID\s+([0-9a-f]{32})/.exec(created)?.[1];
    assert.ok(id);

    process.kill(t.programPid(), 'SIGTERM');
    const after = await t.waitFor(/\[exited \d+\]/);
    assert.match(after, /created but not saved/);
    assert.match(after.replace(/\s+/g, ''), new RegExp(`veracode_api_key_id=${id}`));
    assert.match(after.replace(/\s+/g, ''), /veracode_api_key_secret=[0-9a-f]{64}/);
  } finally {
    t.stop();
  }
});
