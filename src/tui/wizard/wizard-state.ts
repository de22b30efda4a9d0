// The create wizard as a pure reducer: which steps there are, the draft, validation and the
// submission it leads to. The view only renders the state and maps keys to these actions.
import type { Credential, CredentialType } from '../../model/credential.js';
import type { Caller, Organisation, User } from '../../identity/types.js';
import {
  NAME_MAX, cloneName, lifetimeDays, parseExpiry, validateDescription, validateName, validateRoles, type FieldError,
} from '../../ops/create-rules.js';
import { editorReducer, type Edit, type Editor } from '../input/editor.js';
import { ownerOptions, type OwnerOption } from './wizard-owners.js';
import type { SubmitFailure } from '../dialogs/failure.js';

export type WizardStep =
  | 'type' | 'owner' | 'name' | 'expiry' | 'description' | 'roles' | 'hmac-warning' | 'review'
  | 'submitting' | 'failed';

export interface WizardDraft {
  type: CredentialType;
  ownerId: string;
  name: string;
  /** As typed: a number of days or a date. */
  expiry: string;
  description: string;
  roles: string[];
}

export interface WizardEnv {
  caller: Caller;
  users: readonly User[];
  credentials: readonly Credential[];
  maxTtlDays: number;
  now: number;
  /** Set when cloning: type and owner are fixed. */
  clone: boolean;
  /** The name of the client being cloned. */
  cloneOf: string | null;
}


export interface WizardState {
  env: WizardEnv;
  step: WizardStep;
  draft: WizardDraft;
  /** Position in the list of the current step (type, owner, roles). */
  cursor: number;
  /** Filter typed on the owner step. */
  query: string;
  /** Where the text cursor is in the current step's field (UTF-16 offset). */
  caret: number;
  error: FieldError | null;
  failure: SubmitFailure | null;
  /** Esc on the first step: the view closes the wizard. */
  cancelled: boolean;
}

export type WizardAction =
  | { type: 'move'; delta: number }
  | { type: 'edit'; edit: Edit }
  | { type: 'toggle' }
  | { type: 'toggleAll' }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'failed'; failure: SubmitFailure }
  | { type: 'retry' };

export const TYPE_CHOICES: readonly { type: CredentialType; label: string }[] = [
  { type: 'oauth', label: 'OAuth Client' },
  { type: 'hmac', label: 'HMAC (API ID and secret key)' },
];

export function canPickOthers(env: WizardEnv): boolean {
  return env.caller.isAdmin && !env.clone;
}

/** The owner the draft is for: the caller, or (admins only) one of the organisation's users. */
export function ownerOf(state: Pick<WizardState, 'env' | 'draft'>): User {
  const { env, draft } = state;
  if (draft.ownerId === env.caller.userId || !env.caller.isAdmin) return env.caller;
  return env.users.find((u) => u.userId === draft.ownerId) ?? env.caller;
}

export function ownerRoleNames(state: Pick<WizardState, 'env' | 'draft'>): string[] {
  return ownerOf(state).roles.map((r) => r.name);
}

export function stepsOf(state: Pick<WizardState, 'env' | 'draft'>): WizardStep[] {
  const steps: WizardStep[] = state.env.clone ? [] : ['type'];
  if (canPickOthers(state.env)) steps.push('owner');
  if (state.draft.type === 'oauth') steps.push('name', 'expiry', 'description', 'roles');
  else steps.push('hmac-warning');
  steps.push('review');
  return steps;
}

export function initialWizard(org: Organisation, now: number, prefill?: Credential): WizardState {
  const env: WizardEnv = {
    caller: org.caller, users: org.users, credentials: org.credentials, maxTtlDays: org.maxTtlDays, now,
    clone: prefill?.type === 'oauth',
    cloneOf: prefill?.type === 'oauth' ? prefill.name ?? prefill.id : null,
  };
  let draft: WizardDraft = {
    type: 'oauth', ownerId: org.caller.userId, name: '', expiry: String(org.maxTtlDays), description: '', roles: [],
  };
  if (env.clone && prefill) {
    // A non-admin can only clone their own clients; anyone else's would be refused by the server.
    const ownerId = org.caller.isAdmin ? prefill.owner.userId : org.caller.userId;
    draft = {
      type: 'oauth', ownerId,
      name: cloneName(prefill.name ?? '', ownerId, org.credentials),
      expiry: String(lifetimeDays(prefill, org.maxTtlDays)),
      description: prefill.description ?? '',
      roles: [],
    };
    const held = ownerRoleNames({ env, draft });
    draft.roles = prefill.roles.map((r) => r.name).filter((r) => held.includes(r));
  } else {
    draft.roles = ownerRoleNames({ env, draft });
  }
  const state: WizardState = { env, step: 'type', draft, cursor: 0, query: '', caret: 0, error: null, failure: null, cancelled: false };
  return enter(state, stepsOf(state)[0]!);
}

export function currentOwnerOptions(state: WizardState): OwnerOption[] {
  return ownerOptions(state.env.caller, state.env.users, state.query, canPickOthers(state.env));
}

function enter(state: WizardState, step: WizardStep): WizardState {
  let cursor = 0;
  if (step === 'type') cursor = Math.max(0, TYPE_CHOICES.findIndex((c) => c.type === state.draft.type));
  if (step === 'owner') {
    const at = currentOwnerOptions(state).findIndex((o) => o.user.userId === state.draft.ownerId);
    cursor = Math.max(0, at);
  }
  const next = { ...state, step, cursor, error: null };
  return { ...next, caret: fieldOf(next)?.value.length ?? 0 };
}

function listLength(state: WizardState): number {
  if (state.step === 'type') return TYPE_CHOICES.length;
  if (state.step === 'owner') return currentOwnerOptions(state).length;
  if (state.step === 'roles') return ownerRoleNames(state).length;
  return 0;
}

type TextField = 'name' | 'expiry' | 'description';
const TEXT_STEPS: readonly WizardStep[] = ['name', 'expiry', 'description'];
/** Longest text a field takes: the name's limit is checked on Enter, with a message, not by a silent cut. */
const FIELD_MAX: Record<TextField | 'owner', number> = { owner: 256, name: NAME_MAX * 4, expiry: 32, description: 4096 };

/** The text field of the current step, as an editor; null on steps without one. */
export function fieldOf(state: WizardState): Editor | null {
  if (state.step === 'owner') return { value: state.query, cursor: Math.min(state.caret, state.query.length) };
  if (!TEXT_STEPS.includes(state.step)) return null;
  const value = state.draft[state.step as TextField];
  return { value, cursor: Math.min(state.caret, value.length) };
}

function editText(state: WizardState, edit: Edit): WizardState {
  const field = fieldOf(state);
  if (!field) return state;
  const max = FIELD_MAX[state.step as TextField | 'owner'];
  const next = editorReducer(field, edit, max);
  if (next === field) return state;
  if (state.step === 'owner') return { ...state, query: next.value, caret: next.cursor, cursor: 0, error: null };
  return { ...state, draft: { ...state.draft, [state.step as TextField]: next.value }, caret: next.cursor, error: null };
}

/** Validates the current step; on success returns the state with the step's value committed. */
function commit(state: WizardState): WizardState | FieldError {
  const { draft, env } = state;
  switch (state.step) {
    case 'type': {
      const type = TYPE_CHOICES[state.cursor]?.type ?? draft.type;
      return { ...state, draft: { ...draft, type } };
    }
    case 'owner': {
      const picked = currentOwnerOptions(state)[state.cursor];
      if (!picked) return { field: 'owner', message: `Owner: no account matches "${state.query}". Change the filter (Backspace).` };
      if (picked.user.userId === draft.ownerId) return state;
      const next = { ...draft, ownerId: picked.user.userId };
      // A new owner has other roles: start again from all of them, as the Platform does.
      return { ...state, draft: { ...next, roles: ownerRoleNames({ env, draft: next }) } };
    }
    case 'name': {
      const r = validateName(draft.name, draft.ownerId, env.credentials);
      return r.ok ? state : r.error;
    }
    case 'expiry': {
      const r = parseExpiry(draft.expiry, env.now, env.maxTtlDays);
      return r.ok ? state : r.error;
    }
    case 'description': {
      const r = validateDescription(draft.description);
      return r.ok ? state : r.error;
    }
    case 'roles': {
      const r = validateRoles(draft.roles, ownerRoleNames(state));
      return r.ok ? state : r.error;
    }
    case 'review':
      return reviewErrors(state)[0] ?? state;
    default:
      return state;
  }
}

/** Every problem of the draft as a whole (the review step checks again before sending). */
export function reviewErrors(state: WizardState): FieldError[] {
  const { draft, env } = state;
  if (draft.type === 'hmac') return [];
  const checks = [
    validateName(draft.name, draft.ownerId, env.credentials),
    parseExpiry(draft.expiry, env.now, env.maxTtlDays),
    validateDescription(draft.description),
    validateRoles(draft.roles, ownerRoleNames(state)),
  ];
  return checks.flatMap((c) => (c.ok ? [] : [c.error]));
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'move': {
      const n = listLength(state);
      if (n === 0) return state;
      return { ...state, cursor: Math.min(n - 1, Math.max(0, state.cursor + action.delta)) };
    }
    case 'edit':
      return editText(state, action.edit);
    case 'toggle': {
      if (state.step !== 'roles') return state;
      const all = ownerRoleNames(state);
      const role = all[state.cursor];
      if (!role) return state;
      const has = state.draft.roles.includes(role);
      // Kept in the owner's order, so the review reads the same whatever order they were picked in.
      const roles = all.filter((r) => (r === role ? !has : state.draft.roles.includes(r)));
      return { ...state, draft: { ...state.draft, roles }, error: null };
    }
    case 'toggleAll': {
      if (state.step !== 'roles') return state;
      const all = ownerRoleNames(state);
      const roles = state.draft.roles.length === all.length ? [] : all;
      return { ...state, draft: { ...state.draft, roles }, error: null };
    }
    case 'next': {
      if (state.step === 'submitting' || state.step === 'failed') return state;
      const committed = commit(state);
      if ('field' in committed) return { ...state, error: committed };
      if (state.step === 'review') return { ...committed, step: 'submitting', error: null, failure: null };
      const steps = stepsOf(committed);
      const next = steps[steps.indexOf(state.step) + 1];
      return next ? enter(committed, next) : committed;
    }
    case 'back': {
      if (state.step === 'submitting') return state; // the request is in flight: its answer must not be lost
      if (state.step === 'failed') return { ...enter(state, 'review'), failure: state.failure };
      const steps = stepsOf(state);
      const at = steps.indexOf(state.step);
      if (at <= 0) return { ...state, cancelled: true };
      return enter(state, steps[at - 1]!);
    }
    case 'failed':
      return state.step === 'submitting' ? { ...state, step: 'failed', failure: action.failure } : state;
    case 'retry':
      return state.step === 'failed' ? { ...state, step: 'submitting', failure: null } : state;
  }
}
