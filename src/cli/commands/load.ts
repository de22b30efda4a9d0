// Loading the organisation as views, shared by list, show, revoke, rotate and create.
import type { Organisation } from '../../identity/types.js';
import { viewOf, type CredentialView } from '../../model/credential.js';
import { ResolveError, resolveCredential } from '../../ops/resolve.js';
import { parseKeyPart } from '../../signing/region.js';
import { escapeControl } from '../../text/escape.js';
import type { CliState, Session } from '../cli-state.js';

export interface Loaded {
  session: Session;
  org: Organisation;
  views: CredentialView[];
}

export async function loadViews(cli: CliState, useProfileKey = false): Promise<Loaded> {
  const session = await (useProfileKey ? cli.profileSession() : cli.session());
  const org = await session.ctx.service.loadOrganisation();
  const now = session.ctx.now();
  // Warnings quote the server's words: shown escaped.
  for (const w of org.warnings ?? []) cli.warn(escapeControl(w, { oneLine: true }));
  return { session, org, views: org.credentials.map((c) => viewOf(c, now)) };
}

/** The bare id when `input` is a whole HMAC API id (32 to 128 hex characters, any region prefix). */
function wholeHmacId(input: string): string | null {
  try {
    const { bare } = parseKeyPart(input, 'id');
    return /^[0-9a-f]{32,128}$/i.test(bare) ? bare.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * The credential `input` names: one of the loaded views, else, for a whole HMAC id the list does
 * not show (a pair a newer one superseded, or one revoked), the server's answer for that id
 * (GET /api_credentials/{id}). `show` and `revoke` accept such ids this way.
 */
export async function findCredential(loaded: Loaded, input: string): Promise<CredentialView> {
  try {
    return resolveCredential(loaded.views, input);
  } catch (err) {
    const id = wholeHmacId(input);
    if (!(err instanceof ResolveError) || err.kind !== 'not-found' || !id) throw err;
    const found = await loaded.session.ctx.service.getHmac(id);
    if (!found) throw err;
    return viewOf(found, loaded.session.ctx.now());
  }
}
