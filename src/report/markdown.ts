// The hygiene report as GitHub-flavoured Markdown: tables, and the timeline as a table with a
// Unicode bar per week. Others' text is shown escaped: control characters made visible
// (escapeControl), then every character that could act inline in a table cell backslash-escaped
// (CommonMark allows it before any ASCII punctuation): `|` (a new column), `[ ]` (a link hiding
// its target), `< >` (HTML), `&` (entities), `* _ ~` (emphasis), backquotes and backslashes. A
// bare URL or e-mail address may still be linked by GitHub, but shows exactly where it goes.
import type { CredentialView } from '../model/credential.js';
import type { HygieneReport, WeekBucket } from '../ops/report.js';
import { escapeControl } from '../text/escape.js';
import { CHART_STATUSES, dateOf, endText, nameOf, scopeParts, sectionTitles, severityCounts, STATUS_LABEL, TITLE, typeLabel, utcMinute, weekLabel } from './common.js';

const MD_SPECIAL = /[\\`*_[\]<>|~&]/g;

/** Others' text for a Markdown table cell or paragraph: one line, nothing Markdown would interpret. */
export function mdText(text: string): string {
  return escapeControl(text, { oneLine: true }).replace(MD_SPECIAL, (ch) => `\\${ch}`);
}

/** An id or other machine text in a code span (a backtick inside cannot end it: doubled fences). */
function code(text: string): string {
  const t = escapeControl(text, { oneLine: true }).replace(/\|/g, '\\|');
  const fence = t.includes('`') ? '``' : '`';
  return `${fence}${t.startsWith('`') || t.endsWith('`') ? ` ${t} ` : t}${fence}`;
}

function table(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r')[]): string {
  const rule = headers.map((_, i) => (align?.[i] === 'r' ? '--:' : '---'));
  return [headers, rule, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** One character per status, bottom of the stack first, so the bar reads as the chart's stacks do. */
export const BAR_CHARS = { expired: '█', expiring: '▓', superseded: '▒', active: '░' } as const;
const BAR_WIDTH = 30;

/** A week's bar: each status's share of BAR_WIDTH (at least one cell when present), in stack order. */
export function unicodeBar(w: WeekBucket, max: number, width = BAR_WIDTH): string {
  if (!w.total || !max) return '';
  return CHART_STATUSES.map((s) => {
    const n = w.counts[s];
    return n ? BAR_CHARS[s].repeat(Math.max(1, Math.round((n / max) * width))) : '';
  }).join('');
}

function credentialRows(list: readonly CredentialView[], now: number): string[][] {
  return list.map((c) => [mdText(nameOf(c)), code(c.id), typeLabel(c), mdText(c.owner.userName), c.owner.accountType, STATUS_LABEL[c.status], endText(c, now)]);
}

const CREDENTIAL_HEADERS = ['Name', 'ID', 'Type', 'Owner', 'Account', 'Status', 'Stops working'];

function section(title: string, body: string, count?: number): string {
  return `## ${title}${count === undefined ? '' : ` (${count})`}\n\n${body}\n`;
}

const none = '_None._';

export function renderMarkdown(r: HygieneReport): string {
  const t = sectionTitles(r);
  const scope = scopeParts(r);
  const sev = severityCounts(r);
  const out: string[] = [`# ${TITLE}\n`];
  const who = scope.caller ? `as ${mdText(scope.caller)}${scope.admin ? ' (administrator: the whole organisation)' : ' (not an administrator: only this account\'s own credentials)'}` : '';
  out.push(`Generated ${utcMinute(r.generatedAt)} from ${code(scope.apiUrl)}${scope.profile !== null ? `, profile ${code(scope.profile)}` : ''} ${who}.\n`);
  for (const w of r.warnings) out.push(`> **Warning:** ${mdText(w)}\n`);

  out.push(section(t.summary, [
    table(['Status', 'Credentials'], [
      ...(['active', 'expiring', 'superseded', 'expired', 'revoked'] as const).map((s) => [STATUS_LABEL[s], String(r.counts[s])]),
      ['**Total**', `**${r.total}**`],
    ], ['l', 'r']),
    '',
    `Findings: **${sev.high}** high, **${sev.medium}** medium, **${sev.low}** low (${r.findings.length} in all).`,
  ].join('\n')));

  const legend = CHART_STATUSES.map((s) => `${BAR_CHARS[s]} ${STATUS_LABEL[s]}`).join(' · ');
  const weeks = r.timeline.weeks.map((w) => [
    w.offset === 0 ? `**${weekLabel(w)}**` : weekLabel(w),
    ...CHART_STATUSES.map((s) => (w.counts[s] ? String(w.counts[s]) : '·')),
    String(w.total),
    unicodeBar(w, r.timeline.max),
  ]);
  const outside = `Outside the chart: ${r.timeline.earlier} ended earlier, ${r.timeline.later} end later, ${r.timeline.never} never expire (revoked credentials are left out).`;
  out.push(section(t.timeline, [
    `Credentials counted in the week they stop working, stacked by status: ${legend}.`,
    '',
    table(['Week of', ...CHART_STATUSES.map((s) => STATUS_LABEL[s]), 'Total', 'Chart'], weeks, ['l', 'r', 'r', 'r', 'r', 'r', 'l']),
    '',
    outside,
  ].join('\n')));

  out.push(section(t.soon, r.expiredOrExpiring.length ? table(CREDENTIAL_HEADERS, credentialRows(r.expiredOrExpiring, r.now)) : none, r.expiredOrExpiring.length));
  out.push(section(t.expired, r.expiredNotRevoked.length
    ? `Revoke these (or renew them where still needed): an expired key left in place still names a working account.\n\n${table(CREDENTIAL_HEADERS, credentialRows(r.expiredNotRevoked, r.now))}`
    : none, r.expiredNotRevoked.length));
  out.push(section(t.admins, r.adminServiceAccounts.length
    ? table(['Account', 'Administrator roles', 'All roles', 'Live credentials'], r.adminServiceAccounts.map((a) => [
      mdText(a.owner.userName),
      a.adminRoles.map(mdText).join(', '),
      a.roles.map(mdText).join(', '),
      a.liveCredentials.length ? a.liveCredentials.map((c) => `${code(c.id)} (${typeLabel(c)})`).join('<br>') : 'none',
    ]))
    : none, r.adminServiceAccounts.length));
  out.push(section(t.old, r.oldKeys.length
    ? table(['Name', 'ID', 'Type', 'Owner', 'Age (days)', 'Since', 'Status'], r.oldKeys.map((o) => [
      mdText(nameOf(o.credential)), code(o.credential.id), typeLabel(o.credential), mdText(o.credential.owner.userName), String(o.ageDays), `${dateOf(o.since)}${o.estimated ? '\\*' : ''}`, STATUS_LABEL[o.credential.status],
    ]), ['l', 'l', 'l', 'l', 'r', 'l', 'l']) + (r.oldKeys.some((o) => o.estimated) ? '\n\n\\* A year before its expiry: HMAC pairs live a year, and the API does not say when one was created.' : '')
    : none, r.oldKeys.length));
  out.push(section(t.multi, r.multiSecretClients.length
    ? table(['Client', 'ID', 'Owner', 'Live secrets', 'Created', 'Expire'], r.multiSecretClients.map((m) => [
      mdText(nameOf(m.credential)), code(m.credential.id), mdText(m.credential.owner.userName), String(m.liveSecrets.length),
      m.liveSecrets.map((s) => dateOf(s.createdAt)).join(', '), m.liveSecrets.map((s) => dateOf(s.expiresAt)).join(', '),
    ]))
    : none, r.multiSecretClients.length));
  return `${out.join('\n').trimEnd()}\n`;
}
