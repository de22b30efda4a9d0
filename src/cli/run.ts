// The CLI as a function: argv in, exit code out, all output through the injected io.
import { Command, CommanderError, Option } from 'commander';
import { CliState, type CliDeps } from './cli-state.js';
import { CHECK_EXIT } from '../ops/check-rules.js';
import { EXIT, UsageError, report } from './errors.js';
import { MAIN_HELP_AFTER } from './help.js';
import type { CliIo } from './io.js';
import { checkProfileName, intIn, parseApiUrl, parseRegion } from './parse.js';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from '../api/gate.js';
import { escapeControl } from '../text/escape.js';
import { registerApi } from './commands/api.js';
import { registerCheck } from './commands/check.js';
import { registerConfig } from './commands/config.js';
import { registerCreate } from './commands/create.js';
import { registerDoctor } from './commands/doctor.js';
import { registerEmulator } from './commands/emulator.js';
import { registerList, registerShow } from './commands/list.js';
import { registerRevoke } from './commands/revoke.js';
import { registerRotate } from './commands/rotate.js';
import { registerRecover } from './commands/recover.js';
import { registerReport } from './commands/report.js';
import { registerTargets } from './commands/targets.js';
import { registerCompletion } from './commands/completion.js';
import { runDefault } from './commands/interactive.js';

const CHECK_UNKNOWN = CHECK_EXIT.UNKNOWN;

export const COMMANDS = ['list', 'show', 'create', 'revoke', 'rotate', 'targets', 'check', 'doctor', 'report', 'api', 'config', 'emulator'];

export function buildProgram(cli: CliState): Command {
  const program = new Command('vcreds');
  program
    .description('Manage Veracode API credentials (HMAC keys and OAuth clients) from the terminal.')
    .version(cli.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help (every command has its own: vcreds list --help)')
    .addOption(new Option('--profile <name>', 'profile of ~/.veracode/credentials to use (default: VERACODE_API_PROFILE, else [default])').argParser(checkProfileName))
    .addOption(new Option('--api-url <url>', 'API base URL (https, or http for loopback such as the emulator)').argParser(parseApiUrl))
    .addOption(new Option('--region <region>', 'Veracode region when the key has no prefix: com, eu or us').argParser(parseRegion))
    .option('--demo', 'use the built-in emulator with a demo organisation')
    .option('--read-only', 'refuse every change (create, revoke, rotate, non-GET api)')
    .addOption(new Option('--concurrency <n>', `API requests in flight at once (1 = one at a time; always within Veracode's 500 a minute)`).default(DEFAULT_CONCURRENCY).argParser(intIn(1, MAX_CONCURRENCY, 'a number of requests')))
    .option('--debug', 'log each request to stderr (Authorization and secrets redacted) and show stack traces')
    .option('--no-color', 'no colour (NO_COLOR is honoured too)')
    .addHelpText('after', MAIN_HELP_AFTER)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => cli.io.stdout.write(s),
      writeErr: (s) => cli.io.stderr.write(s),
      // One clear line; the hint points at the right --help.
      outputError: () => {},
    });

  // Every command sees the global flags, wherever they were written on the line.
  program.hook('preAction', (_root, action) => {
    cli.globals = action.optsWithGlobals();
  });

  registerList(program, cli);
  registerShow(program, cli);
  registerCreate(program, cli);
  registerRevoke(program, cli);
  registerRotate(program, cli);
  registerRecover(program, cli);
  registerTargets(program, cli);
  registerCheck(program, cli);
  registerDoctor(program, cli);
  registerReport(program, cli);
  registerApi(program, cli);
  registerConfig(program, cli);
  registerEmulator(program, cli);
  registerCompletion(program, cli);

  // Set after the commands exist so that they keep refusing stray arguments.
  program.allowExcessArguments(true).action(async () => {
    const extra = program.args;
    if (extra.length) {
      throw new UsageError(`unknown command "${extra[0]}"`, `Commands: ${COMMANDS.join(', ')}. See vcreds --help.`);
    }
    cli.exitCode = await runDefault(cli);
  });
  return program;
}

/** Commander quotes a refused value whole: a 2,049-character URL is cut to keep the line short. */
function shortenEcho(message: string): string {
  return message.replace(/(argument|value) '([^']{61,})'/, (_m, word: string, value: string) => `${word} '${value.slice(0, 40)}…' (${value.length} characters)`);
}

/** Global flags followed by a value: that value is not a command name. */
const VALUE_FLAGS = ['--profile', '--api-url', '--region', '--concurrency'];

/** The name of the command the user typed, for "see vcreds X --help". */
function commandPath(argv: readonly string[]): string {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (VALUE_FLAGS.includes(a)) i++;
    if (a.startsWith('-')) continue;
    if (words.length === 0 && COMMANDS.includes(a)) words.push(a);
    else if (words[0] === 'create' && words.length === 1 && (a === 'hmac' || a === 'oauth')) words.push(a);
  }
  return ['vcreds', ...words].join(' ');
}

export async function runCli(argv: readonly string[], io: CliIo, version: string, deps?: CliDeps): Promise<number> {
  const cli = new CliState(io, version, deps);
  const program = buildProgram(cli);
  // `check` speaks the monitoring convention, where 1 and 2 mean WARNING and CRITICAL: a check
  // that cannot run (a bad flag, a crash) is UNKNOWN, never an alarm about a credential.
  const monitoring = commandPath(argv) === 'vcreds check';
  // Messages echo arguments and the server's words: shown escaped, never as terminal control.
  const said = (text: string) => escapeControl(text, { oneLine: true });
  const failed = (code: number, message: string) => {
    if (!monitoring) return code;
    if (!argv.includes('--json')) io.stdout.write(`UNKNOWN ${said(message)}\n`);
    return CHECK_UNKNOWN;
  };
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return cli.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' && err.exitCode === 0) return EXIT.ok;
      if (err.code === 'commander.help' || err.code === 'commander.executeSubCommandAsync') return failed(EXIT.usage, 'usage error');
      const message = shortenEcho(err.message.replace(/^error: /, ''));
      io.stderr.write(`vcreds: ${said(message)}\n`);
      io.stderr.write(`hint: see ${commandPath(argv)} --help for the flags and values allowed.\n`);
      return failed(EXIT.usage, `usage: ${message}`);
    }
    const r = report(err);
    io.stderr.write(`vcreds: ${said(r.message)}\n`);
    if (r.hint) io.stderr.write(`hint: ${said(r.hint)}\n`);
    if (cli.globals.debug || argv.includes('--debug')) {
      if (err instanceof Error && err.stack) io.stderr.write(`${escapeControl(err.stack, { oneLine: false })}\n`);
    }
    return failed(r.exitCode, r.message);
  } finally {
    await cli.closeAll();
  }
}
