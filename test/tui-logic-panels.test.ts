// The header's counts and banner, the filter panel, the column chooser, the sort picker, and the
// bindings that turn keys into commands (the same tables the hint bar and `?` read).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_COLUMNS } from '../src/config/preferences-types.js';
import { viewOf } from '../src/model/credential.js';
import { EMPTY_FILTER } from '../src/model/filter.js';
import { columnChooserReducer, initialColumnChooser, visibleColumns } from '../src/tui/panels/column-chooser.js';
import { FILTER_ROWS, filterPanelReducer, initialFilterPanel, type FilterPanelAction } from '../src/tui/panels/filter-panel.js';
import { commandOf, HELP_SECTIONS, LIST_BINDINGS } from '../src/tui/bindings.js';
import { helpLines } from '../src/tui/panels/help-view.js';
import { nextSortKey, sortLabel } from '../src/tui/panels/sort-picker.js';
import { countByStatus, countsText, expiryBanner, filterChips } from '../src/tui/summary.js';
import { editorReducer, editorOf, EDIT_KEYS } from '../src/tui/input/editor.js';
import { FAKE_NOW, fakeCredentials } from './helpers/fake-service.js';
import { keyEvents } from './helpers/ink.js';

const views = fakeCredentials().map((c) => viewOf(c, FAKE_NOW));

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
  const type = (text: string): FilterPanelAction => ({ type: 'edit', edit: { type: 'insert', text } });
  let s = initialFilterPanel(EMPTY_FILTER);
  s = go(s, { type: 'move', by: at('type', 'oauth') }, { type: 'toggle' });
  assert.deepEqual(s.draft.types, ['oauth']);
  s = go(s, { type: 'move', by: at('owner') - s.cursor }, type('bo'), type('b'));
  assert.equal(s.draft.owner, 'bob');
  s = go(s, { type: 'edit', edit: { type: 'backspace' } });
  assert.equal(s.draft.owner, 'bo');
  s = go(s, { type: 'move', by: 1 }, type('x'));
  assert.match(s.error!, /whole number/);
  s = go(s, { type: 'edit', edit: { type: 'backspace' } }, type('30'));
  assert.equal(s.error, null);
  assert.equal(s.draft.expiringWithinDays, 30);
  assert.deepEqual(filterChips(s.draft), ['type: OAuth', 'owner: bo', 'expiring ≤ 30d']);
  s = go(s, { type: 'clear' });
  assert.deepEqual(s.draft, EMPTY_FILTER);
  assert.equal(s.owner.value, '');
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

test('bindings drive commands and the help overlay', () => {
  const name = (raw: string) => {
    const [e] = keyEvents(raw);
    return e!.kind === 'key' ? e!.name : e!.kind === 'text' ? e!.text : '';
  };
  assert.equal(commandOf(LIST_BINDINGS, name('j')), 'down');
  assert.equal(commandOf(LIST_BINDINGS, name('down')), 'down');
  assert.equal(commandOf(LIST_BINDINGS, name('ctrl+r')), 'refresh');
  assert.equal(commandOf(LIST_BINDINGS, name('G')), 'bottom');
  assert.equal(commandOf(LIST_BINDINGS, name('f1')), 'help');
  assert.equal(commandOf(LIST_BINDINGS, 'Z'), null);
  const lines = helpLines(HELP_SECTIONS, 200, 50).flat().join('\n');
  for (const b of LIST_BINDINGS) if (b.help !== false) assert.ok(lines.includes(b.label), `help lists ${b.label}`);
});

test('text editing: typing, paste, backspace as DEL, Ctrl+U; navigation is not an edit', () => {
  const ab = editorOf('ab');
  assert.equal(editorReducer(ab, { type: 'insert', text: 'c' }).value, 'abc');
  // A line break in pasted text becomes a space in a one-line field; other controls are dropped.
  assert.equal(editorReducer(ab, { type: 'insert', text: 'pasted\n' }).value, 'abpasted ');
  assert.equal(editorReducer(ab, { type: 'insert', text: 'x\x07y' }).value, 'abxy');
  const [del] = keyEvents('backspace');
  assert.deepEqual(del, { kind: 'key', name: 'backspace' });
  assert.equal(editorReducer(ab, EDIT_KEYS.backspace!).value, 'a');
  const [cu] = keyEvents('ctrl+u');
  assert.equal(editorReducer(ab, EDIT_KEYS[(cu as { name: string }).name]!).value, '');
  assert.equal(EDIT_KEYS.up, undefined);
  assert.equal(EDIT_KEYS.enter, undefined);
});
