import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeContext, manyCredentials } from './helpers/fake-service.js';
import { renderApp } from './helpers/ink.js';
import { FILTER_ROWS } from '../src/tui/panels/filter-panel.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('›')) ?? '';
const tableRows = (frame: string) => frame.split('\n').filter((l) => /^[› ] (HMAC|OAuth) /.test(l));
const loaded = (f: string) => f.includes('10 credentials');

test('moves with j/k, arrows, g/G and PgDn; the window shows only the rows that fit', async () => {
  const ctx = fakeContext({ serviceOptions: { credentials: manyCredentials(500) } });
  const app = renderApp({ ctx, columns: 100, rows: 24 });
  try {
    await app.waitFor('500 credentials');
    const first = tableRows(app.lastFrame());
    assert.ok(first.length > 5 && first.length < 24, `rows that fit, got ${first.length}`);
    const height = first.length;
    assert.match(app.lastFrame(), /1\/500/);
    await app.press('j');
    await app.press('down');
    await app.waitFor(/3\/500/);
    await app.press('k');
    await app.waitFor(/2\/500/);
    await app.press('pageDown');
    await app.waitFor(`${2 + height}/500`);
    await app.press('G');
    const bottom = await app.waitFor(/500\/500/);
    assert.equal(tableRows(bottom).length, height);
    assert.equal(tableRows(bottom).at(-1), selectedLine(bottom));
    await app.press('g');
    await app.waitFor(/ 1\/500|^1\/500/m);
    assert.equal(tableRows(app.lastFrame())[0], selectedLine(app.lastFrame()));
    // The frame is one line shorter than the terminal (a full-height frame makes Ink redraw it all).
    assert.ok(app.lastFrame().split('\n').length <= 23);
  } finally {
    app.unmount();
  }
});

test('80 columns: header, DEMO badge, banner and cut values ending in …; resize follows', async () => {
  const ctx = fakeContext({ connection: { isDemo: true, profile: null, source: 'demo', apiUrl: 'http://127.0.0.1:4567', region: null } });
  const app = renderApp({ ctx, columns: 80, rows: 24 });
  try {
    const f = await app.waitFor(loaded);
    const lines = f.split('\n');
    assert.match(lines[0]!, /DEMO/);
    assert.match(lines[0]!, /alice@example\.com \(admin\) · 127\.0\.0\.1:4567/);
    // Too narrow for the counts and the next expiry: the next expiry first, so it is never cut.
    assert.match(f, /next: release-dashboard-with-… in 6 hours · 10 credentials · 2 expired · 4 expi…/);
    assert.match(f, /!! 2 credentials expire within a day/);
    assert.match(f, /✘ expired/);
    assert.match(f, /release-\S*…/);
    for (const l of lines) assert.ok(l.length <= 80, `line fits 80 columns: ${l}`);
    app.resize(200, 50);
    const wide = await app.waitFor('release-dashboard-with-a-rather-long-name');
    assert.match(wide, /4 expiring within 7 days · 2 active · 2 revoked · next: release-dashboard-with-… in 6 hours/);
    assert.match(wide, /2027-06-14 \(200d\)/);
    assert.match(wide.split('\n')[0]!, /DEMO/);
  } finally {
    app.unmount();
  }
});

test('/ filters live by name, id, owner or role; Esc clears, Enter keeps', async () => {
  const app = renderApp();
  try {
    await app.waitFor(loaded);
    await app.press('/');
    await app.press('n');
    await app.press('i');
    await app.press('g');
    let f = await app.waitFor((fr) => tableRows(fr).length === 1);
    assert.match(tableRows(f)[0]!, /nightly-scan/);
    await app.press('escape');
    f = await app.waitFor((fr) => tableRows(fr).length === 10);
    await app.press('/');
    for (const ch of 'upload') await app.press(ch);
    await app.press('enter');
    f = await app.waitFor((fr) => tableRows(fr).length === 3);
    assert.match(f, /\[\/upload\]/, 'the text filter shows as a chip');
    await app.press('x');
    await app.waitFor((fr) => tableRows(fr).length === 10 && !fr.includes('Filters:'));
  } finally {
    app.unmount();
  }
});

test('filter panel: live match count, chips in the header, one key clears all, saved', async () => {
  const app = renderApp();
  try {
    await app.waitFor(loaded);
    await app.press('f');
    await app.waitFor('Matches 10 of 10');
    await app.press(' '); // HMAC
    await app.waitFor('Matches 5 of 10');
    await app.press('down', 4); // status: expired
    await app.press(' ');
    await app.waitFor('Matches 1 of 10');
    await app.press('enter');
    const f = await app.waitFor((fr) => fr.includes('Filters:') && tableRows(fr).length === 1);
    assert.match(f, /\[type: HMAC\] \[status: expired\]/);
    assert.match(tableRows(f)[0]!, /carol@example/);
    assert.deepEqual(app.preferences.get().filter.types, ['hmac']);
    await app.press('x');
    await app.waitFor((fr) => tableRows(fr).length === 10);
    assert.deepEqual(app.preferences.get().filter.types, []);
    await app.press('f');
    await app.press('down', FILTER_ROWS.findIndex((r) => r.kind === 'owner'));
    for (const ch of 'ci-') await app.press(ch);
    await app.waitFor('Matches 2 of 10');
    await app.press('escape');
    await app.waitFor((fr) => tableRows(fr).length === 10);
  } finally {
    app.unmount();
  }
});

test('s chooses the sort key and direction, saved', async () => {
  const app = renderApp();
  try {
    await app.waitFor(loaded);
    await app.press('s');
    await app.waitFor('Sort by');
    await app.press('down'); // Name
    await app.press(' '); // descending
    await app.press('enter');
    const f = await app.waitFor('sort: Name ↓');
    assert.match(tableRows(f)[0]!, /release-dashboa/);
    assert.deepEqual(app.preferences.get().sort, { key: 'name', direction: 'desc' });
  } finally {
    app.unmount();
  }
});

test('Enter shows every field, local profiles and actions; y copies the id', async () => {
  const app = renderApp({ rows: 40 });
  try {
    await app.waitFor(loaded);
    await app.press('/');
    for (const ch of 'a1b2c3d4e5') await app.press(ch);
    await app.press('enter');
    await app.waitFor((fr) => tableRows(fr).length === 1 && /HMAC\s+alice/.test(selectedLine(fr)));
    await app.press('enter');
    const f = await app.waitFor('HMAC credential of alice@example.com');
    assert.match(f, /API ID:\s+a1b2c3d4e5f60718293a4b5c6d7e8f90/);
    assert.match(f, /\[default\] in \/tmp\/vcreds-test-credentials/);
    assert.match(f, /\[work\]/);
    assert.match(f, /Administrator — Manage users and settings/);
    // The actions are the details screen's hints, drawn from its bindings.
    assert.match(f.split('\n').find((l) => l.includes('Esc/q back')) ?? '', /y copy id {2}(.* {2})?d revoke {2}r rotate {2}\? help {2}Esc\/q back/);
    await app.press('y');
    await app.waitFor('Copied');
    assert.deepEqual(app.copied, ['a1b2c3d4e5f60718293a4b5c6d7e8f90']);
    await app.press('C');
    await app.waitFor('Only OAuth clients can be cloned');
    await app.press('escape');
    await app.waitFor(loaded);
  } finally {
    app.unmount();
  }
});

test('OAuth details list the secrets', async () => {
  const app = renderApp({ rows: 40 });
  try {
    await app.waitFor(loaded);
    await app.press('/');
    for (const ch of 'ci-pipe') await app.press(ch);
    await app.press('enter');
    await app.waitFor((fr) => tableRows(fr).length === 1);
    await app.press('enter');
    const f = await app.waitFor('Secrets (1)');
    assert.match(f, /│ Secret ID +│ Created +│ Expires +│ State │[^\n]*\n[^\n]*\n[^\n]*│ 0a1b2c3d-1111-4000-8000-000000000…1-s1 │ 2026-11-16 │ 2027-02-14 │ live  │/);
    assert.match(f, /C clone/);
  } finally {
    app.unmount();
  }
});

test('? lists the keys from the keymaps', async () => {
  const app = renderApp({ columns: 120, rows: 40 });
  try {
    await app.waitFor(loaded);
    await app.press('?');
    const first = await app.waitFor('Credential list');
    // The tables of keys are taller than the screen: the rest is a scroll away.
    await app.press('G');
    const last = await app.waitFor((fr) => fr !== first);
    const f = first + last;
    for (const label of ['copy id', 'refresh', 'columns', 'reverse sort', 'clear filters', 'clone', 'show/hide', 'messages']) {
      assert.ok(f.includes(label), `help shows "${label}"`);
    }
    await app.press('escape');
    await app.waitFor(loaded);
  } finally {
    app.unmount();
  }
});

test('q quits from the list', async () => {
  const app = renderApp();
  try {
    await app.waitFor(loaded);
    await app.press('q');
    assert.deepEqual(app.exitCodes, [0]);
  } finally {
    app.unmount();
  }
});

test('keys typed faster than a frame all act: "jj⏎" in one chunk opens the third row', async () => {
  const app = renderApp({ rows: 40 });
  try {
    await app.waitFor(loaded);
    await app.press('jj\r');
    const f = await app.waitFor('Client ID:');
    assert.match(f, /OAuth client release-dashboard-with-a-rather-long-name/);
  } finally {
    app.unmount();
  }
});
