import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_COLUMNS, COLUMN_IDS } from '../src/config/preferences-types.js';
import { viewOf } from '../src/model/credential.js';
import { fitColumns, layoutColumns, COLUMN_GAP } from '../src/tui/column-layout.js';
import { COLUMNS, expiresText, statusText } from '../src/tui/columns.js';
import { shortId } from '../src/model/credential.js';
import { cellWidth, fit, truncate } from '../src/tui/truncate.js';
import { FAKE_NOW, fakeCredentials } from './helpers/fake-service.js';

const views = fakeCredentials().map((c) => viewOf(c, FAKE_NOW));
const byOwner = (name: string, type = 'hmac') => views.find((v) => v.owner.userName === name && v.type === type)!;
const used = (cols: { width: number }[]) => cols.reduce((a, c) => a + c.width, 0) + COLUMN_GAP * (cols.length - 1);

test('status is a symbol and a word, one cell per symbol', () => {
  assert.equal(statusText(byOwner('carol@example.com')), '✘ expired');
  assert.equal(statusText(byOwner('ci-bot')), '!! 1 day');
  assert.equal(statusText(byOwner('bob@example.com')), '! 5 days');
  assert.equal(statusText(byOwner('alice@example.com')), '✓ active');
  assert.equal(statusText(byOwner('dave@example.com')), '⊘ revoked');
  for (const v of views) assert.equal(cellWidth(statusText(v)), statusText(v).length);
});

test('expires shows the date and days left, the date alone when narrow', () => {
  const bob = byOwner('bob@example.com');
  assert.equal(expiresText(bob), '2026-12-01 (5d)');
  assert.equal(expiresText(bob, 10), '2026-12-01');
  assert.equal(expiresText(byOwner('carol@example.com')), '2026-11-23 (-3d)');
});

test('ids keep head and tail; long text ends in …', () => {
  assert.equal(shortId('a1b2c3d4e5f60718293a4b5c6d7e8f90'), 'a1b2…8f90');
  assert.equal(truncate('release-dashboard', 8), 'release…');
  assert.equal(truncate('short', 8), 'short');
  assert.equal(fit('ab', 4, 'right'), '  ab');
  assert.equal(cellWidth(truncate('日本語のテキスト', 7)), 7);
});

test('the default columns fit 80 columns, keeping full expiry and status', () => {
  const cols = layoutColumns(DEFAULT_COLUMNS.map((id) => COLUMNS[id]), 78);
  assert.deepEqual(cols.map((c) => c.def.id), DEFAULT_COLUMNS);
  assert.equal(used(cols), 78);
  assert.equal(cols.find((c) => c.def.id === 'expires')!.width, COLUMNS.expires.ideal);
  for (const c of cols) assert.ok(c.width >= c.def.min, `${c.def.id} at least its minimum`);
});

test('spare room goes to the flexible columns', () => {
  const cols = layoutColumns(DEFAULT_COLUMNS.map((id) => COLUMNS[id]), 198);
  assert.equal(used(cols), 198);
  assert.ok(cols.find((c) => c.def.id === 'name')!.width > COLUMNS.name.ideal);
  assert.equal(cols.find((c) => c.def.id === 'type')!.width, COLUMNS.type.ideal);
});

test('when even the minimums do not fit, the least telling columns go first: Status and Expires last', () => {
  const all = COLUMN_IDS.map((id) => COLUMNS[id]);
  const cols = layoutColumns(all, 60);
  assert.ok(cols.length < all.length);
  const kept = cols.map((c) => c.def.id);
  assert.ok(kept.includes('status') && kept.includes('expires'), kept.join());
  assert.deepEqual(kept, COLUMN_IDS.filter((id) => kept.includes(id)), 'the kept ones stay in their order');
  assert.ok(used(cols) <= 60);
  const narrow = fitColumns(DEFAULT_COLUMNS.map((id) => COLUMNS[id]), 12);
  assert.deepEqual(narrow.columns.map((c) => c.def.id), ['status']);
  assert.equal(narrow.hidden, DEFAULT_COLUMNS.length - 1);
  assert.deepEqual(fitColumns(DEFAULT_COLUMNS.map((id) => COLUMNS[id]), 20).columns.map((c) => c.def.id), ['status', 'expires']);
  assert.deepEqual(fitColumns(DEFAULT_COLUMNS.map((id) => COLUMNS[id]), 30).columns.map((c) => c.def.id), ['name', 'status', 'expires']);
  assert.equal(layoutColumns([COLUMNS.name], 3)[0]!.width, 3);
});

test('cellWidth answers as string-width: its one-cell fast path and everything else', async () => {
  const { default: stringWidth } = await import('string-width');
  const corpus = [
    'plain ASCII', 'café naïve Ærø', '│ ┌─┐ ╭╮ █▓▒░ ⊘ ✓ ✘ › … — ↑/↓ ⏎', 'soft\u00adhyphen', 'e\u0301 combining',
    '日本語', '😀 emoji', '👍🏽', 'ǅ Ǆ', '\u200bzero width', 'mixed 日本 │ text', '',
  ];
  for (let c = 0x20; c < 0x2600; c++) corpus.push(String.fromCodePoint(c));
  for (const text of corpus) assert.equal(cellWidth(text), stringWidth(text), JSON.stringify(text));
});
