// The hygiene report as one self-contained HTML file: inline CSS and an inline SVG chart, no
// script, no external asset (fonts, images and styles are all in the file or the system's), laid
// out to read well on screen and printed (A4/Letter, tables that break between rows, colours kept).
// Others' text is shown escaped: control characters made visible (escapeControl), then HTML-escaped.
import type { CredentialView } from '../model/credential.js';
import type { HygieneReport, Timeline } from '../ops/report.js';
import { escapeControl } from '../text/escape.js';
import { CHART_STATUSES, dateOf, endText, nameOf, scopeParts, sectionTitles, SEVERITY_LABEL, severityCounts, STATUS_LABEL, TITLE, typeLabel, utcMinute } from './common.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a quoted attribute: one line, control characters visible, markup inert. */
export function htmlText(text: string): string {
  return escapeControl(text, { oneLine: true }).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** Status colours: distinct in print and for the common colour-vision deficiencies (Okabe–Ito). */
export const STATUS_COLOUR = { expired: '#d55e00', expiring: '#e69f00', superseded: '#cc79a7', active: '#009e73', revoked: '#999999' } as const;

const CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); break-after: avoid; }
h2 .n { color: var(--muted); font-weight: normal; }
p.meta { color: var(--muted); margin: 0 0 16px; }
p.note { color: var(--muted); margin: 4px 0 8px; }
.warning { border-left: 4px solid ${STATUS_COLOUR.expiring}; background: #fff8e6; padding: 6px 10px; margin: 8px 0; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0 12px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 120px; border-top: 5px solid var(--c, var(--line)); }
.card .v { font-size: 24px; font-weight: 600; }
.card .k { color: var(--muted); font-size: 12px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 4px; font-size: 13px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font: 12px ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 12px; color: #fff; white-space: nowrap; }
.none { color: var(--muted); font-style: italic; }
figure { margin: 8px 0; }
figcaption { color: var(--muted); font-size: 12px; }
svg { width: 100%; height: auto; display: block; }
@page { margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead { display: table-header-group; }
  tr, .card, figure { break-inside: avoid; }
}
`;

function badge(status: CredentialView['status']): string {
  return `<span class="badge" style="background:${STATUS_COLOUR[status]}">${STATUS_LABEL[status]}</span>`;
}

function table(headers: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[] = []): string {
  const cls = (i: number) => (numeric.includes(i) ? ' class="num"' : '');
  return `<table><thead><tr>${headers.map((h, i) => `<th${cls(i)}>${h}</th>`).join('')}</tr></thead><tbody>\n${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`)
    .join('\n')}\n</tbody></table>`;
}

function credentialTable(list: readonly CredentialView[], now: number): string {
  return table(['Name', 'ID', 'Type', 'Owner', 'Account', 'Status', 'Stops working'], list.map((c) => [
    htmlText(nameOf(c)), `<code>${htmlText(c.id)}</code>`, typeLabel(c), htmlText(c.owner.userName), c.owner.accountType, badge(c.status), endText(c, now),
  ]));
}

const NONE = '<p class="none">None.</p>';

function section(title: string, body: string, count?: number): string {
  return `<section>\n<h2>${title}${count === undefined ? '' : ` <span class="n">(${count})</span>`}</h2>\n${body}\n</section>`;
}

/** The timeline as a stacked bar chart: one bar per week, the current week shaded, counts on top. */
export function timelineSvg(tl: Timeline): string {
  const W = 1000;
  const H = 310;
  const left = 40;
  const right = 10;
  const top = 34;
  const bottom = 60;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const n = tl.weeks.length;
  const slot = plotW / n;
  const barW = Math.max(4, slot * 0.7);
  // A round scale: 1, 2, 5, 10, 20, 50... above the largest bar.
  const steps = [1, 2, 5];
  let scale = 1;
  for (let k = 0; scale < tl.max; k++) scale = steps[k % 3]! * 10 ** Math.floor(k / 3);
  const y = (v: number) => top + plotH - (v / scale) * plotH;
  const parts: string[] = [];
  const ticks = [0, scale / 2, scale].filter((v, i, a) => Number.isInteger(v) && a.indexOf(v) === i);
  for (const v of ticks) {
    parts.push(`<line x1="${left}" x2="${W - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#d1d9e0" stroke-width="1"/>`);
    parts.push(`<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#59636e">${v}</text>`);
  }
  tl.weeks.forEach((w, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    if (w.offset === 0) {
      parts.push(`<rect x="${(left + i * slot).toFixed(1)}" y="${top - 16}" width="${slot.toFixed(1)}" height="${plotH + 16}" fill="#eef3fb"/>`);
      parts.push(`<text x="${(left + (i + 0.5) * slot).toFixed(1)}" y="${top - 22}" text-anchor="middle" font-size="10" fill="#59636e">this week</text>`);
    }
    let base = 0;
    for (const s of CHART_STATUSES) {
      const c = w.counts[s];
      if (!c) continue;
      const y1 = y(base + c);
      const h = y(base) - y1;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y1.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${STATUS_COLOUR[s]}"><title>${w.startDate}: ${c} ${STATUS_LABEL[s].toLowerCase()}</title></rect>`);
      base += c;
    }
    if (w.total) parts.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${(y(w.total) - 4).toFixed(1)}" text-anchor="middle" font-size="11" font-weight="600" fill="#1f2328">${w.total}</text>`);
    const label = w.startDate.slice(5);
    const lx = (left + (i + 0.5) * slot).toFixed(1);
    parts.push(`<text x="${lx}" y="${top + plotH + 16}" text-anchor="middle" font-size="11" fill="#1f2328"${w.offset === 0 ? ' font-weight="600"' : ''}>${label}</text>`);
  });
  parts.push(`<line x1="${left}" x2="${W - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#59636e" stroke-width="1"/>`);
  // The legend, under the axis.
  let lx = left;
  for (const s of CHART_STATUSES) {
    parts.push(`<rect x="${lx}" y="${H - 22}" width="12" height="12" fill="${STATUS_COLOUR[s]}"/><text x="${lx + 16}" y="${H - 12}" font-size="12" fill="#1f2328">${STATUS_LABEL[s]}</text>`);
    lx += 34 + STATUS_LABEL[s].length * 7;
  }
  parts.push(`<text x="${W - right}" y="${H - 12}" text-anchor="end" font-size="11" fill="#59636e">weeks start on Monday (UTC); label: month-day</text>`);
  const summary = tl.weeks.filter((w) => w.total).map((w) => `${w.startDate}: ${w.total}`).join('; ') || 'no credential stops working in these weeks';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="tl-title tl-desc"><title id="tl-title">Expiry timeline</title><desc id="tl-desc">${summary}</desc>\n${parts.join('\n')}\n</svg>`;
}

export function renderHtml(r: HygieneReport): string {
  const t = sectionTitles(r);
  const scope = scopeParts(r);
  const sev = severityCounts(r);
  const who = scope.caller
    ? ` as <strong>${htmlText(scope.caller)}</strong>${scope.admin ? ' (administrator: the whole organisation)' : ' (not an administrator: only this account’s own credentials)'}`
    : '';
  const body: string[] = [];
  body.push(`<h1>${TITLE}</h1>`);
  body.push(`<p class="meta">Generated ${utcMinute(r.generatedAt)} from <code>${htmlText(scope.apiUrl)}</code>${scope.profile !== null ? `, profile <code>${htmlText(scope.profile)}</code>` : ''}${who}.</p>`);
  for (const w of r.warnings) body.push(`<p class="warning"><strong>Warning:</strong> ${htmlText(w)}</p>`);

  const card = (label: string, value: number, colour?: string) => `<div class="card"${colour ? ` style="--c:${colour}"` : ''}><div class="v">${value}</div><div class="k">${label}</div></div>`;
  body.push(section(t.summary, [
    `<div class="cards">${card('Total', r.total)}${(['active', 'expiring', 'superseded', 'expired', 'revoked'] as const).map((s) => card(STATUS_LABEL[s], r.counts[s], STATUS_COLOUR[s])).join('')}</div>`,
    `<p>Findings: <strong>${sev.high}</strong> ${SEVERITY_LABEL.high.toLowerCase()}, <strong>${sev.medium}</strong> ${SEVERITY_LABEL.medium.toLowerCase()}, <strong>${sev.low}</strong> ${SEVERITY_LABEL.low.toLowerCase()} (${r.findings.length} in all).</p>`,
  ].join('\n')));

  body.push(section(t.timeline, [
    `<figure>${timelineSvg(r.timeline)}`,
    `<figcaption>Credentials counted in the week they stop working, stacked by their status now. Outside the chart: ${r.timeline.earlier} ended earlier, ${r.timeline.later} end later, ${r.timeline.never} never expire; revoked credentials are left out.</figcaption></figure>`,
  ].join('\n')));

  body.push(section(t.soon, r.expiredOrExpiring.length ? credentialTable(r.expiredOrExpiring, r.now) : NONE, r.expiredOrExpiring.length));
  body.push(section(t.expired, r.expiredNotRevoked.length
    ? `<p class="note">Revoke these (or renew them where still needed): an expired key left in place still names a working account.</p>\n${credentialTable(r.expiredNotRevoked, r.now)}`
    : NONE, r.expiredNotRevoked.length));
  body.push(section(t.admins, r.adminServiceAccounts.length
    ? table(['Account', 'Administrator roles', 'All roles', 'Live credentials'], r.adminServiceAccounts.map((a) => [
      htmlText(a.owner.userName),
      a.adminRoles.map(htmlText).join(', '),
      a.roles.map(htmlText).join(', '),
      a.liveCredentials.length ? a.liveCredentials.map((c) => `<code>${htmlText(c.id)}</code> (${typeLabel(c)})`).join('<br>') : '<span class="none">none</span>',
    ]))
    : NONE, r.adminServiceAccounts.length));
  body.push(section(t.old, r.oldKeys.length
    ? table(['Name', 'ID', 'Type', 'Owner', 'Age (days)', 'Since', 'Status'], r.oldKeys.map((o) => [
      htmlText(nameOf(o.credential)), `<code>${htmlText(o.credential.id)}</code>`, typeLabel(o.credential), htmlText(o.credential.owner.userName), String(o.ageDays), `${dateOf(o.since)}${o.estimated ? '*' : ''}`, badge(o.credential.status),
    ]), [4]) + (r.oldKeys.some((o) => o.estimated) ? '\n<p class="note">* A year before its expiry: HMAC pairs live a year, and the API does not say when one was created.</p>' : '')
    : NONE, r.oldKeys.length));
  body.push(section(t.multi, r.multiSecretClients.length
    ? table(['Client', 'ID', 'Owner', 'Live secrets', 'Created', 'Expire'], r.multiSecretClients.map((m) => [
      htmlText(nameOf(m.credential)), `<code>${htmlText(m.credential.id)}</code>`, htmlText(m.credential.owner.userName), String(m.liveSecrets.length),
      m.liveSecrets.map((s) => dateOf(s.createdAt)).join('<br>'), m.liveSecrets.map((s) => dateOf(s.expiresAt)).join('<br>'),
    ]), [3])
    : NONE, r.multiSecretClients.length));

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${TITLE} (${utcMinute(r.generatedAt)})</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
