// How credentials look on stdout: the exact JSON of `list --json`, table rows, CSV, and `show`.
import type { CredentialStatus, CredentialView } from '../model/credential.js';
import { displayName } from '../model/credential.js';
import { escapeControl } from '../text/escape.js';
import type { Painter } from './output.js';
import { chunkedWriter, csvLine, formatTable, type FitPlan } from './output.js';
import { jsonText } from '../text/escape.js';

/** The public JSON shape of one credential: exactly these keys, in this order (scripts rely on it). */
export interface CredentialJson {
  id: string;
  type: 'hmac' | 'oauth';
  name: string | null;
  owner: { userId: string; userName: string; accountType: 'user' | 'api' };
  status: CredentialStatus;
  expiresAt: string | null;
  daysLeft: number | null;
  createdAt: string | null;
  revokedAt: string | null;
  roles: string[];
  profiles: string[];
}

/** ISO 8601 in UTC, whatever form the model holds. */
export function isoUtc(value: string | null): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : new Date(t).toISOString();
}

export function credentialJson(c: CredentialView): CredentialJson {
  return {
    id: c.id,
    type: c.type,
    name: c.name,
    owner: { userId: c.owner.userId, userName: c.owner.userName, accountType: c.owner.accountType },
    status: c.status,
    expiresAt: isoUtc(c.expiresAt),
    daysLeft: c.daysLeft,
    createdAt: isoUtc(c.createdAt),
    revokedAt: isoUtc(c.revokedAt),
    roles: c.roles.map((r) => r.name),
    profiles: [...c.profiles],
  };
}

/** `show --json`: the list shape plus the fields only one credential shows (never a secret). */
export function credentialDetailJson(c: CredentialView) {
  return {
    ...credentialJson(c),
    description: c.description,
    urgent: c.urgent,
    supersededUntil: isoUtc(c.supersededUntil ?? null),
    secrets: c.secrets.map((s) => ({ secretId: s.secretId, createdAt: isoUtc(s.createdAt), expiresAt: isoUtc(s.expiresAt) })),
  };
}

/** A superseded pair: until when it still works, to the minute (UTC). */
function worksUntil(c: CredentialView): string {
  return `works until ${(isoUtc(c.supersededUntil ?? null) ?? '?').slice(0, 16).replace('T', ' ')} UTC`;
}

export function expiresText(c: CredentialView): string {
  if (c.status === 'superseded') return `superseded, ${worksUntil(c)}`;
  if (!c.expiresAt) return 'never';
  const date = (isoUtc(c.expiresAt) ?? '').slice(0, 10);
  if (c.status === 'revoked' || c.daysLeft === null) return date;
  if (c.daysLeft < 0) return `${date} (${-c.daysLeft}d ago)`;
  if (c.daysLeft === 0) return `${date} (today)`;
  return `${date} (${c.daysLeft}d)`;
}

const HEADERS = ['TYPE', 'NAME', 'ID', 'OWNER', 'ACCOUNT', 'STATUS', 'EXPIRES', 'ROLES', 'PROFILES'];

function row(c: CredentialView): string[] {
  return [
    c.type,
    displayName(c),
    c.id,
    c.owner.userName,
    c.owner.accountType,
    c.status,
    expiresText(c),
    c.roles.map((r) => r.name).join(','),
    c.profiles.join(','),
  ];
}

function statusStyle(c: CredentialView): Parameters<Painter>[0] | null {
  switch (c.status) {
    case 'expired':
      return 'red';
    case 'expiring':
      return c.urgent ? 'red' : 'yellow';
    case 'revoked':
      return 'dim';
    case 'superseded':
      return 'yellow';
    default:
      return 'green';
  }
}

/**
 * On a narrow terminal: roles, profiles and names are cut first (an id cut to 8 characters is
 * still a prefix `show` and `revoke` accept), then the account kind, profiles and roles go.
 * Status and expiry are never cut: they are what the list is for.
 */
const NARROW: Omit<FitPlan, 'maxWidth'> = {
  shrink: [[8, 8], [7, 10], [2, 9], [3, 12], [1, 12]],
  drop: [4, 8, 7],
};

/** `width`: the terminal's, so that each credential stays on one line; omit it for a pipe. */
export function credentialTable(list: readonly CredentialView[], paint: Painter, width?: number): string {
  if (list.length === 0) return 'No credentials match.\n';
  const fit = { ...NARROW, maxWidth: width };
  return formatTable(HEADERS, list.map(row), (i, col, cell) => {
    if (col !== 5 && col !== 6) return cell;
    const style = statusStyle(list[i]!);
    return style ? paint(style, cell) : cell;
  }, fit);
}

const CSV_HEADERS = ['id', 'type', 'name', 'owner_user_id', 'owner_user_name', 'account_type', 'status', 'expires_at', 'days_left', 'created_at', 'revoked_at', 'roles', 'profiles'];

function csvCells(c: CredentialView): (string | number)[] {
  const j = credentialJson(c);
  return [
    j.id, j.type, j.name ?? '', j.owner.userId, j.owner.userName, j.owner.accountType, j.status,
    j.expiresAt ?? '', j.daysLeft ?? '', j.createdAt ?? '', j.revokedAt ?? '',
    j.roles.join(';'), j.profiles.join(';'),
  ];
}

export function credentialCsv(list: readonly CredentialView[]): string {
  let text = '';
  const out = csvRowWriter((chunk) => { text += chunk; });
  for (const c of list) out.row(c);
  out.end();
  return text;
}

/** Writes rows one at a time as they are ready; what it writes in all is what the one-shot form gives. */
export interface RowWriter {
  row(c: CredentialView): void;
  /** After the last row: closes the document and writes what is still pending. */
  end(): void;
}

/** `list --csv` row by row: the same text as credentialCsv of the same rows. */
export function csvRowWriter(write: (chunk: string) => void): RowWriter {
  const out = chunkedWriter(write);
  out.add(`${csvLine(CSV_HEADERS)}\r\n`);
  return {
    row: (c) => out.add(`${csvLine(csvCells(c))}\r\n`),
    end: () => out.flush(),
  };
}

/**
 * `list --json` row by row: the same text as `jsonText(list.map(credentialJson))` and a newline
 * (an array indented by 2), without ever holding the whole array or its text.
 */
export function jsonRowWriter(write: (chunk: string) => void): RowWriter {
  const out = chunkedWriter(write);
  let rows = 0;
  return {
    // JSON text has no raw newline inside a value, so indenting every line indents the object.
    row: (c) => out.add(`${rows++ ? ',\n' : '[\n'}  ${jsonText(credentialJson(c)).replace(/\n/g, '\n  ')}`),
    end: () => {
      out.add(rows ? '\n]\n' : '[]\n');
      out.flush();
    },
  };
}

/** A value shown on one line of `show`: names, descriptions and ids are others' text. */
const shown = (text: string) => escapeControl(text, { oneLine: true });

/** `show`: one field a line, labels aligned. */
export function credentialDetail(c: CredentialView, paint: Painter): string {
  const fields: [string, string][] = [
    ['ID', c.id],
    ['Type', c.type === 'hmac' ? 'HMAC' : 'OAuth client'],
  ];
  if (c.type === 'oauth') {
    fields.push(['Name', c.name ?? '']);
    fields.push(['Description', c.description ?? '']);
  }
  const style = statusStyle(c);
  fields.push(
    ['Owner', `${c.owner.userName} (${c.owner.accountType === 'api' ? 'API service account' : 'user'}, ${c.owner.userId})`],
    ['Status', style ? paint(style, c.status + (c.urgent ? ' (urgent)' : '')) : c.status],
    ['Expires', c.status === 'superseded' ? `${(isoUtc(c.expiresAt) ?? 'never').slice(0, 10)}, but superseded by a newer pair: it ${worksUntil(c)}` : expiresText(c)],
    ['Created', isoUtc(c.createdAt) ?? 'unknown'],
    ['Revoked', isoUtc(c.revokedAt) ?? '-'],
    ['Roles', c.roles.map((r) => r.name).join(', ') || '-'],
  );
  if (c.type === 'oauth') {
    fields.push(['Secrets', c.secrets.length ? '' : '-']);
  }
  if (c.type === 'hmac') fields.push(['Profiles', c.profiles.join(', ') || '-']);
  const width = Math.max(...fields.map(([k]) => k.length)) + 2;
  // Status is the only value with colour codes (ours), and it is escaped before being painted.
  const lines = fields.map(([k, v]) => `${(k + ':').padEnd(width)}${k === 'Status' ? v : shown(v)}`.trimEnd());
  if (c.type === 'oauth') {
    for (const s of c.secrets) {
      lines.push(`  ${shown(s.secretId)}  created ${isoUtc(s.createdAt) ?? '?'}  expires ${isoUtc(s.expiresAt) ?? 'never'}`);
    }
  }
  return lines.join('\n') + '\n';
}
