import { Box, Text } from 'ink';
import { ownerOf, type WizardState } from '../src/tui/wizard-state.js';
import { currentHmacOf } from '../src/tui/wizard-submit.js';
import { parseExpiry } from '../src/tui/wizard-validate.js';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Text wrap="truncate-end">
      <Text dimColor>{label.padEnd(12)}</Text>
      {value}
    </Text>
  );
}

/** What will be sent, for a last look before generating. */
export function WizardReview({ state }: { state: WizardState }) {
  const { draft, env } = state;
  const owner = ownerOf(state);
  const who = `${owner.userName}${owner.userId === env.caller.userId ? ' (myself)' : ''} · ${owner.accountType === 'api' ? 'API account' : 'user'}`;
  if (draft.type === 'hmac') {
    const current = currentHmacOf(state);
    return (
      <Box flexDirection="column">
        <Row label="Type" value="HMAC" />
        <Row label="For" value={who} />
        <Row label="Replaces" value={current ? `${current.id} (stops working at once or within 24 hours)` : 'no active pair'} />
        <Text>Press Enter to generate. The secret is shown once, on the next screen.</Text>
      </Box>
    );
  }
  const expiry = parseExpiry(draft.expiry, env.now, env.maxTtlDays);
  return (
    <Box flexDirection="column">
      <Row label="Type" value="OAuth Client" />
      <Row label="For" value={who} />
      <Row label="Name" value={draft.name.trim()} />
      <Row label="Expires" value={expiry.ok ? `${expiry.value.date} (${expiry.value.days} days)` : draft.expiry} />
      <Row label="Description" value={draft.description.trim() || '—'} />
      <Row label="Roles" value={draft.roles.join(', ')} />
      <Text>Press Enter to create. The secret is shown once, on the next screen.</Text>
    </Box>
  );
}
