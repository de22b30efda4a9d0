import { Box, Text } from 'ink';
import {
  TYPE_CHOICES, currentOwnerOptions, ownerOf, ownerRoleNames, type WizardState,
} from '../src/tui/wizard-state.js';
import { currentHmacOf } from '../src/tui/wizard-submit.js';
import { maxExpiry, parseExpiry } from '../src/tui/wizard-validate.js';
import { ownerLabel } from '../src/tui/wizard-owners.js';
import { UNCERTAIN_ADVICE } from '../src/tui/wizard-failure.js';
import { WizardChoiceList } from './wizard-choice-list.js';
import { WizardTextField } from './wizard-text-field.js';
import { WizardSpinner } from './wizard-spinner.js';
import { WizardReview } from './wizard-review.js';

const dateOf = (iso: string | null) => (iso ? iso.slice(0, 10) : 'unknown');

/** The body of the current step. `rows` is how many list rows fit. */
export function WizardStep({ state, rows }: { state: WizardState; rows: number }) {
  const { draft, env } = state;
  const owner = ownerOf(state);
  switch (state.step) {
    case 'type':
      return (
        <WizardChoiceList
          items={TYPE_CHOICES.map((c) => ({ key: c.type, label: c.label }))}
          cursor={state.cursor}
          rows={rows}
        />
      );
    case 'owner':
      return (
        <Box flexDirection="column">
          <WizardTextField label="Filter" value={state.query} placeholder="type part of a name or e-mail" />
          <WizardChoiceList
            items={currentOwnerOptions(state).map((o) => ({ key: o.user.userId, label: o.label }))}
            cursor={state.cursor}
            rows={Math.max(1, rows - 1)}
            empty="No account matches the filter."
          />
        </Box>
      );
    case 'name':
      return <WizardTextField label="Name" value={draft.name} note={`1 to 64 characters, unique among ${owner.userName}'s clients.`} />;
    case 'expiry': {
      const max = maxExpiry(env.now, env.maxTtlDays);
      const parsed = parseExpiry(draft.expiry, env.now, env.maxTtlDays);
      return (
        <Box flexDirection="column">
          <WizardTextField
            label="Expires in"
            value={draft.expiry}
            note={`Days (1-${env.maxTtlDays}) or a date YYYY-MM-DD; the organisation's maximum is ${max.date} (${env.maxTtlDays} days).`}
          />
          {parsed.ok ? <Text color="green">→ expires {parsed.value.date} ({parsed.value.days} days)</Text> : null}
        </Box>
      );
    }
    case 'description':
      return <WizardTextField label="Description" value={draft.description} placeholder="(optional)" note="Optional: what this client is for." />;
    case 'roles':
      return (
        <Box flexDirection="column">
          <Text>Roles of {owner.userName}: keep at least one; clear a role to down-scope the client.</Text>
          <WizardChoiceList
            items={ownerRoleNames(state).map((r) => ({ key: r, label: r, checked: draft.roles.includes(r) }))}
            cursor={state.cursor}
            rows={Math.max(1, rows - 1)}
            empty={`${owner.userName} holds no roles, so no client can be created for them.`}
          />
        </Box>
      );
    case 'hmac-warning': {
      const current = currentHmacOf(state);
      return (
        <Box flexDirection="column">
          <Text>A new HMAC pair (API ID and secret key) for {ownerLabel(owner, owner.userId === env.caller.userId)}.</Text>
          {current ? (
            <Text color="yellow">
              ⚠ The current pair {current.id} (expires {dateOf(current.expiresAt)}) stops working (at once or within 24 hours).
              Every script and pipeline using it will need the new one.
            </Text>
          ) : (
            <Text color="yellow">⚠ Any current pair of {owner.userName} stops working (at once or within 24 hours).</Text>
          )}
          {current && current.profiles.length > 0 ? (
            <Text>Local profiles holding it: {current.profiles.join(', ')} (save the new pair to them on the next screen).</Text>
          ) : null}
        </Box>
      );
    }
    case 'review':
      return <WizardReview state={state} />;
    case 'submitting':
      return <WizardSpinner label={draft.type === 'hmac' ? 'Generating the HMAC pair…' : 'Creating the OAuth client…'} />;
    case 'failed':
      return (
        <Box flexDirection="column">
          <Text color="red">✖ {state.failure?.message}</Text>
          {state.failure?.uncertain ? <Text color="yellow">⚠ {UNCERTAIN_ADVICE}</Text> : <Text>Nothing was created. Your answers are kept: press r to try again.</Text>}
        </Box>
      );
  }
}
