// Context stays in sight and text from others stays data: the DEMO badge and account line over
// every screen, overlays at most 80 columns wide, no line wider than the terminal, columns that
// give way in order, escaped control characters; a refresh keeps the selection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { topOf } from '../src/tui/app/model.js';
import { selectedCredential } from '../src/tui/list/rows.js';
import { fakeContext, fakeCredentials } from './helpers/fake-service.js';
import { overlayLines, renderApp, renderView, appModel } from './helpers/ink.js';
import { ListScreen } from '../components/list-screen.js';
import type { Credential } from '../src/model/credential.js';

const DEMO = { isDemo: true, profile: null, source: 'demo' as const, apiUrl: 'http://127.0.0.1:4567', region: null };
const HOSTILE = 'ok\x1b]0;PWNED\x07\x1b[2J';
const hostile = (): Credential[] => {
  const list = fakeCredentials();
  const c = list.find((x) => x.name === 'ci-pipeline')!;
  c.name = HOSTILE;
  return list;
};

test('the DEMO badge and the account line stay on every screen; overlays open below them, at most 80 wide beside the list', async () => {
  for (const [columns, rows] of [[80, 24], [200, 50]] as const) {
    const app = renderApp({ ctx: fakeContext({ connection: DEMO }), columns, rows });
    try {
      await app.waitFor('10 credentials');
      for (const key of ['enter', 'f', 'c', 's', '?', 'm', 'n', 'd', 'r', '/']) {
        await app.press(key);
        const frame = await app.idle();
        const lines = frame.split('\n');
        assert.match(lines[0]!, /vcreds\s+DEMO\s+alice@example\.com \(admin\)/, `${key} at ${columns}: header kept`);
        for (const l of lines) assert.ok([...l].length <= columns, `${key} at ${columns}x${rows}: a line of ${[...l].length}: ${l}`);
        assert.ok(lines.length <= rows - 1, `${key}: ${lines.length} lines`);
        const box = overlayLines(frame);
        if (key !== '/' && key !== '?' ) {
          assert.ok(box.length > 0, `${key} opens an overlay`);
          const top = lines.find((l) => l.includes('╭'))!;
          const width = [...top.slice(top.indexOf('╭'))].length;
          assert.ok(width <= 80, `${key}: ${width} wide`);
          if (columns === 200 && top.indexOf('╭') > 0) assert.match(top.slice(0, top.indexOf('╭')), /\S/, `${key}: the list shows beside it`);
        }
        await app.press('escape');
        if (topOf(app.model()).kind !== 'list') await app.press('escape');
        await app.idle();
      }
    } finally {
      app.unmount();
    }
  }
});

test('columns: at narrow widths Status and Expires go last and the heading says "+N hidden"; Owner is blank for HMAC rows beside Name', async () => {
  const narrow = renderView(<ListScreen model={appModel({ columns: 30, rows: 20 })} />);
  try {
    const f = await narrow.waitFor('hidden');
    const heading = f.split('\n').find((l) => l.includes('hidden'))!;
    assert.match(heading, /Status/);
    assert.match(heading, /\+\d+ hidden/);
    assert.doesNotMatch(heading, /Owner|Roles|Type/);
  } finally {
    narrow.unmount();
  }
  const wide = renderView(<ListScreen model={appModel({ columns: 100, rows: 20 })} />);
  try {
    const f = await wide.waitFor('Owner');
    const bob = f.split('\n').find((l) => l.includes('HMAC  bob@example.com'))!;
    assert.equal(bob.split('bob@example.com').length - 1, 1, `the owner is not repeated: ${bob}`);
    const owner = f.split('\n').find((l) => l.includes('Owner'))!.indexOf('Owner');
    assert.equal(bob.slice(owner, owner + 8).trim(), '', 'the Owner cell of an HMAC row is blank');
    const ci = f.split('\n').find((l) => l.includes('ci-pipeline'))!;
    assert.match(ci, /ci-bot/, 'an OAuth row names its owner');
  } finally {
    wide.unmount();
  }
});

test('text from others is data: a hostile client name renders escaped in the list, details and status messages', async () => {
  const app = renderApp({ ctx: fakeContext({ serviceOptions: { credentials: hostile() } }), columns: 120, rows: 30 });
  try {
    let frame = await app.waitFor('10 credentials');
    const noRaw = (f: string) => assert.ok(!/[\x07\x1b]/.test(f), 'no raw ESC or BEL in a frame');
    noRaw(frame);
    assert.ok(frame.includes('ok\\e]0;PWNED'), 'escaped in the list');
    await app.type('/PWNED');
    await app.press('escape');
    await app.press('enter');
    frame = await app.waitFor('Client ID:');
    noRaw(frame);
    assert.ok(frame.includes('ok\\e]0;PWNED\\a\\e[2J'), 'escaped in details');
    await app.press('escape');
    await app.press('y');
    await app.idle();
    await app.press('d');
    await app.type('0001\r');
    frame = await app.waitFor('Revoked');
    noRaw(frame);
    assert.ok(frame.includes('\\e]0;PWNED'), 'escaped in the status line');
    await app.press('m');
    frame = await app.waitFor('Messages');
    noRaw(frame);
    for (const f of app.stdout.frames) noRaw(f.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ''));
  } finally {
    app.unmount();
  }
});

test('a refresh (^R) after the data changed keeps the selection on the same credential, else the first row', async () => {
  const app = renderApp();
  try {
    await app.waitFor('10 credentials');
    const bob = 'b2c3d4e5f60718293a4b5c6d7e8f9a01';
    await app.type(`/${bob}`);
    await app.press('escape');
    await app.idle();
    assert.equal(selectedCredential(app.model())!.id, bob);
    // New credentials that sort before bob's arrive with the refresh.
    app.ctx.service.credentials.push({ ...fakeCredentials()[2]!, id: 'c0ffee00000000000000000000000001' });
    await app.press('ctrl+r');
    await app.waitFor('11 credentials');
    assert.equal(selectedCredential(app.model())!.id, bob);
    await app.press('d');
    await app.waitFor('Revoke HMAC key');
    assert.equal((topOf(app.model()) as { dialog: { credential: { id: string } } }).dialog.credential.id, bob);
    await app.press('escape');
    // Gone on the server: the first row.
    app.ctx.service.credentials.splice(app.ctx.service.credentials.findIndex((c) => c.id === bob), 1);
    await app.press('ctrl+r');
    const frame = await app.waitFor('10 credentials');
    assert.equal(frame.split('\n').find((l) => l.startsWith('›'))?.includes('carol') || selectedCredential(app.model())!.id !== bob, true);
    await app.press('y');
    await app.idle();
    assert.equal(app.copied.at(-1), selectedCredential(app.model())!.id);
    assert.notEqual(app.copied.at(-1), bob);
  } finally {
    app.unmount();
  }
});

test('a paste on the list opens nothing and quits nothing', async () => {
  const app = renderApp();
  try {
    await app.waitFor('10 credentials');
    await app.type('\x1b[200~qnd?/fcsm\x03\x1b[201~');
    const frame = await app.waitFor('Pasted text goes into a text field');
    assert.equal(topOf(app.model()).kind, 'list');
    assert.deepEqual(app.exitCodes, []);
    assert.match(frame, /10 credentials/);
  } finally {
    app.unmount();
  }
});
