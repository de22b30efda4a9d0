// The recovery journal: a secret the server has just created is written here, durably, before
// anything else is done with it. The server shows a secret once; between its arrival and its safe
// keeping (saved to a profile, printed, or left by the user's own choice) a kill, a crash or a
// power cut would otherwise lose it, and with HMAC keys the owner's previous pair is being retired.
//
// Layout: beside the credentials file, a private folder named after it,
//   ~/.veracode/credentials.recovery/          0700
//     20261202T153012Z-hmac-1f2e3d4c.json       0600, one entry per secret
// Each entry is written to a temp file in that folder, fsynced, renamed into place, and the folder
// fsynced, so `record` returns only once the entry survives a power cut. An entry holds what is
// needed to show the secret or finish the job, and nothing else: kind, id, secret, secret id,
// owner, expiry, when it arrived, and what was intended (the profiles to write, and which key each
// was expected to hold so that recovery never overwrites a newer key). `vcreds recover` lists the
// entries, finishes or prints each, then removes it. No entry is ever logged.
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { replaceAtomically, syncDir, withFs, type WriterFs } from './atomic.js';

export const JOURNAL_VERSION = 1;

export interface JournalProfile {
  /** The profile of the credentials file to write the pair to. */
  name: string;
  /** Region prefixes the profile's id and secret carried (e.g. `vera01ei`), kept on the new pair. */
  idPrefix: string | null;
  secretPrefix: string | null;
  /** The key id the profile held when the job started (null: no profile or no id). Recovery writes only if it still does. */
  replaces: string | null;
}

export interface JournalIntent {
  /** What the run was doing when the secret arrived. */
  action: 'rotate' | 'create';
  /** Profiles of the credentials file the pair was to be written to (none: it was to be printed). */
  profiles: JournalProfile[];
}

export interface JournalEntry {
  version: typeof JOURNAL_VERSION;
  kind: 'hmac' | 'oauth';
  /** HMAC: the API id. OAuth: the client id. */
  id: string;
  secret: string;
  /** OAuth: the id of this secret among the client's secrets; null for HMAC. */
  secretId: string | null;
  owner: { userId: string; userName: string } | null;
  expiresAt: string | null;
  /** When the secret arrived (ISO 8601). */
  createdAt: string;
  intent: JournalIntent;
}

export type NewJournalEntry = Omit<JournalEntry, 'version' | 'createdAt'> & { createdAt?: string };

export interface JournalRecord {
  /** The entry's file. */
  path: string;
  entry: JournalEntry;
  /** Set when the folder could not be synced (some filesystems): the entry is written but may not survive a power cut. */
  warning?: string;
}

export interface JournalOptions {
  fs?: Partial<WriterFs>;
  now?: () => number;
}

export function journalDirFor(credentialsPath: string): string {
  return join(dirname(credentialsPath), `${basename(credentialsPath)}.recovery`);
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Creates the folder 0700 (its parent too), syncing each parent it creates into, and tightens a loose one. */
function ensureDir(fs: WriterFs, dir: string): void {
  let mode: number;
  try {
    mode = fs.statSync(dir).mode;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // The new folder's name must be durable too, or the entry could vanish with it.
    syncDir(fs, dirname(dir));
    return;
  }
  if ((mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
}

/**
 * Writes the entry and returns only once it is on disk (file and folder synced). Throws if it
 * cannot be written: the caller then must print the secret at once rather than rely on the journal.
 */
export function recordSecret(credentialsPath: string, input: NewJournalEntry, options: JournalOptions = {}): JournalRecord {
  const fs = withFs(options.fs);
  const now = options.now ?? Date.now;
  const entry: JournalEntry = {
    version: JOURNAL_VERSION,
    kind: input.kind,
    id: input.id,
    secret: input.secret,
    secretId: input.secretId ?? null,
    owner: input.owner ? { userId: input.owner.userId, userName: input.owner.userName } : null,
    expiresAt: input.expiresAt ?? null,
    createdAt: input.createdAt ?? new Date(now()).toISOString(),
    intent: { action: input.intent.action, profiles: input.intent.profiles.map((p) => ({ name: p.name, idPrefix: p.idPrefix, secretPrefix: p.secretPrefix, replaces: p.replaces })) },
  };
  const dir = journalDirFor(credentialsPath);
  ensureDir(fs, dir);
  const path = join(dir, `${stamp(now())}-${entry.kind}-${randomBytes(4).toString('hex')}.json`);
  const warning = replaceAtomically(fs, path, Buffer.from(`${JSON.stringify(entry, null, 2)}\n`, 'utf8'));
  return warning ? { path, entry, warning } : { path, entry };
}

/** Removes an entry once its secret is safe; a missing entry is already removed. The folder goes when empty. */
export function removeRecord(record: Pick<JournalRecord, 'path'>, options: JournalOptions = {}): void {
  const fs = withFs(options.fs);
  try {
    fs.unlinkSync(record.path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return;
  }
  const dir = dirname(record.path);
  syncDir(fs, dir);
  try {
    if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  } catch {
    // another entry arrived meanwhile, or the folder cannot be removed: it is private either way
  }
}

export interface JournalListing {
  records: JournalRecord[];
  /** Entry files that could not be read or parsed (kept, never deleted: they may hold a secret). */
  unreadable: string[];
  dir: string;
}

function parseEntry(text: string): JournalEntry | null {
  try {
    const e = JSON.parse(text) as Partial<JournalEntry>;
    const ok = e && e.version === JOURNAL_VERSION && (e.kind === 'hmac' || e.kind === 'oauth') && typeof e.id === 'string' && typeof e.secret === 'string' && e.id && e.secret && e.intent && Array.isArray(e.intent.profiles);
    return ok ? (e as JournalEntry) : null;
  } catch {
    return null;
  }
}

/** Every entry, oldest first. An absent folder is an empty journal. */
export function listRecords(credentialsPath: string, options: JournalOptions = {}): JournalListing {
  const fs = withFs(options.fs);
  const dir = journalDirFor(credentialsPath);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { records: [], unreadable: [], dir };
    throw err;
  }
  const records: JournalRecord[] = [];
  const unreadable: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
    const path = join(dir, name);
    let entry: JournalEntry | null = null;
    try {
      entry = parseEntry(fs.readFileSync(path).toString('utf8'));
    } catch {
      entry = null;
    }
    if (entry) records.push({ path, entry });
    else unreadable.push(path);
  }
  return { records, unreadable, dir };
}
