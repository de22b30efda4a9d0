// The vcreds bin entry: only wiring. Everything below takes its io as an argument (run.ts).
import { readFileSync } from 'node:fs';
import { keepHeapSmall } from './heap.js';
import { processIo } from './io.js';
import { runCli } from './run.js';

keepHeapSmall();

function version(): string {
  // The bundle has it baked in (scripts/build.mjs); unbundled, read it from package.json.
  if (process.env.VCREDS_VERSION) return process.env.VCREDS_VERSION;
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

// `vcreds list | head` closes the pipe early: the reader has what it wanted, so stop quietly
// (as cat and grep do) instead of dying with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const code = await runCli(process.argv.slice(2), processIo(), version());
process.exitCode = code;
// Let stdout drain and exit naturally; a forgotten keep-alive socket must not hang a script.
setTimeout(() => process.exit(code), 2000).unref();
