// Drives the built `vcreds` in a real pseudo-terminal through tmux, as a person would.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export class TmuxSession {
  private readonly socket = `vcreds-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly name = 'vcreds';

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Starts `command` (a shell string) in a detached session of the given size. */
  start(command: string, env: Record<string, string>): void {
    const exports = Object.entries(env).map(([k, v]) => `export ${k}='${v.replace(/'/g, "'\\''")}';`).join(' ');
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', this.name, '-x', String(this.width), '-y', String(this.height),
      `${exports} ${command}; echo "[exited $?]"; sleep 30`);
  }

  /** tmux key names: 'j', 'Enter', 'Escape', 'C-r', 'PageDown'… */
  keys(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', '-t', this.name, key);
  }

  type(text: string): void {
    this.tmux('send-keys', '-t', this.name, '-l', text);
  }

  resize(width: number, height: number): void {
    this.tmux('resize-window', '-t', this.name, '-x', String(width), '-y', String(height));
  }

  /** The process the pane's shell started (the program under test), for sending it signals. */
  programPid(): number {
    const shell = this.tmux('display-message', '-p', '-t', this.name, '#{pane_pid}').trim();
    const child = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0];
    return Number(child);
  }

  /** The screen's text; with `styles`, also the SGR codes of its colours and attributes. */
  screen(styles = false): string {
    return this.tmux('capture-pane', '-p', ...(styles ? ['-e'] : []), '-t', this.name);
  }

  /** Polls the screen until it matches; fails loudly with the last screen. */
  async waitFor(pattern: string | RegExp | ((screen: string) => boolean), timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = this.screen();
      const found = typeof pattern === 'string' ? last.includes(pattern) : pattern instanceof RegExp ? pattern.test(last) : pattern(last);
      if (found) return last;
      await sleep(100);
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(pattern)}; screen was:\n${last}`);
  }

  stop(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}

export function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface PaneOptions {
  width: number;
  height: number;
  /** Variables for the program, on top of the test's environment (TMUX, NO_COLOR… removed). */
  env?: Record<string, string>;
  /** Server options set before the program starts, e.g. [['set-clipboard', 'on']]. */
  serverOptions?: ReadonlyArray<readonly [string, string]>;
  /** Records every byte the program writes to the terminal (tmux pipe-pane), for output(). */
  recordTo?: string;
}

export interface PaneExit {
  status: number | null;
  signal: string | null;
}

/**
 * One program run by its own private tmux server (`tmux -L <unique> -f /dev/null`) directly, with
 * no shell in between: the pane's process is the program, so a signal sent to pane_pid reaches
 * it. The pane stays after the program ends (remain-on-exit) so its last screen, exit status and
 * terminal modes can be read. stop() kills the server.
 */
export class TmuxPane {
  readonly socket = `vcreds-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  readonly target = 'e2e';
  private readonly env: NodeJS.ProcessEnv;

  private constructor(readonly options: PaneOptions) {
    // The server (and so the pane) starts from this environment: nothing of an outer tmux, and
    // colour decided by the test alone.
    const env = { ...process.env };
    for (const name of ['TMUX', 'TMUX_PANE', 'STY', 'NO_COLOR', 'FORCE_COLOR', 'CI', 'COLORTERM']) delete env[name];
    this.env = env;
  }

  /** Starts `argv` (executed by tmux itself, not through a shell) in a detached pane of the given size. */
  static start(argv: readonly string[], options: PaneOptions): TmuxPane {
    const pane = new TmuxPane(options);
    const chained: string[] = [];
    // All in one tmux command line: the options and the recording are in place before the
    // program's first byte (it is not read before the server returns to its event loop).
    chained.push(';', 'set-option', '-g', 'remain-on-exit', 'on');
    for (const [name, value] of options.serverOptions ?? []) chained.push(';', 'set-option', '-s', name, value);
    if (options.recordTo) chained.push(';', 'pipe-pane', '-o', '-t', pane.target, `cat >> '${options.recordTo.replace(/'/g, "'\\''")}'`);
    // TERM is tmux's own (default-terminal: tmux-256color), as in any tmux pane.
    const env = Object.entries(options.env ?? {}).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    pane.tmux('-f', '/dev/null', 'new-session', '-d', '-s', pane.target, '-x', String(options.width), '-y', String(options.height),
      ...env, ...argv, ...chained);
    return pane;
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8', env: this.env });
  }

  /** tmux key names: 'j', 'Enter', 'Escape', 'C-c'… each sent on its own (one write each). */
  keys(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', '-t', this.target, key);
  }

  /** Text as typed, in one write. */
  type(text: string): void {
    this.tmux('send-keys', '-t', this.target, '-l', text);
  }

  /** Text pasted as a terminal pastes it: bracketed (ESC[200~ … ESC[201~) if the program asked for it. */
  paste(text: string, file: string): void {
    writeFileSync(file, text);
    this.tmux('load-buffer', '-b', 'e2e-paste', file);
    this.tmux('paste-buffer', '-p', '-d', '-b', 'e2e-paste', '-t', this.target);
  }

  /** A tmux format of the pane, e.g. '#{alternate_on}'. */
  format(format: string): string {
    return this.tmux('display-message', '-p', '-t', this.target, format).trim();
  }

  /** The pane's process: the program itself. */
  pid(): number {
    return Number(this.format('#{pane_pid}'));
  }

  /**
   * The screen's text; `styles` adds SGR codes, `history` the lines scrolled off the top, `joined`
   * joins lines the terminal wrapped (a line written wider than the terminal shows as one).
   */
  screen(opts: { styles?: boolean; history?: boolean; joined?: boolean } = {}): string {
    return this.tmux('capture-pane', '-p', ...(opts.styles ? ['-e'] : []), ...(opts.history ? ['-S', '-'] : []),
      ...(opts.joined ? ['-J'] : []), '-t', this.target);
  }

  /** The newest tmux paste buffer ('' if there is none). */
  showBuffer(): string {
    try {
      return this.tmux('show-buffer');
    } catch {
      return '';
    }
  }

  /** What the program wrote to the terminal so far (needs recordTo). */
  output(): string {
    return this.options.recordTo && existsSync(this.options.recordTo) ? readFileSync(this.options.recordTo, 'latin1') : '';
  }

  /** Polls the screen until it matches; fails loudly with what was awaited and the last screen. */
  async waitFor(
    pattern: string | RegExp | ((screen: string) => boolean),
    what = String(pattern),
    timeoutMs = 20_000,
    opts: { history?: boolean } = {},
  ): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    for (;;) {
      last = this.screen(opts);
      const found = typeof pattern === 'string' ? last.includes(pattern) : pattern instanceof RegExp ? pattern.test(last) : pattern(last);
      if (found) return last;
      if (Date.now() > deadline) break;
      await sleep(100);
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the ${this.options.width}x${this.options.height} screen was:\n${last}`);
  }

  /** Waits for the program to end; its exit status or the signal that ended it. */
  async waitForExit(timeoutMs = 20_000): Promise<PaneExit> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [dead, status, signal] = this.format('#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}').split('|');
      if (dead === '1' && (status || signal)) return { status: status ? Number(status) : null, signal: signal || null };
      // Dead (end of file on the pty) but not reaped: tmux built with libutempter can miss the
      // SIGCHLD that comes while utempter's own handler is in (tmux issue #311), leaving a zombie
      // and no status. Another SIGCHLD makes it look again.
      if (dead === '1') process.kill(Number(this.format('#{pid}')), 'SIGCHLD');
      if (Date.now() > deadline) break;
      await sleep(100);
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for the program to exit; the screen was:\n${this.screen()}`);
  }

  stop(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}

export const BIN = join(process.cwd(), 'dist', 'vcreds.js');

/** Builds dist/vcreds.js when a lone run of an e2e file finds none (`npm test` builds first). */
export function ensureBuilt(): void {
  if (!existsSync(BIN)) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}

/** A scratch directory (HOME, files to paste, recordings), removed by its `remove`. */
export function scratchDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** `node dist/vcreds.js --demo`, started by its own tmux server directly (no shell in between). */
export function startDemo(home: string, options: PaneOptions): TmuxPane {
  return TmuxPane.start([process.execPath, BIN, '--demo'], { ...options, env: { HOME: home, ...options.env } });
}

/** The list's position counter, "3/75 · sort: …", as [position, count]; null when not on screen. */
export function positionOf(screen: string): [number, number] | null {
  const m = /^(\d+)\/(\d+) · /m.exec(screen);
  return m ? [Number(m[1]), Number(m[2])] : null;
}
