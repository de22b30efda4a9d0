// No command: the interactive table on a terminal, a clear refusal otherwise.
import { LEAVE_ALT_SCREEN, SHOW_CURSOR, splashFrame } from '../../tui/splash.js';
import type { CliState } from '../cli-state.js';
import { listProfiles } from '../../credentials/sources.js';
import { accountsOf, envFor } from '../../ops/all-profiles.js';
import { EXIT } from '../errors.js';

export async function runDefault(cli: CliState): Promise<number> {
  if (!cli.io.stdinIsTTY || !cli.io.stdout.isTTY) {
    cli.io.stderr.write('vcreds: no terminal; use "vcreds list" (see vcreds --help)\n');
    return EXIT.usage;
  }
  const demo = Boolean(cli.globals.demo);
  // The first frame goes out before Ink and React load (the slowest part of starting); until
  // runInteractive takes over the terminal, an exit or Ctrl+C still leaves the alternate screen.
  cli.io.stdout.write(splashFrame(demo));
  // Keys pressed from now on are the app's: no echo onto the splash (the app reads them once up).
  const stdin = process.stdin;
  if (stdin.isTTY) stdin.setRawMode(true);
  const leave = () => {
    if (stdin.isTTY) stdin.setRawMode(false);
    cli.io.stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
  };
  const interrupted = () => {
    leave();
    process.exit(130);
  };
  process.once('exit', leave);
  process.once('SIGINT', interrupted);
  let handedOver = false;
  try {
    // Loaded only here, so the scriptable commands never pay for Ink and React.
    const { runInteractive } = await import('../../../components/run-interactive.js');
    // Connecting (reading the key and preferences, and with --demo starting and seeding the
    // emulator) starts once the app is on screen; a failure is reported like any command's.
    cli.interactive = true;
    const running = runInteractive(() => cli.session().then((s) => s.ctx), {
      preferences: () => cli.preferences(),
      demo,
      splashShown: true,
      // The demo has one account; otherwise every profile of the credentials file and the env key.
      accounts: demo ? undefined : {
        list: () => accountsOf(listProfiles(cli.credentialsPath), cli.io.env),
        connect: (account) => cli.open({ env: envFor(account, cli.io.env), ...(account.profile !== null ? { profile: account.profile } : {}) }).then((s) => s.ctx),
      },
    });
    // runInteractive has set up its own restoring (synchronously, before its first await).
    handedOver = true;
    process.off('exit', leave);
    process.off('SIGINT', interrupted);
    return await running;
  } catch (error) {
    if (!handedOver) leave();
    throw error;
  } finally {
    process.off('exit', leave);
    process.off('SIGINT', interrupted);
  }
}
