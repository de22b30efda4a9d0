// `vcreds list` and `vcreds show`.
import { Option, type Command } from 'commander';
import { EMPTY_FILTER, matchesFilter, sortCredentials, type CredentialFilter } from '../../model/filter.js';
import type { CliState } from '../cli-state.js';
import { credentialDetail, credentialDetailJson, credentialTable, csvRowWriter, jsonRowWriter, type RowWriter } from '../credential-format.js';
import { EXAMPLES } from '../help.js';
import { nonBlank, parseAccounts, parseDays, parseStatuses, parseTypes } from '../parse.js';
import { escapeControl, jsonText } from '../../text/escape.js';
import { findCredential, loadViews } from './load.js';
import { viewOf, type CredentialView } from '../../model/credential.js';
import { listAllProfiles } from './list-all-profiles.js';

interface ListOptions {
  type?: CredentialFilter['types'];
  status?: CredentialFilter['statuses'];
  account?: CredentialFilter['accounts'];
  owner?: string;
  expiringWithin?: number;
  json?: boolean;
  csv?: boolean;
  allProfiles?: boolean;
  /** false with --no-sort. */
  sort?: boolean;
}

/** Which options need every credential before the first row: said in `list --help`. */
export const LIST_STREAMING_HELP = `
Rows and memory:
  With --json or --csv and --no-sort, each row is written as soon as the page holding it
  arrives, and no output is built whole: the way to list a very large organisation.
  Everything else needs the whole set before the first row: the default order (sorting),
  the table (its column widths), and --all-profiles (merging accounts). The filters
  (--type, --status, --account, --owner, --expiring-within) do not.
`;

export function filterFrom(o: ListOptions): CredentialFilter {
  return {
    ...EMPTY_FILTER,
    types: o.type ?? [],
    statuses: o.status ?? [],
    accounts: o.account ?? [],
    owner: o.owner ?? '',
    expiringWithinDays: o.expiringWithin ?? null,
  };
}

export function registerList(program: Command, cli: CliState): void {
  program
    .command('list')
    .description('list every credential you can see (all of the organisation for admins)')
    .addOption(new Option('--type <types>', 'hmac or oauth (comma-separated for several)').argParser(parseTypes))
    .addOption(new Option('--status <statuses>', 'active, expiring, expired, revoked or superseded (comma-separated)').argParser(parseStatuses))
    .addOption(new Option('--account <kinds>', 'owner account kind: user or api').argParser(parseAccounts))
    .addOption(new Option('--owner <name>', "owner's user name (substring, case-insensitive) or user id").argParser(nonBlank("an owner's user name or user id")))
    .addOption(new Option('--expiring-within <days>', 'only credentials expiring within DAYS (expired included)').argParser(parseDays))
    .addOption(new Option('--json', 'JSON array on stdout').conflicts('csv'))
    .option('--csv', 'CSV (RFC 4180) on stdout')
    .option('--all-profiles', 'every profile of the credentials file plus the environment\'s key, merged, with their organisation')
    .option('--no-sort', 'in the order the server lists them (keys by user, then OAuth clients) instead of soonest expiry first; with --json or --csv, rows are written as they arrive')
    .addHelpText('after', EXAMPLES.list + LIST_STREAMING_HELP)
    .action(async (o: ListOptions) => {
      if (o.allProfiles) return listAllProfiles(cli, filterFrom(o), o);
      const writer = (): RowWriter | null => (o.json ? jsonRowWriter((s) => cli.io.stdout.write(s)) : o.csv ? csvRowWriter((s) => cli.io.stdout.write(s)) : null);
      const out = writer();
      if (o.sort === false && out) return void (await eachMatching(cli, filterFrom(o), (v) => out.row(v)), out.end());
      // Only the matching rows are kept, each as its view (the server's credential is dropped
      // once viewed): a sorted list of 100,000 needs them all at once, and nothing more.
      const matching: CredentialView[] = [];
      await eachMatching(cli, filterFrom(o), (v) => matching.push(v));
      const list = o.sort === false ? matching : sortCredentials(matching);
      if (out) {
        for (const c of list) out.row(c);
        out.end();
      } else cli.io.stdout.write(credentialTable(list, cli.paint, cli.io.stdout.isTTY ? cli.io.stdout.columns : undefined));
    });
}

/**
 * Each credential that passes `filter`, as its view, as the page holding it arrives (the load
 * keeps no rows of its own), in the server's order; then the load's warnings.
 */
async function eachMatching(cli: CliState, filter: CredentialFilter, each: (v: CredentialView) => void): Promise<void> {
  const session = await cli.session();
  const now = session.ctx.now();
  const org = await session.ctx.service.loadOrganisation({
    keepRows: false,
    onBatch: (batch) => {
      for (const c of batch.credentials) {
        const v = viewOf(c, now);
        if (matchesFilter(v, filter)) each(v);
      }
    },
  });
  // Warnings quote the server's words: shown escaped.
  for (const w of org.warnings ?? []) cli.warn(escapeControl(w, { oneLine: true }));
}

export function registerShow(program: Command, cli: CliState): void {
  program
    .command('show')
    .description('show one credential, every field')
    .argument('<id>', 'credential id (HMAC API id or OAuth client id), or a unique prefix of 8+ characters', nonBlank('a credential id or a prefix of 8+ characters', 256))
    .option('--json', 'JSON on stdout')
    .addHelpText('after', EXAMPLES.show)
    .action(async (id: string, o: { json?: boolean }) => {
      const c = await findCredential(await loadViews(cli), id);
      if (o.json) cli.out(jsonText(credentialDetailJson(c)));
      else cli.io.stdout.write(credentialDetail(c, cli.paint));
    });
}
