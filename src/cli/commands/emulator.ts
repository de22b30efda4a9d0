// `vcreds emulator`: a local Identity API until Ctrl+C / SIGTERM.
import { Option, type Command } from 'commander';
import { connectionHelp, DataFileError, startEmulator } from '../../emulator/index.js';
import type { CliState } from '../cli-state.js';
import { CliError } from '../errors.js';
import { EXAMPLES } from '../help.js';
import { parsePort, parseUserCount } from '../parse.js';

export function registerEmulator(program: Command, cli: CliState): void {
  program
    .command('emulator')
    .description('run a local Veracode Identity API emulator on 127.0.0.1 (Ctrl+C to stop)')
    .addOption(new Option('--port <n>', 'port to listen on (0 = any free port)').default(0).argParser(parsePort))
    .option('--data <file>', 'JSON file the state is loaded from and saved to, so it survives a restart')
    .addOption(new Option('--users <n>', 'size of the seeded organisation').argParser(parseUserCount))
    .addHelpText('after', EXAMPLES.emulator)
    .action(async (o: { port: number; data?: string; users?: number }) => {
      let running;
      try {
        running = await startEmulator({
          port: o.port,
          dataFile: o.data,
          users: o.users,
          log: cli.globals.debug ? cli.debugLine : undefined,
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
