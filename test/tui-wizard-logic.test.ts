import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  initialWizard, wizardReducer, stepsOf, currentOwnerOptions, ownerRoleNames,
  type WizardAction, type WizardState,
} from '../src/tui/wizard/wizard-state.js';
import { submissionOf } from '../src/tui/wizard/wizard-submit.js';
import { parseExpiry, validateName, validateRoles, validateDescription, maxExpiry, lifetimeDays } from '../src/ops/create-rules.js';
import { maskSecret, oauthEnvSnippet, suggestProfileName, profileNameProblem } from '../src/tui/dialogs/secret.js';
import { osc52 } from '../src/tui/clipboard.js';
import { describeFailure } from '../src/tui/dialogs/failure.js';
import type { Organisation } from '../src/identity/types.js';
import { FAKE_NOW, FAKE_USERS, fakeCredentials } from './helpers/fake-service.js';

const DAY = 86_400_000;

function org(isAdmin = true, maxTtlDays = 365): Organisation {
  const alice = FAKE_USERS[0]!;
  return {
    caller: { ...alice, isAdmin },
    users: isAdmin ? FAKE_USERS : [alice],
    credentials: fakeCredentials(),
    maxTtlDays,
  };
}

function run(state: WizardState, ...actions: WizardAction[]): WizardState {
  return actions.reduce(wizardReducer, state);
}
const next: WizardAction = { type: 'next' };
const back: WizardAction = { type: 'back' };
const text = (t: string): WizardAction => ({ type: 'edit', edit: { type: 'insert', text: t } });
const backspace: WizardAction = { type: 'edit', edit: { type: 'backspace' } };
const down: WizardAction = { type: 'move', delta: 1 };

describe('wizard steps', () => {
  test('an admin chooses the type, then the owner, then the OAuth fields, then reviews', () => {
    const s = initialWizard(org(), FAKE_NOW);
    assert.equal(s.step, 'type');
    assert.deepEqual(stepsOf(s), ['type', 'owner', 'name', 'expiry', 'description', 'roles', 'review']);
  });

  test('HMAC skips the OAuth fields and shows the warning step', () => {
    const s = run(initialWizard(org(), FAKE_NOW), down, next);
    assert.equal(s.draft.type, 'hmac');
    assert.equal(s.step, 'owner');
    assert.deepEqual(stepsOf(s), ['type', 'owner', 'hmac-warning', 'review']);
  });

  test('a non-admin has no owner step and can only create for themselves', () => {
    const s = run(initialWizard(org(false), FAKE_NOW), next);
    assert.equal(s.step, 'name');
    assert.ok(!stepsOf(s).includes('owner'));
    const options = currentOwnerOptions(run(s, text('bob')));
    assert.deepEqual(options.map((o) => o.user.userId), ['u-alice']);
    assert.equal(submissionOf(s, FAKE_NOW).kind, 'oauth');
    const sub = submissionOf(run(s, text('x')), FAKE_NOW);
    assert.ok(sub.kind === 'oauth' && sub.input.userId === undefined);
  });

  test('the owner list filters as you type and picks with arrows', () => {
    let s = run(initialWizard(org(), FAKE_NOW), next);
    assert.equal(s.step, 'owner');
    s = run(s, text('api'));
    // ci-bot and scanner-api (API accounts) match by name; "api" does not match alice.
    const labels = currentOwnerOptions(s).map((o) => o.user.userName);
    assert.deepEqual(labels, ['scanner-api']);
    s = run(s, backspace, backspace, backspace, text('ci'));
    assert.deepEqual(currentOwnerOptions(s).map((o) => o.user.userName), ['ci-bot']);
    s = run(s, next);
    assert.equal(s.draft.ownerId, 'u-ci');
    // The roles of a new owner are all of theirs by default.
    assert.deepEqual(s.draft.roles, ['Upload API', 'Results API']);
    assert.equal(s.step, 'name');
  });

  test('a filter that matches no one keeps the user on the owner step with the reason', () => {
    const s = run(initialWizard(org(), FAKE_NOW), next, text('zzz'), next);
    assert.equal(s.step, 'owner');
    assert.equal(s.error?.field, 'owner');
    assert.match(s.error!.message, /no account matches "zzz"/);
  });

  test('Esc goes back a step and keeps what was typed; Esc on the first step cancels', () => {
    let s = run(initialWizard(org(false), FAKE_NOW), next, text('my-client'), next);
    assert.equal(s.step, 'expiry');
    s = run(s, text('0'), back);
    assert.equal(s.step, 'name');
    assert.equal(s.draft.name, 'my-client');
    assert.equal(s.draft.expiry, '3650');
    s = run(s, back);
    assert.equal(s.step, 'type');
    assert.equal(s.cancelled, false);
    s = run(s, back);
    assert.equal(s.cancelled, true);
    assert.equal(s.draft.name, 'my-client');
  });

  test('bad input keeps the user on the step with the field and the reason', () => {
    let s = run(initialWizard(org(false), FAKE_NOW), next, next);
    assert.equal(s.step, 'name');
    assert.equal(s.error?.field, 'name');
    assert.match(s.error!.message, /Name is empty/);
    s = run(s, text('github-actions'), next);
    assert.equal(s.step, 'name');
    assert.match(s.error!.message, /already used/);
    s = run(s, text('2'));
    assert.equal(s.error, null, 'typing clears the message');
  });

  test('roles: all of the owner\'s selected by default, space clears one, none is refused', () => {
    let s = run(initialWizard(org(false), FAKE_NOW), next, text('c1'), next, next, next);
    assert.equal(s.step, 'roles');
    assert.deepEqual(s.draft.roles, ['Administrator', 'Creator', 'Security Lead']);
    s = run(s, { type: 'toggle' });
    assert.deepEqual(s.draft.roles, ['Creator', 'Security Lead']);
    s = run(s, { type: 'toggleAll' });
    assert.deepEqual(s.draft.roles, ['Administrator', 'Creator', 'Security Lead']);
    s = run(s, { type: 'toggleAll' }, next);
    assert.equal(s.step, 'roles');
    assert.match(s.error!.message, /none selected/);
    s = run(s, down, down, { type: 'toggle' }, next);
    assert.equal(s.step, 'review');
    const sub = submissionOf(s, FAKE_NOW);
    assert.ok(sub.kind === 'oauth');
    assert.deepEqual(sub.input.roles, ['Security Lead']);
    assert.equal(sub.input.name, 'c1');
    assert.equal(sub.input.expiresAt, new Date(FAKE_NOW + 365 * DAY).toISOString());
    assert.equal(run(s, next).step, 'submitting');
  });

  test('submitting cannot be left; a failure keeps the draft and allows retry', () => {
    let s = run(initialWizard(org(), FAKE_NOW), down, next, next, next, next);
    assert.equal(s.step, 'submitting');
    assert.equal(run(s, back).step, 'submitting');
    s = run(s, { type: 'failed', failure: { message: 'boom', uncertain: false } });
    assert.equal(s.step, 'failed');
    assert.equal(s.failure?.message, 'boom');
    assert.equal(run(s, { type: 'retry' }).step, 'submitting');
    const r = run(s, back);
    assert.equal(r.step, 'review');
    assert.equal(r.draft.type, 'hmac');
  });

  test('HMAC for another user submits their id', () => {
    const s = run(initialWizard(org(), FAKE_NOW), down, next, text('bob'), next, next);
    assert.equal(s.step, 'review');
    assert.deepEqual(submissionOf(s, FAKE_NOW), { kind: 'hmac', userId: 'u-bob' });
  });

  test('clone: OAuth, same owner, "<name> (copy)", same description, roles and lifetime', () => {
    const source = fakeCredentials().find((c) => c.name === 'ci-pipeline')!;
    const s = initialWizard(org(), FAKE_NOW, source);
    assert.equal(s.step, 'name');
    assert.equal(s.draft.type, 'oauth');
    assert.equal(s.draft.ownerId, 'u-ci');
    assert.equal(s.draft.name, 'ci-pipeline (copy)');
    assert.equal(s.draft.description, 'ci-pipeline client');
    assert.deepEqual(s.draft.roles, ['Upload API', 'Results API']);
    assert.equal(s.draft.expiry, '90');
    assert.deepEqual(stepsOf(s), ['name', 'expiry', 'description', 'roles', 'review']);
    assert.equal(run(s, back).cancelled, true);
    const sub = submissionOf(run(s, next, next, next, next), FAKE_NOW);
    assert.ok(sub.kind === 'oauth' && sub.input.userId === 'u-ci' && sub.input.description === 'ci-pipeline client');
  });

  test('roles offered are only the owner\'s', () => {
    const s = run(initialWizard(org(), FAKE_NOW), next, text('carol'), next);
    assert.deepEqual(ownerRoleNames(s), ['Reviewer']);
    assert.equal(validateRoles(['Administrator'], ownerRoleNames(s)).ok, false);
  });
});

describe('field validation', () => {
  const creds = fakeCredentials();
  test('name: empty, too long, control characters, taken by the same owner', () => {
    assert.match(validateName('  ', 'u-alice', creds).ok ? '' : 'empty', /empty/);
    const long = validateName('x'.repeat(65), 'u-alice', creds);
    assert.ok(!long.ok && /65 characters.*at most 64/.test(long.error.message));
    assert.ok(validateName('x'.repeat(64), 'u-alice', creds).ok);
    const ctl = validateName('a\u0007b', 'u-alice', creds);
    assert.ok(!ctl.ok && /control character/.test(ctl.error.message));
    const taken = validateName('GitHub-Actions', 'u-alice', creds);
    assert.ok(!taken.ok && taken.error.field === 'name');
    assert.ok(validateName('github-actions', 'u-bob', creds).ok, 'unique per owner only');
  });

  test('expiry: days, dates, defaults and limits', () => {
    const max = maxExpiry(FAKE_NOW, 365);
    assert.equal(max.date, '2027-11-26');
    const days = parseExpiry('30', FAKE_NOW, 365);
    assert.ok(days.ok && days.value.date === '2026-12-26' && days.value.days === 30);
    for (const [input, pattern] of [
      ['', /empty/], ['0', /out of range/], ['366', /out of range.*1 to 365 days/], ['soon', /neither a number of days nor a date/],
      ['2027-02-30', /does not exist/], ['2026-11-25', /not in the future/], ['2027-11-27', /more than 365 days away: pick a date up to 2027-11-26/],
    ] as const) {
      const r = parseExpiry(input, FAKE_NOW, 365);
      assert.ok(!r.ok, `${input} should be refused`);
      assert.equal(r.error.field, 'expiry');
      assert.match(r.error.message, pattern);
    }
    const maxDate = parseExpiry('2027-11-26', FAKE_NOW, 365);
    assert.ok(maxDate.ok && Date.parse(maxDate.value.expiresAt) <= FAKE_NOW + 365 * DAY);
    const date = parseExpiry('2027-01-01', FAKE_NOW, 365);
    assert.ok(date.ok && date.value.expiresAt === '2027-01-01T23:59:59.999Z');
  });

  test('the default expiry is the organisation maximum', () => {
    const s = initialWizard(org(true, 90), FAKE_NOW);
    assert.equal(s.draft.expiry, '90');
  });

  test('description is optional; roles need one', () => {
    assert.ok(validateDescription('').ok);
    assert.ok(!validateDescription('a\nb').ok);
    assert.ok(!validateRoles([], ['Reviewer']).ok);
  });

  test('clone lifetime is clamped to the organisation maximum', () => {
    assert.equal(lifetimeDays({ createdAt: '2026-01-01T00:00:00Z', expiresAt: '2028-01-01T00:00:00Z' }, 365), 365);
    assert.equal(lifetimeDays({ createdAt: null, expiresAt: null }, 200), 200);
  });
});

describe('secret helpers', () => {
  test('mask shows only the last 4 characters', () => {
    const m = maskSecret('abcdef0123456789');
    assert.ok(m.endsWith('6789'));
    assert.ok(!m.includes('abcdef'));
  });

  test('env snippet names both variables and quotes what the shell would split', () => {
    assert.equal(oauthEnvSnippet('id1', 's3cr3t'), 'export VERACODE_OAUTH_CLIENT_ID=id1 VERACODE_OAUTH_CLIENT_SECRET=s3cr3t');
    assert.match(oauthEnvSnippet('id1', "a b'c"), /SECRET='a b'\\''c'$/);
  });

  test('profile suggestion: default for an empty file, else the owner name, numbered if taken', () => {
    assert.equal(suggestProfileName([], 'bob@example.com'), 'default');
    assert.equal(suggestProfileName(['default'], 'bob@example.com'), 'bob');
    assert.equal(suggestProfileName(['default', 'bob'], 'bob@example.com'), 'bob-2');
    assert.equal(suggestProfileName(['default', 'ci'], 'bob@example.com', ['ci']), 'ci', 'the profile holding the replaced key');
    assert.match(profileNameProblem('a]b') ?? '', /\[ or \]/);
    assert.equal(profileNameProblem('ci'), null);
  });

  test('OSC 52 carries the text base64-encoded, plain inside tmux too (tmux handles it itself)', () => {
    assert.equal(osc52('hi', {}), '\x1b]52;c;aGk=\x07');
    assert.equal(osc52('hi', { TMUX: '/tmp/tmux-1000/default,1,0' }), '\x1b]52;c;aGk=\x07');
  });

  test('a failure that may have reached the server is flagged as uncertain', () => {
    assert.deepEqual(describeFailure(new Error('nope')), { message: 'nope', uncertain: false });
    const e = Object.assign(new Error('timeout'), { mayHaveReachedServer: true });
    assert.equal(describeFailure(e).uncertain, true);
  });
});
