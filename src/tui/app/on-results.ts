// What the answers of effects do to the app: loads, and the results of every change. After a
// change the list shows it at once (the row updated and selected, a short message), even if the
// reload that follows fails.
import type { Credential, CredentialView } from '../../model/credential.js';
import { shortId } from '../../model/credential.js';
import { isSigningKey } from '../../ops/actions.js';
import type { HeldSecret } from '../../ops/held-secrets.js';
import type { RotateDeliverResult } from '../../ops/rotate-deliver.js';
import type { LoadBatch, LoadProgress, Organisation } from '../../identity/types.js';
import { deliveryReport, hmacRotationReport, oauthRotationReport, type ReportLine } from '../dialogs/rotate-report.js';
import { initialSecret } from '../dialogs/secret-screen.js';
import type { SubmitFailure } from '../dialogs/failure.js';
import type { RetireResult } from '../../ops/retire-secrets.js';
import { wizardReducer } from '../wizard/wizard-state.js';
import type { Model, Screen } from './model.js';
import { step, type Step } from './messages.js';
import { notify } from './notify.js';
import { refresh } from './on-list.js';
import { push } from './stack.js';
import { selectId, settle } from './selection.js';

/** The screen of this kind nearest the top, with its position, if it is open. */
function findScreen<K extends Screen['kind']>(model: Model, kind: K): { at: number; screen: Extract<Screen, { kind: K }> } | null {
  for (let at = model.stack.length - 1; at >= 0; at--) {
    const s = model.stack[at]!;
    if (s.kind === kind) return { at, screen: s as Extract<Screen, { kind: K }> };
  }
  return null;
}

function replaceAt(model: Model, at: number, screen: Screen): Model {
  const stack = [...model.stack];
  stack[at] = screen;
  return { ...model, stack };
}

/** A step, then the list loaded again to show the change (with the loading line). */
function andReload(s: Step): Step {
  const r = refresh(s.model);
  return { model: r.model, effects: [...s.effects, ...r.effects] };
}

/** Puts a credential into the loaded data, replacing the one with its id (or adding it). */
function patchCredential(model: Model, c: Credential): Model {
  const org = model.data.organisation;
  if (!org) return model;
  const others = org.credentials.filter((x) => x.id !== c.id);
  const organisation: Organisation = { ...org, credentials: [...others, c] };
  return { ...model, data: { ...model.data, organisation } };
}

/**
 * A page arrived. A first load shows it at once (rows on screen while the rest loads; the
 * selection stays on its credential as rows are added); a reload keeps what is shown until the
 * whole answer is in.
 */
export function onLoadBatch(model: Model, batch: LoadBatch): Step {
  const progress = batchProgress(batch);
  const org = model.data.organisation;
  if (org && !model.data.partial) return step({ ...model, data: { ...model.data, progress } });
  // Until a page brings credentials, the first load's spinner says how far it is.
  if (!org && batch.credentials.length === 0) return step({ ...model, data: { ...model.data, progress } });
  const organisation: Organisation = org
    ? { ...org, caller: batch.caller, users: batch.users?.length ? [...org.users, ...batch.users] : org.users, credentials: batch.credentials.length ? [...org.credentials, ...batch.credentials] : org.credentials }
    : { caller: batch.caller, users: batch.users ?? [], credentials: batch.credentials, maxTtlDays: 365, warnings: [] };
  return step({ ...model, data: { ...model.data, organisation, partial: true, progress } });
}

/** How far a load is, in what a person would count: users while they are read, then keys, then clients. */
function batchProgress(b: LoadBatch): LoadProgress {
  const { done, total } = b;
  if (total.users !== null && done.users < total.users) return { phase: 'users', done: done.users, total: total.users };
  if (done.lookups && done.lookups.done < done.lookups.queued) return { phase: 'credentials', done: done.lookups.done, total: done.lookups.queued };
  if (total.oauth !== null && done.oauth < total.oauth) return { phase: 'oauth', done: done.oauth, total: total.oauth };
  return { phase: 'users', done: done.users, total: total.users };
}

export function onLoaded(model: Model, whole: Organisation, now: number): Step {
  // The whole answer holds the very credentials its pages brought: keep the rows already built
  // (the list's index is not made again for the same rows, nor held twice while it is); their
  // statuses stay those of the clock the load started with, a few seconds earlier.
  const prev = model.data.organisation;
  const same = model.data.partial && prev !== null && prev.credentials.length === whole.credentials.length;
  const organisation = same ? { ...whole, credentials: prev.credentials } : whole;
  const warnings = organisation.warnings ?? [];
  const next = settle({ ...model, data: { organisation, partial: false, loading: false, progress: null, error: null, now: same ? model.data.now : now } });
  return warnings.length ? notify(next, `⚠ ${warnings.join(' · ')}`, 'warn') : step(next);
}

export function onLoadFailed(model: Model, error: string): Step {
  const why = model.signingKeyRevoked
    ? `${error} (the key vcreds signs with was revoked in this session: restart vcreds with a working key or profile)`
    : error;
  const s = notify({ ...model, data: { ...model.data, partial: false, loading: false, progress: null, error: why } }, `Loading failed: ${why}`, 'error');
  return s;
}

export function onRevoked(model: Model, c: CredentialView, now: number): Step {
  const self = isSigningKey(c, { readOnly: model.readOnly, signingKeyId: model.signingKeyId });
  let next = model;
  const found = findScreen(next, 'revoke');
  if (found) next = { ...next, stack: next.stack.slice(0, found.at) };
  next = selectId(patchCredential({ ...next, signingKeyRevoked: next.signingKeyRevoked || self }, { ...c, revokedAt: new Date(now).toISOString() }), c.id);
  const notes = [`Revoked ${shortId(c.id, 11)}${c.name ? ` (${c.name})` : ''}.`];
  if (c.type === 'hmac' && c.profiles.length) notes.push(`Local profiles ${c.profiles.join(', ')} still hold it: replace or remove them.`);
  if (self) notes.push('vcreds itself was signing with it: further requests will fail until you restart with a working key.');
  const s = notify(next, notes.join(' '), self ? 'warn' : 'ok');
  // Reloading with a revoked key would only fail: the row already shows what happened.
  return self ? s : andReload(s);
}

export function onRevokeFailed(model: Model, failure: SubmitFailure): Step {
  const found = findScreen(model, 'revoke');
  const s = notify(model, `Revoking failed: ${failure.message}`, 'error');
  if (!found) return s;
  return { ...s, model: replaceAt(s.model, found.at, { ...found.screen, dialog: { ...found.screen.dialog, phase: 'failed', failure } }) };
}

export function onCreated(model: Model, held: HeldSecret, credential: Credential): Step {
  // Settled: the new row may be the first one shown, and the selection must be on a row.
  const next = settle({ ...patchCredential(model, credential), creating: Math.max(0, model.creating - 1) });
  const found = findScreen(next, 'wizard');
  const what = held.secret.kind === 'hmac' ? 'HMAC pair' : `OAuth client "${held.secret.name ?? held.secret.id}"`;
  const secret = initialSecret(held, held.secret.kind === 'hmac' ? `HMAC pair created for ${held.secret.ownerName}` : `${what} created`, {
    select: credential.id, done: `Created ${what} ${shortId(credential.id, 11)} for ${held.secret.ownerName}.`,
  });
  const base = found ? { ...next, stack: next.stack.slice(0, found.at) } : next;
  return step(push(base, { kind: 'secret', secret }));
}

export function onCreateFailed(model: Model, failure: SubmitFailure): Step {
  const next = { ...model, creating: Math.max(0, model.creating - 1) };
  const found = findScreen(next, 'wizard');
  const s = notify(next, `Creating failed: ${failure.message}`, 'error');
  if (!found) return s;
  return { ...s, model: replaceAt(s.model, found.at, { ...found.screen, wizard: wizardReducer(found.screen.wizard, { type: 'failed', failure }) }) };
}

/** A rotation (and its deliveries) finished: the new key or secret is in the list and selected. */
export function onRotated(model: Model, result: Exclude<RotateDeliverResult, { kind: 'plan' }>): Step {
  const found = findScreen(model, 'rotate');
  const base = { ...model, creating: Math.max(0, model.creating - 1) };
  const release = { kind: 'release', held: result.rotation.held } as const;
  if (!found) return result.secret.mustShow ? notify(base, 'Rotation finished.', 'ok') : { ...notify(base, 'Rotation finished.', 'ok'), effects: [release] };
  const c = found.screen.dialog.credential;
  const delivered = deliveryReport(result.deliveries, result.kind === 'hmac' ? result.deadline : null, result.kind === 'hmac' ? result.rotation.generated.apiId : c.id);
  return result.kind === 'hmac' ? rotatedHmac(base, found, c, result, delivered) : rotatedOAuth(base, found, c, result, delivered);
}

type RotateAt = { at: number; screen: Extract<Screen, { kind: 'rotate' }> };

function rotatedHmac(base: Model, found: RotateAt, c: CredentialView, result: Extract<RotateDeliverResult, { kind: 'hmac' }>, delivered: ReportLine[]): Step {
  const r = result.rotation;
  const report = [...hmacRotationReport(r, base.credentialsPath), ...delivered];
  const g = r.generated;
  // The new key is in the list and selected at once; the reload that follows fills in the rest.
  const fresh: Credential = {
    ...c, id: g.apiId, expiresAt: g.expiresAt, createdAt: new Date(base.data.now).toISOString(), revokedAt: null, supersededUntil: null,
    profiles: r.write === 'ok' && !r.restored ? r.profilesUpdated : [],
  };
  let next = selectId(patchCredential(base, fresh), fresh.id);
  next = replaceAt(next, found.at, { ...found.screen, dialog: { ...found.screen.dialog, phase: { kind: 'done', report } } });
  const done = `Rotated the HMAC key of ${c.owner.userName}: new key ${shortId(g.apiId, 11)}${result.deliveries.length ? `, ${deliveredCount(result.deliveries)}` : ''}.`;
  if (result.secret.mustShow) {
    next = { ...next, stack: next.stack.slice(0, found.at + 1) };
    const secret = initialSecret(r.held, `Rotate HMAC key of ${c.owner.userName}: the new key is NOT safely stored yet`, { select: null, done }, report);
    return step(push(next, { kind: 'secret', secret }));
  }
  const s = notify(next, done, result.ok ? 'ok' : 'warn');
  return { ...s, effects: [{ kind: 'release', held: r.held }, ...s.effects] };
}

function rotatedOAuth(base: Model, found: RotateAt, c: CredentialView, result: Extract<RotateDeliverResult, { kind: 'oauth' }>, delivered: ReportLine[]): Step {
  const r = result.rotation;
  const gone = new Set([...r.retiredSecretIds, ...result.previousSecrets.retired]);
  const old = c.secrets.filter((s) => s.secretId !== r.secret.secretId && !gone.has(s.secretId));
  const n = r.secret;
  const withSecret: Credential = { ...c, secrets: [...old, { secretId: n.secretId, createdAt: n.createdAt, expiresAt: n.expiresAt }] };
  const report = [...oauthRotationReport(r), ...delivered];
  if (result.previousSecrets.retired.length) report.push({ tone: 'ok', text: `Retired the previous secret(s) ${result.previousSecrets.retired.join(', ')}: every target has the new one` });
  if (result.deliveries.length && result.previousSecrets.kept.length) report.push({ tone: 'info', text: `Kept ${result.previousSecrets.kept.join(', ')}: a target still uses it` });
  // Without targets the user is offered to retire the previous secrets once they have the new one.
  const offer = !result.deliveries.length && old.length;
  const phase = offer ? { kind: 'retire' as const, old, proofFailed: r.proof === 'failed' } : { kind: 'done' as const, report };
  let next = replaceAt(selectId(patchCredential(base, withSecret), c.id), found.at, { ...found.screen, dialog: { ...found.screen.dialog, phase } });
  next = { ...next, stack: next.stack.slice(0, found.at + 1) };
  const name = c.name ?? c.id;
  const done = `Added secret ${n.secretId} to OAuth client "${name}"${result.deliveries.length ? `, ${deliveredCount(result.deliveries)}` : ''}.`;
  if (result.secret.mustShow) {
    const secret = initialSecret(r.held, `Rotate OAuth client "${name}": new secret`, { select: null, done }, report);
    return step(push(next, { kind: 'secret', secret }));
  }
  const s = notify(next, done, result.ok ? 'ok' : 'warn');
  return { ...s, effects: [{ kind: 'release', held: r.held }, ...s.effects] };
}

function deliveredCount(deliveries: readonly { status: string }[]): string {
  const ok = deliveries.filter((d) => d.status === 'proven' || d.status === 'delivered').length;
  return `delivered to ${ok} of ${deliveries.length} target${deliveries.length === 1 ? '' : 's'}`;
}

export function onRotateFailed(model: Model, failure: SubmitFailure, hint: string | null): Step {
  const base = { ...model, creating: Math.max(0, model.creating - 1) };
  const found = findScreen(base, 'rotate');
  const s = notify(base, `Rotation failed: ${failure.message}`, 'error');
  if (!found) return s;
  return { ...s, model: replaceAt(s.model, found.at, { ...found.screen, dialog: { ...found.screen.dialog, phase: { kind: 'failed', failure, hint } } }) };
}

export function onRetired(model: Model, result: RetireResult): Step {
  const found = findScreen(model, 'rotate');
  const text = [
    result.retired.length ? `Retired ${result.retired.join(', ')}.` : '',
    result.failures.length ? `Not retired: ${result.failures.join('; ')}.` : '',
  ].filter(Boolean).join(' ');
  const s = notify(model, text || 'Nothing to retire.', result.failures.length ? 'error' : 'ok');
  if (!found) return andReload(s);
  const next = replaceAt(s.model, found.at, { ...found.screen, dialog: { ...found.screen.dialog, phase: { kind: 'retired', retired: result.retired, failures: result.failures } } });
  return { ...s, model: next };
}

