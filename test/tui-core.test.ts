// The new interactive core, pure: the editor, the key decoder, the clipboard sequence, the
// selection kept by id, one key model on every screen, hints from the bindings, bursts.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { editorOf, editorReducer, EMPTY_EDITOR, type Edit, type Editor } from '../src/tui/input/editor.js';
import { KeyDecoder } from '../src/tui/input/keys.js';
import { clipboardRoute, copiedWhere, copyToClipboard, osc52 } from '../src/tui/clipboard.js';
import { topOf, type Model, type Screen } from '../src/tui/app/model.js';
import { keyTarget, update } from '../src/tui/app/update.js';
import { createStore } from '../src/tui/app/store.js';
import { selectedCredential, listRows, cursorOf } from '../src/tui/list/rows.js';
import { listLayout } from '../src/tui/list/list-screen.js';
import { initialSecret } from '../src/tui/dialogs/secret-screen.js';
import { hintLines } from '../src/tui/frame/hint-bar.js';
import { FILTER_ROWS } from '../src/tui/panels/filter-panel.js';

const OWNER_ROW = FILTER_ROWS.findIndex((r) => r.kind === 'owner');
import { FAKE_NOW, fakeCredentials, fakeOrganisation, manyCredentials } from './helpers/fake-service.js';
import { appModel, keyEvents, keys, run } from './helpers/ink.js';
import type { HeldSecret } from '../src/ops/held-secrets.js';

const ed = (e: Editor, ...edits: Edit[]) => edits.reduce((x, a) => editorReducer(x, a), e);
const at = (value: string, cursor: number): Editor => ({ value, cursor });

describe('editor', () => {
  test('cursor left/right, Home/End, Backspace, Delete', () => {
    let e = ed(EMPTY_EDITOR, { type: 'insert', text: 'hello' });
    assert.deepEqual(e, at('hello', 5));
    e = ed(e, { type: 'left' }, { type: 'left' }, { type: 'insert', text: 'X' });
    assert.deepEqual(e, at('helXlo', 4));
    e = ed(e, { type: 'home' }, { type: 'delete' });
    assert.deepEqual(e, at('elXlo', 0));
    e = ed(e, { type: 'end' }, { type: 'backspace' }, { type: 'right' });
    assert.deepEqual(e, at('elXl', 4));
    assert.equal(ed(at('ab', 0), { type: 'backspace' }, { type: 'left' }).cursor, 0);
  });

  test('Ctrl+U, Ctrl+W, Ctrl+K', () => {
    assert.deepEqual(ed(at('one two three', 8), { type: 'killStart' }), at('three', 0));
    assert.deepEqual(ed(at('one two three', 8), { type: 'killEnd' }), at('one two ', 8));
    assert.deepEqual(ed(at('one two three', 8), { type: 'killWord' }), at('one three', 4));
    assert.deepEqual(ed(at('one two  ', 9), { type: 'killWord' }), at('one ', 4));
  });

  test('graphemes: an emoji with a skin tone, a letter with a combining accent, CJK are one step each', () => {
    const thumbs = '👍🏽';
    const e1 = `a${thumbs}b`;
    assert.deepEqual(ed(editorOf(e1), { type: 'left' }, { type: 'left' }), at(e1, 1));
    assert.deepEqual(ed(editorOf(e1), { type: 'left' }, { type: 'backspace' }), at('ab', 1));
    assert.deepEqual(ed(at(e1, 1), { type: 'delete' }), at('ab', 1));
    const accented = 'cafe\u0301!';
    assert.deepEqual(ed(editorOf(accented), { type: 'left' }, { type: 'backspace' }), at('caf!', 3));
    assert.deepEqual(ed(at(accented, 3), { type: 'right' }), at(accented, 5), 'e + accent is one step');
    const cjk = '日本語';
    assert.deepEqual(ed(editorOf(cjk), { type: 'left' }, { type: 'backspace' }), at('日語', 1));
    assert.deepEqual(ed(editorOf(`x ${thumbs}${cjk}`), { type: 'killWord' }), at('x ', 2));
  });

  test('a length limit counts code points and cuts a paste at a grapheme', () => {
    const e = ed(EMPTY_EDITOR, { type: 'insert', text: 'abcdef' });
    assert.equal(editorReducer(e, { type: 'insert', text: 'ghij' }, 8).value, 'abcdefgh');
  });
});

describe('key decoder', () => {
  test('a paste split over several inputs is one paste event, never keys', () => {
    const d = new KeyDecoder();
    assert.deepEqual(d.push('j\x1b[200~hello q'), [{ kind: 'text', text: 'j' }]);
    assert.equal(d.inPaste, true);
    assert.deepEqual(d.push(' world\r'), []);
    assert.deepEqual(d.push('\x1b[201~k'), [{ kind: 'paste', text: 'hello q world\r' }, { kind: 'text', text: 'k' }]);
    assert.equal(d.inPaste, false);
  });

  test('ESC then q in one input is esc, then q', () => {
    assert.deepEqual(new KeyDecoder().push('\x1bq'), [{ kind: 'key', name: 'esc' }, { kind: 'text', text: 'q' }]);
    assert.deepEqual(new KeyDecoder().push('\x1b'), [{ kind: 'key', name: 'esc' }]);
  });

  test('CSI and SS3 sequences, modifiers dropped; control characters named', () => {
    const d = new KeyDecoder();
    const names = (s: string) => d.push(s).map((e) => (e.kind === 'key' ? e.name : `${e.kind}:${e.text}`));
    assert.deepEqual(names('\x1b[A'), ['up']);
    assert.deepEqual(names('\x1b[1;5B'), ['down']);
    assert.deepEqual(names('\x1bOP'), ['f1']);
    assert.deepEqual(names('\x1b[3~'), ['delete']);
    assert.deepEqual(names('\x1b[5~'), ['pgup']);
    assert.deepEqual(names('\x1b[Z'), ['shift+tab']);
    assert.deepEqual(names('\x1b[I'), [], 'a focus report is ignored');
    assert.deepEqual(names('ab\x7f\x15\r\x03'), ['text:ab', 'backspace', 'ctrl+u', 'enter', 'ctrl+c']);
    assert.deepEqual(names('a\u009bb'), ['text:ab'], 'C1 controls are dropped');
  });
});

describe('clipboard', () => {
  test('y sends plain OSC 52 inside tmux; GNU screen gets its wrapper', () => {
    const tmux = { TMUX: '/tmp/tmux-1000/default,123,0', TERM: 'screen-256color' };
    assert.equal(clipboardRoute(tmux), 'tmux');
    assert.equal(osc52('id-1', tmux), `\x1b]52;c;${Buffer.from('id-1').toString('base64')}\x07`);
    assert.ok(!osc52('id-1', tmux).includes('\x1bPtmux;'), 'no passthrough wrapper');
    assert.equal(osc52('hi', { STY: '1.pts' }), '\x1bP\x1b]52;c;aGk=\x07\x1b\\');
    assert.equal(osc52('hi', {}), '\x1b]52;c;aGk=\x07');
    assert.match(copiedWhere(tmux), /tmux/);
    const saved = process.env.TMUX;
    process.env.TMUX = tmux.TMUX;
    try {
      const written: string[] = [];
      copyToClipboard('a1b2', { write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream);
      assert.deepEqual(written, [`\x1b]52;c;${Buffer.from('a1b2').toString('base64')}\x07`]);
    } finally {
      if (saved === undefined) delete process.env.TMUX;
      else process.env.TMUX = saved;
    }
  });
});

const idOf = (name: string) => {
  const c = fakeCredentials().find((x) => x.name === name || (x.type === 'hmac' && x.owner.userName === name))!;
  return c.id;
};
/** Selects a credential the way a user does: j until it is highlighted. */
function selectByKeys(m: Model, id: string): Model {
  for (let i = 0; i < 50 && selectedCredential(m)?.id !== id; i++) m = keys(m, 'j').model;
  assert.equal(selectedCredential(m)?.id, id);
  return m;
}
const top = (m: Model) => topOf(m);
const revokeTarget = (m: Model) => {
  const s = top(m);
  assert.equal(s.kind, 'revoke');
  return (s as Extract<Screen, { kind: 'revoke' }>).dialog.credential.id;
};

describe('selection you can trust', () => {
  test('filtering (the panel applied): stays on the row if still shown, else the first row; d acts on it', () => {
    let m = selectByKeys(appModel(), idOf('nightly-scan'));
    m = keys(m, 'f', 'j', 'space', 'enter').model; // OAuth only
    assert.equal(selectedCredential(m)!.id, idOf('nightly-scan'));
    assert.equal(revokeTarget(keys(m, 'd').model), idOf('nightly-scan'));
    m = keys(m, 'f', 'space', 'j', 'space', 'enter').model; // HMAC only: nightly-scan hidden
    const first = listRows(m);
    assert.equal(selectedCredential(m)!.id, first.sorted[first.rows[0]!]!.id);
    assert.equal(selectedCredential(m)!.type, 'hmac');
    assert.equal(revokeTarget(keys(m, 'd').model), selectedCredential(m)!.id);
  });

  test('searching: Enter opens the highlighted row; a search that hides it moves to the first row', () => {
    let m = selectByKeys(appModel(), idOf('ci-pipeline'));
    m = keys(m, '/', 'c', 'i', 'enter').model;
    assert.equal(selectedCredential(m)!.id, idOf('ci-pipeline'));
    let opened = keys(m, 'enter').model;
    assert.deepEqual(top(opened), { kind: 'details', id: idOf('ci-pipeline'), scroll: 0 });
    m = keys(m, 'escape', '/', 'bob').model;
    const bobRows = listRows(m);
    assert.equal(selectedCredential(m)!.id, bobRows.sorted[bobRows.rows[0]!]!.id);
    opened = keys(m, 'enter', 'enter').model;
    assert.equal((top(opened) as { id: string }).id, selectedCredential(m)!.id);
  });

  test('sorting with s and S keeps the selection; y copies the highlighted row', () => {
    let m = selectByKeys(appModel(), idOf('alice@example.com'));
    const before = cursorOf(listRows(m), m.selectedId);
    m = keys(m, 's', 'j', 'enter').model; // by name
    assert.equal(m.prefs.sort.key, 'name');
    assert.notEqual(cursorOf(listRows(m), m.selectedId), before, 'the row moved');
    assert.equal(selectedCredential(m)!.id, idOf('alice@example.com'));
    m = keys(m, 'S').model;
    assert.equal(m.prefs.sort.direction, 'desc');
    assert.equal(selectedCredential(m)!.id, idOf('alice@example.com'));
    const { effects } = keys(m, 'y');
    assert.deepEqual(effects.filter((e) => e.kind === 'copy'), [{ kind: 'copy', text: idOf('alice@example.com') }]);
  });

  test('rows arriving (a load finishing) keep the selection, and the first load selects the first row', () => {
    let m = appModel({ loaded: false });
    m = keys(m, 'j', 'j').model; // nothing to move yet
    m = run(m, { kind: 'loaded', organisation: fakeOrganisation(), now: FAKE_NOW }).model;
    const rows = listRows(m);
    assert.equal(selectedCredential(m)!.id, rows.sorted[rows.rows[0]!]!.id);
    m = selectByKeys(m, idOf('bob@example.com'));
    // More rows arrive, several sorting before bob's.
    const more = [...manyCredentials(30), ...fakeCredentials()];
    m = run(m, { kind: 'loaded', organisation: fakeOrganisation({ credentials: more }), now: FAKE_NOW }).model;
    assert.equal(selectedCredential(m)!.id, idOf('bob@example.com'));
    assert.equal(revokeTarget(keys(m, 'd').model), idOf('bob@example.com'));
    // A load without it: the first row.
    m = run(m, { kind: 'loaded', organisation: fakeOrganisation({ credentials: fakeCredentials().filter((c) => c.id !== idOf('bob@example.com')) }), now: FAKE_NOW }).model;
    const after = listRows(m);
    assert.equal(selectedCredential(m)!.id, after.sorted[after.rows[0]!]!.id);
  });
});

const heldFake = (): HeldSecret => ({
  secret: { kind: 'hmac', id: 'f'.repeat(32), secret: 's'.repeat(128), name: null, ownerName: 'alice@example.com', expiresAt: null },
  release() {},
} as unknown as HeldSecret);

/** One model per screen, each reached by keys where a key reaches it. */
type Kind = 'list' | 'search' | 'details' | 'filter' | 'columns' | 'sort' | 'help' | 'messages' | 'wizard' | 'revoke' | 'rotate' | 'secret';
function screens(): Record<Kind, Model> {
  const m = appModel({ rows: 30 });
  const secret: Screen = { kind: 'secret', secret: initialSecret(heldFake(), 'HMAC pair created', { select: null, done: 'done' }) };
  return {
    list: m,
    search: keys(m, '/').model,
    details: keys(m, 'enter').model,
    filter: keys(m, 'f').model,
    columns: keys(m, 'c').model,
    sort: keys(m, 's').model,
    help: keys(m, '?').model,
    messages: keys(m, 'm').model,
    wizard: keys(m, 'n').model,
    revoke: keys(selectByKeys(m, idOf('alice@example.com')), 'd').model,
    rotate: keys(selectByKeys(m, idOf('alice@example.com')), 'r').model,
    secret: { ...m, stack: [...m.stack, secret] },
  };
}

describe('one key model', () => {
  test('j/k and arrows move in every list', () => {
    const s = screens();
    const cursorOfScreen = (m: Model): number => {
      const t = topOf(m);
      switch (t.kind) {
        case 'list': return cursorOf(listRows(m), m.selectedId);
        case 'filter': return t.panel.cursor;
        case 'columns': return t.chooser.cursor;
        case 'sort': return t.picker.cursor;
        case 'wizard': return t.wizard.cursor;
        case 'help':
        case 'messages': return t.scroll;
        default: return -1;
      }
    };
    const wizardRoles = keys(appModel({ caller: { isAdmin: false } }), 'n', 'enter', 'x', 'enter', 'enter', 'enter').model;
    assert.equal((topOf(wizardRoles) as Extract<Screen, { kind: 'wizard' }>).wizard.step, 'roles');
    const help = keys(appModel({ rows: 12 }), '?').model; // short: help scrolls
    let messages = appModel({ rows: 12 });
    for (let i = 0; i < 30; i++) messages = run(messages, { kind: 'note', text: `note ${i}`, tone: 'info' }).model;
    messages = keys(messages, 'm', 'g').model;
    const lists: [string, Model][] = [
      ['list', s.list], ['filter', s.filter], ['columns', s.columns], ['sort', s.sort], ['wizard choice', s.wizard],
      ['wizard roles', wizardRoles], ['help', help], ['messages', messages],
    ];
    for (const [name, m] of lists) {
      const start = cursorOfScreen(m);
      for (const [down, up] of [['j', 'k'], ['down', 'up']] as const) {
        const moved = keys(m, down).model;
        assert.equal(cursorOfScreen(moved), start + 1, `${name}: ${down} moves down`);
        assert.equal(cursorOfScreen(keys(moved, up).model), start, `${name}: ${up} moves up`);
      }
    }
  });

  test('Esc and q go back on every screen but the list (q quits) and text fields (q is a letter)', () => {
    const s = screens();
    const back = (m: Model, key: string) => keys(m, key).model.stack.length;
    for (const kind of ['details', 'filter', 'columns', 'sort', 'help', 'messages', 'wizard', 'rotate'] as const) {
      const m = s[kind];
      assert.equal(back(m, 'escape'), m.stack.length - 1, `${kind}: Esc goes back`);
      assert.equal(back(m, 'q'), m.stack.length - 1, `${kind}: q goes back`);
    }
    assert.deepEqual(keys(s.list, 'q').effects, [{ kind: 'quit' }]);
    assert.equal(back(s.search, 'escape'), 1);
    // Text fields: q is typed.
    const typed: [string, Model, (m: Model) => string][] = [
      ['search', s.search, (m) => m.search.value],
      ['revoke confirmation', s.revoke, (m) => (topOf(m) as Extract<Screen, { kind: 'revoke' }>).dialog.typed.value],
      ['filter owner', keys(s.filter, ...Array<string>(OWNER_ROW).fill('j')).model, (m) => (topOf(m) as Extract<Screen, { kind: 'filter' }>).panel.owner.value],
      ['filter days', keys(s.filter, ...Array<string>(OWNER_ROW).fill('j'), 'down').model, (m) => (topOf(m) as Extract<Screen, { kind: 'filter' }>).panel.within.value],
      ['wizard owner', keys(s.wizard, 'enter').model, (m) => (topOf(m) as Extract<Screen, { kind: 'wizard' }>).wizard.query],
      ['wizard name', keys(appModel({ caller: { isAdmin: false } }), 'n', 'enter').model, (m) => (topOf(m) as Extract<Screen, { kind: 'wizard' }>).wizard.draft.name],
      ['secret profile prompt', run(keys(s.secret, 'p').model, { kind: 'profiles-listed', existing: [] }).model,
        (m) => ((topOf(m) as Extract<Screen, { kind: 'secret' }>).secret.mode as { editor: Editor }).editor.value],
    ];
    for (const [name, m, value] of typed) {
      assert.ok(keyTarget(m).edit, `${name} has a text field`);
      const after = keys(m, 'q').model;
      assert.equal(after.stack.length, m.stack.length, `${name}: q does not leave`);
      assert.ok(value(after).endsWith('q'), `${name}: q is typed (${value(after)})`);
      assert.deepEqual(keys(m, 'q').effects.filter((e) => e.kind === 'quit'), []);
      assert.equal(keys(m, 'escape').model.stack.length <= m.stack.length, true);
    }
    const expiry = keys(appModel({ caller: { isAdmin: false } }), 'n', 'enter', 'x', 'enter', 'ctrl+u', 'q').model;
    assert.equal((topOf(expiry) as Extract<Screen, { kind: 'wizard' }>).wizard.draft.expiry, 'q');
    const description = keys(appModel({ caller: { isAdmin: false } }), 'n', 'enter', 'x', 'enter', 'enter', 'q').model;
    assert.equal((topOf(description) as Extract<Screen, { kind: 'wizard' }>).wizard.draft.description, 'q');
  });

  test('Ctrl+C quits from every screen, search included; with an unsaved new secret it asks first', () => {
    const s = screens();
    for (const [kind, m] of Object.entries(s)) {
      if (kind === 'secret') continue;
      assert.deepEqual(keys(m, 'ctrl+c').effects, [{ kind: 'quit' }], `${kind}: Ctrl+C quits`);
    }
    const asked = keys(s.secret, 'ctrl+c');
    assert.deepEqual(asked.effects, []);
    assert.deepEqual((topOf(asked.model) as Extract<Screen, { kind: 'secret' }>).secret.mode, { kind: 'leave', quit: true });
    assert.deepEqual(keys(asked.model, 'n').effects, [], 'n stays');
    const yes = keys(asked.model, 'y').effects.map((e) => e.kind);
    assert.deepEqual(yes, ['release', 'quit']);
    // A secret under another screen (help over it) still asks.
    assert.deepEqual(keys(keys(s.secret, '?').model, 'ctrl+c').effects, []);
  });
});

describe('hints', () => {
  test('on every screen the hint lines come from the bindings and include help and the way out', () => {
    for (const [kind, m] of Object.entries(screens())) {
      const t = keyTarget(m);
      const lines = hintLines(t.bindings, { readOnly: false, credential: selectedCredential(m) }, 76);
      const text = lines.join('  ');
      assert.match(text, kind === 'help' ? /Esc\/q\/\? close help/ : /(\?|F1) help/, `${kind}: help in ${text}`);
      const out = t.bindings.filter((b) => b.essential && b.command !== 'help');
      assert.ok(out.length > 0, `${kind}: a way out`);
      for (const b of out) assert.ok(text.includes(`${b.keys} ${b.label}`), `${kind}: "${b.keys} ${b.label}" in ${text}`);
    }
  });

  test('at 80 columns the list keeps q, r, y and ^R, on two lines when needed', () => {
    const m = appModel({ columns: 80, rows: 24 });
    const { hints } = listLayout(m);
    assert.ok(hints.length <= 2);
    const text = hints.join('  ');
    for (const k of ['q quit', 'r rotate', 'y copy id', '^R/R refresh', '? help']) assert.ok(text.includes(k), `${k} in ${text}`);
    for (const l of hints) assert.ok(l.length <= 80, l);
  });
});

describe('bursts', () => {
  test('500 j in one input move the cursor 500 rows (capped), in bounded batches', async () => {
    for (const [n, want] of [[1000, 500], [200, 199]] as const) {
      const model = appModel({ credentials: manyCredentials(n) });
      const store = createStore(model, () => {});
      store.keys(keyEvents('j'.repeat(500)));
      assert.ok(store.pending() >= 8, 'split into pieces');
      while (store.pending() > 0) await new Promise<void>((r) => setImmediate(r));
      const m = store.getModel();
      assert.equal(cursorOf(listRows(m), m.selectedId), want);
    }
  });

  test('a 10,000-character bracketed paste into the description arrives as one edit', () => {
    const m = keys(appModel({ caller: { isAdmin: false } }), 'n', 'enter', 'x', 'enter', 'enter').model;
    const pasted = 'p'.repeat(4000) + ' q\x1b[2J ' + 'z'.repeat(5990);
    const events = keyEvents(`\x1b[200~${pasted}\x1b[201~`);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.kind, 'paste');
    const after = update(m, { kind: 'key', event: events[0]! }).model;
    const w = (topOf(after) as Extract<Screen, { kind: 'wizard' }>).wizard;
    assert.equal(w.step, 'description');
    assert.equal(w.draft.description.length, 4096, 'the field keeps its limit');
    assert.ok(w.draft.description.startsWith('pppp'));
    assert.ok(!w.draft.description.includes('\x1b'), 'no control character enters a field');
  });

  test('a paste on the list is never read as commands', () => {
    const m = appModel();
    const [event] = keyEvents('\x1b[200~qndrcfs?m/\x03\x1b[201~');
    const s = update(m, { kind: 'key', event: event! });
    assert.deepEqual(s.model.stack, m.stack, 'no screen opened');
    assert.ok(!s.effects.some((e) => e.kind === 'quit'));
    assert.equal(s.model.selectedId, m.selectedId);
    assert.match(s.model.flash?.text ?? '', /Pasted text goes into a text field/);
  });
});
