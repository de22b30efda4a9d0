// Several accounts at once (`vcreds list --all-profiles`, the TUI's all-accounts view): every
// profile of the credentials file plus the environment's key, each loaded with its own key, merged
// into one list with the organisation each credential belongs to. Two accounts are the same
// organisation when their lists share a credential id (the API names no organisation); such
// accounts are listed once. An account that fails to load is an error entry, never the end of the
// others.
//
// Pure except loadAccounts, which runs an injected loader: the CLI and the TUI bring their own.
import type { Organisation } from '../identity/types.js';
import { viewOf, type CredentialView } from '../model/credential.js';
import { messageOf } from './message.js';

export type Env = Record<string, string | undefined>;

/** The name of the environment's account (a profile name never has parentheses in practice). */
export const ENV_ACCOUNT = '(env)';

/** One account to load: a profile of the credentials file, or the environment's key. */
export interface Account {
  /** Unique among the accounts: the profile name, or ENV_ACCOUNT. */
  name: string;
  /** The profile of the credentials file; null for the environment's key. */
  profile: string | null;
}

const KEY_VARS = ['VERACODE_API_KEY_ID', 'VERACODE_API_KEY_SECRET'] as const;
const OAUTH_VARS = ['VERACODE_OAUTH_CLIENT_ID', 'VERACODE_OAUTH_CLIENT_SECRET'] as const;
const CREDENTIAL_VARS = [...KEY_VARS, ...OAUTH_VARS, 'VERACODE_API_PROFILE'] as const;

/** True when the environment holds a key (HMAC pair or OAuth client; either variable of one is enough to try). */
export function envHasKey(env: Env): boolean {
  return [...KEY_VARS, ...OAUTH_VARS].some((v) => Boolean(env[v]?.trim()));
}

/** The environment's key first (when set), then every profile in file order. */
export function accountsOf(profiles: readonly string[], env: Env): Account[] {
  const out: Account[] = envHasKey(env) ? [{ name: ENV_ACCOUNT, profile: null }] : [];
  for (const p of new Set(profiles)) out.push({ name: p, profile: p });
  return out;
}

/**
 * The environment to connect one account with: a profile without the environment's key
 * variables (which would otherwise win over the file) nor VERACODE_API_PROFILE; the environment's
 * account without VERACODE_API_PROFILE.
 */
export function envFor(account: Account, env: Env): Env {
  const drop: readonly string[] = account.profile === null ? ['VERACODE_API_PROFILE'] : CREDENTIAL_VARS;
  return Object.fromEntries(Object.entries(env).filter(([k]) => !drop.includes(k)));
}

/** What loading one account gave: its organisation (as that account sees it), or why not. */
export type AccountLoad =
  | { account: Account; org: Organisation; apiUrl: string }
  | { account: Account; error: string };

export interface MergedCredential extends CredentialView {
  /** The name of the organisation it belongs to (OrganisationGroup.name). */
  organisation: string;
}

/** Accounts found to be one organisation. */
export interface OrganisationGroup {
  /** Its accounts' names joined with ',' (the API names no organisation): `default,ci`. */
  name: string;
  /** Account names, in load order. */
  accounts: string[];
  /** Distinct API base URLs its accounts were loaded from. */
  apiUrls: string[];
  /** Whether an account of it is an administrator (sees every credential of the organisation). */
  admin: boolean;
  /** Credentials listed for it (each once). */
  credentials: number;
}

export interface AccountError {
  /** Account name (ENV_ACCOUNT for the environment); null when no account could even be listed. */
  account: string | null;
  message: string;
}

export interface MergedAccounts {
  credentials: MergedCredential[];
  organisations: OrganisationGroup[];
  errors: AccountError[];
  /** How many accounts loaded (0: the command fails). */
  loaded: number;
}

type Loaded = Extract<AccountLoad, { org: Organisation }>;
const isLoaded = (l: AccountLoad): l is Loaded => 'org' in l;

/** Indices of `loads` grouped by shared credential ids (union-find), groups and members in load order. */
function groupsOf(loads: readonly Loaded[]): number[][] {
  const parent = loads.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const firstHolder = new Map<string, number>();
  loads.forEach((l, i) => {
    for (const c of l.org.credentials) {
      const key = c.id.toLowerCase();
      const j = firstHolder.get(key);
      if (j === undefined) firstHolder.set(key, i);
      else {
        const [a, b] = [find(i), find(j)];
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const groups = new Map<number, number[]>();
  loads.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, members]) => members);
}

/**
 * One list from several accounts: each credential once per organisation (the first account that
 * lists it gives its fields; the local profiles holding it are united), tagged with its
 * organisation; failed accounts as errors. Order: organisations in load order, credentials as
 * their first account lists them (sort them after filtering, as the single-account list does).
 */
export function mergeAccounts(loads: readonly AccountLoad[], now: number): MergedAccounts {
  const ok = loads.filter(isLoaded);
  const errors: AccountError[] = loads.filter((l) => !isLoaded(l)).map((l) => ({ account: l.account.name, message: (l as { error: string }).error }));
  const credentials: MergedCredential[] = [];
  const organisations: OrganisationGroup[] = [];
  for (const members of groupsOf(ok)) {
    const accounts = members.map((i) => ok[i]!);
    const name = accounts.map((a) => a.account.name).join(',');
    const byId = new Map<string, MergedCredential>();
    for (const a of accounts) {
      for (const c of a.org.credentials) {
        const key = c.id.toLowerCase();
        const seen = byId.get(key);
        if (seen) {
          for (const p of c.profiles) if (!seen.profiles.includes(p)) seen.profiles = [...seen.profiles, p];
          continue;
        }
        const merged: MergedCredential = Object.assign(viewOf(c, now), { organisation: name });
        byId.set(key, merged);
        credentials.push(merged);
      }
    }
    organisations.push({
      name,
      accounts: accounts.map((a) => a.account.name),
      apiUrls: [...new Set(accounts.map((a) => a.apiUrl))],
      admin: accounts.some((a) => a.org.caller.isAdmin),
      credentials: byId.size,
    });
  }
  return { credentials, organisations, errors, loaded: ok.length };
}

export interface LoadAccountsOptions {
  /** Accounts loaded at once (default 4): each is its own API and key, often its own server. */
  concurrency?: number;
  /** Called as each account finishes, for progress. */
  onLoaded?: (load: AccountLoad) => void;
}

/**
 * Runs `load` for every account, at most `concurrency` at a time; a rejection becomes that
 * account's error (its message, which the API client has already redacted). Results in the
 * accounts' order, whatever order they finish in.
 */
export async function loadAccounts(
  accounts: readonly Account[],
  load: (account: Account) => Promise<{ org: Organisation; apiUrl: string }>,
  options: LoadAccountsOptions = {},
): Promise<AccountLoad[]> {
  const out: AccountLoad[] = new Array(accounts.length);
  let next = 0;
  const worker = async () => {
    while (next < accounts.length) {
      const i = next++;
      const account = accounts[i]!;
      let result: AccountLoad;
      try {
        result = { account, ...(await load(account)) };
      } catch (err) {
        result = { account, error: messageOf(err) };
      }
      out[i] = result;
      options.onLoaded?.(result);
    }
  };
  const n = Math.max(1, Math.min(options.concurrency ?? 4, accounts.length));
  await Promise.all(Array.from({ length: n }, worker));
  return out;
}
