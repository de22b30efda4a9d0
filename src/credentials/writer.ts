// Adds or replaces profiles in the credentials file in one atomic write, keeping every other byte,
// with a 0600 backup of the previous file for undoing a failed rotation. The last KEPT_BACKUPS
// previous files are kept, each under its own name (credentials.bak.20261202T153012Z, then
// ...Z-2 for a second one in the same second): a single credentials.bak would lose, at the next
// write, the key the previous write displaced.
import { basename, dirname, join } from 'node:path';
import { removeQuietly, replaceAtomically, syncDir, withFs, writeTemp, type WriterFs } from './atomic.js';
import { applyProfileUpdates, type ProfileUpdate } from './edit.js';
import { CredentialsError } from './errors.js';
import { permissionWarning } from './sources.js';

export type { ProfileUpdate } from './edit.js';
export type { WriterFs } from './atomic.js';

export interface WriteOptions {
  /** Replaces some fs functions (tests inject failures or crashes this way). */
  fs?: Partial<WriterFs>;
  /** The clock that names backups. */
  now?: () => number;
}

/** How many previous versions of the file are kept. */
export const KEPT_BACKUPS = 5;

export interface WriteResult {
  /** Where the previous file was copied; null when the file was created. */
  backupPath: string | null;
  created: boolean;
  /** For the user: the old file was readable by others, the folder could not be synced, ... */
  warnings: string[];
}

/** `20261202T153012Z`: sorts by time, and is a valid file name everywhere. */
export function backupStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

const BACKUP_NAME = /^\.bak\.(\d{8}T\d{6}Z)(?:-(\d+))?$/;

/** The backups of `path`, newest first. */
export function listBackups(path: string, options: WriteOptions = {}): string[] {
  const fs = withFs(options.fs);
  const base = basename(path);
  let names: string[];
  try {
    names = fs.readdirSync(dirname(path));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(base) && BACKUP_NAME.test(n.slice(base.length)))
    .map((n) => {
      const m = BACKUP_NAME.exec(n.slice(base.length))!;
      return { n, stamp: m[1]!, seq: Number(m[2] ?? 1) };
    })
    .sort((a, b) => (a.stamp === b.stamp ? b.seq - a.seq : a.stamp < b.stamp ? 1 : -1))
    .map((b) => join(dirname(path), b.n));
}

/**
 * Writes `bytes` to a new backup beside `target` under a name no other backup has: a hard link
 * from a synced temp file fails if the name exists, so two writes in one second never share one.
 */
function writeBackup(fs: WriterFs, target: string, bytes: Uint8Array, now: number): { path: string; warning: string | null } {
  const stem = `${target}.bak.${backupStamp(now)}`;
  // After the highest number this second already has: a pruned name is never taken again, so
  // the newest backup always sorts last.
  const first = 1 + Math.max(0, ...listBackups(target, { fs }).filter((p) => p === stem || p.startsWith(`${stem}-`)).map((p) => (p === stem ? 1 : Number(p.slice(stem.length + 1)))));
  const temp = writeTemp(fs, target, bytes);
  try {
    for (let n = first; ; n++) {
      const candidate = n === 1 ? stem : `${stem}-${n}`;
      try {
        fs.linkSync(temp, candidate);
        return { path: candidate, warning: syncDir(fs, dirname(target)) };
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        // A filesystem without hard links: take the first free name and rename onto it.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw err;
        if (exists(fs, candidate)) continue;
        fs.renameSync(temp, candidate);
        return { path: candidate, warning: syncDir(fs, dirname(target)) };
      }
    }
  } finally {
    removeQuietly(fs, temp);
  }
}

function exists(fs: WriterFs, path: string): boolean {
  try {
    fs.statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Deletes all but the newest KEPT_BACKUPS backups. Never fails the write: a leftover is only a warning. */
function pruneBackups(fs: WriterFs, target: string): string | null {
  const old = listBackups(target, { fs }).slice(KEPT_BACKUPS);
  for (const p of old) {
    try {
      fs.unlinkSync(p);
    } catch (err) {
      return `An old backup, ${p}, could not be removed (${(err as NodeJS.ErrnoException).code ?? 'error'}); it holds keys: remove it yourself.`;
    }
  }
  return null;
}

function readExisting(fs: WriterFs, path: string): { bytes: Buffer; mode: number } | null {
  try {
    const mode = fs.statSync(path).mode & 0o777;
    return { bytes: fs.readFileSync(path), mode };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Follows a symlinked credentials file (dotfile managers) so the link itself is kept. */
function resolveTarget(fs: WriterFs, path: string): string {
  try {
    return fs.realpathSync(path);
  } catch {
    return path;
  }
}

function wrap(err: unknown, path: string): never {
  if (err instanceof CredentialsError) throw err;
  const code = (err as NodeJS.ErrnoException).code ?? 'error';
  throw new CredentialsError('write-failed', `Could not write ${path} (${code}); the file was left as it was.`, `Check that you can write to ${dirname(path)}.`, path);
}

export function writeProfiles(path: string, updates: readonly ProfileUpdate[], options: WriteOptions = {}): WriteResult {
  const fs = withFs(options.fs);
  const warnings: string[] = [];
  try {
    fs.mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const target = resolveTarget(fs, path);
    const old = readExisting(fs, target);
    const oldText = old ? old.bytes.toString('utf8') : '';
    if (old && !Buffer.from(oldText, 'utf8').equals(old.bytes)) {
      throw new CredentialsError('write-failed', `${path} is not valid UTF-8 text; it was not changed.`, `Fix or move ${path} and try again.`, path);
    }
    const newBytes = Buffer.from(applyProfileUpdates(oldText, updates, path), 'utf8');

    let backupPath: string | null = null;
    if (old) {
      const backup = writeBackup(fs, target, old.bytes, (options.now ?? Date.now)());
      backupPath = backup.path;
      if (backup.warning) warnings.push(backup.warning);
      const loose = permissionWarning(old.mode, path);
      if (loose) warnings.push(`${loose.replace(/; run: .*$/, '')} before this write; it is now 0600 (owner only).`);
    }
    const warning = replaceAtomically(fs, target, newBytes, () => {
      // Someone else changed the file since it was read: replacing it would lose their edit.
      const now = readExisting(fs, target);
      if (!(now === null ? old === null : old !== null && now.bytes.equals(old.bytes))) {
        throw new CredentialsError('write-failed', `${path} changed while it was being updated; it was left as the other program wrote it.`, 'Run the command again.', path);
      }
    });
    if (warning) warnings.push(warning);
    if (old) {
      const pruned = pruneBackups(fs, target);
      if (pruned) warnings.push(pruned);
    }
    return { backupPath, created: old === null, warnings };
  } catch (err) {
    wrap(err, path);
  }
}

/** Puts the backup back in place, atomically (used when a rotated key fails its proof call). */
export function restoreBackup(path: string, backupPath: string, options: WriteOptions = {}): { warnings: string[] } {
  const fs = withFs(options.fs);
  try {
    const bytes = fs.readFileSync(backupPath);
    const warning = replaceAtomically(fs, resolveTarget(fs, path), bytes);
    return { warnings: warning ? [warning] : [] };
  } catch (err) {
    wrap(err, path);
  }
}
