// HMAC pairs that still work although a newer pair replaced them. Veracode revokes the previous
// pair 24 hours after a new one is generated, and the user list shows only the newest, so such a
// pair is found by asking for it by id (GET /api_credentials/{id}): the ids this service saw
// replaced, and the ids local profiles hold that the list does not show. Bounded: a few ids.
import { isApiError } from '../api/errors.js';
import type { Credential } from '../model/credential.js';
import { mapLimit } from './paging.js';

/** At most this many ids are asked about per load: a profile per project is a handful. */
export const MAX_SUPERSEDED_PROBES = 20;

export interface SupersededProbe {
  /** Bare, lowercase ids to ask about. */
  candidates: readonly string[];
  /** The ids the load already lists. */
  listed: ReadonlySet<string>;
  /** GET /api_credentials/{id} as a Credential (null for 404). */
  lookup: (id: string) => Promise<Credential | null>;
  concurrency: number;
  signal?: AbortSignal;
  now: number;
}

/** The candidates that are superseded and still working now; `gone` gets every id not worth asking again. */
export async function stillWorking(p: SupersededProbe, gone: (id: string) => void): Promise<Credential[]> {
  const ids = [...new Set(p.candidates)].filter((id) => !p.listed.has(id)).slice(0, MAX_SUPERSEDED_PROBES);
  const found = await mapLimit(ids, p.concurrency, async (id) => {
    try {
      return await p.lookup(id);
    } catch (e) {
      // Best effort: a key of another region or organisation, or one the caller may not read.
      if (isApiError(e) && e.kind === 'http') return null;
      throw e;
    }
  }, p.signal);
  const out: Credential[] = [];
  found.forEach((c, i) => {
    const until = c?.supersededUntil ? Date.parse(c.supersededUntil) : NaN;
    if (c && until > p.now && !c.revokedAt) out.push(c);
    else gone(ids[i]!);
  });
  return out;
}
