// The one-time secret screen's commands. The secret stays held (and the app asks before quitting)
// until it is saved to a profile, copied, or knowingly left.
import { SECRET_BINDINGS, type SecretCommand } from '../bindings.js';
import { editorOf, editorReducer, type Edit } from '../input/editor.js';
import { oauthEnvSnippet, profileNameProblem, suggestProfileName } from '../dialogs/secret.js';
import { isKept, type SecretState } from '../dialogs/secret-screen.js';
import type { Model, Screen } from './model.js';
import { step, unreachable, type Step } from './messages.js';
import { notify } from './notify.js';
import { refresh } from './on-list.js';
import { pop, push } from './stack.js';
import { replaceTop } from './stack.js';
import { selectId } from './selection.js';

type Secret = Extract<Screen, { kind: 'secret' }>;

export function secretBindings(s: SecretState) {
  switch (s.mode.kind) {
    case 'view': return s.held.secret.kind === 'hmac' ? SECRET_BINDINGS.hmac : SECRET_BINDINGS.oauth;
    case 'profile': return SECRET_BINDINGS.prompt;
    case 'replace':
    case 'leave': return SECRET_BINDINGS.question;
    case 'listing':
    case 'saving': return SECRET_BINDINGS.busy;
    default: return unreachable(s.mode);
  }
}

/** Leaves the secret screen: the list selects what was made and says so; a change means a reload. */
export function leaveSecret(model: Model, screen: Secret, quit = false): Step {
  const release = { kind: 'release', held: screen.secret.held } as const;
  if (quit) return step(model, release, { kind: 'quit' });
  const { select, done } = screen.secret.after;
  let next = pop(model);
  if (select && next.stack.length === 1) next = selectId(next, select);
  const s = notify(next, done, 'ok');
  const r = refresh(s.model);
  return { model: r.model, effects: [release, ...s.effects, ...r.effects] };
}

export function onSecretEdit(model: Model, screen: Secret, edit: Edit): Step {
  const m = screen.secret.mode;
  if (m.kind !== 'profile') return step(model);
  const editor = editorReducer(m.editor, edit, 64);
  return step(replaceTop(model, { ...screen, secret: { ...screen.secret, mode: { ...m, editor, error: null } } }));
}

export function onSecretCommand(model: Model, screen: Secret, command: SecretCommand): Step {
  const s = screen.secret;
  const secret = s.held.secret;
  const set = (next: Partial<SecretState>) => replaceTop(model, { ...screen, secret: { ...s, ...next } });
  const m = s.mode;
  switch (command) {
    case 'reveal': return step(set({ revealed: !s.revealed }));
    case 'env': return secret.kind === 'oauth' ? step(set({ showEnv: !s.showEnv })) : step(model);
    case 'copy': {
      const text = s.showEnv ? oauthEnvSnippet(secret.id, secret.secret) : secret.secret;
      return step(set({ copied: s.showEnv ? 'env' : 'secret' }), { kind: 'copy', text }, { kind: 'release', held: s.held });
    }
    case 'save':
      if (secret.kind !== 'hmac' || model.readOnly) return step(model);
      return step(set({ mode: { kind: 'listing' }, problem: null }), { kind: 'list-profiles' });
    case 'done': return isKept(s) ? leaveSecret(model, screen) : step(set({ mode: { kind: 'leave', quit: false } }));
    case 'confirm': {
      if (m.kind !== 'profile') return step(model);
      const name = m.editor.value.trim();
      const bad = profileNameProblem(name);
      if (bad) return step(set({ mode: { ...m, error: bad } }));
      if (m.existing.includes(name)) return step(set({ mode: { kind: 'replace', profile: name, existing: m.existing } }));
      return step(set({ mode: { kind: 'saving', profile: name, existing: m.existing } }), { kind: 'save-profile', profile: name, id: secret.id, secret: secret.secret, force: false });
    }
    case 'yes':
      if (m.kind === 'replace') {
        return step(set({ mode: { kind: 'saving', profile: m.profile, existing: m.existing } }), { kind: 'save-profile', profile: m.profile, id: secret.id, secret: secret.secret, force: true });
      }
      if (m.kind === 'leave') return leaveSecret(model, screen, m.quit);
      return step(model);
    case 'no':
      if (m.kind === 'replace') return step(set({ mode: { kind: 'profile', editor: editorOf(m.profile), existing: m.existing, error: null } }));
      if (m.kind === 'profile' || m.kind === 'leave') return step(set({ mode: { kind: 'view' } }));
      return step(model);
    case 'help': return step(push(model, { kind: 'help', scroll: 0 }));
    default: return unreachable(command);
  }
}

/** Answers of the save-to-profile effects. */
export function onProfilesListed(model: Model, screen: Secret, existing: string[]): Step {
  const secret = screen.secret.held.secret;
  const editor = editorOf(suggestProfileName(existing, secret.ownerName, secret.staleProfiles));
  return step(replaceTop(model, { ...screen, secret: { ...screen.secret, mode: { kind: 'profile', editor, existing, error: null } } }));
}

export function onProfilesFailed(model: Model, screen: Secret, error: string): Step {
  const problem = `Cannot read ${model.credentialsPath}: ${error} The secret is still here: copy it (y) instead.`;
  return step(replaceTop(model, { ...screen, secret: { ...screen.secret, mode: { kind: 'view' }, problem } }));
}

export function onProfileSaved(model: Model, screen: Secret, saved: SecretState['saved']): Step {
  const next = replaceTop(model, { ...screen, secret: { ...screen.secret, saved, mode: { kind: 'view' }, problem: null } });
  return step(next, { kind: 'release', held: screen.secret.held });
}

export function onProfileSaveFailed(model: Model, screen: Secret, profile: string, error: string): Step {
  const m = screen.secret.mode;
  const existing = m.kind === 'saving' ? m.existing : [];
  return step(replaceTop(model, { ...screen, secret: { ...screen.secret, mode: { kind: 'profile', editor: editorOf(profile), existing, error: `Could not save: ${error}` } } }));
}
