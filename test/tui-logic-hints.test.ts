// The keys' text (hint bar, `?` overlay), the loading line, the env snippet's rows and NO_COLOR.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { HELP_SECTIONS, LIST_BINDINGS } from '../src/tui/bindings.js';
import { helpLines } from '../src/tui/panels/help-view.js';
import { hintLines } from '../src/tui/frame/hint-bar.js';
import { secretParts } from '../src/tui/dialogs/secret-rows.js';
import { colour } from '../src/tui/palette.js';
import { progressText } from '../src/tui/list/progress.js';
import { viewOf } from '../src/model/credential.js';
import { FAKE_NOW, fakeCredentials } from './helpers/fake-service.js';

test('the ? overlay names each key once: no lone ↓ under ↑/↓, no J under K/J', () => {
  for (const section of HELP_SECTIONS) {
    // One table a screen: its rows are "│ key │ label │"; the heading row's key cell is "Key".
    const lines = helpLines([section], 200, 60).flat().filter((l) => l.trim().startsWith('│'));
    const cells = lines.map((l) => l.split('│').map((c) => c.trim()));
    const keys = cells.map((c) => c[1]!).filter((k) => k !== 'Key');
    assert.ok(keys.length > 0, `${section.title}: a table of keys`);
    assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), [], `${section.title}: a key listed twice`);
    for (const l of lines) {
      assert.doesNotMatch(l, /^\s*│\s+(↓|J)\s/, `${section.title}: "${l.trim()}" repeats a key of a pair`);
      assert.doesNotMatch(l, /scroll down|move down/, `${section.title}: "${l.trim()}"`);
    }
  }
  const list = helpLines(HELP_SECTIONS, 200, 60).flat().join('\n');
  assert.match(list, /\^R\/R\s+│ refresh/);
  assert.match(list, /Ctrl\+C\s+│ quit/);
});

test('the hint bar keeps "? help" and "q quit" when it must cut, and leaves out what is not offered', () => {
  const live = viewOf(fakeCredentials()[0]!, FAKE_NOW);
  const narrow = hintLines(LIST_BINDINGS, { readOnly: false, credential: live }, 80);
  assert.ok(narrow.length <= 2);
  for (const l of narrow) assert.ok(l.length <= 80, l);
  assert.match(narrow.at(-1)!, /\? help {2}q quit$/);
  assert.match(narrow[0]!, /^⏎ details {2}\/ search/);
  const joined = narrow.join('  ');
  for (const k of ['r rotate', 'y copy id', '^R/R refresh', 'q quit']) assert.ok(joined.includes(k), `80 columns keep ${k}: ${joined}`);
  const wide = hintLines(LIST_BINDINGS, { readOnly: false, credential: live }, 200);
  assert.equal(wide.length, 1);
  assert.match(wide[0]!, /r rotate {2}y copy id {2}\^R\/R refresh {2}\? help {2}q quit$/);
  const readOnly = hintLines(LIST_BINDINGS, { readOnly: true, credential: live }, 200).join('  ');
  assert.doesNotMatch(readOnly, /n new|d revoke|r rotate/);
  assert.match(readOnly, /y copy id/);
  const revoked = viewOf(fakeCredentials().find((c) => c.revokedAt)!, FAKE_NOW);
  assert.doesNotMatch(hintLines(LIST_BINDINGS, { readOnly: false, credential: revoked }, 200).join(), /d revoke|r rotate/);
  // However narrow, the essential ones stay.
  assert.match(hintLines(LIST_BINDINGS, { readOnly: false, credential: live }, 20).join(' '), /\? help.*q quit/);
});

test('loading progress counts in words: users, OAuth clients', () => {
  assert.equal(progressText({ phase: 'users', done: 412, total: 5000 }), 'Loading… 412 of 5,000 users');
  assert.equal(progressText({ phase: 'oauth', done: 930, total: 1130 }), 'Loading… 930 of 1,130 OAuth clients');
  assert.equal(progressText({ phase: 'credentials', done: 3, total: null }), 'Loading… 3 credentials');
  assert.equal(progressText(null), 'Loading credentials…');
  // A pause for the rate limit says so, with the seconds left, and still fits 80 columns.
  const paused = progressText({ phase: 'users', done: 25_000, total: 80_000, waitSeconds: 41 });
  assert.equal(paused, 'Loading… 25,000 of 80,000 users · rate limit reached, resuming in 41 s');
  assert.ok(paused.length + 2 <= 80);
});

test('the env snippet, cut to 78 columns, is still the same command when pasted into a shell', () => {
  const id = '0a1b2c3d-1111-4000-8000-000000000001';
  const secret = 'b869d2087c1057d9d28246bd6affced8b63c6c6f891b07275db1c98e32779bd1';
  const parts = secretParts({
    secret: { kind: 'oauth', id, secret, name: 'ci', ownerName: 'alice', expiresAt: null },
    credentialsPath: '/tmp/credentials', report: [], revealed: true, showEnv: true, copied: false, saved: null, mode: { kind: 'view' },
  }, 78);
  const rows = parts.find((p) => p.key === 'env')!.forms[0]!.map((row) => row.map((s) => s.text).join(''));
  assert.ok(rows.length > 2, 'the secret line needs cutting at 78 columns');
  for (const r of rows) assert.ok(r.length <= 78, r);
  const out = execFileSync('sh', ['-c', `${rows.join('\n')}\nprintf '%s %s' "$VERACODE_OAUTH_CLIENT_ID" "$VERACODE_OAUTH_CLIENT_SECRET"`], { encoding: 'utf8' });
  assert.equal(out, `${id} ${secret}`);
});

test('NO_COLOR (any non-empty value) drops colours', () => {
  assert.equal(colour('red', { NO_COLOR: '1' }), undefined);
  assert.equal(colour('red', { NO_COLOR: '' }), 'red');
  assert.equal(colour('red', {}), 'red');
  assert.equal(colour(undefined, {}), undefined);
});
