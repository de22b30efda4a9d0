// What the rotate dialog says: the consequences before, and every step's outcome after. Pure.
import type { CredentialView } from '../../model/credential.js';
import { MAX_LIVE_SECRETS, oldestToRetire } from '../../ops/rotate.js';
import type { HmacRotationResult, OAuthRotationResult } from '../../ops/rotate-types.js';
import type { TargetOutcome } from '../../targets/types.js';
import { dateOnly } from '../../model/credential.js';

export type ReportTone = 'ok' | 'fail' | 'skip' | 'info';
export interface ReportLine {
  tone: ReportTone;
  text: string;
}

export const TONE_MARK: Record<ReportTone, string> = { ok: '✓', fail: '✖', skip: '–', info: '·' };


export function hmacRotationPlan(c: CredentialView, credentialsPath: string, hasTargets = false): string[] {
  const lines = [
    `A new HMAC pair is generated for ${c.owner.userName}; the current pair ${c.id} stops working once the server retires it (Veracode keeps it for up to 24 hours).`,
  ];
  if (c.profiles.length) {
    lines.push(`Local profiles ${c.profiles.join(', ')} in ${credentialsPath} will be updated in one atomic write, with a backup.`);
  } else {
    lines.push(hasTargets
      ? 'No local profile holds this key: the new secret goes to its targets (and is shown once if none takes it).'
      : 'No local profile holds this key: the new secret is shown once for you to save or copy.');
  }
  lines.push('The new key is then tested with a signed call.');
  return lines;
}

export function oauthRotationPlan(c: CredentialView, now: number): string[] {
  const lines = [`A new secret is added to client ${c.id}; it is shown once.`];
  const oldest = oldestToRetire(c, now);
  if (oldest) {
    lines.push(`The client already has ${MAX_LIVE_SECRETS} live secrets, the most the server allows: the oldest, ${oldest.secretId} (created ${dateOnly(oldest.createdAt, 'unknown')}), is retired first, and anything still using it stops working.`);
  }
  lines.push(`The ${oldest ? 'other' : 'current'} secret keeps working until you retire it (offered next).`);
  return lines;
}

export function hmacRotationReport(r: HmacRotationResult, credentialsPath: string): ReportLine[] {
  const out: ReportLine[] = [
    { tone: 'ok', text: `New pair generated for ${r.generated.owner.userName}: ${r.generated.apiId} (expires ${dateOnly(r.generated.expiresAt, 'unknown')})` },
  ];
  if (r.write === 'ok' && r.restored) {
    out.push({ tone: 'fail', text: `Profiles ${r.profilesUpdated.join(', ')} were updated, then put back as they were (the new key failed its test)` });
  } else if (r.write === 'ok') {
    out.push({ tone: 'ok', text: `Profiles ${r.profilesUpdated.join(', ')} updated in ${credentialsPath}${r.backupPath ? ` (backup ${r.backupPath})` : ''}` });
  } else if (r.write === 'skipped') {
    out.push({ tone: 'skip', text: 'No local profile held the old key: nothing was written' });
  } else {
    out.push({ tone: 'fail', text: `${credentialsPath} was NOT updated` });
  }
  if (r.proof === 'ok') out.push({ tone: 'ok', text: 'A signed test call with the new key succeeded' });
  else if (r.proof === 'failed') out.push({ tone: 'fail', text: 'A signed test call with the new key failed' });
  else out.push({ tone: 'skip', text: 'The new key was not tested' });
  const old = r.oldKey;
  if (old.revoked === 'now') out.push({ tone: 'ok', text: `The previous key ${old.id} was revoked` });
  else if (old.revoked === 'failed') out.push({ tone: 'fail', text: `The previous key ${old.id} could not be revoked: revoke it from the list (d)` });
  else if (old.worksUntil) out.push({ tone: 'info', text: `The previous key ${old.id} keeps working until about ${old.worksUntil.slice(0, 16).replace('T', ' ')} UTC (Veracode's renewal grace)` });
  for (const p of r.problems) out.push({ tone: 'info', text: p });
  return out;
}

export function oauthRotationReport(r: OAuthRotationResult): ReportLine[] {
  const out: ReportLine[] = [{ tone: 'ok', text: `New secret ${r.secret.secretId} added (expires ${dateOnly(r.secret.expiresAt, 'unknown')})` }];
  if (r.proof === 'ok') out.push({ tone: 'ok', text: 'A token request with the new secret succeeded' });
  else if (r.proof === 'failed') out.push({ tone: 'fail', text: 'A token request with the new secret failed' });
  else out.push({ tone: 'skip', text: 'The new secret was not tested' });
  for (const p of r.problems) out.push({ tone: 'info', text: p });
  return out;
}

/** Each target's outcome of a rotation, and for HMAC the deadline by which failed ones must be fixed. */
export function deliveryReport(deliveries: readonly TargetOutcome[], deadline: string | null, credentialId: string): ReportLine[] {
  const tone: Record<TargetOutcome['status'], ReportTone> = { proven: 'ok', delivered: 'ok', failed: 'fail', skipped: 'skip', planned: 'info' };
  const out: ReportLine[] = deliveries.map((d) => ({ tone: tone[d.status], text: `${d.target} (${d.of}): ${d.status} — ${d.detail}` }));
  if (deadline && deliveries.some((d) => d.status === 'failed')) {
    out.push({ tone: 'info', text: `Fix the failed targets before ${deadline.slice(0, 16).replace('T', ' ')} UTC, when the previous key stops working: vcreds targets deliver ${credentialId} delivers the new key again meanwhile.` });
  }
  return out;
}
