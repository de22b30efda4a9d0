// `vcreds report` on a terminal (stdout a TTY, no --format or --out): the counts and the findings
// as tables drawn by ink-table (static-table.tsx), rather than a page of Markdown. Loaded only
// then, so the other commands never load Ink.
import type { HygieneReport } from '../src/ops/report.js';
import { CHART_STATUSES, nameOf, scopeParts, SEVERITY_LABEL, severityCounts, STATUS_LABEL, TITLE, utcMinute } from '../src/report/common.js';
import { unicodeBar } from '../src/report/markdown.js';
import { shortId } from '../src/model/credential.js';
import { tableLines } from '../src/tui/frame/table.js';
import { truncate } from '../src/tui/truncate.js';
import './static-table.js';

const FINDING_LABEL: Record<HygieneReport['findings'][number]['kind'], string> = {
  'expired-not-revoked': 'expired, never revoked',
  'expiring-soon': 'expired or expiring soon',
  'admin-service-account': 'API account with admin roles',
  'old-key': 'old key',
  'oauth-multiple-secrets': 'several live secrets',
};

/** The preview's text: headings, the counts' table, the findings' table (others' text escaped, cut to fit `columns`). */
export function reportPreview(r: HygieneReport, columns: number): string {
  const scope = scopeParts(r);
  const sev = severityCounts(r);
  const out: string[] = [TITLE, truncate(`Generated ${utcMinute(r.generatedAt)} from ${scope.apiUrl}${scope.profile !== null ? `, profile ${scope.profile}` : ''}${scope.caller ? ` as ${scope.caller}${scope.admin ? ' (administrator: the whole organisation)' : ' (only its own credentials)'}` : ''}`, columns), ''];
  for (const w of r.warnings) out.push(truncate(`Warning: ${w}`, columns));
  out.push('Credentials by status');
  out.push(...tableLines({
    columns: ['Status', 'Credentials'],
    rows: [...(['active', 'expiring', 'superseded', 'expired', 'revoked'] as const).map((s) => [STATUS_LABEL[s], String(r.counts[s])]), ['Total', String(r.total)]],
    align: ['left', 'right'],
  }));
  out.push('', `Findings: ${sev.high} high, ${sev.medium} medium, ${sev.low} low`);
  if (r.findings.length) {
    // Name and detail share what the terminal leaves after the fixed columns.
    // Borders (7), Severity (10), Finding (30), ID (11), Owner (at most 20 + 2): the rest is split.
    const room = Math.max(8, Math.floor((columns - 7 - 10 - 30 - 11 - 22) / 2) - 2);
    out.push(...tableLines({
      columns: ['Severity', 'Finding', 'Credential', 'ID', 'Owner', 'Detail'],
      rows: r.findings.map((f) => [
        SEVERITY_LABEL[f.severity], FINDING_LABEL[f.kind], f.credential ? truncate(nameOf(f.credential), room) : '—', f.credential ? shortId(f.credential.id) : '—',
        truncate(f.owner.userName, 20), truncate(f.detail, room),
      ]),
    }).map((l) => truncate(l, columns)));
  }
  const t = r.timeline;
  out.push('', 'Expiry timeline (weeks, stacked by status; revoked left out)');
  out.push(...tableLines({
    columns: ['Week of', ...CHART_STATUSES.map((s) => STATUS_LABEL[s]), 'Total', 'Chart'],
    rows: t.weeks.map((w) => [w.offset === 0 ? `${w.startDate} *` : w.startDate, ...CHART_STATUSES.map((s) => (w.counts[s] ? String(w.counts[s]) : '·')), String(w.total), unicodeBar(w, t.max, 20)]),
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
  }).map((l) => truncate(l, columns)));
  out.push('* this week', '', 'The whole report: vcreds report --format md|html|csv, or --out FILE (the format from its extension).');
  return `${out.join('\n')}\n`;
}
