// The list's cursor and window, and the screen stack, as the model holds them (update.ts):
// moving clamps at the ends, a page is what the table shows, the window follows the selection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { topOf } from '../src/tui/app/model.js';
import { listLayout } from '../src/tui/list/list-screen.js';
import { cursorOf, listRows } from '../src/tui/list/rows.js';
import { manyCredentials } from './helpers/fake-service.js';
import { appModel, keys } from './helpers/ink.js';
import type { Model } from '../src/tui/app/model.js';
import { update } from '../src/tui/app/update.js';

const cursor = (m: Model) => cursorOf(listRows(m), m.selectedId);
const windowOf = (m: Model) => ({ from: m.top, to: Math.min(listRows(m).rows.length, m.top + listLayout(m).tableRows) });

test('moving stays inside the list and scrolls the window with the cursor', () => {
  let m = appModel({ credentials: manyCredentials(100) });
  const height = listLayout(m).tableRows;
  m = keys(m, 'k').model;
  assert.equal(cursor(m), 0);
  m = keys(m, ...Array<string>(height + 2).fill('j')).model;
  assert.equal(cursor(m), height + 2);
  assert.deepEqual(windowOf(m), { from: 3, to: height + 3 });
  m = keys(m, ...Array<string>(5).fill('up')).model;
  assert.deepEqual(windowOf(m), { from: 3, to: height + 3 }, 'moving inside the window does not scroll');
  m = keys(m, 'G').model;
  assert.equal(cursor(m), 99);
  assert.equal(windowOf(m).to, 100);
  assert.ok(cursor(m) >= windowOf(m).from);
  m = keys(m, 'g').model;
  assert.deepEqual([cursor(m), m.top], [0, 0]);
});

test('page down and up move by a screenful and clamp at the ends', () => {
  let m = appModel({ credentials: manyCredentials(25), rows: 16 });
  const h = listLayout(m).tableRows;
  assert.ok(h < 12, `a short table (${h} rows)`);
  m = keys(m, 'pageDown').model;
  assert.equal(cursor(m), h);
  m = keys(m, 'pageDown', 'pageDown', 'pageDown', 'pageDown').model;
  assert.equal(cursor(m), 24);
  assert.equal(m.top, 25 - listLayout(m).tableRows);
  m = keys(m, 'pageUp', 'pageUp', 'pageUp', 'pageUp', 'pageUp').model;
  assert.deepEqual([cursor(m), m.top], [0, 0]);
});

test('the window never exceeds the rows that fit, and follows a smaller terminal', () => {
  let m = appModel({ credentials: manyCredentials(10_000), rows: 30 });
  assert.deepEqual(windowOf(m), { from: 0, to: listLayout(m).tableRows });
  m = keys(m, ...Array<string>(30).fill('j')).model;
  m = update(m, { kind: 'resize', columns: 100, rows: 12 }).model;
  const w = windowOf(m);
  assert.equal(w.to - w.from, listLayout(m).tableRows);
  assert.ok(listLayout(m).tableRows < 10);
  assert.equal(cursor(m), 30, 'a resize keeps the selection');
  assert.ok(cursor(m) >= w.from && cursor(m) < w.to, 'the selection stays in the window');
});

test('the screen stack never pops the list: Esc on the list only clears a search', () => {
  let m = appModel();
  m = keys(m, 'enter', '?').model;
  assert.deepEqual(m.stack.map((s) => s.kind), ['list', 'details', 'help']);
  m = keys(m, 'escape', 'escape', 'escape', 'escape').model;
  assert.deepEqual(m.stack.map((s) => s.kind), ['list']);
  assert.equal(topOf(m).kind, 'list');
});
