// The all-accounts view's connection: every account (the profiles of the credentials file and the
// environment's key) loaded with its own key and merged, with the organisation of each credential
// (src/ops/all-profiles.ts). It only reads: a change is made in the account that holds the
// credential, so every change asks the user to switch to it.
import type { AppContext } from '../../app-context.js';
import type { IdentityService, LoadOptions, Organisation } from '../../identity/types.js';
import { loadAccounts, mergeAccounts, type Account } from '../../ops/all-profiles.js';
import { OpRefused } from '../../ops/op-refused.js';

export interface AccountSource {
  /** The accounts there are now (the credentials file is read each time). */
  list(): Account[];
  /** A connection signing with that account's key. */
  connect(account: Account): Promise<AppContext>;
}

const refuse = (): never => {
  throw new OpRefused('the all-accounts view only reads: switch to the account holding this credential (A) to change it');
};

/** An AppContext over every account at once; `base` lends the clock and the credentials file. */
export function allAccountsContext(base: AppContext, source: AccountSource): AppContext {
  const accounts = source.list();
  async function loadOrganisation(o: LoadOptions = {}): Promise<Organisation> {
    let done = 0;
    const loads = await loadAccounts(accounts, async (account) => {
      const ctx = await source.connect(account);
      const org = await ctx.service.loadOrganisation({ signal: o.signal });
      o.onProgress?.({ phase: 'users', done: ++done, total: accounts.length });
      return { org, apiUrl: ctx.connection.apiUrl };
    });
    const merged = mergeAccounts(loads, base.now());
    const first = loads.find((l) => 'org' in l);
    if (!first || !('org' in first)) throw new Error(`no account could be loaded: ${merged.errors.map((e) => `${e.account ?? 'the file'}: ${e.message}`).join('; ') || 'there are none'}`);
    const warnings = merged.errors.map((e) => `account ${e.account ?? '?'} not loaded: ${e.message}`);
    const organisations = merged.organisations.map((g) => `${g.name} (${g.credentials})`).join(', ');
    return {
      caller: { ...first.org.caller, isAdmin: merged.organisations.some((g) => g.admin) },
      users: loads.flatMap((l) => ('org' in l ? l.org.users : [])),
      credentials: merged.credentials,
      maxTtlDays: first.org.maxTtlDays,
      warnings: [`${merged.organisations.length} organisation${merged.organisations.length === 1 ? '' : 's'}: ${organisations}`, ...warnings],
    };
  }
  const service: IdentityService = {
    self: async () => (await loadOrganisation()).caller,
    loadOrganisation,
    listRoles: async () => [],
    generateHmac: refuse, revokeHmac: refuse, getHmac: async () => null, hmacInUse: async () => null,
    createOAuthClient: refuse, addOAuthSecret: refuse, retireOAuthSecret: refuse, revokeOAuthClient: refuse,
  };
  return {
    ...base,
    service,
    readOnly: true,
    connection: { ...base.connection, source: 'all', profile: null, apiUrl: `${accounts.length} accounts`, region: null },
    signingKeyId: () => null,
  };
}
