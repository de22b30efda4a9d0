// Adds or replaces profiles in the credentials file in one atomic write, keeping every other byte,
// with a 0600 backup of the previous file (credentials.bak) for undoing a failed rotation.
import { basename, dirname, join } from 'node:path';
import { replaceAtomically, withFs, type WriterFs } from './atomic.js';
import { applyProfileUpdates, type ProfileUpdate } from './edit.js';
import { CredentialsError } from './errors.js';
import { permissionWarning } from './sources.js';

export type { ProfileUpdate } from './edit.js';
export type { WriterFs } from './atomic.js';

export interface WriteOptions {
  /** Replaces some fs functions (tests inject failures or crashes this way). */
  fs?: Partial<WriterFs>;
}

export interface WriteResult {
  /** Where the previous file was copied; null when the file was created. */
  backupPath: string | null;
  created: boolean;
  /** For the user: the old file was readable by others, the folder could not be synced, ... */
  warnings: string[];
}

export function backupPathFor(path: string): string {
  return join(dirname(path), `${basename(path)}.bak`);
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
      backupPath = backupPathFor(target);
      const warning = replaceAtomically(fs, backupPath, old.bytes);
      if (warning) warnings.push(warning);
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
