// Drives the built `vcreds` in a real pseudo-terminal through tmux, as a person would.
import { execFileSync } from 'node:child_process';
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
