// The hygiene report's model (src/ops/report.ts) and its three renderers, on a made-up
// organisation with a fixed clock; then `vcreds report` against the emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, weekStart, weeklyBuckets, type HygieneReport } from '../src/ops/report.js';
import { renderCsv, REPORT_CSV_HEADERS } from '../src/report/csv.js';
import { htmlText, renderHtml } from '../src/report/html.js';
import { mdText, renderMarkdown, unicodeBar } from '../src/report/markdown.js';
import { viewOf, type Credential } from '../src/model/credential.js';
import type { User } from '../src/identity/types.js';
import { fixture, run } from './cli-harness.js';

const DAY = 86_400_000;
// A Wednesday.
const NOW = Date.parse('2026-03-04T12:00:00.000Z');
const iso = (days: number) => new Date(NOW + days * DAY).toISOString();

function hmac(id: string, expiresInDays: number | null, extra: Partial<Credential> = {}): Credential {
  return {
    id, type: 'hmac', name: null, description: null, owner: { userId: `u-${id}`, userName: `user-${id}`, accountType: 'user' },
    expiresAt: expiresInDays === null ? null : iso(expiresInDays), createdAt: null, revokedAt: null, roles: [], secrets: [], profiles: [], ...extra,
  };
}

const HOSTILE = '=cmd|x <b>[a](http://evil)</b> *y* & \u001b[2J\u009b';

function organisation(): { credentials: Credential[]; users: User[] } {
  const bot = { userId: 'u-bot', userName: 'deploy-bot', accountType: 'api' as const };
  const credentials: Credential[] = [
    hmac('expired-old', -40),
    hmac('expired-new', -3),
    hmac('soon', 3),
    hmac('month', 20, { owner: bot, roles: [{ name: 'adminapi' }, { name: 'uploadapi' }] }),
    hmac('far', 200), // created (estimated) 165 days ago
    hmac('revoked', 5, { revokedAt: iso(-1) }),
    hmac('superseded', 100, { supersededUntil: iso(0.5) }),
    hmac('never', null),
    {
      ...hmac('client', 60), type: 'oauth', name: HOSTILE, createdAt: iso(-300),
      owner: { userId: 'u-h', userName: 'mallory|<i>', accountType: 'user' },
      secrets: [
        { secretId: 's1', createdAt: iso(-120), expiresAt: iso(60) },
        { secretId: 's2', createdAt: iso(-100), expiresAt: iso(60) },
        { secretId: 's0', createdAt: iso(-400), expiresAt: iso(-35) },
      ],
    },
  ];
  const users: User[] = [
    { userId: 'u-bot', userName: 'deploy-bot', email: null, firstName: null, lastName: null, accountType: 'api', roles: [{ name: 'adminapi' }, { name: 'uploadapi' }], loginEnabled: true },
    { userId: 'u-idle', userName: 'idle-admin', email: null, firstName: null, lastName: null, accountType: 'api', roles: [{ name: 'extadmin' }], loginEnabled: true },
    { userId: 'u-human', userName: 'alice', email: null, firstName: null, lastName: null, accountType: 'user', roles: [{ name: 'extadmin' }], loginEnabled: true },
  ];
  return { credentials, users };
}

function report(olderThanDays = 90): HygieneReport {
  const { credentials, users } = organisation();
  return buildReport({ credentials, users, caller: { userName: 'auditor', isAdmin: true }, apiUrl: 'https://api.veracode.com', profile: 'audit' }, { now: NOW, olderThanDays });
}

test('weeklyBuckets: Monday weeks (UTC), 4 back and 13 ahead, by when each stops working, stacked by status', () => {
  assert.equal(new Date(weekStart(NOW)).toISOString(), '2026-03-02T00:00:00.000Z');
  assert.equal(new Date(weekStart(Date.parse('2026-03-08T23:59:59Z'))).toISOString(), '2026-03-02T00:00:00.000Z', 'Sunday is the end of the ISO week');
  assert.equal(new Date(weekStart(NOW, 0)).toISOString(), '2026-03-01T00:00:00.000Z');

  const views = organisation().credentials.map((c) => viewOf(c, NOW));
  const tl = weeklyBuckets(views, NOW);
  assert.equal(tl.weeks.length, 17);
  assert.deepEqual([tl.weeks[0]!.offset, tl.weeks[4]!.offset, tl.weeks[16]!.offset], [-4, 0, 12]);
  assert.equal(tl.weeks[0]!.startDate, '2026-02-02');
  assert.equal(tl.weeks[4]!.startDate, '2026-03-02');
  for (let i = 1; i < tl.weeks.length; i++) assert.equal(tl.weeks[i]!.start, tl.weeks[i - 1]!.end);

  const weekOf = (id: string) => tl.weeks.find((w) => w.ids.includes(id))?.offset;
  assert.equal(weekOf('expired-new'), -1); // 3 days before a Wednesday: the Sunday of last week
  assert.equal(weekOf('soon'), 0);
  assert.equal(weekOf('superseded'), 0, 'a superseded pair counts when its grace ends, not at its expiry');
  assert.equal(weekOf('month'), 3);
  assert.equal(weekOf('client'), 8);
  assert.equal(weekOf('revoked'), undefined, 'revoked are left out');
  assert.deepEqual({ earlier: tl.earlier, later: tl.later, never: tl.never }, { earlier: 1, later: 1, never: 1 });
  const thisWeek = tl.weeks[4]!;
  assert.deepEqual([thisWeek.counts.expiring, thisWeek.counts.superseded, thisWeek.total], [1, 1, 2]);
  assert.equal(tl.weeks[3]!.counts.expired, 1);
  assert.equal(tl.max, 2);
  assert.equal(weeklyBuckets(views, NOW, { includeRevoked: true }).weeks.find((w) => w.ids.includes('revoked'))?.offset, 1);
  assert.equal(weeklyBuckets(views, NOW, { weeksBack: 0, weeksAhead: 2 }).weeks.length, 2);

  assert.equal(unicodeBar(thisWeek, 2, 10), '▓▓▓▓▓▒▒▒▒▒');
  assert.equal(unicodeBar(tl.weeks[5]!, 2, 10), '');
});

test('buildReport: counts, expired or expiring within 30 days with owners, never revoked, admin service accounts, old keys, OAuth clients with two live secrets', () => {
  const r = report();
  assert.deepEqual(r.counts, { active: 4, expiring: 1, expired: 2, revoked: 1, superseded: 1 });
  assert.equal(r.total, 9);
  assert.deepEqual(r.expiredOrExpiring.map((c) => c.id), ['expired-old', 'expired-new', 'superseded', 'soon', 'month']);
  assert.deepEqual(r.expiredNotRevoked.map((c) => c.id), ['expired-old', 'expired-new']);
  assert.deepEqual(r.adminServiceAccounts.map((a) => [a.owner.userName, a.adminRoles, a.liveCredentials.map((c) => c.id)]), [
    ['deploy-bot', ['adminapi'], ['month']],
    ['idle-admin', ['extadmin'], []],
  ], 'API accounts only: the human administrator is no finding');
  // HMAC ages are estimated from expiry (a year); the OAuth client's from its newest live secret.
  assert.deepEqual(r.oldKeys.map((o) => [o.credential.id, o.ageDays, o.estimated]), [
    ['soon', 362, true], ['month', 345, true], ['superseded', 265, true], ['far', 165, true], ['client', 100, false],
  ]);
  assert.deepEqual(report(200).oldKeys.map((o) => o.credential.id), ['soon', 'month', 'superseded']);
  assert.deepEqual(r.multiSecretClients.map((m) => [m.credential.id, m.liveSecrets.map((s) => s.secretId)]), [['client', ['s1', 's2']]]);

  const kinds = r.findings.map((f) => `${f.severity}:${f.kind}:${f.credential?.id ?? f.owner.userName}`);
  assert.deepEqual(kinds, [
    'high:expired-not-revoked:expired-old', 'high:expired-not-revoked:expired-new', 'high:expiring-soon:superseded', 'high:expiring-soon:soon',
    'medium:expiring-soon:month', 'medium:admin-service-account:month', 'medium:admin-service-account:idle-admin', 'medium:oauth-multiple-secrets:client',
    'low:old-key:soon', 'low:old-key:month', 'low:old-key:superseded', 'low:old-key:far', 'low:old-key:client',
  ]);
  assert.match(r.findings[0]!.detail, /expired 40 days ago, never revoked/);
});

test('renderers: others\' text escaped for each format (HTML entities, Markdown punctuation and |, CSV formulas), control characters made visible', () => {
  const r = report();
  const md = renderMarkdown(r);
  assert.ok(md.includes(mdText(HOSTILE)));
  assert.equal(mdText('a|b <i>*x*</i> [l](u) & \u001b'), 'a\\|b \\<i\\>\\*x\\*\\</i\\> \\[l\\](u) \\& \\\\e');
  assert.doesNotMatch(md, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, 'no control character');
  assert.ok(md.includes('mallory\\|\\<i\\>'));
  // Every table row has as many cells as its header: no | from others' text splits a row.
  for (const block of md.split('\n\n').filter((b) => b.startsWith('| '))) {
    const cells = block.split('\n').filter(Boolean).map((l) => l.replace(/\\\|/g, '').split('|').length);
    assert.ok(cells.every((n) => n === cells[0]), block);
  }
  assert.match(md, /^# Veracode API credentials: hygiene report$/m);
  assert.match(md, /\| \*\*2026-03-02 \(this week\)\*\* \| · \| 1 \| 1 \| · \| 2 \| ▓+▒+ \|/);

  const html = renderHtml(r);
  assert.equal(htmlText(`<a href="x">'&'</a>\u001b`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\\e');
  assert.ok(html.includes(htmlText(HOSTILE)));
  assert.ok(!html.includes('<b>[a]'));
  assert.doesNotMatch(html, /<script|<link|<img|(src|href)=|url\(/i);
  assert.doesNotMatch(html, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  assert.match(html, /<svg [^>]*viewBox="0 0 1000 310"/);
  assert.match(html, /@media print/);

  const csv = renderCsv(r);
  const lines = csv.split('\r\n');
  assert.equal(lines[0], REPORT_CSV_HEADERS.join(','));
  assert.equal(lines.length, r.findings.length + 2, 'one row per finding, CRLF, a final line end');
  const clientRow = lines.find((l) => l.startsWith('oauth-multiple-secrets'))!;
  assert.ok(clientRow.includes(`"'=cmd|x <b>[a](http://evil)</b> *y* & \\e[2J\\u{9b}"`) || clientRow.includes(`'=cmd|x <b>[a](http://evil)</b> *y* & \\e[2J\\u{9b}`), clientRow);
  assert.match(lines[1]!, /^expired-not-revoked,high,expired-old,hmac,,user-expired-old,u-expired-old,user,expired,2026-01-23T12:00:00.000Z,-40,,/);
});

test('vcreds report against the emulator: Markdown on stdout, --out with the format from its extension, CSV, a non-admin sees its own; bad flags exit 2', async () => {
  const f = await fixture();
  const dir = mkdtempSync(join(tmpdir(), 'vcreds-report-'));
  try {
    const md = await run(f.args('report'), { env: f.env });
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^# Veracode API credentials: hygiene report/);
    assert.match(md.stdout, /as vcreds\\-admin \(administrator: the whole organisation\)|as vcreds-admin \(administrator/);
    assert.match(md.stdout, /## API service accounts holding administrator roles \(\d+\)\n\n\| Account/);
    assert.ok(md.stdout.includes(f.emu.admin.id));

    const out = join(dir, 'r.csv');
    const csv = await run(f.args('report', '--out', out, '--older-than', '30'), { env: f.env });
    assert.equal(csv.code, 0, csv.stderr);
    assert.equal(csv.stdout, '');
    assert.match(csv.stderr, /\(csv, \d+ findings, \d+ credentials\)/);
    const rows = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    assert.equal(rows[0], REPORT_CSV_HEADERS.join(','));
    assert.ok(rows.some((l) => l.startsWith('expired-not-revoked,high,')));
    assert.ok(rows.some((l) => l.startsWith('admin-service-account,medium,') && l.includes(f.emu.admin.id)));

    const html = await run(f.args('report', '--format', 'html'), { env: f.env });
    assert.match(html.stdout, /^<!DOCTYPE html>/);

    const member = await run(f.args('report', '--format', 'md'), { env: { ...f.env, VERACODE_API_KEY_ID: f.emu.member.id, VERACODE_API_KEY_SECRET: f.emu.member.secret } });
    assert.equal(member.code, 0, member.stderr);
    assert.match(member.stdout, /not an administrator: only this account's own credentials/);

    assert.equal((await run(f.args('report', '--format', 'pdf'), { env: f.env })).code, 2);
    assert.equal((await run(f.args('report', '--older-than', '-1'), { env: f.env })).code, 2);
    const unwritable = await run(f.args('report', '--out', join(dir, 'no', 'such', 'dir', 'r.md')), { env: f.env });
    assert.equal(unwritable.code, 1);
    assert.match(unwritable.stderr, /could not write/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await f.close();
  }
});
