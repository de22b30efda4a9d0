// The one-time secret screen as parts that can shrink, so a long rotation report, a save prompt
// and warnings still fit a 24-row terminal. The secret itself is never cut. Pure.
import { maskSecret, oauthEnvSnippet, shellRows } from './secret.js';
import type { NewSecret } from '../../ops/held-secrets.js';
import { TONE_MARK, type ReportLine } from './rotate-report.js';
import { BLANK_ROW, fieldRow, labelled, marked, para, type Part, type Row } from '../frame/rows.js';
import { visibleSlice } from '../input/editor.js';
import type { SecretMode } from './secret-screen.js';
import { copiedWhere } from '../clipboard.js';

export interface SecretScreen {
  secret: NewSecret;
  credentialsPath: string;
  report: readonly ReportLine[];
  revealed: boolean;
  showEnv: boolean;
  copied: false | 'secret' | 'env';
  saved: { profile: string; path: string; backupPath: string | null; created: boolean; warnings: string[] } | null;
  mode: SecretMode;
}

const BLANK = BLANK_ROW;
const PRIORITY = { fail: 0, info: 1, ok: 2, skip: 3 } as const;

/** The report, fullest first, down to one summary row: failures are the last to go. */
export function reportForms(report: readonly ReportLine[], width: number): Row[][] {
  if (report.length === 0) return [[]];
  const full = report.flatMap((l) => marked(l.tone, l.text, width)).concat([BLANK]);
  const oneRow = (l: ReportLine) => marked(l.tone, l.text, width, true);
  const forms: Row[][] = [full, [...report.flatMap(oneRow), BLANK], report.flatMap(oneRow)];
  const ranked = report.map((l, i) => ({ l, i })).sort((a, b) => PRIORITY[a.l.tone] - PRIORITY[b.l.tone] || a.i - b.i);
  for (let k = report.length - 1; k >= 1; k--) {
    const keep = new Set(ranked.slice(0, k).map((x) => x.i));
    const rows = report.flatMap((l, i) => (keep.has(i) ? oneRow(l) : []));
    forms.push([...rows, [{ text: `  … ${report.length - k} more step${report.length - k > 1 ? 's' : ''} of the report`, tone: 'dim' }]]);
  }
  const failed = report.filter((l) => l.tone === 'fail').length;
  forms.push(para(failed ? `${TONE_MARK.fail} ${failed} of ${report.length} steps failed` : `${TONE_MARK.ok} all ${report.length} steps done`, width, { tone: failed ? 'fail' : 'ok', oneRow: true }));
  return forms;
}

function envRows(s: SecretScreen, width: number): Row[] {
  const full = oauthEnvSnippet(s.secret.id, s.secret.secret);
  const shown = s.revealed ? full : full.replace(s.secret.secret, maskSecret(s.secret.secret));
  // Two lines joined by a backslash, so a paste of both is still one command.
  const [first, second] = shown.split(' VERACODE_OAUTH_CLIENT_SECRET=');
  return [...shellRows(`${first} \\`, width), ...shellRows(`  VERACODE_OAUTH_CLIENT_SECRET=${second}`, width)].map((text) => [{ text }]);
}

export function secretParts(s: SecretScreen, width: number): Part[] {
  const { secret } = s;
  const idLabel = secret.kind === 'hmac' ? 'API ID' : 'Client ID';
  const shown = s.revealed ? secret.secret : maskSecret(secret.secret);
  const owner = labelled('Owner', secret.ownerName, width);
  const id = labelled(idLabel, secret.id, width);
  const value = labelled('Secret', shown, width, 11, false, false);
  const expires = secret.expiresAt ? labelled('Expires', secret.expiresAt.slice(0, 10), width) : [];
  const safe = Boolean(s.saved || s.copied);
  const parts: Part[] = [
    { key: 'report', forms: reportForms(s.report, width), shrink: 1 },
    { key: 'fields', forms: [[...owner, ...id, ...value, ...expires], [...id, ...value]], shrink: 4 },
  ];
  if (!safe) {
    const text = 'This secret is shown only now: save or copy it before leaving.';
    parts.push({ key: 'once', forms: [marked('warn', text, width), marked('warn', text, width, true)], shrink: 3 });
  }
  const stale = secret.staleProfiles ?? [];
  if (stale.length > 0 && !s.saved) {
    const text = `Local profiles ${stale.join(', ')} hold the previous key, which stops working: save the new one there (p).`;
    parts.push({ key: 'stale', forms: [marked('warn', text, width), marked('warn', text, width, true)], shrink: 3 });
  }
  if (s.showEnv) {
    const how = s.revealed ? 'Paste into a shell (y copies it):' : 'Paste into a shell (y copies it with the secret; v shows it):';
    parts.push({ key: 'env-head', forms: [[BLANK, ...para(how, width, { tone: 'dim' })], para(how, width, { tone: 'dim', oneRow: true }), []], shrink: 2 });
    parts.push({ key: 'env', forms: [envRows(s, width)] });
  }
  if (s.copied) {
    const text = `${s.copied === 'env' ? 'Snippet' : 'Secret'} ${copiedWhere()}.`;
    parts.push({ key: 'copied', forms: [marked('ok', text, width), marked('ok', text, width, true)], shrink: 2 });
  }
  if (s.saved) {
    const v = s.saved;
    const head = `Saved to profile [${v.profile}] in ${v.path} (${v.created ? 'file created, ' : ''}owner-only 0600)`;
    const rows = [
      ...marked('ok', head, width),
      ...(v.backupPath ? para(`Previous file kept as ${v.backupPath}`, width, { lead: '  ', tone: 'dim' }) : []),
      ...v.warnings.flatMap((w) => marked('warn', w, width)),
      ...para(`Use it with VERACODE_API_PROFILE=${v.profile}${v.profile === 'default' ? ' (or nothing: it is the default)' : ''}.`, width, { lead: '  ', tone: 'dim' }),
    ];
    const compact = [...marked('ok', head, width, true), ...v.warnings.flatMap((w) => marked('warn', w, width, true))];
    parts.push({ key: 'saved', forms: [rows, compact], shrink: 2 });
  }
  const m = s.mode;
  if (m.kind === 'profile') {
    const note = m.existing.length ? `In ${s.credentialsPath}; existing: ${m.existing.join(', ')}` : `In ${s.credentialsPath} (no profiles yet)`;
    parts.push({ key: 'prompt-note', forms: [[BLANK], []], shrink: 0 });
    parts.push({ key: 'prompt', forms: [[fieldRow('Save to profile', visibleSlice(m.editor, width - 18))]] });
    parts.push({ key: 'prompt-where', forms: [para(note, width, { tone: 'dim' }), para(note, width, { tone: 'dim', oneRow: true })], shrink: 2 });
  }
  if (m.kind === 'replace') {
    parts.push({ key: 'replace', forms: [para(`Profile [${m.profile}] already exists in ${s.credentialsPath}. Replace it? y/N`, width, { tone: 'warn' })] });
  }
  if (m.kind === 'leave') {
    const ask = m.quit ? 'The secret will never be shown again. Quit vcreds anyway? y/N' : 'The secret will never be shown again. Leave anyway? y/N';
    parts.push({ key: 'leave', forms: [para(ask, width, { tone: 'warn' })] });
  }
  if (m.kind === 'listing' || m.kind === 'saving') {
    parts.push({ key: 'busy', forms: [para(m.kind === 'listing' ? '… Reading the credentials file' : `… Saving to profile [${m.profile}]`, width, { tone: 'dim' })] });
  }
  return parts;
}
