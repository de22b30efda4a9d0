// What the CLI needs from the outside world, injected so tests run it in-process.
import { createInterface } from 'node:readline/promises';

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** The terminal's width in cells (a TTY only). */
  columns?: number;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  stdinIsTTY: boolean;
  env: Record<string, string | undefined>;
  /** Asks one question on the terminal; resolves with the answer line. */
  prompt(question: string): Promise<string>;
  /** Resolves on Ctrl+C or SIGTERM (`vcreds emulator` runs until then). */
  untilSignal(): Promise<string>;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    env: process.env,
    async prompt(question) {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
    untilSignal() {
      return new Promise((resolve) => {
        const done = (signal: string) => {
          process.off('SIGINT', done);
          process.off('SIGTERM', done);
          resolve(signal);
        };
        process.on('SIGINT', done);
        process.on('SIGTERM', done);
      });
    },
  };
}
