import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialListState, listReducer, selectedIndex, visibleWindow, type ListAction, type ListState } from '../src/tui/list-state.js';
import { stackReducer, topOf, type Screen } from '../src/tui/screens.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const run = (s: ListState, ...actions: ListAction[]) => actions.reduce(listReducer, s);

test('moving stays inside the list and scrolls the window with the cursor', () => {
  let s = initialListState(range(100), 10);
  s = run(s, { type: 'move', by: -1 });
  assert.equal(s.cursor, 0);
  s = run(s, ...Array(12).fill({ type: 'move', by: 1 }));
  assert.equal(s.cursor, 12);
  assert.deepEqual(visibleWindow(s), { from: 3, to: 13 });
  s = run(s, { type: 'move', by: -5 });
  assert.deepEqual(visibleWindow(s), { from: 3, to: 13 }, 'moving inside the window does not scroll');
  s = run(s, { type: 'last' });
  assert.equal(s.cursor, 99);
  assert.deepEqual(visibleWindow(s), { from: 90, to: 100 });
  s = run(s, { type: 'first' });
  assert.deepEqual([s.cursor, s.top], [0, 0]);
});

test('page down and up move by a screenful and clamp at the ends', () => {
  let s = initialListState(range(25), 10);
  s = run(s, { type: 'page', by: 1 });
  assert.equal(s.cursor, 10);
  s = run(s, { type: 'page', by: 1 }, { type: 'page', by: 1 });
  assert.equal(s.cursor, 24);
  assert.equal(s.top, 15);
  s = run(s, { type: 'page', by: -1 });
  assert.equal(s.cursor, 14);
  s = run(s, { type: 'page', by: -1 }, { type: 'page', by: -1 });
  assert.deepEqual([s.cursor, s.top], [0, 0]);
});

test('the window never exceeds the rows that fit, and follows a smaller height', () => {
  let s = initialListState(range(10_000), 17);
  assert.deepEqual(visibleWindow(s), { from: 0, to: 17 });
  s = run(s, { type: 'move', by: 30 }, { type: 'height', height: 5 });
  const w = visibleWindow(s);
  assert.equal(w.to - w.from, 5);
  assert.ok(s.cursor >= w.from && s.cursor < w.to);
});

test('the selection survives a filter change (indices over the full list)', () => {
  let s = initialListState(range(50), 10);
  s = run(s, { type: 'move', by: 20 });
  assert.equal(selectedIndex(s), 20);
  s = run(s, { type: 'rows', rows: [3, 7, 20, 31] });
  assert.equal(selectedIndex(s), 20, 'still on the same row');
  s = run(s, { type: 'rows', rows: [3, 7, 31] });
  assert.equal(selectedIndex(s), 31, 'hidden row: the next one is selected');
  s = run(s, { type: 'rows', rows: [] });
  assert.equal(selectedIndex(s), null);
  s = run(s, { type: 'rows', rows: range(50), select: 42 });
  assert.equal(selectedIndex(s), 42);
});

test('the screen stack never pops the list', () => {
  let stack: readonly Screen[] = [{ kind: 'list' }];
  stack = stackReducer(stack, { type: 'push', screen: { kind: 'details', id: 'x' } });
  stack = stackReducer(stack, { type: 'push', screen: { kind: 'help' } });
  assert.equal(topOf(stack).kind, 'help');
  stack = stackReducer(stackReducer(stackReducer(stack, { type: 'pop' }), { type: 'pop' }), { type: 'pop' });
  assert.deepEqual(stack, [{ kind: 'list' }]);
});
