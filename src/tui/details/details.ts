// What the details screen says about one credential: every field, as label/value lines.
import type { CredentialView } from '../../model/credential.js';
import { statusText } from '../columns.js';
import { dateOnly } from '../../model/credential.js';
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
    if (!c.secrets.length) lines.push({ label: '', value: 'none' });
    // Two lines each: id, dates and the label column on one line are wider than 80 columns.
    for (const s of c.secrets) {
      lines.push({ label: '', value: s.secretId }, { label: '', value: `  created ${dateOnly(s.createdAt)}  expires ${dateOnly(s.expiresAt)}` });
    }
  }
  return lines;
}

/** The lines as screen rows of `width` cells: values wrap under their own column, never cut. */
export function detailRows(c: CredentialView, credentialsPath: string, width: number): Row[] {
  return detailLines(c, credentialsPath).flatMap((l) =>
    l.heading ? para(l.label, width, { tone: 'bold' }) : labelled(l.label ? `${l.label}:` : '', l.value, width, LABEL_WIDTH));
}
