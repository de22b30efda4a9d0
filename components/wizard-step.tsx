import { Box, Text } from 'ink';
import {
  TYPE_CHOICES, currentOwnerOptions, ownerOf, ownerRoleNames, type WizardState,
} from '../src/tui/wizard-state.js';
import { maxExpiry, parseExpiry } from '../src/ops/create-rules.js';
import { fitParts, para, type Part, type Row } from '../src/tui/wizard-rows.js';
import { stepParts } from '../src/tui/wizard-step-rows.js';
import { WizardChoiceList } from './wizard-choice-list.js';
import { WizardTextField } from './wizard-text-field.js';
import { Spinner } from './spinner.js';
import { WizardRows } from './wizard-rows.js';
import { colour } from '../src/tui/palette.js';

/** Rows of `parts` fitted to what `used` rows leave of `rows`. */
function fit(parts: Part[], rows: number, used = 0): Row[] {
  return fitParts(parts, rows - used).flatMap((p) => [...p.rows]);
}

/** The body of the current step, in `width` columns and at most `rows` rows. */
export function WizardStep({ state, width, rows }: { state: WizardState; width: number; rows: number }) {
  const { draft, env } = state;
  const owner = ownerOf(state);
  const field = (label: string, value: string, placeholder?: string) => (
    <WizardTextField label={label} value={value} placeholder={placeholder} width={width} />
  );
  const note = (text: string, used = 1) => <WizardRows rows={fit([{ key: 'note', forms: [para(text, width, { tone: 'dim' }), para(text, width, { tone: 'dim', oneRow: true }), []], shrink: 1 }], rows, used)} />;
  switch (state.step) {
    case 'type':
      return <WizardChoiceList items={TYPE_CHOICES.map((c) => ({ key: c.type, label: c.label }))} cursor={state.cursor} rows={rows} />;
    case 'owner':
      return (
        <Box flexDirection="column">
          {field('Filter', state.query, 'type part of a name or e-mail')}
          <WizardChoiceList
            items={currentOwnerOptions(state).map((o) => ({ key: o.user.userId, label: o.label }))}
            cursor={state.cursor}
            rows={Math.max(1, rows - 1)}
            empty="No account matches the filter: Backspace widens it."
          />
        </Box>
      );
    case 'name':
      return <Box flexDirection="column">{field('Name', draft.name)}{note(`1 to 64 characters, unique among ${owner.userName}'s clients.`)}</Box>;
    case 'expiry': {
      const max = maxExpiry(env.now, env.maxTtlDays);
      const parsed = parseExpiry(draft.expiry, env.now, env.maxTtlDays);
      return (
        <Box flexDirection="column">
          {field('Expiry', draft.expiry)}
          {parsed.ok ? <Text color={colour('green')} wrap="truncate-end">→ expires {parsed.value.date} ({parsed.value.days} days)</Text> : null}
          {note(`Days (1-${env.maxTtlDays}) or a date YYYY-MM-DD; the organisation's maximum is ${max.date} (${env.maxTtlDays} days).`, parsed.ok ? 2 : 1)}
        </Box>
      );
    }
    case 'description':
      return <Box flexDirection="column">{field('Description', draft.description, '(optional)')}{note('Optional: what this client is for.')}</Box>;
    case 'roles': {
      const intro = para(`Roles of ${owner.userName}: keep at least one; clear a role to down-scope the client.`, width);
      const shown = rows - intro.length >= 3 ? intro : [];
      return (
        <Box flexDirection="column">
          <WizardRows rows={shown} />
          <WizardChoiceList
            items={ownerRoleNames(state).map((r) => ({ key: r, label: r, checked: draft.roles.includes(r) }))}
            cursor={state.cursor}
            rows={Math.max(1, rows - shown.length)}
            empty={`${owner.userName} holds no roles, so no client can be created for them.`}
          />
        </Box>
      );
    }
    case 'submitting':
      return <Spinner label={draft.type === 'hmac' ? 'Generating the HMAC pair…' : 'Creating the OAuth client…'} wrap="wrap" />;
    default:
      return <WizardRows rows={fit(stepParts(state, width), rows)} />;
  }
}
