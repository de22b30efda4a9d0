// `npm run bench`: start-up, keystroke latency and memory of the built `vcreds` in a real
// pseudo-terminal (util-linux `script`), against the emulator holding ~10,000 credentials.
// Every figure is reported next to a baseline measured in the same run.
//
// The baseline (`node -e 0`) and the first-frame runs alternate, one of each per round, so that
// load from other processes on the machine weighs on both medians alike (measured in two blocks,
// a busy spell during one block skewed the ratio either way). The environment is the same small
// one for both (PATH, HOME, TERM and the key); e.g. NODE_EXTRA_CA_CERTS alone adds ~35 ms to
// every Node start.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmulator } from '../src/emulator/index.js';
import { connect } from '../src/connect.js';

const TARGET_CREDENTIALS = Number(process.env.BENCH_CREDENTIALS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const KEYS = Number(process.env.BENCH_KEYS ?? 80);
const BIN = join(process.cwd(), 'dist', 'vcreds.js');
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-B]|\x1b[=>78]/g;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** A command in a pty: `script` gives it a terminal of a fixed size; we hold both ends. */
class Pty {
  readonly child: ChildProcess;
  private buffer = '';
  private waiters: Array<() => void> = [];
  readonly started = performance.now();
  constructor(command: string, env: NodeJS.ProcessEnv) {
    this.child = spawn('script', ['-qfec', `stty rows 40 cols 120; exec ${command}`, '/dev/null'], {
      env,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.child.stdout!.setEncoding('utf8');
    this.child.stdout!.on('data', (chunk: string) => {
      this.buffer += chunk;
      const ws = this.waiters;
      this.waiters = [];
      for (const w of ws) w();
    });
  }
  /** Resolves at the first output after now. */
  nextChunk(): Promise<number> {
    return new Promise((resolve) => this.waiters.push(() => resolve(performance.now())));
  }
  async waitForText(pred: (visible: string) => boolean, timeoutMs = 60_000): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    while (!pred(this.buffer.replace(ANSI, ''))) {
      if (performance.now() > deadline) throw new Error(`bench: timed out; last output:\n${this.buffer.replace(ANSI, '').slice(-2000)}`);
      await Promise.race([this.nextChunk(), sleep(200)]);
    }
    return performance.now();
  }
  clear(): void {
    this.buffer = '';
  }
  write(keys: string): void {
    this.child.stdin!.write(keys);
  }
  exited(): Promise<number> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) resolve(performance.now());
      else this.child.on('exit', () => resolve(performance.now()));
    });
  }
  /** Peak resident memory of the program inside the pty (the child of `script`). */
  peakRssMb(): number {
    const pid = execFileSync('ps', ['-o', 'pid=', '--ppid', String(this.child.pid)], { encoding: 'utf8' }).trim().split(/\s+/)[0];
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)![1]);
    return kb / 1024;
  }
}

async function timeKeys(pty: Pty, keys: string[], gapMs: number): Promise<number[]> {
  const out: number[] = [];
  for (const key of keys) {
    await sleep(gapMs); // let the previous frame settle so each key is measured alone
    const frame = pty.nextChunk();
    const sent = performance.now();
    pty.write(key);
    out.push((await frame) - sent);
  }
  return out;
}

async function main(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'vcreds-bench-'));
  // Size the organisation so it holds the target number of credentials.
  let users = Math.round(TARGET_CREDENTIALS / 1.4);
  let emulator = await startEmulator({ users, rateLimitPerMinute: 1_000_000 });
  const count = async () => {
    const { ctx } = await connect({
      env: { VERACODE_API_KEY_ID: emulator.admin.id, VERACODE_API_KEY_SECRET: emulator.admin.secret },
      apiUrl: emulator.apiUrl,
      credentialsPath: join(home, 'none'),
    });
    return (await ctx.service.loadOrganisation()).credentials.length;
  };
  let credentials = await count();
  if (Math.abs(credentials - TARGET_CREDENTIALS) > TARGET_CREDENTIALS * 0.05) {
    users = Math.round((users * TARGET_CREDENTIALS) / credentials);
    await emulator.close();
    emulator = await startEmulator({ users, rateLimitPerMinute: 1_000_000 });
    credentials = await count();
  }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    TERM: 'xterm-256color',
    VERACODE_API_KEY_ID: emulator.admin.id,
    VERACODE_API_KEY_SECRET: emulator.admin.secret,
  };
  const app = `node ${BIN} --api-url ${emulator.apiUrl}`;
  console.log(`vcreds bench: ${credentials} credentials (${users} users) on the emulator, ${RUNS} runs, terminal 120x40`);

  // Baseline: a bare Node start in the same pty wrapper. First frame: the first visible text the
  // app draws (its header, while the list loads). One of each per round (see the top comment).
  const baseline: number[] = [];
  const firstFrame: number[] = [];
  const loaded: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const bare = new Pty('node -e 0', env);
    baseline.push((await bare.exited()) - bare.started);
    const pty = new Pty(app, env);
    firstFrame.push((await pty.waitForText((s) => /vcreds/i.test(s))) - pty.started);
    loaded.push((await pty.waitForText((s) => /\d+ credentials?/i.test(s) && !/loading/i.test(s.slice(-400)))) - pty.started);
    pty.write('q');
    await pty.exited();
  }

  // Keystrokes on the loaded list: moving, then typing into the live filter.
  const pty = new Pty(app, env);
  await pty.waitForText((s) => /\d+ credentials?/i.test(s) && !/loading/i.test(s.slice(-400)));
  await sleep(500);
  const rssLoaded = pty.peakRssMb();
  const moves = await timeKeys(pty, Array.from({ length: KEYS }, (_, i) => (i % 2 ? 'k' : 'j')), 50);
  await sleep(100);
  pty.write('/');
  await sleep(200);
  const letters = 'adminciexample'.repeat(Math.ceil(KEYS / 28)).split('');
  const typing: number[] = [];
  for (const chunk of [letters.slice(0, letters.length / 2), letters.slice(letters.length / 2)]) {
    typing.push(...(await timeKeys(pty, chunk, 50)));
    typing.push(...(await timeKeys(pty, chunk.map(() => '\x7f'), 50))); // backspace it all again
  }
  const rss = pty.peakRssMb();
  pty.write('\x1b');
  await sleep(200);
  pty.write('q');
  await pty.exited();
  await emulator.close();
  rmSync(home, { recursive: true, force: true });

  const base = median(baseline);
  const first = median(firstFrame);
  const rows: Array<[string, string, string]> = [
    ['baseline: node -e 0 (median)', ms(base), ''],
    ['time to first frame (median)', ms(first), `${(first / base).toFixed(2)}x baseline (target ≤ 2.5x)`],
    [`time to ${credentials} credentials listed (median)`, ms(median(loaded)), `${(median(loaded) / base).toFixed(2)}x baseline`],
    ['keystroke → frame, moving (median)', ms(median(moves)), `target < 16 ms`],
    ['keystroke → frame, moving (p95)', ms(percentile(moves, 95)), ''],
    ['keystroke → frame, filter typing (median)', ms(median(typing)), `target < 16 ms`],
    ['keystroke → frame, filter typing (p95)', ms(percentile(typing, 95)), ''],
    ['peak RSS of vcreds, once listed', `${rssLoaded.toFixed(1)} MB`, ''],
    ['peak RSS of vcreds, after all the keys', `${rss.toFixed(1)} MB`, 'target < 150 MB'],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [label, value, note] of rows) console.log(`${label.padEnd(w)}  ${value.padStart(10)}  ${note}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
