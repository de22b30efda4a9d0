// Crash-safe file replacement: a private temp file in the same folder, fsync, rename, fsync the folder.
// Every fs call goes through an injectable object so tests can fail (or kill the process at) each step.
import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

export interface WriterFs {
  openSync(path: string, flags: string, mode?: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  readFileSync(path: string): Buffer;
  statSync(path: string): { mode: number };
  mkdirSync(path: string, options: { recursive: true; mode: number }): unknown;
  unlinkSync(path: string): void;
  realpathSync(path: string): string;
  /** Backups and journal entries: a hard link fails if the name is taken, so no name is reused. */
  linkSync(existing: string, newPath: string): void;
  readdirSync(path: string): string[];
  chmodSync(path: string, mode: number): void;
  rmdirSync(path: string): void;
}

export const realFs: WriterFs = {
  openSync: (p, f, m) => nodeFs.openSync(p, f, m),
  writeSync: (fd, b, o, l) => nodeFs.writeSync(fd, b, o, l),
  fsyncSync: (fd) => nodeFs.fsyncSync(fd),
  closeSync: (fd) => nodeFs.closeSync(fd),
  renameSync: (a, b) => nodeFs.renameSync(a, b),
  readFileSync: (p) => nodeFs.readFileSync(p),
  statSync: (p) => nodeFs.statSync(p),
  mkdirSync: (p, o) => nodeFs.mkdirSync(p, o),
  unlinkSync: (p) => nodeFs.unlinkSync(p),
  realpathSync: (p) => nodeFs.realpathSync(p),
  linkSync: (a, b) => nodeFs.linkSync(a, b),
  readdirSync: (p) => nodeFs.readdirSync(p),
  chmodSync: (p, m) => nodeFs.chmodSync(p, m),
  rmdirSync: (p) => nodeFs.rmdirSync(p),
};

export function withFs(overrides?: Partial<WriterFs>): WriterFs {
  return { ...realFs, ...overrides };
}

/** Writes `data` to a new 0600 file next to `target` and returns its path; removes it on failure. */
export function writeTemp(fs: WriterFs, target: string, data: Uint8Array): string {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // 'wx': never follow or reuse an existing file; 0600 from the first byte, so no window where others can read it.
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    for (let off = 0; off < data.length; ) off += fs.writeSync(fd, data, off, data.length - off);
    fs.fsyncSync(fd);
  } catch (err) {
    closeQuietly(fs, fd);
    removeQuietly(fs, temp);
    throw err;
  }
  try {
    fs.closeSync(fd);
  } catch (err) {
    removeQuietly(fs, temp);
    throw err;
  }
  return temp;
}

/** Atomically replaces `target` with `data` (mode 0600). Returns a warning if the folder could not be synced. */
export function replaceAtomically(fs: WriterFs, target: string, data: Uint8Array, beforeRename?: () => void): string | null {
  const temp = writeTemp(fs, target, data);
  try {
    beforeRename?.();
    fs.renameSync(temp, target);
  } catch (err) {
    removeQuietly(fs, temp);
    throw err;
  }
  return syncDir(fs, dirname(target));
}

/** Makes the rename durable. Not possible on Windows; a failure here leaves the new file in place. */
export function syncDir(fs: WriterFs, dir: string): string | null {
  if (process.platform === 'win32') return null;
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
    return null;
  } catch (err) {
    return `The file was written, but ${dir} could not be synced to disk (${(err as NodeJS.ErrnoException).code ?? 'error'}).`;
  } finally {
    if (fd !== undefined) closeQuietly(fs, fd);
  }
}

function closeQuietly(fs: WriterFs, fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // already failing; the original error is the one to report
  }
}

export function removeQuietly(fs: WriterFs, path: string): void {
  try {
    fs.unlinkSync(path);
  } catch {
    // nothing to clean up, or it cannot be removed; it is 0600 either way
  }
}
