// Secrets the server created that are not yet safely somewhere else (saved to a profile, printed,
// copied, or knowingly abandoned). Every op that receives a new secret holds it here the moment it
// arrives, so that an exit handler (a signal, a crash) can still hand it over on the way out: a
// secret that exists nowhere else is never lost.
//
// Memory is not enough against kill -9, a crash or a power cut: given the credentials file, a held
// secret is also written, synced, to the recovery journal beside it (src/credentials/journal.ts)
// before holdSecret returns, and the entry is removed on release. `vcreds recover` finishes or
// prints whatever a dead run left there.
import { writeSync } from 'node:fs';
import { recordSecret, removeRecord, type JournalIntent } from '../credentials/journal.js';
import { messageOf } from './message.js';
import { writeAllSync } from './write-out.js';

/** A secret the server has just created: shown once, never again. */
export interface NewSecret {
  kind: 'hmac' | 'oauth';
  /** HMAC: the API id. OAuth: the client id. */
  id: string;
  secret: string;
  /** OAuth: the id of this secret among the client's secrets. */
  secretId?: string;
  /** OAuth client name; null for HMAC. */
  name: string | null;
  ownerName: string;
  expiresAt: string | null;
  /** Local profiles that hold the owner's previous HMAC key, which this one replaces. */
  staleProfiles?: string[];
}

export interface HoldOptions {
  /** The credentials file the journal sits beside; without it the secret is held in memory only. */
  credentialsPath?: string | null;
  /** What the run meant to do with the secret (the profiles to write), for `vcreds recover`. */
  intent?: JournalIntent;
  /** The owner's user id, kept in the journal with the name. */
  ownerId?: string;
}

export interface HeldSecret {
  secret: NewSecret;
  /** The journal entry holding the secret until release; null when there is none. */
  journalPath: string | null;
  /** Why the secret could not be journaled (the caller must then print it without delay). */
  journalProblem: string | null;
  /** Lets go of the secret once it is safe or knowingly abandoned (and removes its journal entry); calling it again does nothing. */
  release(): void;
}

interface Entry {
  secret: NewSecret;
  release: () => void;
}

const held = new Map<number, Entry>();
let nextId = 0;

/** What a user needs to keep of a secret, in the form they would use it. */
export function secretLines(s: NewSecret): string[] {
  if (s.kind === 'hmac') return [`veracode_api_key_id = ${s.id}`, `veracode_api_key_secret = ${s.secret}`];
  return [`VERACODE_OAUTH_CLIENT_ID=${s.id}`, `VERACODE_OAUTH_CLIENT_SECRET=${s.secret}`];
}

export function secretLabel(s: NewSecret): string {
  return s.kind === 'hmac'
    ? `HMAC key ${s.id} of ${s.ownerName}`
    : `OAuth client "${s.name ?? s.id}" of ${s.ownerName}${s.secretId ? `, secret ${s.secretId}` : ''}`;
}

/** Holds a new secret until released; journals it first when given the credentials file. */
export function holdSecret(secret: NewSecret, options: HoldOptions = {}): HeldSecret {
  const id = ++nextId;
  let journalPath: string | null = null;
  let journalProblem: string | null = null;
  if (options.credentialsPath) {
    try {
      const r = recordSecret(options.credentialsPath, {
        kind: secret.kind, id: secret.id, secret: secret.secret, secretId: secret.secretId ?? null,
        owner: { userId: options.ownerId ?? '', userName: secret.ownerName }, expiresAt: secret.expiresAt,
        intent: options.intent ?? { action: 'create', profiles: [] },
      });
      journalPath = r.path;
      journalProblem = r.warning ?? null;
    } catch (err) {
      journalProblem = `the recovery journal could not be written: ${messageOf(err)}`;
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    held.delete(id);
    if (journalPath) {
      try {
        removeRecord({ path: journalPath });
      } catch {
        // left in the journal: `vcreds recover` will show it again, which loses nothing
      }
    }
  };
  held.set(id, { secret: { ...secret }, release });
  return { secret, journalPath, journalProblem, release };
}

/** What is still held, oldest first (copies: callers cannot change the registry). */
export function heldSecrets(): NewSecret[] {
  return [...held.values()].map((e) => ({ ...e.secret }));
}

/** The text an exit handler prints (empty when nothing is held). */
export function heldSecretsText(): string {
  return textOf(heldSecrets());
}

function textOf(all: NewSecret[]): string {
  if (all.length === 0) return '';
  const one = all.length === 1;
  const blocks = all.map((s) => [secretLabel(s), ...secretLines(s).map((l) => `  ${l}`)].join('\n'));
  return `vcreds: ${one ? 'this secret was' : 'these secrets were'} created but not saved. Keep ${one ? 'it' : 'them'} now; ${one ? 'it is' : 'they are'} not shown again:\n${blocks.join('\n')}\n`;
}

/**
 * On the way out after a signal: prints every secret still held on stdout (stderr when stdout is
 * closed) with synchronous writes, and releases each one printed. If neither can be written the
 * secrets stay in the journal. Returns what happened, for the exit line.
 */
export function handOverHeldSecrets(): string | null {
  const entries = [...held.values()];
  if (entries.length === 0) return null;
  const text = textOf(entries.map((e) => e.secret));
  for (const fd of [1, 2]) {
    try {
      writeAllSync(fd, text, writeSync);
      for (const e of entries) e.release();
      return fd === 1 ? 'the new secret was printed above' : 'stdout is closed: the new secret was printed on stderr';
    } catch {
      // EPIPE or closed: try the next stream
    }
  }
  return 'the new secret could not be printed; it is kept in the recovery journal: run vcreds recover';
}
