// The filter panel: a draft filter edited row by row, applied on Enter.
import type { AccountType, CredentialStatus, CredentialType } from '../model/credential.js';
import type { CredentialFilter } from '../model/filter.js';
import { EMPTY_FILTER } from '../model/filter.js';
import { editText, type KeyLike } from './text-input.js';
import { commandFor, FILTER_PANEL_KEYS } from './keymaps.js';

export type FilterRow =
  | { kind: 'type'; value: CredentialType; label: string }
  | { kind: 'status'; value: CredentialStatus; label: string }
  | { kind: 'account'; value: AccountType; label: string }
  | { kind: 'owner'; label: string }
  | { kind: 'within'; label: string };

export const FILTER_ROWS: readonly FilterRow[] = [
  { kind: 'type', value: 'hmac', label: 'HMAC' },
  { kind: 'type', value: 'oauth', label: 'OAuth client' },
  { kind: 'status', value: 'active', label: 'active' },
  { kind: 'status', value: 'expiring', label: 'expiring (within 7 days)' },
  { kind: 'status', value: 'expired', label: 'expired' },
  { kind: 'status', value: 'revoked', label: 'revoked' },
  { kind: 'account', value: 'user', label: 'user account' },
  { kind: 'account', value: 'api', label: 'API service account' },
  { kind: 'owner', label: 'Owner contains' },
  { kind: 'within', label: 'Expiring within (days)' },
];

export interface FilterPanelState {
  draft: CredentialFilter;
  cursor: number;
  /** The days field as typed (it may be empty or half-typed). */
  withinText: string;
  /** Why the typed days are not accepted, if they are not. */
  error: string | null;
}

export function initialFilterPanel(filter: CredentialFilter): FilterPanelState {
  return { draft: structuredClone(filter), cursor: 0, withinText: filter.expiringWithinDays === null ? '' : String(filter.expiringWithinDays), error: null };
}

export function isRowOn(s: FilterPanelState, row: FilterRow): boolean {
  switch (row.kind) {
    case 'type':
      return s.draft.types.includes(row.value);
    case 'status':
      return s.draft.statuses.includes(row.value);
    case 'account':
      return s.draft.accounts.includes(row.value);
    case 'owner':
      return s.draft.owner.trim() !== '';
    case 'within':
      return s.draft.expiringWithinDays !== null;
  }
}

function toggle<T>(list: readonly T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

function parseDays(text: string): { days: number | null; error: string | null } {
  const t = text.trim();
  if (!t) return { days: null, error: null };
  if (!/^\d+$/.test(t)) return { days: null, error: 'Days must be a whole number, e.g. 30' };
  const n = Number(t);
  if (n > 3650) return { days: null, error: 'Days must be 3650 or fewer' };
  return { days: n, error: null };
}

export type FilterPanelAction =
  | { type: 'move'; by: number }
  | { type: 'toggle' }
  | { type: 'key'; input: string; key: KeyLike }
  | { type: 'clear' }
  /** A raw key: text on a text field, otherwise the panel's commands (decided on the newest state). */
  | { type: 'input'; input: string; key: KeyLike & { shift?: boolean } };

export function currentRow(s: FilterPanelState): FilterRow {
  return FILTER_ROWS[s.cursor]!;
}

/** True when the cursor is on a field that takes typed text (so letters are not commands). */
export function isTextRow(s: FilterPanelState): boolean {
  const k = currentRow(s).kind;
  return k === 'owner' || k === 'within';
}

export function filterPanelReducer(s: FilterPanelState, a: FilterPanelAction): FilterPanelState {
  switch (a.type) {
    case 'input': {
      const command = commandFor(FILTER_PANEL_KEYS, a.input, a.key);
      if (command === 'up') return filterPanelReducer(s, { type: 'move', by: -1 });
      if (command === 'down') return filterPanelReducer(s, { type: 'move', by: 1 });
      // On a text field, letters (and space) are text, not commands.
      if (isTextRow(s)) return filterPanelReducer(s, { type: 'key', input: a.input, key: a.key });
      if (command === 'toggle') return filterPanelReducer(s, { type: 'toggle' });
      if (command === 'clear') return filterPanelReducer(s, { type: 'clear' });
      return s;
    }
    case 'move':
      return { ...s, cursor: Math.max(0, Math.min(FILTER_ROWS.length - 1, s.cursor + a.by)) };
    case 'clear':
      return { ...s, draft: structuredClone(EMPTY_FILTER), withinText: '', error: null };
    case 'toggle': {
      const row = currentRow(s);
      const d = s.draft;
      if (row.kind === 'type') return { ...s, draft: { ...d, types: toggle(d.types, row.value) } };
      if (row.kind === 'status') return { ...s, draft: { ...d, statuses: toggle(d.statuses, row.value) } };
      if (row.kind === 'account') return { ...s, draft: { ...d, accounts: toggle(d.accounts, row.value) } };
      return s;
    }
    case 'key': {
      const row = currentRow(s);
      if (row.kind === 'owner') {
        const owner = editText(s.draft.owner, a.input, a.key);
        return owner === null ? s : { ...s, draft: { ...s.draft, owner } };
      }
      if (row.kind === 'within') {
        const text = editText(s.withinText, a.input, a.key);
        if (text === null) return s;
        const { days, error } = parseDays(text);
        return { ...s, withinText: text, error, draft: error ? s.draft : { ...s.draft, expiringWithinDays: days } };
      }
      return s;
    }
  }
}
