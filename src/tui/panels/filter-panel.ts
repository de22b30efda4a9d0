// The filter panel: a draft filter edited row by row, applied on Enter. Pure.
import type { AccountType, CredentialStatus, CredentialType } from '../../model/credential.js';
import type { CredentialFilter } from '../../model/filter.js';
import { EMPTY_FILTER } from '../../model/filter.js';
import { EMPTY_EDITOR, editorOf, editorReducer, type Edit, type Editor } from '../input/editor.js';

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
  { kind: 'status', value: 'superseded', label: 'superseded (replaced, still working)' },
  { kind: 'status', value: 'revoked', label: 'revoked' },
  { kind: 'account', value: 'user', label: 'user account' },
  { kind: 'account', value: 'api', label: 'API service account' },
  { kind: 'owner', label: 'Owner contains' },
  { kind: 'within', label: 'Expiring within (days)' },
];

export interface FilterPanelState {
  draft: CredentialFilter;
  cursor: number;
  /** The owner field as typed. */
  owner: Editor;
  /** The days field as typed (it may be empty or half-typed). */
  within: Editor;
  /** Why the typed days are not accepted, if they are not. */
  error: string | null;
}

export function initialFilterPanel(filter: CredentialFilter): FilterPanelState {
  return {
    draft: structuredClone(filter), cursor: 0, owner: editorOf(filter.owner),
    within: editorOf(filter.expiringWithinDays === null ? '' : String(filter.expiringWithinDays)), error: null,
  };
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
  | { type: 'edit'; edit: Edit }
  | { type: 'clear' };

export function currentRow(s: FilterPanelState): FilterRow {
  return FILTER_ROWS[s.cursor]!;
}

/** True when the cursor is on a field that takes typed text (so letters are not commands). */
export function isTextRow(s: FilterPanelState): boolean {
  const k = currentRow(s).kind;
  return k === 'owner' || k === 'within';
}

const MAX_FIELD = 256;

export function filterPanelReducer(s: FilterPanelState, a: FilterPanelAction): FilterPanelState {
  switch (a.type) {
    case 'move':
      return { ...s, cursor: Math.max(0, Math.min(FILTER_ROWS.length - 1, s.cursor + a.by)) };
    case 'clear':
      return { ...s, draft: structuredClone(EMPTY_FILTER), owner: EMPTY_EDITOR, within: EMPTY_EDITOR, error: null };
    case 'toggle': {
      const row = currentRow(s);
      const d = s.draft;
      if (row.kind === 'type') return { ...s, draft: { ...d, types: toggle(d.types, row.value) } };
      if (row.kind === 'status') return { ...s, draft: { ...d, statuses: toggle(d.statuses, row.value) } };
      if (row.kind === 'account') return { ...s, draft: { ...d, accounts: toggle(d.accounts, row.value) } };
      return s;
    }
    case 'edit': {
      const row = currentRow(s);
      if (row.kind === 'owner') {
        const owner = editorReducer(s.owner, a.edit, MAX_FIELD);
        return { ...s, owner, draft: { ...s.draft, owner: owner.value } };
      }
      if (row.kind === 'within') {
        const within = editorReducer(s.within, a.edit, 6);
        const { days, error } = parseDays(within.value);
        return { ...s, within, error, draft: error ? s.draft : { ...s.draft, expiringWithinDays: days } };
      }
      return s;
    }
  }
}
