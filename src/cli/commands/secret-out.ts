// The one stdout line(s) meant for a new secret. On the real process it is written synchronously,
// so a closed pipe (EPIPE) is known before the secret is let go: it then goes to stderr with a
// line saying why. Only when neither can be written does the caller keep the secret journaled.
import { writeSync } from 'node:fs';
import { writeAllSync } from '../../ops/write-out.js';
import type { CliState } from '../cli-state.js';

/** Prints `text` (holding a secret) on stdout, else stderr; throws when neither can take it. */
export function printSecret(cli: CliState, text: string): 'stdout' | 'stderr' {
  const line = text.endsWith('\n') ? text : `${text}\n`;
  if (cli.io.stdout !== process.stdout) {
    cli.io.stdout.write(line);
    return 'stdout';
  }
  try {
    writeAllSync(1, line, writeSync);
    return 'stdout';
  } catch {
    // stdout is closed (e.g. `vcreds create hmac | head -0`): the secret must still reach someone.
  }
  writeAllSync(2, `vcreds: stdout is closed, so the new secret is printed here instead:\n${line}`, writeSync);
  return 'stderr';
}
