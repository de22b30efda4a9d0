import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_COLUMNS } from '../src/config/preferences-types.js';
import { viewOf } from '../src/model/credential.js';
import { EMPTY_FILTER } from '../src/model/filter.js';
import { columnChooserReducer, initialColumnChooser, visibleColumns } from '../src/tui/column-chooser.js';
import { FILTER_ROWS, filterPanelReducer, initialFilterPanel, type FilterPanelAction } from '../src/tui/filter-panel.js';
import { ALL_KEYMAPS, commandFor, LIST_KEYS } from '../src/tui/keymaps.js';
import { helpLines } from '../src/tui/help-layout.js';
import { nextSortKey, sortLabel } from '../src/tui/sort-state.js';
import { countByStatus, countsText, expiryBanner, filterChips } from '../src/tui/summary.js';
import { editText } from '../src/tui/text-input.js';
import { FAKE_NOW, FAKE_USERS, fakeCredentials } from './helpers/fake-service.js';

const views = fakeCredentials().map((c) => viewOf(c, FAKE_NOW));
const key = {};

test('header counts per status', () => {
  const n = countByStatus(views);
  assert.deepEqual([n.total, n.expired, n.expiring, n.active, n.revoked, n.urgent], [10, 2, 4, 2, 2, 2]);
  assert.equal(countsText(n), '10 credentials · 2 expired · 4 expiring within 7 days · 2 active · 2 revoked');
});

test('the expiry banner: any credential for an admin, only their own otherwise; within a day stands out', () => {
  const admin = expiryBanner(views, { userId: 'u-alice', isAdmin: true })!;
  assert.equal(admin.level, 'urgent');
  assert.match(admin.text, /2 credentials expire within a day · 2 more within 7 days · 2 expired/);
  const bob = expiryBanner(views, { userId: 'u-bob', isAdmin: false })!;
  assert.equal(bob.level, 'warning');
  assert.match(bob.text, /1 of your credentials expires within 7 days/);
  assert.equal(expiryBanner(views, { userId: 'u-dave', isAdmin: false }), null, 'a revoked key is no warning');
});

test('filter panel: toggles, typed fields, clear, and a bad number explained', () => {
  const at = (kind: string, value?: string) => FILTER_ROWS.findIndex((r) => r.kind === kind && (!value || ('value' in r && r.value === value)));
  const go = (s: ReturnType<typeof initialFilterPanel>, ...a: FilterPanelAction[]) => a.reduce(filterPanelReducer, s);
  let s = initialFilterPanel(EMPTY_FILTER);
  s = go(s, { type: 'move', by: at('type', 'oauth') }, { type: 'toggle' });
  assert.deepEqual(s.draft.types, ['oauth']);
  s = go(s, { type: 'move', by: at('owner') - s.cursor }, { type: 'key', input: 'bo', key }, { type: 'key', input: 'b', key });
  assert.equal(s.draft.owner, 'bob');
  s = go(s, { type: 'key', input: '', key: { delete: true } });
  assert.equal(s.draft.owner, 'bo');
  s = go(s, { type: 'move', by: 1 }, { type: 'key', input: 'x', key });
  assert.match(s.error!, /whole number/);
  s = go(s, { type: 'key', input: '', key: { backspace: true } }, { type: 'key', input: '30', key });
  assert.equal(s.error, null);
  assert.equal(s.draft.expiringWithinDays, 30);
  assert.deepEqual(filterChips(s.draft), ['type: OAuth', 'owner: bo', 'expiring ≤ 30d']);
  s = go(s, { type: 'clear' });
  assert.deepEqual(s.draft, EMPTY_FILTER);
});

test('column chooser: hide, reorder, keep one, reset', () => {
  let s = initialColumnChooser(DEFAULT_COLUMNS);
  s = columnChooserReducer(s, { type: 'toggle' }); // hide Type
  assert.ok(!visibleColumns(s).includes('type'));
  s = columnChooserReducer(columnChooserReducer(s, { type: 'move', by: 2 }), { type: 'shift', by: -1 }); // ID above Name
  assert.deepEqual(visibleColumns(s).slice(0, 2), ['id', 'name']);
  const last = s.items.length - 1;
  s = columnChooserReducer(columnChooserReducer(s, { type: 'move', by: last }), { type: 'toggle' });
  assert.equal(visibleColumns(s).at(-1), 'profiles', 'a hidden column can be shown');
  let one = initialColumnChooser(['name']);
  one = columnChooserReducer(one, { type: 'toggle' });
  assert.deepEqual(visibleColumns(one), ['name']);
  assert.match(one.message!, /at least one/i);
  assert.deepEqual(visibleColumns(columnChooserReducer(s, { type: 'reset' })), DEFAULT_COLUMNS);
});

test('sort cycling and labels', () => {
  assert.deepEqual(nextSortKey({ key: 'expires', direction: 'desc' }), { key: 'name', direction: 'desc' });
  assert.deepEqual(nextSortKey({ key: 'expires', direction: 'asc' }, -1), { key: 'created', direction: 'asc' });
  assert.equal(sortLabel({ key: 'owner', direction: 'desc' }), 'Owner ↓');
});

test('keymaps drive commands and the help overlay', () => {
  assert.equal(commandFor(LIST_KEYS, 'j', key), 'down');
  assert.equal(commandFor(LIST_KEYS, '', { downArrow: true }), 'down');
  assert.equal(commandFor(LIST_KEYS, 'r', { ctrl: true }), 'refresh');
  assert.equal(commandFor(LIST_KEYS, 'G', key), 'bottom');
  assert.equal(commandFor(LIST_KEYS, 'Z', key), null);
  const lines = helpLines(ALL_KEYMAPS, 200, 50).flat().join('\n');
  for (const b of LIST_KEYS) assert.ok(lines.includes(b.label), `help lists ${b.label}`);
});

test('text editing: typing, paste, backspace as DEL, Ctrl+U; navigation is not an edit', () => {
  assert.equal(editText('ab', 'c', key), 'abc');
  assert.equal(editText('ab', 'pasted\n', key), 'abpasted');
  assert.equal(editText('ab', '', { delete: true }), 'a');
  assert.equal(editText('ab', 'u', { ctrl: true }), '');
  assert.equal(editText('ab', '', { upArrow: true }), null);
  assert.equal(editText('ab', '', { return: true }), null);
  assert.ok(FAKE_USERS.length > 0);
});
