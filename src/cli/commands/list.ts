// `vcreds list` and `vcreds show`.
import { Option, type Command } from 'commander';
import { EMPTY_FILTER, matchesFilter, sortCredentials, type CredentialFilter } from '../../model/filter.js';
import type { CliState } from '../cli-state.js';
import { credentialCsv, credentialDetail, credentialDetailJson, credentialJson, credentialTable } from '../credential-format.js';
import { EXAMPLES } from '../help.js';
import { nonBlank, parseAccounts, parseDays, parseStatuses, parseTypes } from '../parse.js';
import { jsonText } from '../../text/escape.js';
import { findCredential, loadViews } from './load.js';
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
}

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
    .addHelpText('after', EXAMPLES.list)
    .action(async (o: ListOptions) => {
      if (o.allProfiles) return listAllProfiles(cli, filterFrom(o), o);
      const { views } = await loadViews(cli);
      const list = sortCredentials(views.filter((v) => matchesFilter(v, filterFrom(o))));
      if (o.json) cli.out(jsonText(list.map(credentialJson)));
      else if (o.csv) cli.io.stdout.write(credentialCsv(list));
      else cli.io.stdout.write(credentialTable(list, cli.paint, cli.io.stdout.isTTY ? cli.io.stdout.columns : undefined));
    });
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
