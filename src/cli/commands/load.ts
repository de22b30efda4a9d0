// Loading the organisation as views, shared by list, show, revoke, rotate and create.
import type { Organisation } from '../../identity/types.js';
import { viewOf, type CredentialView } from '../../model/credential.js';
import type { CliState, Session } from '../cli-state.js';
import { escapeControl } from '../../text/escape.js';

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
