// One vcreds at a time changes a credentials file. Every read-modify-write (rotate, create with
// --save-profile, the TUI's save, recover) takes this lock BEFORE asking the server for a new
// secret and re-reads the file under it: two rotations of one key would otherwise both generate,
// the second revoking the pair the first had just saved.
//
// The lock is a file beside the credentials file, `credentials.lock`, created with O_EXCL (a hard
// link of a fully written temp file, so it never exists half written) holding the holder's pid,
// host and start time. A lock whose pid is gone on this host is stale and is broken. A second
// vcreds waits a bounded time, then fails with a message naming the holder, before creating
// anything. The lock is released on every exit path, including process.exit from a signal.
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { removeQuietly, withFs, writeTemp, type WriterFs } from './atomic.js';
import { CredentialsError } from './errors.js';

/** How long a second vcreds waits for the first to finish. */
export const LOCK_WAIT_MS = 10_000;

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

export interface CredentialsLock {
  path: string;
  /** Removes the lock if it is still ours; calling it again does nothing. */
  release(): void;
}

export interface LockOptions {
  waitMs?: number;
  pollMs?: number;
  fs?: Partial<WriterFs>;
  /** Whether a pid is a live process on this host (tests replace it). */
  isAlive?: (pid: number) => boolean;
}

/** Another vcreds holds the lock and did not let go in time. */
export class CredentialsLocked extends CredentialsError {
  constructor(path: string, readonly holder: LockHolder | null) {
    super(
      'write-failed',
      `another vcreds${holder ? ` (pid ${holder.pid}${holder.host !== hostname() ? ` on ${holder.host}` : ''})` : ''} is changing ${path}; try again`,
      holder ? `Wait for it to finish. If no vcreds is running, remove ${lockPathFor(path)}.` : `If no vcreds is running, remove ${lockPathFor(path)}.`,
      path,
    );
    this.name = 'CredentialsLocked';
  }
}

export function lockPathFor(credentialsPath: string): string {
  return join(dirname(credentialsPath), `${basename(credentialsPath)}.lock`);
}

function defaultIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(fs: WriterFs, path: string): { text: string; holder: LockHolder | null } | null {
  let text: string;
  try {
    text = fs.readFileSync(path).toString('utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const h = JSON.parse(text) as LockHolder;
    return { text, holder: Number.isInteger(h.pid) && h.pid > 0 ? h : null };
  } catch {
    return { text, holder: null };
  }
}

/**
 * Breaks a stale lock without breaking a fresh one taken meanwhile by another process: the lock is
 * renamed aside, and put back if what was moved is not the stale content that was judged.
 */
function breakStale(fs: WriterFs, path: string, staleText: string): void {
  const aside = `${path}.stale.${process.pid}`;
  try {
    fs.renameSync(path, aside);
  } catch {
    return; // someone else broke it first
  }
  let moved = '';
  try {
    moved = fs.readFileSync(aside).toString('utf8');
  } catch {
    // unreadable: treat as what we judged
    moved = staleText;
  }
  if (moved !== staleText) {
    try {
      fs.linkSync(aside, path);
    } catch {
      // the holder's lock is lost to a third process: it has its own lock now; nothing to do
    }
  }
  removeQuietly(fs, aside);
}

/** Locks this process holds, by lock path, with their release (also run on process exit). */
const held = new Set<string>();
const releasers = new Map<string, () => void>();
let exitHookInstalled = false;

/** A process.exit (a signal's 128+n) skips finally blocks: remove our locks on the way out. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const release of [...releasers.values()]) release();
  });
}

/** Takes the lock on `credentialsPath`, waiting up to `waitMs` for another vcreds to finish. */
export async function lockCredentials(credentialsPath: string, options: LockOptions = {}): Promise<CredentialsLock> {
  const fs = withFs(options.fs);
  const isAlive = options.isAlive ?? defaultIsAlive;
  const waitMs = options.waitMs ?? LOCK_WAIT_MS;
  const pollMs = options.pollMs ?? 100;
  const path = lockPathFor(credentialsPath);
  fs.mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const text = `${JSON.stringify(me)}\n`;
  const deadline = Date.now() + waitMs;
  let lastHolder: LockHolder | null = null;
  for (;;) {
    const temp = writeTemp(fs, path, Buffer.from(text, 'utf8'));
    try {
      fs.linkSync(temp, path);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      removeQuietly(fs, temp);
    }
    const current = readHolder(fs, path);
    if (current === null) continue; // released between our attempt and the read
    lastHolder = current.holder;
    // Our own pid: another part of this process holds it (wait), or an earlier run in a reused pid left it.
    const h = current.holder;
    const stale = h ? h.host === me.host && (h.pid === process.pid ? !held.has(path) : !isAlive(h.pid)) : false;
    if (stale) {
      breakStale(fs, path, current.text);
      continue;
    }
    if (Date.now() >= deadline) throw new CredentialsLocked(credentialsPath, lastHolder);
    await new Promise((r) => setTimeout(r, pollMs));
  }
  held.add(path);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    held.delete(path);
    releasers.delete(path);
    // Only our own lock is removed: never one a later holder took after a stale break.
    const now = readHolder(fs, path);
    if (now && now.text === text) removeQuietly(fs, path);
  };
  releasers.set(path, release);
  installExitHook();
  return { path, release };
}

/** Runs `fn` holding the lock, released however `fn` ends. */
export async function withCredentialsLock<T>(credentialsPath: string, fn: () => Promise<T> | T, options: LockOptions = {}): Promise<T> {
  const lock = await lockCredentials(credentialsPath, options);
  try {
    return await fn();
  } finally {
    lock.release();
  }
}
