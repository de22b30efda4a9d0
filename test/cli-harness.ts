// Runs the CLI in-process (runCli) or as a real process, against an emulator on loopback, with
// HOME in a temp dir so the real ~/.veracode is never touched. Not a suite itself.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/run.js';
import type { CliDeps } from '../src/cli/cli-state.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/emulator/index.js';
import type { StoreData } from '../src/emulator/store-types.js';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  stdinIsTTY?: boolean;
  stdoutIsTTY?: boolean;
  /** The terminal's width, with stdoutIsTTY. */
  columns?: number;
  /** Answers to prompts, in order. */
  answers?: string[];
  deps?: CliDeps;
}

export async function run(argv: string[], o: RunOptions = {}): Promise<Ran & { prompts: string[] }> {
  let stdout = '';
  let stderr = '';
  const prompts: string[] = [];
  const answers = [...(o.answers ?? [])];
  const code = await runCli(
    argv,
    {
      stdout: { write: (s: string) => (stdout += s), isTTY: o.stdoutIsTTY ?? false, columns: o.columns },
      stderr: { write: (s: string) => (stderr += s), isTTY: o.stdinIsTTY ?? false },
      stdinIsTTY: o.stdinIsTTY ?? false,
      env: o.env ?? {},
      prompt: async (q) => {
        prompts.push(q);
        return answers.shift() ?? '';
      },
      untilSignal: () => Promise.resolve('SIGTERM'),
    },
    'test',
    o.deps,
  );
  return { code, stdout, stderr, prompts };
}

const ROOT = new URL('..', import.meta.url);

/** The real entry as a child process (node --import tsx src/cli/main.ts). */
export function spawnCli(argv: string[], env: Record<string, string | undefined>): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...argv], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export interface Fixture {
  emu: RunningEmulator;
  home: string;
  dataFile: string;
  /** Env with the admin key and HOME; add --api-url yourself (see `args`). */
  env: Record<string, string | undefined>;
  args: (...rest: string[]) => string[];
  /** The emulator's own state as saved to its data file (the truth to compare with). */
  data(): StoreData;
  credentialsPath: string;
  writeCredentials(text: string, mode?: number): void;
  close(): Promise<void>;
}

export async function fixture(options: EmulatorOptions = {}): Promise<Fixture> {
  const home = mkdtempSync(join(tmpdir(), 'vcreds-cli-test-'));
  const dataFile = join(home, 'emulator.json');
  const emu = await startEmulator({ seed: 7, users: 24, ...options, dataFile });
  const credentialsPath = join(home, '.veracode', 'credentials');
  return {
    emu,
    home,
    dataFile,
    credentialsPath,
    env: { HOME: home, USERPROFILE: home, VERACODE_API_KEY_ID: emu.admin.id, VERACODE_API_KEY_SECRET: emu.admin.secret },
    args: (...rest) => ['--api-url', emu.apiUrl, ...rest],
    data: () => JSON.parse(readFileSync(dataFile, 'utf8')) as StoreData,
    writeCredentials(text, mode = 0o600) {
      mkdirSync(join(home, '.veracode'), { recursive: true, mode: 0o700 });
      writeFileSync(credentialsPath, text, { mode });
      chmodSync(credentialsPath, mode);
    },
    async close() {
      await emu.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export function profileText(name: string, id: string, secret: string): string {
  return `[${name}]\nveracode_api_key_id = ${id}\nveracode_api_key_secret = ${secret}\n`;
}
