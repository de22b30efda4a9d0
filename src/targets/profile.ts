// profile:NAME — the pair written to a profile of the credentials file (locked, atomic, the
// previous file kept as a backup), keeping the region prefix the profile's key carried.
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { readCredentialsFile } from '../credentials/sources.js';
import { savePairLocked } from '../ops/save-profile.js';
import { validPrefixOf, withPrefix } from '../signing/region.js';
import { TargetError, type TargetDriver } from './types.js';

type ProfileTarget = { kind: 'profile'; name: string };

function profileOf(path: string, name: string): { id?: string; secret?: string } | null {
  try {
    return readCredentialsFile(path).profiles.find((p) => p.name === name) ?? null;
  } catch {
    return null;
  }
}

export const profileDriver: TargetDriver<ProfileTarget> = {
  async deliver(payload, target, _binding, ctx) {
    if (payload.kind !== 'hmac') throw new TargetError('the credentials file holds HMAC pairs only');
    const before = profileOf(ctx.credentialsPath, target.name);
    const id = withPrefix(payload.id, validPrefixOf(before?.id));
    const secret = withPrefix(payload.secret, validPrefixOf(before?.secret));
    try {
      await savePairLocked(ctx.credentialsPath, { profile: target.name, id, secret }, { readOnly: false, force: true });
    } catch (err) {
      throw new TargetError(err instanceof Error ? err.message : String(err));
    }
    const back = profileOf(ctx.credentialsPath, target.name);
    const proven = back?.id === id && back?.secret === secret;
    return { proven, detail: proven ? `[${target.name}] of ${ctx.credentialsPath} rewritten and read back` : `[${target.name}] written but did not read back` };
  },
  async test(target, _binding, kind, ctx) {
    if (kind !== 'hmac') return { ok: false, detail: 'the credentials file holds HMAC pairs only' };
    const path = ctx.credentialsPath;
    try {
      if (existsSync(path)) accessSync(path, constants.R_OK | constants.W_OK);
      accessSync(existsSync(dirname(path)) ? dirname(path) : dirname(dirname(path)), constants.W_OK);
    } catch (err) {
      return { ok: false, detail: `${path} is not writable (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
    }
    const p = profileOf(path, target.name);
    return { ok: true, detail: p ? `[${target.name}] of ${path} is writable` : `[${target.name}] does not exist yet in ${path}; it will be added` };
  },
};
