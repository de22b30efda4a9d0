// What the details screen says about one credential: every field, as label/value lines.
import type { CredentialView } from '../../model/credential.js';
import { statusText } from '../columns.js';
import { dateOnly, shortId } from '../../model/credential.js';
import { tableRows, type TableSpec } from '../frame/table.js';
import { labelled, para, type Row } from '../frame/rows.js';

const LABEL_WIDTH = 16;

export interface DetailLine {
  label: string;
  value: string;
  /** A section heading rather than a field. */
  heading?: boolean;
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

export function detailLines(c: CredentialView, credentialsPath: string): DetailLine[] {
  const lines: DetailLine[] = [
    { label: 'Type', value: c.type === 'hmac' ? 'HMAC (API ID + secret key)' : 'OAuth client (client ID + secret)' },
  ];
  if (c.type === 'oauth') lines.push({ label: 'Name', value: c.name ?? '—' });
  lines.push(
    { label: c.type === 'hmac' ? 'API ID' : 'Client ID', value: c.id },
    { label: 'Owner', value: `${c.owner.userName} (${c.owner.accountType === 'api' ? 'API service account' : 'user account'})` },
    { label: 'Status', value: statusText(c) },
    { label: 'Expires', value: c.expiresAt ? `${dateOnly(c.expiresAt)}${c.daysLeft === null || c.status === 'revoked' ? '' : c.daysLeft < 0 ? ` (${days(-c.daysLeft)} ago)` : ` (in ${days(c.daysLeft)})`}` : 'unknown' },
    // The Identity API gives no creation date for HMAC pairs: say so rather than show a blank.
    { label: 'Created', value: c.createdAt ? dateOnly(c.createdAt) : c.type === 'hmac' ? 'not reported by the API for HMAC keys' : 'unknown' },
    { label: 'Revoked', value: c.revokedAt ? dateOnly(c.revokedAt) : 'no' },
  );
  if (c.type === 'oauth') lines.push({ label: 'Description', value: c.description || '—' });
  lines.push({ label: 'Roles', value: '', heading: true });
  if (!c.roles.length) lines.push({ label: '', value: 'none' });
  for (const r of c.roles) lines.push({ label: '', value: r.description ? `${r.name} — ${r.description}` : r.name });
  lines.push({ label: 'Local profiles', value: '', heading: true });
  if (c.type === 'oauth') lines.push({ label: '', value: 'OAuth clients are not kept in the credentials file' });
  else if (!c.profiles.length) lines.push({ label: '', value: `none in ${credentialsPath}` });
  else for (const p of c.profiles) lines.push({ label: '', value: `[${p}] in ${credentialsPath}` });
  if (c.type === 'oauth') {
    lines.push({ label: `Secrets (${c.secrets.length})`, value: '', heading: true });
    // The secrets themselves are a table under this heading (secretsTable).
    if (!c.secrets.length) lines.push({ label: '', value: 'none' });
  }
  return lines;
}

const SECRET_COLUMNS = ['Secret ID', 'Created', 'Expires', 'State'] as const;

/**
 * An OAuth client's secrets as a table (id, created, expires, live or expired against `now`), at
 * most `width` cells wide: a secret id too long for it keeps its head and tail.
 */
export function secretsTable(c: CredentialView, now: number, width: number): TableSpec | null {
  if (c.type !== 'oauth' || !c.secrets.length) return null;
  const state = (expiresAt: string | null) => {
    const t = expiresAt ? Date.parse(expiresAt) : NaN;
    return Number.isNaN(t) || t > now ? 'live' : 'expired';
  };
  const cells = c.secrets.map((s) => [s.secretId, dateOnly(s.createdAt), dateOnly(s.expiresAt), state(s.expiresAt)]);
  // Borders (5), padding (2 a column) and every column but the id's.
  const others = [1, 2, 3].reduce((n, i) => n + Math.max(SECRET_COLUMNS[i]!.length, ...cells.map((r) => r[i]!.length)), 0);
  const room = Math.max(SECRET_COLUMNS[0].length, width - 5 - 8 - others);
  return { columns: SECRET_COLUMNS, rows: cells.map(([id, ...rest]) => [shortId(id!, room), ...rest]) };
}

/** The lines as screen rows of `width` cells: values wrap under their own column, never cut; the secrets as a table. */
export function detailRows(c: CredentialView, credentialsPath: string, width: number, now = Date.now()): Row[] {
  const rows = detailLines(c, credentialsPath).flatMap((l) =>
    l.heading ? para(l.label, width, { tone: 'bold' }) : labelled(l.label ? `${l.label}:` : '', l.value, width, LABEL_WIDTH));
  const table = secretsTable(c, now, width);
  return table ? [...rows, ...tableRows(table)] : rows;
}
