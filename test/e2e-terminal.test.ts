// End to end: the built `vcreds --demo` in a real pseudo-terminal (tmux), driven by keys.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TmuxSession } from './helpers/tmux.js';

const BIN = join(process.cwd(), 'dist', 'vcreds.js');
let home: string;

before(() => {
  // `npm test` builds first; a lone run of this file builds if needed.
  if (!existsSync(BIN)) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  home = mkdtempSync(join(tmpdir(), 'vcreds-e2e-'));
});
after(() => rmSync(home, { recursive: true, force: true }));

function open(width: number, height: number, extraEnv: Record<string, string> = {}): TmuxSession {
  const session = new TmuxSession(width, height);
  session.start(`node ${BIN} --demo`, { HOME: home, TERM: 'xterm-256color', ...extraEnv });
  return session;
}

test('80x24 with NO_COLOR: list, move, filter, details, help, resize, quit', async () => {
  const t = open(80, 24, { NO_COLOR: '1' });
  try {
    const first = await t.waitFor(/\d+ credentials/);
    assert.match(first, /DEMO/);
    const lines = first.split('\n');
    assert.ok(lines.every((l) => l.length <= 80), 'nothing wider than the terminal');
    // Soonest expiry first: the first row is expired.
    assert.match(first, /› .*expired/);

    t.keys('j', 'j');
    await t.waitFor(/^3\/\d+ /m);
    t.keys('G');
    const bottom = await t.waitFor(/› .*revoked/);
    assert.match(bottom, /(\d+)\/\1 /, 'the cursor is on the last row');
    t.keys('g');
    await t.waitFor(/^1\/\d+ /m);

    t.keys('/');
    t.type('jenkins');
    const filtered = await t.waitFor((screen) => screen.includes('jenkins-1') && !screen.includes('afischer'));
    assert.match(filtered, /jenkins/);
    t.keys('Escape');
    await t.waitFor(/afischer/);

    t.keys('Enter');
    const details = await t.waitFor(/Roles/);
    assert.match(details, /Owner/);
    t.keys('Escape');
    await t.waitFor(/\d+ credentials/);

    // Keys pressed as fast as a person can, across screen changes, are none of them lost.
    for (let i = 0; i < 5; i++) t.keys('Enter', 'Escape');
    await t.waitFor((screen) => /\d+ credentials/.test(screen) && !/Local profiles/.test(screen));

    t.keys('?');
    const help = await t.waitFor(/Ctrl\+R|C-r|\^R/i);
    assert.match(help, /refresh/);
    t.keys('Escape');
    await t.waitFor(/\d+ credentials/);

    const rows = (screen: string) => screen.split('\n').filter((l) => /(HMAC|OAuth)\s/.test(l)).length;
    // 80x24 has room for at most 17 rows; 200x50 for over 40.
    assert.ok(rows(t.screen()) <= 17);
    t.resize(200, 50);
    await t.waitFor((screen) => rows(screen) >= 40);

    t.keys('q');
    await t.waitFor(/\[exited 0\]/);
  } finally {
    t.stop();
  }
});

test('NO_COLOR: no colour on screen, where the same screen has colour without it', async () => {
  // FORCE_COLOR=1 so that only NO_COLOR decides (the test runner sets FORCE_COLOR=0).
  const colour = /\x1b\[[0-9;]*(?:3[0-7]|9[0-7]|38;[0-9;]+)m/;
  const styled = open(80, 24, { FORCE_COLOR: '1' });
  const plain = open(80, 24, { FORCE_COLOR: '1', NO_COLOR: '1' });
  try {
    await styled.waitFor(/\d+ credentials/);
    await plain.waitFor(/\d+ credentials/);
    assert.match(styled.screen(true), colour, 'colour is on without NO_COLOR');
    const screen = plain.screen(true);
    assert.doesNotMatch(screen, colour);
    assert.match(screen, /✘ expired/, 'statuses keep their symbol and word');
    assert.match(screen, /\x1b\[[0-9;]*7[0-9;]*m/, 'the selection keeps its inverse video');
  } finally {
    styled.stop();
    plain.stop();
  }
});

test('keys faster than a frame reach the screen the previous key opened', async () => {
  const t = open(80, 24);
  try {
    await t.waitFor(/\d+ credentials/);
    t.type('/jenk'); // one chunk: `/` opens the search, `jenk` is typed into it
    await t.waitFor(/Filters: \[\/jenk\]/);
    t.keys('Escape');
    await t.waitFor((s) => !s.includes('Filters:'));
    t.keys('n', 'Enter'); // Enter chooses the wizard's first option; it does not open details
    await t.waitFor(/step 2 of \d+: For whom/);
  } finally {
    t.stop();
  }
});
