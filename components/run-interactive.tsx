// The TUI's entry: alternate screen in, <App> rendered, alternate screen out on every path.
import { render } from 'ink';
import type { AppContext } from '../src/app-context.js';
import type { PreferencesStore } from '../src/config/preferences-types.js';
import { Boot } from './boot.js';
import type { AccountSource } from '../src/tui/accounts/all-accounts.js';
import { handOverHeldSecrets } from '../src/ops/held-secrets.js';
import { isCritical, onInterrupt } from '../src/ops/signal-guard.js';
import { PASTE_OFF, PASTE_ON } from '../src/tui/input/keys.js';
import { ENTER_ALT_SCREEN, HOME_AND_CLEAR, LEAVE_ALT_SCREEN, SHOW_CURSOR } from '../src/tui/splash.js';

export interface RunInteractiveOptions {
  /** The store itself, or how to open it once connected (it is not needed for the first frame). */
  preferences: PreferencesStore | (() => PreferencesStore);
  /** Shows the DEMO badge while connecting (once connected, the connection says so). */
  demo?: boolean;
  /** The alternate screen and a first frame (splash.ts) are already on the terminal. */
  splashShown?: boolean;
  /** The accounts the app can switch to (the profiles of the credentials file, the environment's key). */
  accounts?: AccountSource;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}


/**
 * Runs the interactive app until the user quits; resolves to the exit code (0 on q). Given a
 * `connect` function, the first frame is drawn before calling it; if it fails, the app closes
 * and this rejects with its error (for the entry to report like any other command's).
 */
export async function runInteractive(source: AppContext | (() => Promise<AppContext>), options: RunInteractiveOptions): Promise<number> {
  const connect = typeof source === 'function' ? source : () => Promise.resolve(source);
  const preferences = options.preferences;
  const openPreferences = typeof preferences === 'function' ? preferences : () => preferences;
  let failure: { error: unknown } | null = null;
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  // Ink 6 has no alternate-screen option: written here, only on a terminal, undone on every exit path.
  const tty = Boolean(stdout.isTTY);
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    if (tty) stdout.write(PASTE_OFF + SHOW_CURSOR + LEAVE_ALT_SCREEN);
  };
  let instance: ReturnType<typeof render> | null = null;
  const fatal = (signalCode: number, message?: string) => {
    try {
      instance?.unmount();
    } catch {
      // already gone
    }
    restore();
    if (message) stderr.write(`vcreds: ${message}\n`);
    // A secret created in this session and not yet saved would die with the process: hand it over
    // on the normal screen, the last place it can still be read (it stays in the recovery journal
    // if it cannot be printed).
    const handedOver = handOverHeldSecrets();
    if (handedOver) stderr.write(`vcreds: ${handedOver}\n`);
    process.exit(signalCode);
  };
  const onCrash = (error: unknown) => fatal(1, error instanceof Error ? error.message : String(error));
  // While a request that creates a secret is on its way, a signal waits for its answer (the signal
  // guard exits once it is safe, leaving the screen first); otherwise it ends the app at once.
  const onSignal = (code: number) => () => {
    // The guard's own listener has taken the signal: it exits once the secret is safe.
    if (!isCritical()) fatal(code);
  };
  const leaveScreen = onInterrupt(() => {
    try {
      instance?.unmount();
    } catch {
      // already gone
    }
    restore();
  });
  // Every way the process can end while the app is up, each leaving the terminal as it was.
  const exits: Array<[string, (error?: unknown) => void]> = [
    ['SIGINT', onSignal(130)],
    ['SIGTERM', onSignal(143)],
    ['SIGHUP', onSignal(129)],
    ['uncaughtException', onCrash],
    ['unhandledRejection', onCrash],
    ['exit', restore],
  ];
  for (const [event, handler] of exits) process.on(event, handler);

  let code = 0;
  // Ink draws from the cursor: start at the top left (over the splash, when there is one).
  // Bracketed paste on: a paste arrives marked, and goes into a text field as one edit.
  if (tty) stdout.write((options.splashShown ? HOME_AND_CLEAR : ENTER_ALT_SCREEN + HOME_AND_CLEAR) + PASTE_ON);
  try {
    instance = render(
      <Boot
        connect={connect}
        preferences={openPreferences}
        demo={Boolean(options.demo)}
        accounts={options.accounts}
        onExit={(c) => (code = c)}
        onFail={(error) => (failure = { error })}
      />,
      {
        stdin,
        stdout,
        stderr,
        // The app owns Ctrl+C: the list quits, a wizard holding an unsaved secret asks first.
        exitOnCtrlC: false,
        patchConsole: true,
      },
    );
    await instance.waitUntilExit();
  } catch (error) {
    code = 1;
    restore();
    stderr.write(`vcreds: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    restore();
    leaveScreen();
    for (const [event, handler] of exits) process.off(event, handler);
  }
  // Connecting failed: the terminal is restored, so the entry can report it like any command.
  if (failure) throw (failure as { error: unknown }).error;
  return code;
}
