// The wizard's text-only steps (the HMAC warning, the review, a failure) as parts that fit. Pure.
import { ownerOf, type WizardState } from './wizard-state.js';
import { currentHmacOf } from './wizard-submit.js';
import { parseExpiry } from '../../ops/create-rules.js';
import { ownerLabel } from './wizard-owners.js';
import { UNCERTAIN_ADVICE } from '../dialogs/failure.js';
import { BLANK_ROW, fixed, labelled, marked, para, part, type Part } from '../frame/rows.js';
import { dateOnly } from '../../model/credential.js';


function review(state: WizardState, width: number): Part[] {
  const { draft, env } = state;
  const owner = ownerOf(state);
  const who = `${owner.userName}${owner.userId === env.caller.userId ? ' (myself)' : ''} · ${owner.accountType === 'api' ? 'API account' : 'user'}`;
  const row = (label: string, value: string) => part(label, (one) => labelled(label, value, width, 12, one), 1);
  const fields = [row('Type', draft.type === 'hmac' ? 'HMAC' : 'OAuth Client'), row('For', who)];
  if (draft.type === 'hmac') {
    const current = currentHmacOf(state);
    fields.push(row('Replaces', current ? `${current.id} (stops working at once or within 24 hours)` : 'no active pair'));
  } else {
    const expiry = parseExpiry(draft.expiry, env.now, env.maxTtlDays);
    fields.push(
      row('Name', draft.name.trim()),
      row('Expires', expiry.ok ? `${expiry.value.date} (${expiry.value.days} days)` : draft.expiry),
      row('Description', draft.description.trim() || '—'),
      row('Roles', draft.roles.join(', ')),
    );
  }
  const verb = draft.type === 'hmac' ? 'generate' : 'create';
  return [
    ...fields,
    { key: 'gap', forms: [[BLANK_ROW], []], shrink: 0 },
    part('go', (one) => para(`Press Enter to ${verb}. The secret is shown once, on the next screen.`, width, { oneRow: one }), 0),
  ];
}

function hmacWarning(state: WizardState, width: number): Part[] {
  const owner = ownerOf(state);
  const current = currentHmacOf(state);
  const parts: Part[] = [
    part('what', (one) => para(`A new HMAC pair (API ID and secret key) for ${ownerLabel(owner, owner.userId === state.env.caller.userId)}.`, width, { oneRow: one })),
    part('warn', (one) => marked('warn', current
      ? `The current pair ${current.id} (expires ${dateOnly(current.expiresAt, 'unknown')}) stops working (at once or within 24 hours). Every script and pipeline using it will need the new one.`
      : `Any current pair of ${owner.userName} stops working (at once or within 24 hours).`, width, one), 3),
  ];
  if (current && current.profiles.length > 0) {
    parts.push(part('profiles', (one) => para(`Local profiles holding it: ${current.profiles.join(', ')} (save the new pair to them on the next screen).`, width, { oneRow: one })));
  }
  return parts;
}

function failed(state: WizardState, width: number): Part[] {
  const f = state.failure;
  return [
    part('why', (one) => marked('fail', f?.message ?? 'The request failed.', width, one), 3),
    f?.uncertain
      ? part('advice', (one) => marked('warn', UNCERTAIN_ADVICE, width, one))
      : fixed('advice', para('Nothing was created. Your answers are kept: press r to try again.', width)),
  ];
}

export function stepParts(state: WizardState, width: number): Part[] {
  if (state.step === 'review') return review(state, width);
  if (state.step === 'hmac-warning') return hmacWarning(state, width);
  if (state.step === 'failed') return failed(state, width);
  return [];
}
