// Saving a new pair to a profile of the credentials file: the one way the CLI (`create hmac
// --save-profile`) and the TUI's secret screen do it. A profile holding a different key is only
// replaced when the caller says so (`force`), since the key it holds would be lost.
import { bareId, readCredentialsFile } from '../credentials/sources.js';
import { CredentialsError } from '../credentials/errors.js';
import { withCredentialsLock } from '../credentials/lock.js';
import { writeProfiles, type WriteResult } from '../credentials/writer.js';
import { refusalOf } from './actions.js';
import { OpRefused } from './op-refused.js';

export interface SavePair {
  profile: string;
  id: string;
  secret: string;
}

/** The id a profile holds now, or null when the profile (or the file) does not exist. */
export function keyInProfile(path: string, profile: string): string | null {
  try {
    return readCredentialsFile(path).profiles.find((p) => p.name === profile)?.id ?? null;
  } catch (err) {
    if (err instanceof CredentialsError && err.code === 'file-missing') return null;
    throw err;
  }
}

export class ProfileHoldsOtherKey extends OpRefused {
  constructor(readonly profile: string, readonly heldId: string, readonly heldOwner: string | null = null) {
    super(
      `profile [${profile}] holds another key, ${heldId}${heldOwner ? ` of ${heldOwner}` : ' (owner unknown)'}; saving here would replace it`,
      'Choose another profile, or replace it on purpose (--force).',
    );
    this.name = 'ProfileHoldsOtherKey';
  }
}

export function savePairToProfile(path: string, pair: SavePair, options: { readOnly: boolean; force?: boolean }): WriteResult {
  const refusal = refusalOf('create', { readOnly: options.readOnly, signingKeyId: null });
  if (refusal) throw new OpRefused(refusal);
  const held = keyInProfile(path, pair.profile);
  if (held && bareId(held) !== bareId(pair.id) && !options.force) throw new ProfileHoldsOtherKey(pair.profile, held);
  return writeProfiles(path, [{ profile: pair.profile, id: pair.id, secret: pair.secret }]);
}

/**
 * savePairToProfile under the credentials file's lock (re-read under it), for a caller that does
 * not already hold it: the TUI's secret screen. A second vcreds waits, or this fails naming it.
 */
export function savePairLocked(path: string, pair: SavePair, options: { readOnly: boolean; force?: boolean; lockWaitMs?: number }): Promise<WriteResult> {
  return withCredentialsLock(path, () => savePairToProfile(path, pair, options), { waitMs: options.lockWaitMs });
}
