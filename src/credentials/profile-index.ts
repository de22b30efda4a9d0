// Which local profiles hold an API id, for marking credentials while an organisation loads.
import { statSync } from 'node:fs';
import { bareId, readCredentialsFile } from './sources.js';

export type ProfileLookup = ((apiId: string) => string[]) & { ids?: readonly string[] };

const NONE: ProfileLookup = () => [];

/**
 * Snapshots of the credentials file's profiles by API id: each call checks the file once (and
 * re-reads it only when it changed), and the lookup it returns answers for every credential of
 * one load without touching the disk again.
 */
export function profileSnapshots(path: string): () => ProfileLookup {
  let stamp = '';
  let lookup: ProfileLookup = NONE;
  return () => {
    let now: string;
    try {
      const s = statSync(path);
      now = `${s.mtimeMs}:${s.size}`;
    } catch {
      return NONE;
    }
    if (now !== stamp) {
      stamp = now;
      const byId = new Map<string, string[]>();
      try {
        for (const p of readCredentialsFile(path).profiles) {
          if (!p.id) continue;
          const k = bareId(p.id);
          byId.set(k, [...(byId.get(k) ?? []), p.name]);
        }
      } catch {
        // An unreadable file shows no profile markers; connecting already reported it if it matters.
      }
      lookup = Object.assign((apiId: string) => byId.get(bareId(apiId)) ?? [], { ids: [...byId.keys()] });
    }
    return lookup;
  };
}
