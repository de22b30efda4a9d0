// `vcreds check`: exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
import { Option, type Command } from 'commander';
import { gatherAllProfiles, gatherCurrentKey, gatherOrganisation, withinDeadline } from '../../ops/check.js';
import { evaluateCheck } from '../../ops/check-rules.js';
import type { CliState } from '../cli-state.js';
import { CHECK_EXIT_HELP, EXAMPLES } from '../help.js';
import { intIn, parseDays } from '../parse.js';
import { UsageError } from '../errors.js';
import { escapeControl, jsonText } from '../../text/escape.js';

interface CheckOptions {
  allProfiles?: boolean;
  org?: boolean;
  warn: number;
  critical: number;
  timeout: number;
  json?: boolean;
}

const STYLE = { OK: 'green', WARNING: 'yellow', CRITICAL: 'red', UNKNOWN: 'dim' } as const;

export function registerCheck(program: Command, cli: CliState): void {
  program
    .command('check')
    .description('monitoring check of expiry: exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN')
    .addOption(new Option('--all-profiles', 'every profile of the credentials file').conflicts('org'))
    .option('--org', 'every credential of the organisation (what you can see)')
    .addOption(new Option('--warn <days>', 'WARNING when a credential expires within DAYS').default(7).argParser(parseDays))
    .addOption(new Option('--critical <days>', 'CRITICAL when it expires within DAYS').default(1).argParser(parseDays))
    .addOption(new Option('--timeout <seconds>', 'UNKNOWN when the check has no answer within SECONDS').default(30).argParser(intIn(1, 3600, 'a whole number of seconds')))
    .option('--json', 'JSON on stdout')
    .addHelpText('after', `${CHECK_EXIT_HELP}${EXAMPLES.check}`)
    .action(async (o: CheckOptions) => {
      if (o.allProfiles && cli.globals.demo) throw new UsageError('--demo: --all-profiles checks your own credentials file, which the demo does not use');
      if (o.critical > o.warn) {
        throw new UsageError(`--critical ${o.critical} is more than --warn ${o.warn}`, 'The critical window sits inside the warning one: --critical must be at most --warn.');
      }
      const gathering = o.org
        ? gatherOrganisation(() => cli.session())
        : o.allProfiles
          ? gatherAllProfiles(cli.credentialsPath, cli.io.env, (choice) => cli.open(choice))
          : gatherCurrentKey(() => cli.profileSession(), cli.globals.profile ?? null);
      const subjects = await withinDeadline(gathering, o.timeout, o.org || o.allProfiles ? null : cli.globals.profile ?? null);
      const report = evaluateCheck(subjects, { warn: o.warn, critical: o.critical, now: Date.now() });
      if (o.json) {
        cli.out(jsonText({ state: report.state, exitCode: report.exitCode, warnDays: o.warn, criticalDays: o.critical, results: report.results }));
      } else {
        const paint = cli.paint;
        // A line names profiles and owners and quotes the server: its text is shown escaped.
        cli.out(report.results.map((r) => paint(STYLE[r.state], r.state) + escapeControl(r.line.slice(r.state.length), { oneLine: true })).join('\n'));
      }
      cli.exitCode = report.exitCode;
    });
}
