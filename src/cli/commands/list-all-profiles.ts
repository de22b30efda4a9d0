// `vcreds list --all-profiles`: every profile of the credentials file plus the environment's key,
// merged (src/ops/all-profiles.ts), with an Organisation column. Exit 0 when at least one account
// loaded (the others are warned about, and listed under `errors` with --json), 1 when none did.
import { matchesFilter, sortCredentials, type CredentialFilter } from '../../model/filter.js';
import { accountsOf, envFor, loadAccounts, mergeAccounts, type AccountError, type MergedAccounts, type MergedCredential } from '../../ops/all-profiles.js';
import { listProfiles } from '../../credentials/sources.js';
import { escapeControl, jsonText } from '../../text/escape.js';
import type { CliState } from '../cli-state.js';
import { credentialJson, expiresText } from '../credential-format.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { formatCsv, formatTable, type FitPlan, type Painter } from '../output.js';
import { displayName } from '../../model/credential.js';

export interface AllProfilesOutput {
  json?: boolean;
  csv?: boolean;
}

const said = (text: string) => escapeControl(text, { oneLine: true });

/** Loads every account (four at a time) and merges them; a file that cannot be read is one error. */
export async function loadAllProfiles(cli: CliState): Promise<MergedAccounts> {
  const env = cli.io.env;
  let profiles: string[] = [];
  const fileErrors: AccountError[] = [];
  try {
    profiles = listProfiles(cli.credentialsPath);
  } catch (err) {
    fileErrors.push({ account: null, message: err instanceof Error ? err.message : String(err) });
  }
  const accounts = accountsOf(profiles, env);
  if (!accounts.length && !fileErrors.length) {
    fileErrors.push({ account: null, message: `no profiles in ${cli.credentialsPath} and no key in the environment` });
  }
  const loads = await loadAccounts(accounts, async (account) => {
    const session = await cli.open({ env: envFor(account, env), ...(account.profile !== null ? { profile: account.profile } : {}) });
    const org = await session.ctx.service.loadOrganisation();
    for (const w of org.warnings ?? []) cli.warn(`[${said(account.name)}] ${said(w)}`);
    return { org, apiUrl: session.ctx.connection.apiUrl };
  });
  const merged = mergeAccounts(loads, Date.now());
  return { ...merged, errors: [...fileErrors, ...merged.errors] };
}

const HEADERS = ['ORGANISATION', 'TYPE', 'NAME', 'ID', 'OWNER', 'ACCOUNT', 'STATUS', 'EXPIRES', 'ROLES', 'PROFILES'];
const STATUS_COL = 6;
const EXPIRES_COL = 7;

/** As the single-account table, one column more: roles, profiles, names and organisations give way first. */
const NARROW: Omit<FitPlan, 'maxWidth'> = {
  shrink: [[9, 8], [8, 10], [3, 9], [0, 10], [4, 12], [2, 12]],
  drop: [5, 9, 8],
};

const STYLE = { expired: 'red', expiring: 'yellow', revoked: 'dim', superseded: 'yellow', active: 'green' } as const;

function table(list: readonly MergedCredential[], paint: Painter, width?: number): string {
  if (list.length === 0) return 'No credentials match.\n';
  const rows = list.map((c) => [
    c.organisation, c.type, displayName(c), c.id, c.owner.userName, c.owner.accountType, c.status, expiresText(c),
    c.roles.map((r) => r.name).join(','), c.profiles.join(','),
  ]);
  return formatTable(HEADERS, rows, (i, col, cell) => {
    if (col !== STATUS_COL && col !== EXPIRES_COL) return cell;
    const c = list[i]!;
    return paint(c.status === 'expiring' && c.urgent ? 'red' : STYLE[c.status], cell);
  }, { ...NARROW, maxWidth: width });
}

const CSV_HEADERS = ['organisation', 'id', 'type', 'name', 'owner_user_id', 'owner_user_name', 'account_type', 'status', 'expires_at', 'days_left', 'created_at', 'revoked_at', 'roles', 'profiles'];

function csv(list: readonly MergedCredential[]): string {
  return formatCsv(CSV_HEADERS, list.map((c) => {
    const j = credentialJson(c);
    return [
      c.organisation, j.id, j.type, j.name ?? '', j.owner.userId, j.owner.userName, j.owner.accountType, j.status,
      j.expiresAt ?? '', j.daysLeft ?? '', j.createdAt ?? '', j.revokedAt ?? '', j.roles.join(';'), j.profiles.join(';'),
    ];
  }));
}

export async function listAllProfiles(cli: CliState, filter: CredentialFilter, o: AllProfilesOutput): Promise<void> {
  if (cli.globals.demo) throw new UsageError('--demo: --all-profiles lists your own accounts, which the demo does not use');
  if (cli.globals.profile) throw new UsageError('--all-profiles lists every profile: leave out --profile', 'Use vcreds --profile NAME list for one profile.');
  const merged = await loadAllProfiles(cli);
  const list = sortCredentials(merged.credentials.filter((c) => matchesFilter(c, filter))) as MergedCredential[];
  // Each failed account is said on stderr whatever the format, so a pipe into jq still shows it.
  for (const e of merged.errors) cli.warn(e.account === null ? said(e.message) : `account [${said(e.account)}] not listed: ${said(e.message)}`);
  if (merged.loaded === 0 && !o.json) {
    throw new CliError('no account could be loaded', EXIT.failed, 'Check each with vcreds doctor.');
  }
  if (o.json) {
    cli.out(jsonText({
      organisations: merged.organisations,
      credentials: list.map((c) => ({ ...credentialJson(c), organisation: c.organisation })),
      errors: merged.errors,
    }));
  } else if (o.csv) cli.io.stdout.write(csv(list));
  else cli.io.stdout.write(table(list, cli.paint, cli.io.stdout.isTTY ? cli.io.stdout.columns : undefined));
  if (merged.loaded === 0) cli.exitCode = EXIT.failed;
}
