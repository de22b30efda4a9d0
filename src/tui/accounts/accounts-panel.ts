// The account switcher's state (k9s contexts): every profile of the credentials file and the
// environment's key, each with its API host and whether it is an administrator (learnt by asking
// the server, one account at a time), and "all accounts" at the end. Pure.
import type { Account } from '../../ops/all-profiles.js';

export interface AccountRow {
  account: Account;
  /** The API host it signs in to, once known. */
  host: string | null;
  /** null until the server has answered. */
  admin: boolean | null;
  error: string | null;
}

export interface AccountsPanelState {
  /** null until the accounts are listed. */
  rows: AccountRow[] | null;
  /** Position among the rows, then one more: "all accounts". */
  cursor: number;
  problem: string | null;
}

export const ALL_ACCOUNTS = 'all accounts (merged, read only)';

export function initialAccountsPanel(): AccountsPanelState {
  return { rows: null, cursor: 0, problem: null };
}

export function withAccounts(s: AccountsPanelState, accounts: readonly Account[], current: string | null): AccountsPanelState {
  const rows = accounts.map((account) => ({ account, host: null, admin: null, error: null }));
  const at = rows.findIndex((r) => r.account.profile === current || (current === null && r.account.profile === null));
  return { ...s, rows, cursor: Math.max(0, at) };
}

export function withProbe(s: AccountsPanelState, name: string, probe: Pick<AccountRow, 'host' | 'admin' | 'error'>): AccountsPanelState {
  if (!s.rows) return s;
  return { ...s, rows: s.rows.map((r) => (r.account.name === name ? { ...r, ...probe } : r)) };
}

/** The choice under the cursor: an account, or every account at once. */
export function chosen(s: AccountsPanelState): Account | 'all' | null {
  if (!s.rows) return null;
  if (s.cursor === s.rows.length) return s.rows.length > 1 ? 'all' : null;
  return s.rows[s.cursor]?.account ?? null;
}

export function rowText(r: AccountRow): string {
  const role = r.error ? `unavailable: ${r.error}` : r.admin === null ? '…' : r.admin ? 'administrator' : 'member';
  return `${r.account.profile === null ? 'environment key' : `profile ${r.account.name}`} · ${r.host ?? '…'} · ${role}`;
}

/** A `:profile NAME` command line: which account it names, or why not. */
export function parseCommandLine(text: string, accounts: readonly Account[]): { account: Account | 'all' } | { error: string } {
  const [verb, ...rest] = text.trim().split(/\s+/);
  const arg = rest.join(' ');
  if (verb === 'all' || verb === 'all-accounts' || (verb === 'profile' && arg === '*')) return { account: 'all' };
  if (verb === 'profile' || verb === 'ctx' || verb === 'account') {
    if (!arg) return { error: `Say which profile: :profile NAME (${accounts.map((a) => a.name).join(', ') || 'none in the credentials file'}).` };
    const a = accounts.find((x) => x.name === arg || (arg === 'env' && x.profile === null));
    return a ? { account: a } : { error: `No profile named "${arg}"; there are: ${accounts.map((x) => x.name).join(', ') || 'none'}.` };
  }
  return { error: `Unknown command "${verb ?? ''}": try :profile NAME or :all.` };
}
