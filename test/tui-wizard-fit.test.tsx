// Every wizard and dialog screen fits the height it is given (a frame taller than the terminal
// scrolls its top away): the pure wrapping/fitting rules, then real screens at 80x24.
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitParts, marked, para, wrapText, type Part } from '../src/tui/frame/rows.js';
import { choiceWindow } from '../src/tui/frame/choice-rows.js';
import { FAKE_USERS, fakeContext } from './helpers/fake-service.js';
import { renderApp, type RenderedApp } from './helpers/ink.js';

const text = (rows: readonly (readonly { text: string }[])[]) => rows.map((r) => r.map((s) => s.text).join(''));

describe('wrapping and fitting', () => {
  test('wraps on spaces, cuts words longer than a row, never exceeds the width', () => {
    assert.deepEqual(wrapText('the quick brown fox', 9), ['the quick', 'brown fox']);
    assert.deepEqual(wrapText('abcdefghij kl', 4), ['abcd', 'efgh', 'ij', 'kl']);
    const rows = text(marked('fail', 'Expiry date 2028-01-01 is past the maximum: pick a date up to 2027-11-26.', 30));
    assert.ok(rows.every((r) => r.length <= 30));
    assert.match(rows[0]!, /^✖ Expiry/);
    assert.ok(rows.slice(1).every((r) => r.startsWith('  ') && r[2] !== ' '), 'continuation rows hang under the text');
  });

  test('a secret wraps to the left edge, so selecting it picks up no padding', () => {
    const rows = text(para('x'.repeat(100), 40, { lead: 'Secret     ', hang: false }));
    assert.deepEqual(rows, [`Secret     ${'x'.repeat(29)}`, 'x'.repeat(40), 'x'.repeat(31)]);
  });

  test('parts shrink in their order, and as a last resort the top rows go, never the bottom', () => {
    const row = (t: string) => [{ text: t }];
    const parts: Part[] = [
      { key: 'report', forms: [[row('r1'), row('r2'), row('r3')], [row('summary')]], shrink: 1 },
      { key: 'info', forms: [[row('i1'), row('i2')], [row('i')]], shrink: 2 },
      { key: 'question', forms: [[row('Replace it? y/N')]] },
    ];
    const rows = (budget: number) => fitParts(parts, budget).flatMap((p) => p.rows.map((r) => r[0]!.text));
    assert.deepEqual(rows(6), ['r1', 'r2', 'r3', 'i1', 'i2', 'Replace it? y/N']);
    assert.deepEqual(rows(4), ['summary', 'i1', 'i2', 'Replace it? y/N']);
    assert.deepEqual(rows(3), ['summary', 'i', 'Replace it? y/N']);
    assert.deepEqual(rows(1), ['Replace it? y/N']);
  });

  test('a choice list window counts its "more" lines', () => {
    for (let cursor = 0; cursor < 50; cursor++) {
      const { start, size } = choiceWindow(50, cursor, 8);
      const more = (start > 0 ? 1 : 0) + (start + size < 50 ? 1 : 0);
      assert.ok(size + more <= 8, `cursor ${cursor}: ${size} rows + ${more}`);
      assert.ok(cursor >= start && cursor < start + size, 'the cursor is shown');
    }
    assert.deepEqual(choiceWindow(3, 2, 8), { start: 0, size: 3 });
  });
});

let dir: string;
const mounted: RenderedApp[] = [];
beforeEach(() => {
  // A deep path, as in real homes, makes every "in <path>" line wrap at 80 columns.
  dir = join(mkdtempSync(join(tmpdir(), 'vcreds-fit-')), 'home', 'someone-with-a-long-name', '.veracode');
  mkdirSync(dir, { recursive: true });
});
afterEach(() => {
  for (const ui of mounted.splice(0)) ui.unmount();
  rmSync(dir.split('/home/')[0]!, { recursive: true, force: true });
});

const HEIGHT = 23; // an 80x24 terminal, one row kept free (a full-height frame makes Ink redraw it all)
const ALICE_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const FILE = `[default]\nveracode_api_key_id = ${ALICE_ID}\nveracode_api_key_secret = ${'c'.repeat(128)}\n\n[work]\nveracode_api_key_id = ${ALICE_ID}\nveracode_api_key_secret = ${'c'.repeat(128)}\n`;

/** Every frame drawn so far fits 80 columns and HEIGHT rows. */
function assertFits(frames: string[], width = 80, height = HEIGHT) {
  for (const f of frames) {
    const lines = f.replace(/\n$/, '').split('\n');
    assert.ok(lines.length <= height, `a frame of ${lines.length} rows:\n${f}`);
    assert.ok(lines.every((l) => l.length <= width), `a row wider than ${width}:\n${f}`);
  }
}

describe('screens fit 80x24', () => {
  /** The app at 80x24 over a credentials file in a deep path, with `id` selected. */
  async function mount(overrides: Parameters<typeof fakeContext>[0] = {}, id = ALICE_ID, size = { columns: 80, rows: 24 }) {
    const credentialsPath = join(dir, 'credentials');
    writeFileSync(credentialsPath, FILE, { mode: 0o600 });
    const ui = renderApp({ ctx: fakeContext({ credentialsPath, ...overrides }), ...size });
    mounted.push(ui);
    await ui.waitFor(/\d+ credentials/);
    await ui.type(`/${id}`);
    await ui.press('escape');
    await ui.idle();
    return ui;
  }

  test('rotation that failed its proof: report, secret, save prompt and replace question all fit', async () => {
    const ui = await mount({ proveHmacKey: async () => { throw new Error('401 Unauthorized from api.veracode.com: the key was not accepted'); } });
    await ui.press('r');
    await ui.waitFor('Rotate now?');
    await ui.press('y');
    let frame = await ui.waitFor('NOT safely stored');
    assert.match(frame, /failed/);
    await ui.press('v');
    await ui.waitFor('1aaaa');
    await ui.press('p');
    frame = await ui.waitFor('Save to profile: default');
    assert.match(frame, /⏎ save/, 'the key hints are still on screen');
    await ui.press('enter');
    frame = await ui.waitFor('Replace it? y/N');
    assert.match(frame, /n\/Esc no/);
    await ui.press('y');
    frame = await ui.waitFor('Saved to profile [default]');
    assertFits(ui.stdout.frames);
  });

  test('the create wizard, every step and the result, in 80x24', async () => {
    // Many accounts: the owner list must window.
    const bob = FAKE_USERS[1]!;
    const users = Array.from({ length: 60 }, (_, i) => ({ ...bob, userId: `u-${i}`, userName: `user-${i}@example.com` }));
    const ui = await mount();
    ui.ctx.service.loadOrganisation = ((load) => async (opts) => {
      const org = await load(opts);
      return { ...org, users: [...org.users, ...users] };
    })(ui.ctx.service.loadOrganisation.bind(ui.ctx.service));
    await ui.press('ctrl+r');
    await ui.idle();
    await ui.press('n');
    await ui.waitFor('OAuth Client');
    await ui.press('down');
    await ui.press('enter');
    await ui.waitFor('For whom');
    await ui.press('pageDown', 3);
    await ui.waitFor('↑');
    await ui.press('pageUp', 5);
    await ui.press('enter');
    await ui.waitFor('Replace the current pair');
    await ui.press('enter');
    await ui.waitFor('Review');
    await ui.press('enter');
    await ui.waitFor('HMAC pair created');
    await ui.idle();
    await ui.press('v');
    await ui.press('p');
    await ui.waitFor('Save to profile');
    await ui.press('ctrl+u');
    await ui.press('work');
    await ui.press('enter');
    await ui.waitFor('Replace it?');
    await ui.press('y');
    await ui.waitFor('Saved to profile [work]');
    assertFits(ui.stdout.frames);
  });

  test('the revoke dialog with a wrong answer fits a short terminal', async () => {
    const ui = await mount({}, ALICE_ID, { columns: 60, rows: 13 });
    await ui.press('d');
    await ui.waitFor('Type the last 4');
    await ui.press('abcd');
    await ui.press('enter');
    const frame = await ui.waitFor('is not the last 4');
    assert.match(frame, /Type the last 4 characters of the id \(8f90\): abcd/);
    assertFits(ui.stdout.frames, 60, 12);
  });
});
