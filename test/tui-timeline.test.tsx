// The expiry timeline (T), its week filter and chip, the list header's next expiry in words, the
// details' secrets table and the report's terminal preview (ink-table).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { viewOf, type Credential } from '../src/model/credential.js';
import { EMPTY_FILTER, isFilterEmpty, matchesFilter } from '../src/model/filter.js';
import { weeklyBuckets, buildReport } from '../src/ops/report.js';
import { sanitizePreferences } from '../src/config/preferences-sanitize.js';
import { chartCharset, initialTimeline, timelineBars, timelineHeader, weekFilter } from '../src/tui/panels/timeline-view.js';
import { expiryWindowChip, filterChips, inWords, nextExpiry, nextExpiryText } from '../src/tui/summary.js';
import { topOf } from '../src/tui/app/model.js';
import { listRows, selectedCredential } from '../src/tui/list/rows.js';
import { listLayout } from '../src/tui/list/list-screen.js';
import { secretsTable, detailRows } from '../src/tui/details/details-view.js';
import { plainTableLines, tableLines } from '../src/tui/frame/table.js';
import { inkTableLines } from '../components/static-table.js';
import { reportPreview } from '../components/report-preview.js';
import { FAKE_NOW, fakeCredentials } from './helpers/fake-service.js';
import { appModel, keys, renderApp } from './helpers/ink.js';

const DAY = 86_400_000;
const text = (row: readonly { text: string }[]) => row.map((s) => s.text).join('');
const views = () => fakeCredentials().map((c) => viewOf(c, FAKE_NOW));
const byName = (name: string) => fakeCredentials().find((c) => c.name === name || (c.type === 'hmac' && c.owner.userName === name))!;

describe('timeline rows', () => {
  const t = weeklyBuckets(views(), FAKE_NOW);

  test('17 bars, this week marked, stacked by status in block characters, counts and a legend', () => {
    const rows = timelineBars(t, initialTimeline().cursor, 76, 'unicode').map(text);
    assert.equal(rows.length, 17);
    // FAKE_NOW is Thursday 2026-11-26: the week from Monday 2026-11-23 is the fifth bar.
    assert.match(rows[4]!, /^› 2026-11-23 now +4 █+▓+ *$/);
    assert.match(rows[5]!, /^ {2}2026-11-30 +2 ▓+ *$/);
    assert.match(rows[0]!, /^ {2}2026-10-26 +· *$/);
    assert.match(rows[15]!, /^ {2}2027-02-08 +1 ░+ *$/, 'ci-pipeline, 80 days out');
    for (const r of rows) assert.ok(r.length <= 76, r);
    // The largest bar fills the bar's room; the others are in proportion.
    assert.equal((rows[4]!.match(/[█▓]/g) ?? []).length, 76 - (2 + 10 + 1 + 3 + 1 + 3 + 1));
    const legend = text(timelineHeader(t, 76, 'unicode'));
    assert.match(legend, /Week of +all █ expired {2}▓ expiring {2}▒ superseded {2}░ active/);
    // Each status its own colour too.
    const tones = timelineBars(t, 4, 76, 'unicode')[4]!.filter((s) => /[█▓]/.test(s.text)).map((s) => s.tone);
    assert.deepEqual(tones, ['fail', 'warn']);
  });

  test('ASCII under NO_COLOR or a non-UTF-8 locale', () => {
    const rows = timelineBars(t, 4, 76, 'ascii').map(text);
    assert.match(rows[4]!, /^> 2026-11-23 now +4 #+=+ *$/);
    assert.match(rows[0]!, /^ {2}2026-10-26 +\. *$/);
    assert.match(rows[15]!, /-+ *$/);
    for (const r of rows) assert.match(r, /^[\x20-\x7e]*$/, 'ASCII only');
    assert.match(text(timelineHeader(t, 76, 'ascii')), /# expired {2}= expiring {2}\+ superseded {2}- active/);
    assert.equal(chartCharset({ LANG: 'en_GB.UTF-8' }), 'unicode');
    assert.equal(chartCharset({ LANG: 'en_US.utf8' }), 'unicode');
    assert.equal(chartCharset({ LANG: 'en_GB.UTF-8', NO_COLOR: '1' }), 'ascii');
    assert.equal(chartCharset({ LANG: 'C' }), 'ascii');
    assert.equal(chartCharset({ LANG: 'en_GB.UTF-8', LC_ALL: 'POSIX' }), 'ascii', 'LC_ALL wins');
    assert.equal(chartCharset({ LANG: 'C', LC_CTYPE: 'C.UTF-8' }), 'unicode', 'LC_CTYPE before LANG');
    assert.equal(chartCharset({}), 'unicode');
  });

  test('a superseded pair is drawn in its own character, at the end of its grace', () => {
    const old: Credential = { ...byName('bob@example.com'), id: 'sup-1', expiresAt: new Date(FAKE_NOW + 300 * DAY).toISOString(), supersededUntil: new Date(FAKE_NOW + 9 * DAY).toISOString() };
    const tl = weeklyBuckets([viewOf(old, FAKE_NOW)], FAKE_NOW);
    const rows = timelineBars(tl, 0, 76, 'unicode').map(text);
    assert.match(rows[5]!, /2026-11-30 +1 ▒+/);
    assert.match(timelineBars(tl, 0, 76, 'ascii').map(text)[5]!, /2026-11-30 +1 \++/);
  });
});

describe('the week filter', () => {
  test('each bar\'s filter keeps exactly its credentials; revoked never; chip and emptiness', () => {
    const v = views();
    const t = weeklyBuckets(v, FAKE_NOW);
    for (const w of t.weeks) {
      const f = weekFilter(EMPTY_FILTER, w);
      assert.deepEqual(v.filter((c) => matchesFilter(c, f)).map((c) => c.id).sort(), [...w.ids].sort(), w.startDate);
    }
    const f = weekFilter(EMPTY_FILTER, t.weeks[5]!);
    assert.deepEqual({ from: f.expiresFrom, to: f.expiresTo }, { from: '2026-11-30', to: '2026-12-07' });
    assert.equal(isFilterEmpty(f), false);
    assert.deepEqual(filterChips(f), ['expires week of 2026-11-30']);
    assert.equal(expiryWindowChip({ ...EMPTY_FILTER, expiresFrom: '2026-12-01', expiresTo: '2026-12-04' }), 'expires 2026-12-01 to 2026-12-03');
    assert.equal(isFilterEmpty(EMPTY_FILTER), true, 'a filter without the fields (saved before them, the CLI\'s) is empty');
  });

  test('sanitised on load: real dates kept, anything else dropped, old preferences unchanged', () => {
    const load = (filter: unknown) => sanitizePreferences({ filter }).filter;
    assert.deepEqual(load({ expiresFrom: '2026-12-07', expiresTo: '2026-12-14' }), { ...EMPTY_FILTER, expiresFrom: '2026-12-07', expiresTo: '2026-12-14' });
    assert.deepEqual(load({ expiresFrom: '2026-02-30', expiresTo: 'soon' }), EMPTY_FILTER);
    assert.deepEqual(load({ expiresFrom: '2026-12-14', expiresTo: '2026-12-07' }), EMPTY_FILTER, 'an empty window');
    assert.deepEqual(load({ expiresFrom: 42 }), EMPTY_FILTER);
    assert.deepEqual(load({ owner: 'bob' }), { ...EMPTY_FILTER, owner: 'bob' });
  });

  test('choosing a week: the same credential stays selected if shown, else the first row; x clears', () => {
    const bob = byName('bob@example.com').id;
    const nightly = byName('nightly-scan').id;
    const select = (id: string) => {
      let m = appModel();
      for (let i = 0; i < 12 && selectedCredential(m)?.id !== id; i++) m = keys(m, 'j').model;
      assert.equal(selectedCredential(m)?.id, id);
      return m;
    };
    // Bob's key is in the week of 2026-11-30 (next week: one j from this week).
    let s = keys(select(bob), 'T');
    assert.equal(topOf(s.model).kind, 'timeline');
    s = keys(s.model, 'j', 'enter');
    assert.equal(topOf(s.model).kind, 'list');
    assert.deepEqual(filterChips(s.model.prefs.filter), ['expires week of 2026-11-30']);
    assert.deepEqual(s.effects.filter((e) => e.kind === 'save-prefs').length, 1);
    const shown = listRows(s.model).rows.map((i) => listRows(s.model).sorted[i]!.id);
    assert.deepEqual(shown.sort(), [bob, nightly].sort());
    assert.equal(s.model.selectedId, bob, 'still on bob');
    assert.deepEqual(listLayout(s.model).chips, ['expires week of 2026-11-30']);
    // From a credential outside the week: the first row.
    const carol = byName('carol@example.com').id;
    const other = keys(select(carol), 'T', 'j', 'enter').model;
    const first = listRows(other);
    assert.equal(other.selectedId, first.sorted[first.rows[0]!]!.id);
    // x clears it with the other filters.
    const cleared = keys(s.model, 'x');
    assert.equal(isFilterEmpty(cleared.model.prefs.filter), true);
    assert.equal(listLayout(cleared.model).chips.length, 0);
    // An empty week is not applied; Esc and q go back, ? opens help.
    const empty = keys(appModel(), 'T', 'j', 'j', 'j', 'enter').model;
    assert.equal(topOf(empty).kind, 'timeline');
    assert.match(empty.flash?.text ?? '', /Nothing stops working in the week of 2026-12-14/);
    assert.equal(topOf(keys(empty, 'escape').model).kind, 'list');
    assert.equal(topOf(keys(empty, 'q').model).kind, 'list');
    assert.equal(topOf(keys(empty, '?').model).kind, 'help');
    // j/k stop at the ends.
    const last = keys(appModel(), 'T', 'G', 'j').model;
    assert.equal((topOf(last) as { timeline: { cursor: number } }).timeline.cursor, 16);
  });
});

describe('next expiry in words', () => {
  const MIN = 60_000;
  const HOUR = 60 * MIN;
  test('boundaries', () => {
    assert.equal(inWords(59_999), 'in less than a minute');
    assert.equal(inWords(MIN), 'in 1 minute');
    assert.equal(inWords(40 * MIN), 'in 40 minutes');
    assert.equal(inWords(HOUR - 1), 'in 59 minutes');
    assert.equal(inWords(HOUR), 'in 1 hour');
    assert.equal(inWords(5 * HOUR + 59 * MIN), 'in 5 hours');
    assert.equal(inWords(48 * HOUR - 1), 'in 47 hours');
    assert.equal(inWords(48 * HOUR), 'in 2 days');
    assert.equal(inWords(3 * DAY + HOUR), 'in 3 days');
  });

  test('the soonest future end, revoked and past ones left out; on the counts line', () => {
    const v = views();
    assert.equal(nextExpiry(v, FAKE_NOW)?.name, 'release-dashboard-with-a-rather-long-name');
    assert.equal(nextExpiryText(v, FAKE_NOW), 'next: release-dashboard-with-… in 6 hours');
    const jenkins: Credential = { ...byName('ci-pipeline'), id: 'j-1', name: 'jenkins-1', expiresAt: new Date(FAKE_NOW + 5 * 3_600_000).toISOString() };
    const revoked: Credential = { ...jenkins, id: 'j-0', name: 'gone', revokedAt: new Date(FAKE_NOW - DAY).toISOString(), expiresAt: new Date(FAKE_NOW + 60_000).toISOString() };
    assert.equal(nextExpiryText([jenkins, revoked].map((c) => viewOf(c, FAKE_NOW)), FAKE_NOW), 'next: jenkins-1 in 5 hours');
    assert.equal(nextExpiryText([viewOf(revoked, FAKE_NOW)], FAKE_NOW), null);
    assert.match(listLayout(appModel({ columns: 200 })).counts!, /2 revoked · next: release-dashboard-with-… in 6 hours$/);
    assert.match(listLayout(appModel({ columns: 80 })).counts!, /^next: release-dashboard-with-… in 6 hours · 10 credentials/, 'narrow: the next expiry first');
  });
});

describe('static tables (ink-table)', () => {
  test('the details\' secrets: id, created, expires, live/expired; ink-table and the plain drawer agree', () => {
    const client: Credential = {
      ...byName('ci-pipeline'),
      secrets: [
        { secretId: '11111111-2222-4333-8444-555555555555', createdAt: '2026-09-01T00:00:00Z', expiresAt: '2027-02-14T00:00:00Z' },
        { secretId: '66666666-7777-4888-8999-000000000000', createdAt: '2026-06-01T00:00:00Z', expiresAt: '2026-11-01T00:00:00Z' },
      ],
    };
    const spec = secretsTable(viewOf(client, FAKE_NOW), FAKE_NOW, 76)!;
    const lines = inkTableLines(spec);
    assert.deepEqual(lines, [
      '┌──────────────────────────────────────┬────────────┬────────────┬─────────┐',
      '│ Secret ID                            │ Created    │ Expires    │ State   │',
      '├──────────────────────────────────────┼────────────┼────────────┼─────────┤',
      '│ 11111111-2222-4333-8444-555555555555 │ 2026-09-01 │ 2027-02-14 │ live    │',
      '│ 66666666-7777-4888-8999-000000000000 │ 2026-06-01 │ 2026-11-01 │ expired │',
      '└──────────────────────────────────────┴────────────┴────────────┴─────────┘',
    ]);
    assert.deepEqual(plainTableLines(spec), lines);
    assert.deepEqual(tableLines(spec), lines, 'components/static-table registered ink-table');
    const rows = detailRows(viewOf(client, FAKE_NOW), '/tmp/c', 76, FAKE_NOW).map(text);
    assert.ok(rows.includes('Secrets (2)'));
    assert.ok(rows.includes(lines[3]!));
    // Too narrow for a whole id: it keeps its head and tail, the table its width.
    const narrow = inkTableLines(secretsTable(viewOf(client, FAKE_NOW), FAKE_NOW, 60)!);
    for (const l of narrow) assert.ok(l.length <= 60, l);
    assert.match(narrow[3]!, /│ 11111111-2222-4…5555 │/);
    assert.equal(secretsTable(viewOf(byName('alice@example.com'), FAKE_NOW), FAKE_NOW, 76), null, 'HMAC keys have none');
  });

  test('the report\'s terminal preview: counts and findings as tables', () => {
    const r = buildReport({ credentials: fakeCredentials(), apiUrl: 'https://api.veracode.com', profile: 'default', caller: { userName: 'alice@example.com', isAdmin: true } }, { now: FAKE_NOW });
    const out = reportPreview(r, 120);
    assert.match(out, /Credentials by status\n┌─+┬─+┐\n│ Status +│ Credentials │/);
    assert.match(out, /│ Expired +│ +2 │/);
    assert.match(out, /│ Total +│ +10 │/);
    assert.match(out, /│ Severity │ Finding +│ Credential +│ ID +│ Owner +│ Detail +│/);
    assert.match(out, /│ High +│ expired, never revoked +│ carol@example\.com/);
    assert.match(out, /2026-11-23 \* .*│ █+▓+ +│/);
    for (const l of out.split('\n')) assert.ok(l.length <= 120, l);
  });
});

test('app: T opens the timeline, Enter filters the list to the week, x clears', async () => {
  const app = renderApp({ columns: 80, rows: 24 });
  try {
    await app.waitFor('10 credentials');
    await app.idle();
    const f = await app.type('T');
    assert.match(f, /╭─ Expiry timeline · this week: 4 \(2 expired · 2 expiring\)/);
    assert.match(f, /Week of +all █ expired {2}▓ expiring {2}▒ superseded {2}░ active/);
    assert.equal((f.match(/│ [›\s] 20\d\d-\d\d-\d\d/g) ?? []).length, 17, 'all 17 bars at 80x24');
    assert.match(f, /› 2026-11-23 now +4 █+▓+/);
    assert.match(f, /Esc\/q back/);
    for (const l of f.split('\n')) assert.ok([...l].length <= 80, l);
    await app.type('j');
    const chosen = await app.type('\r');
    assert.match(chosen, /Filters: \[expires week of 2026-11-30\]/);
    assert.match(chosen, /› OAuth nightly-… .*\n {2}HMAC  bob@exam…/);
    assert.doesNotMatch(chosen, /carol@ex|ci-pipel/);
    const cleared = await app.type('x');
    assert.doesNotMatch(cleared, /expires week of/);
    assert.match(cleared, /Filters cleared/);
    assert.match(cleared, /carol@ex/);
  } finally {
    app.unmount();
  }
});
