// `vcreds emulator`: a local Identity API until Ctrl+C / SIGTERM.
import { Option, type Command } from 'commander';
import { connectionHelp, DataFileError, startEmulator } from '../../emulator/index.js';
import type { CliState } from '../cli-state.js';
import { restoreHeapGrowth } from '../heap.js';
import { CliError } from '../errors.js';
import { EXAMPLES } from '../help.js';
import { intIn, nonBlank, parsePort, parseRate, parseUserCount } from '../parse.js';

interface EmulatorFlags {
  port: number;
  data?: string;
  users?: number;
  seed?: number;
  latency?: number;
  errorRate?: number;
  dropRate?: number;
  rateLimit?: number;
  pageSizeCap?: number;
  renewalGrace?: number;
  /** false with --no-user-credentials */
  userCredentials: boolean;
  log?: boolean;
}

export function registerEmulator(program: Command, cli: CliState): void {
  program
    .command('emulator')
    .description('run a local Veracode Identity API emulator on 127.0.0.1 (Ctrl+C to stop)')
    .addOption(new Option('--port <n>', 'port to listen on (0 = any free port)').default(0).argParser(parsePort))
    .addOption(new Option('--data <file>', 'JSON file the state is loaded from and saved to, so it survives a restart').argParser(nonBlank('a file path', 4096)))
    .addOption(new Option('--users <n>', 'size of the seeded organisation').argParser(parseUserCount))
    .addOption(new Option('--seed <n>', 'seed of the generated organisation (same seed, same organisation)').argParser(intIn(0, 2 ** 31 - 1)))
    .addOption(new Option('--latency <ms>', 'fault: delay every answer by this many milliseconds').argParser(intIn(0, 60_000, 'milliseconds')))
    .addOption(new Option('--error-rate <fraction>', 'fault: answer this fraction of requests with 503').argParser(parseRate))
    .addOption(new Option('--drop-rate <fraction>', 'fault: drop the connection of this fraction of requests').argParser(parseRate))
    .addOption(new Option('--rate-limit <n>', "requests a minute per address before 429 (Veracode's: 500)").argParser(intIn(1, 1_000_000)))
    .addOption(new Option('--page-size-cap <n>', 'largest page the server returns, whatever size is asked').argParser(intIn(1, 10_000)))
    .addOption(new Option('--renewal-grace <hours>', 'hours a superseded HMAC pair keeps working after a new one is generated (Veracode: 24; 0 = at once)').default(24).argParser(intIn(0, 8760, 'a whole number of hours')))
    .option('--no-user-credentials', 'the user list carries no api_credentials (clients must ask per user)')
    .option('--log', 'print one line per request (method, path, status; never headers)')
    .addHelpText('after', EXAMPLES.emulator)
    .action(async (o: EmulatorFlags) => {
      // A server holding a whole organisation for a long time: answering fast matters more
      // than its footprint (heap.ts).
      restoreHeapGrowth();
      let running;
      try {
        running = await startEmulator({
          port: o.port,
          dataFile: o.data,
          users: o.users,
          seed: o.seed,
          faults: { latencyMs: o.latency, errorRate: o.errorRate, dropRate: o.dropRate },
          rateLimitPerMinute: o.rateLimit,
          pageSizeCap: o.pageSizeCap,
          renewalGraceHours: o.renewalGrace,
          usersCarryCredentials: o.userCredentials,
          log: o.log || cli.globals.debug ? (line) => cli.note(line) : undefined,
        });
      } catch (err) {
        if (err instanceof DataFileError) throw new CliError(err.message, 1, `Fix or remove ${o.data}.`);
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new CliError(`port ${o.port} is already in use`, 1, 'Choose another with --port, or --port 0 for any free port.');
        throw err;
      }
      cli.io.stdout.write(connectionHelp(running));
      const signal = await cli.io.untilSignal();
      cli.note(`vcreds: ${signal}: stopping the emulator${o.data ? ` (state saved to ${o.data})` : ''}.`);
      await running.close();
    });
}
