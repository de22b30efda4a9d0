// The wizard's current step as rows for its frame, fitted to the rows it has. Pure.
import { maxExpiry, parseExpiry } from '../../ops/create-rules.js';
import { choiceRows } from '../frame/choice-rows.js';
import { fieldRow, fitParts, para, type Part, type Row } from '../frame/rows.js';
import { visibleSlice } from '../input/editor.js';
import { TYPE_CHOICES, currentOwnerOptions, fieldOf, ownerOf, ownerRoleNames, stepsOf, type WizardState } from './wizard-state.js';
import { stepParts } from './wizard-step-rows.js';

const STEP_TITLES: Record<string, string> = {
  type: 'Type', owner: 'For whom', name: 'Name', expiry: 'Expiry', description: 'Description', roles: 'Roles',
  'hmac-warning': 'Replace the current pair', review: 'Review',
};

export function wizardTitle(state: WizardState, cloneOf: string | null): string {
  const steps = stepsOf(state);
  const at = steps.indexOf(state.step);
  const verb = cloneOf ? `Clone "${cloneOf}"` : 'New API credential';
  return at >= 0 ? `${verb} · step ${at + 1} of ${steps.length}: ${STEP_TITLES[state.step]}` : verb;
}

const fit = (parts: Part[], rows: number) => fitParts(parts, rows).flatMap((p) => [...p.rows]);
const note = (text: string, width: number): Part => ({ key: 'note', forms: [para(text, width, { tone: 'dim' }), para(text, width, { tone: 'dim', oneRow: true }), []], shrink: 1 });

/** The body of the current step, `width` cells wide and at most `rows` rows. */
export function wizardRows(state: WizardState, width: number, rows: number): Row[] {
  const { draft, env } = state;
  const owner = ownerOf(state);
  const field = (label: string, placeholder?: string): Row => fieldRow(label, visibleSlice(fieldOf(state)!, width - label.length - 2), placeholder);
  switch (state.step) {
    case 'type':
      return choiceRows(TYPE_CHOICES.map((c) => ({ key: c.type, label: c.label })), state.cursor, rows);
    case 'owner':
      return [
        field('Filter', 'type part of a name or e-mail'),
        ...choiceRows(currentOwnerOptions(state).map((o) => ({ key: o.user.userId, label: o.label })), state.cursor, Math.max(1, rows - 1), 'No account matches the filter: Backspace widens it.'),
      ];
    case 'name':
      return [field('Name'), ...fit([note(`1 to 64 characters, unique among ${owner.userName}'s clients.`, width)], rows - 1)];
    case 'expiry': {
      const max = maxExpiry(env.now, env.maxTtlDays);
      const parsed = parseExpiry(draft.expiry, env.now, env.maxTtlDays);
      const result: Row[] = parsed.ok ? [[{ text: `→ expires ${parsed.value.date} (${parsed.value.days} days)`, tone: 'ok' }]] : [];
      return [field('Expiry'), ...result, ...fit([note(`Days (1-${env.maxTtlDays}) or a date YYYY-MM-DD; the organisation's maximum is ${max.date} (${env.maxTtlDays} days).`, width)], rows - 1 - result.length)];
    }
    case 'description':
      return [field('Description', '(optional)'), ...fit([note('Optional: what this client is for, at most 512 characters.', width)], rows - 1)];
    case 'roles': {
      const intro = para(`Roles of ${owner.userName}: keep at least one; clear a role to down-scope the client.`, width);
      const shown = rows - intro.length >= 3 ? intro : [];
      const items = ownerRoleNames(state).map((r) => ({ key: r, label: r, checked: draft.roles.includes(r) }));
      return [...shown, ...choiceRows(items, state.cursor, Math.max(1, rows - shown.length), `${owner.userName} holds no roles, so no client can be created for them.`)];
    }
    case 'submitting':
      return para(draft.type === 'hmac' ? '… Generating the HMAC pair (waiting for the server)' : '… Creating the OAuth client (waiting for the server)', width);
    default:
      return fit(stepParts(state, width), rows);
  }
}
