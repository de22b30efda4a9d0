// Which local profiles hold an API id, asked once per credential while loading an organisation.
import { statSync } from 'node:fs';
import { bareId, readCredentialsFile } from './sources.js';

/**
 * Local profiles holding an API id. The file is re-read only when it changes, so a load of
 * thousands of credentials does not read it thousands of times.
 */
export function profileIndex(path: string): (apiId: string) => string[] {
  let stamp = '';
  let byId = new Map<string, string[]>();
  return (apiId) => {
    let now = '';
    try {
      const s = statSync(path);
      now = `${s.mtimeMs}:${s.size}`;
    } catch {
      return [];
    }
    if (now !== stamp) {
      stamp = now;
      byId = new Map();
      try {
        for (const p of readCredentialsFile(path).profiles) {
          if (!p.id) continue;
          const k = bareId(p.id);
          byId.set(k, [...(byId.get(k) ?? []), p.name]);
        }
      } catch {
        // An unreadable file shows no profile markers; connecting already reported it if it matters.
      }
    }
    return byId.get(bareId(apiId)) ?? [];
  };
}
