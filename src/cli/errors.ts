// Failures the CLI reports, and how every error becomes one line on stderr and an exit code.
import { CommanderError } from 'commander';
import { isApiError } from '../api/errors.js';
import { CredentialsError } from '../credentials/errors.js';
import { ResolveError } from '../ops/resolve.js';
import { RotationRefused } from '../ops/rotate.js';
import { KeyFormatError } from '../signing/region.js';

/** Exit codes of every command except `check` (documented in --help and the README). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A bad flag or value: exit 2. The message names the flag and what is allowed. */
export class UsageError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.usage, hint);
    this.name = 'UsageError';
  }
}

/** --read-only refuses every change. Exit 1: the command was valid, the change was refused. */
export function readOnlyRefusal(what: string): CliError {
  return new CliError(`--read-only: refusing to ${what}`, EXIT.failed, 'Run again without --read-only to make changes.');
}

export interface Reported {
  exitCode: number;
  message: string;
  hint?: string;
}

/** What to tell the user about an error, and with which exit code. Never a stack (see --debug). */
export function report(err: unknown): Reported {
  if (err instanceof CliError) return { exitCode: err.exitCode, message: err.message, hint: err.hint };
  if (err instanceof CommanderError) return { exitCode: EXIT.usage, message: err.message.replace(/^error: /, '') };
  if (err instanceof ResolveError) return { exitCode: err.kind === 'usage' ? EXIT.usage : EXIT.failed, message: err.message, hint: err.hint };
  if (err instanceof CredentialsError) return { exitCode: EXIT.failed, message: err.message, hint: err.hint };
  if (err instanceof RotationRefused) return { exitCode: EXIT.failed, message: err.message, hint: err.hint };
  if (err instanceof KeyFormatError) return { exitCode: EXIT.failed, message: err.message };
  if (isApiError(err)) {
    const hint = err.conversationId ? `Veracode support may ask for the conversation id ${err.conversationId}.` : undefined;
    return { exitCode: EXIT.failed, message: err.message, hint };
  }
  if (err instanceof Error) return { exitCode: EXIT.failed, message: err.message || err.name };
  return { exitCode: EXIT.failed, message: String(err) };
}
