// Loading the organisation as views, shared by list, show, revoke, rotate and create.
import type { Organisation } from '../../identity/types.js';
import { viewOf, type CredentialView } from '../../model/credential.js';
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
  for (const w of (org as Organisation & { warnings?: string[] }).warnings ?? []) cli.warn(w);
  return { session, org, views: org.credentials.map((c) => viewOf(c, now)) };
}
