// Once the request that creates a secret has been sent, the secret exists on the server and will
// be shown to this process only: Ctrl+C, a `kill` or a closed terminal must not end the process
// before that secret is saved (if saving had begun) or printed. `critical(fn)` defers SIGINT,
// SIGTERM and SIGHUP while fn runs: the first one is acknowledged on stderr with what is going on,
// later ones are acknowledged too, and once fn has settled the interrupt hooks run (the TUI leaves
// its screen, held secrets are printed), a line says what state things are in, and the process
// exits 128+signo as if the signal had ended it. SIGKILL cannot be deferred: the recovery journal
// (src/credentials/journal.ts) is the answer to that.
//
// Usable from the CLI and from the TUI: the TUI's own signal handlers ask `isCritical()` and leave
// the signal to this guard while it is true (`whenIdle()` resolves once nothing is critical).
import { writeSync } from 'node:fs';
import { handOverHeldSecrets } from './held-secrets.js';

export type GuardedSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

const SIGNALS: readonly GuardedSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const SIGNO: Record<GuardedSignal, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** Runs on a deferred signal once the critical work has settled, before the exit; in registration order. */
export type InterruptHook = (signal: GuardedSignal) => void | Promise<void>;

export interface GuardIo {
  /** One line for the human (stderr). */
  note(line: string): void;
  exit(code: number): void;
}

const defaultIo: GuardIo = {
  note: (line) => {
    try {
      writeSync(2, line.endsWith('\n') ? line : `${line}\n`);
    } catch {
      // stderr is gone: nothing else to tell
    }
  },
  exit: (code) => process.exit(code),
};

let io: GuardIo = defaultIo;
let depth = 0;
let pending: GuardedSignal | null = null;
let state = '';
let finishing = false;
const hooks: InterruptHook[] = [];
let idleWaiters: Array<() => void> = [];

function onSignal(signal: GuardedSignal): void {
  if (pending) {
    io.note(`vcreds: ${signal} again; still waiting: ${state || 'a new secret is being handled'}. vcreds exits as soon as the new secret is safe (kill -9 would not wait; the recovery journal keeps the secret).`);
    return;
  }
  pending = signal;
  io.note(`vcreds: ${signal} received while ${state || 'a new secret is being handled'}; exiting as soon as the new secret is saved or printed.`);
}

function install(): void {
  for (const s of SIGNALS) process.on(s, onSignal);
}

function uninstall(): void {
  for (const s of SIGNALS) process.off(s, onSignal);
}

/** True while a secret is being created or handled: signals wait until it is safe. */
export function isCritical(): boolean {
  return depth > 0;
}

/** The deferred signal, if one arrived: ops skip optional steps (a proof call, retiring) once set. */
export function interruptedBy(): GuardedSignal | null {
  return pending;
}

/** Says what is going on, for the line printed when a signal arrives or the process exits on one. */
export function setCriticalState(text: string): void {
  state = text;
}

/** Registers a hook to run before a deferred exit; returns its removal. */
export function onInterrupt(hook: InterruptHook): () => void {
  hooks.push(hook);
  return () => {
    const i = hooks.indexOf(hook);
    if (i >= 0) hooks.splice(i, 1);
  };
}

/** Resolves once no critical section is running (at once if none is). */
export function whenIdle(): Promise<void> {
  if (depth === 0) return Promise.resolve();
  return new Promise((resolve) => idleWaiters.push(resolve));
}

/**
 * For a caller that handles signals itself (the TUI): records the signal as if the guard had
 * caught it. Returns true when a critical section is running and the guard will exit after it,
 * false when the caller should exit itself now.
 */
export function deferSignal(signal: GuardedSignal): boolean {
  if (depth === 0) return false;
  onSignal(signal);
  return true;
}

/** Runs fn with SIGINT, SIGTERM and SIGHUP deferred until it settles. */
export async function critical<T>(fn: () => Promise<T> | T, initialState?: string): Promise<T> {
  if (depth++ === 0) install();
  if (initialState !== undefined) state = initialState;
  try {
    return await fn();
  } finally {
    await leave();
  }
}

async function leave(): Promise<void> {
  if (--depth > 0) return;
  const signal = pending;
  if (signal && !finishing) {
    // Still deferring: a signal during the hooks must not cut the printing of a secret short.
    finishing = true;
    for (const hook of [...hooks]) {
      try {
        await hook(signal);
      } catch (err) {
        io.note(`vcreds: while stopping: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    // Whatever the work did not save or print is printed now (and leaves the journal).
    const handedOver = handOverHeldSecrets();
    io.note(`vcreds: stopped by ${signal}${state ? `: ${state}` : ''}${handedOver ? `; ${handedOver}` : ''}.`);
    uninstall();
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
    io.exit(128 + SIGNO[signal]);
    return;
  }
  uninstall();
  state = '';
  const waiters = idleWaiters;
  idleWaiters = [];
  for (const w of waiters) w();
}

/** Tests: replace where lines go and what exiting does, and start clean. Returns the restore. */
export function configureSignalGuardForTests(replacement: Partial<GuardIo>): () => void {
  const previous = io;
  io = { ...defaultIo, ...replacement };
  pending = null;
  finishing = false;
  state = '';
  return () => {
    io = previous;
    pending = null;
    finishing = false;
    state = '';
  };
}
