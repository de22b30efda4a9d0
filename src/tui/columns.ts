// The table's columns: title, width rules and a cell formatter each. Status is always a symbol
// plus a word, so nothing depends on colour (NO_COLOR, colour-blind users).
import { dateOnly } from '../model/credential.js';
import type { ColumnId } from '../config/preferences-types.js';
import type { CredentialStatus, CredentialView } from '../model/credential.js';
import { displayName, shortId } from '../model/credential.js';

export interface ColumnDef {
  id: ColumnId;
  title: string;
  /** Narrowest useful width in cells. */
  min: number;
  /** Width it asks for when there is room. */
  ideal: number;
  /** Share of spare room it takes (0 = fixed). */
  flex: number;
  align?: 'left' | 'right';
  /** The cell's text for this width (a formatter may pick a shorter form when narrow). */
  cell(c: CredentialView, width: number): string;
}

export const STATUS_SYMBOL: Record<CredentialStatus, string> = { active: '✓', expiring: '!', expired: '✘', revoked: '⊘', superseded: '↻' };

/**
 * `✘ expired`, `!! 1 day`, `! 5 days`, `✓ active`, `⊘ revoked`. Every symbol is one cell wide for
 * both string-width and terminals (✖ and ‼ are emoji to string-width, which misaligns columns).
 */
export function statusText(c: Pick<CredentialView, 'status' | 'daysLeft' | 'urgent'>): string {
  if (c.status === 'expiring') {
    const d = Math.max(1, c.daysLeft ?? 1);
    return `${c.urgent ? '!!' : '!'} ${d} ${d === 1 ? 'day' : 'days'}`;
  }
  return `${STATUS_SYMBOL[c.status]} ${c.status}`;
}


/** `2026-12-01 (5d)`; the days drop off when the column is narrow. */
export function expiresText(c: CredentialView, width = Infinity): string {
  const date = dateOnly(c.expiresAt);
  if (c.daysLeft === null || c.status === 'revoked') return date;
  const full = `${date} (${c.daysLeft}d)`;
  return full.length <= width ? full : date;
}

export const COLUMNS: Record<ColumnId, ColumnDef> = {
  type: { id: 'type', title: 'Type', min: 5, ideal: 5, flex: 0, cell: (c) => (c.type === 'hmac' ? 'HMAC' : 'OAuth') },
  name: { id: 'name', title: 'Name', min: 8, ideal: 24, flex: 2, cell: (c) => displayName(c) },
  id: { id: 'id', title: 'ID', min: 9, ideal: 9, flex: 0, cell: (c, w) => shortId(c.id, w) },
  owner: { id: 'owner', title: 'Owner', min: 8, ideal: 22, flex: 1, cell: (c) => c.owner.userName },
  account: { id: 'account', title: 'Acct', min: 4, ideal: 4, flex: 0, cell: (c) => (c.owner.accountType === 'api' ? 'API' : 'user') },
  status: { id: 'status', title: 'Status', min: 9, ideal: 9, flex: 0, cell: (c) => statusText(c) },
  expires: { id: 'expires', title: 'Expires', min: 10, ideal: 18, flex: 0, cell: (c, w) => expiresText(c, w) },
  roles: { id: 'roles', title: 'Roles', min: 6, ideal: 24, flex: 3, cell: (c) => c.roles.map((r) => r.name).join(', ') || '—' },
  created: { id: 'created', title: 'Created', min: 10, ideal: 10, flex: 0, cell: (c) => dateOnly(c.createdAt) },
  revoked: { id: 'revoked', title: 'Revoked', min: 10, ideal: 10, flex: 0, cell: (c) => dateOnly(c.revokedAt) },
  secrets: { id: 'secrets', title: 'Secrets', min: 7, ideal: 7, flex: 0, align: 'right', cell: (c) => (c.type === 'oauth' ? String(c.secrets.length) : '—') },
  profiles: { id: 'profiles', title: 'Local profile', min: 8, ideal: 14, flex: 1, cell: (c) => c.profiles.join(', ') || '—' },
  // Only the all-accounts view knows it (src/ops/all-profiles.ts adds it to each credential).
  organisation: { id: 'organisation', title: 'Organisation', min: 8, ideal: 16, flex: 1, cell: (c) => (c as { organisation?: string }).organisation ?? '—' },
};

/** Long names for the column chooser. */
export const COLUMN_LABELS: Record<ColumnId, string> = {
  type: 'Type', name: 'Name', id: 'ID', owner: 'Owner', account: 'Account (user/API)', status: 'Status',
  expires: 'Expires', roles: 'Roles', created: 'Created', revoked: 'Revoked', secrets: 'Secrets', profiles: 'Local profile',
  organisation: 'Organisation (all-accounts view)',
};

/**
 * A row's cell text. An HMAC key has no name of its own, so its Name cell shows the owner: beside
 * it, the Owner cell is left blank rather than repeat it.
 */
export function cellText(def: ColumnDef, c: CredentialView, width: number, nameShown: boolean): string {
  if (def.id === 'owner' && nameShown && c.name === null) return '';
  return def.cell(c, width);
}
