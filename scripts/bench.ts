// `npm run bench`: start-up, first rows, keystroke latency and memory of the built `vcreds` in a
// real pseudo-terminal (util-linux `script`), against the emulator holding 10,000 and 100,000
// credentials (BENCH_CREDENTIALS=n[,n...]), then the paging line (default concurrency against
// --concurrency 1) and, with BENCH_PATCHES=1, each build-time patch left out in turn. Every
// figure is reported next to a baseline measured in the same run.
//
// The baseline (`node -e 0`) and the first-frame runs alternate, one of each per round, so that
// load from other processes on the machine weighs on both medians alike (measured in two blocks,
// a busy spell during one block skewed the ratio either way). The environment is the same small
// one for both (PATH, HOME, TERM and the key); e.g. NODE_EXTRA_CA_CERTS alone adds ~35 ms to
// every Node start.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmulator } from '../src/emulator/index.js';
import { connect } from '../src/connect.js';

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

const SIZES = (process.env.BENCH_CREDENTIALS ?? '10000,100000').split(',').map((n) => Number(n.trim())).filter((n) => n > 0);
/** The page size vcreds asks for; at 100,000 credentials the emulator's default cap (100) would
 * need ~1,000 pages, two minutes at Veracode's 500 requests a minute that vcreds keeps to. */
const PAGE_SIZE_CAP = Number(process.env.BENCH_PAGE_SIZE_CAP ?? 500);
/** A row of the list: a status word then a date (or "never"), as the table draws them. */
const TABLE_ROW = /(active|expiring|expired|revoked|superseded)\s+(\d{4}-\d\d-\d\d|never)/;
/** Fully listed: the header counts every credential the organisation holds (rows arrive page by page). */
const listed = (n: number) => {
  const counted = new RegExp(`(^|[^\\d,])(${n}|${n.toLocaleString('en-US')}) credentials`);
  return (s: string) => counted.test(s);
};

interface Org {
  apiUrl: string;
  env: NodeJS.ProcessEnv;
  credentials: number;
  users: number;
  close(): Promise<void>;
}

async function organisation(target: number, home: string): Promise<Org> {
  // Size the organisation so it holds the target number of credentials.
  let users = Math.round(target / 1.26);
  const start = () => startEmulator({ users, rateLimitPerMinute: 1_000_000, pageSizeCap: PAGE_SIZE_CAP });
  let emulator = await start();
  const count = async () => {
    const { ctx } = await connect({
      env: { VERACODE_API_KEY_ID: emulator.admin.id, VERACODE_API_KEY_SECRET: emulator.admin.secret },
      apiUrl: emulator.apiUrl,
      credentialsPath: join(home, 'none'),
    });
    let n = 0;
    await ctx.service.loadOrganisation({ keepRows: false, onBatch: (b) => { n += b.credentials.length; } });
    return n;
  };
  let credentials = await count();
  if (Math.abs(credentials - target) > target * 0.03) {
    users = Math.min(100_000, Math.round((users * target) / credentials));
    await emulator.close();
    emulator = await start();
    credentials = await count();
  }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    TERM: 'xterm-256color',
    VERACODE_API_KEY_ID: emulator.admin.id,
    VERACODE_API_KEY_SECRET: emulator.admin.secret,
  };
  return { apiUrl: emulator.apiUrl, env, credentials, users, close: () => emulator.close() };
}

interface Figures {
  baseline: number;
  firstFrame: number;
  firstRows: number;
  listed: number;
  moves: number[];
  typing: number[];
  rssListed: number;
  rssAfter: number;
}

/** The interactive app (`bin`) on `org`: RUNS start-ups against as many bare Node starts, then one session of keys. */
async function measure(bin: string, org: Org, runs = RUNS, keys = KEYS): Promise<Figures> {
  const app = `node ${bin} --api-url ${org.apiUrl}`;
  // Baseline: a bare Node start in the same pty wrapper. First frame: the first visible text the
  // app draws (its header, while the list loads). One of each per round (see the top comment).
  const baseline: number[] = [];
  const firstFrame: number[] = [];
  const firstRows: number[] = [];
  const loaded: number[] = [];
  for (let i = 0; i < runs; i++) {
    const bare = new Pty('node -e 0', org.env);
    baseline.push((await bare.exited()) - bare.started);
    const pty = new Pty(app, org.env);
    firstFrame.push((await pty.waitForText((s) => /vcreds/i.test(s))) - pty.started);
    firstRows.push((await pty.waitForText((s) => TABLE_ROW.test(s), 120_000)) - pty.started);
    loaded.push((await pty.waitForText(listed(org.credentials), 120_000)) - pty.started);
    pty.write('q');
    await pty.exited();
  }

  // Keystrokes on the loaded list: moving, then typing into the live filter.
  const pty = new Pty(app, org.env);
  await pty.waitForText(listed(org.credentials), 120_000);
  await sleep(500);
  const rssListed = pty.peakRssMb();
  const moves = await timeKeys(pty, Array.from({ length: keys }, (_, i) => (i % 2 ? 'k' : 'j')), 50);
  await sleep(100);
  pty.write('/');
  await sleep(200);
  const letters = 'adminciexample'.repeat(Math.ceil(keys / 28)).split('');
  const typing: number[] = [];
  for (const chunk of [letters.slice(0, letters.length / 2), letters.slice(letters.length / 2)]) {
    typing.push(...(await timeKeys(pty, chunk, 50)));
    typing.push(...(await timeKeys(pty, chunk.map(() => '\x7f'), 50))); // backspace it all again
  }
  const rssAfter = pty.peakRssMb();
  pty.write('\x1b');
  await sleep(200);
  pty.write('q');
  await pty.exited();
  return { baseline: median(baseline), firstFrame: median(firstFrame), firstRows: median(firstRows), listed: median(loaded), moves, typing, rssListed, rssAfter };
}

function table(rows: Array<[string, ...string[]]>): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows) console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd());
}

/** Full-load time of `list --json --no-sort` (the whole organisation, nothing drawn). */
async function timeList(apiUrl: string, env: NodeJS.ProcessEnv, extra: string[]): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('node', [BIN, '--api-url', apiUrl, ...extra, 'list', '--json', '--no-sort'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`list exited ${code}`))));
  });
  return performance.now() - started;
}

/** Point 4 of issue 8: 2,000 users, 200 ms a request, default concurrency against one at a time, alternating. */
async function pagingLine(home: string): Promise<string> {
  const emulator = await startEmulator({ users: 2_000, rateLimitPerMinute: 1_000_000, faults: { latencyMs: 200 } });
  try {
    const env = { PATH: process.env.PATH, HOME: home, VERACODE_API_KEY_ID: emulator.admin.id, VERACODE_API_KEY_SECRET: emulator.admin.secret };
    const several: number[] = [];
    const one: number[] = [];
    for (let i = 0; i < 3; i++) {
      several.push(await timeList(emulator.apiUrl, env, []));
      one.push(await timeList(emulator.apiUrl, env, ['--concurrency', '1']));
    }
    const a = median(several);
    const b = median(one);
    return `paging, 2,000 users, --latency 200, page cap 100 (vcreds list --json --no-sort, median of 3): default concurrency (8) ${ms(a)}, --concurrency 1 ${ms(b)}: ${(b / a).toFixed(1)}x faster`;
  } finally {
    await emulator.close();
  }
}

const PLUGINS = ['yoga-without-fetch', 'no-devtools', 'fast-string-width', 'ink-frame-caches', 'conf-without-validators', 'slice-ansi-lazy-segmenter', 'ansi-tokenize-without-segmenter', 'ansi-tokenize-shared-shapes'];

/** BENCH_PATCHES=1: each build-time patch left out in turn, against the full build, same organisation. */
async function patchesTable(home: string): Promise<void> {
  const org = await organisation(10_000, home);
  try {
    const runs = Math.max(3, Math.round(RUNS / 2));
    const rows: Array<[string, ...string[]]> = [['build (10,000 credentials)', 'first frame', 'moving median', 'typing median', 'peak RSS']];
    const show = (label: string, f: Figures) => rows.push([label, `${(f.firstFrame / f.baseline).toFixed(2)}x`, ms(median(f.moves)), ms(median(f.typing)), `${f.rssAfter.toFixed(0)} MB`]);
    show('all patches', await measure(BIN, org, runs, 40));
    for (const name of PLUGINS) {
      const out = join(home, `vcreds-without-${name}.js`);
      try {
        execFileSync('node', ['scripts/build.mjs'], { env: { ...process.env, VCREDS_BUILD_OUT: out, VCREDS_BUILD_WITHOUT: name }, stdio: 'ignore' });
      } catch {
        rows.push([`without ${name}`, 'no build', '(required: the bundle does not build without it)', '', '']);
        continue;
      }
      show(`without ${name}`, await measure(out, org, runs, 40));
    }
    show('all patches (again)', await measure(BIN, org, runs, 40));
    table(rows);
  } finally {
    await org.close();
  }
}

async function main(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'vcreds-bench-'));
  console.log(`vcreds bench: ${RUNS} runs per size, terminal 120x40, emulator page cap ${PAGE_SIZE_CAP}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  // BENCH_CREDENTIALS=0: only the patches table (with BENCH_PATCHES=1).
  const results: Array<{ org: Org; f: Figures }> = [];
  for (const size of SIZES) {
    const org = await organisation(size, home);
    try {
      results.push({ org, f: await measure(BIN, org) });
    } finally {
      await org.close();
    }
  }
  if (results.length) printTable(results);
  if (results.length) console.log(await pagingLine(home));
  if (process.env.BENCH_PATCHES === '1') await patchesTable(home);
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  rmSync(home, { recursive: true, force: true });
}

function printTable(results: Array<{ org: Org; f: Figures }>): void {
  const head: [string, ...string[]] = ['figure', ...results.map(({ org }) => `${org.credentials} credentials (${org.users} users)`)];
  const row = (label: string, value: (f: Figures) => string): [string, ...string[]] => [label, ...results.map(({ f }) => value(f))];
  const ratio = (v: number, f: Figures) => `${ms(v)} (${(v / f.baseline).toFixed(2)}x)`;
  table([
    head,
    row('baseline: node -e 0 (median)', (f) => ms(f.baseline)),
    row('time to first frame (median, x baseline)', (f) => ratio(f.firstFrame, f)),
    row('time until the first rows are on screen (median)', (f) => ratio(f.firstRows, f)),
    row('time until fully listed (median)', (f) => ratio(f.listed, f)),
    row('keystroke → frame, moving, median / p95', (f) => `${ms(median(f.moves))} / ${ms(percentile(f.moves, 95))}`),
    row('keystroke → frame, filter typing, median / p95', (f) => `${ms(median(f.typing))} / ${ms(percentile(f.typing, 95))}`),
    row('peak RSS of vcreds, once listed', (f) => `${f.rssListed.toFixed(1)} MB`),
    row('peak RSS of vcreds, after all the keys', (f) => `${f.rssAfter.toFixed(1)} MB`),
  ]);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
