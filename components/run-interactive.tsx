// The TUI's entry: alternate screen in, <App> rendered, alternate screen out on every path.
import { render } from 'ink';
import type { AppContext } from '../src/app-context.js';
import type { PreferencesStore } from '../src/config/preferences-types.js';
import { App } from './app.js';

export interface RunInteractiveOptions {
  preferences: PreferencesStore;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

const ENTER_ALT = '\x1b[?1049h';
const LEAVE_ALT = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';

/** Runs the interactive app until the user quits; resolves to the exit code (0 on q). */
export async function runInteractive(ctx: AppContext, options: RunInteractiveOptions): Promise<number> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  // Ink 6 has no alternate-screen option (trap 9): only on a terminal, undone on every exit path.
  const tty = Boolean(stdout.isTTY);
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    if (tty) stdout.write(SHOW_CURSOR + LEAVE_ALT);
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
    process.exit(signalCode);
  };
  const onSigint = () => fatal(130);
  const onSigterm = () => fatal(143);
  const onSighup = () => fatal(129);
  const onCrash = (error: unknown) => fatal(1, error instanceof Error ? error.message : String(error));
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  process.on('SIGHUP', onSighup);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  process.on('exit', restore);

  let code = 0;
  if (tty) stdout.write(ENTER_ALT);
  try {
    instance = render(<App ctx={ctx} preferences={options.preferences} onExit={(c) => (code = c)} />, {
      stdin,
      stdout,
      stderr,
      // The app owns Ctrl+C: the list quits, a wizard holding an unsaved secret asks first.
      exitOnCtrlC: false,
      patchConsole: true,
    });
    await instance.waitUntilExit();
  } catch (error) {
    code = 1;
    restore();
    stderr.write(`vcreds: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    restore();
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    process.off('SIGHUP', onSighup);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    process.off('exit', restore);
  }
  return code;
}
