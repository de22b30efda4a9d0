import { useMemo, useReducer } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../hooks/use-keys.js';
import type { CredentialView } from '../src/model/credential.js';
import type { CredentialFilter } from '../src/model/filter.js';
import { matchesFilter } from '../src/model/filter.js';
import { FILTER_ROWS, filterPanelReducer, initialFilterPanel, isRowOn } from '../src/tui/filter-panel.js';
import { commandFor, FILTER_PANEL_KEYS } from '../src/tui/keymaps.js';
import { HintBar } from './hint-bar.js';
import { colour } from '../src/tui/palette.js';

export interface FilterPanelProps {
  filter: CredentialFilter;
  views: readonly CredentialView[];
  width: number;
  height: number;
  isActive: boolean;
  onApply(filter: CredentialFilter): void;
  onCancel(): void;
}

const GROUP_TITLES: Record<string, string> = { type: 'Type', status: 'Status', account: 'Account', owner: 'Owner', within: 'Expiry' };

export function FilterPanel({ filter, views, width, height, isActive, onApply, onCancel }: FilterPanelProps) {
  const [state, dispatch] = useReducer(filterPanelReducer, filter, initialFilterPanel);
  // Counted live over the whole list: how many rows Enter would leave.
  const matching = useMemo(() => views.reduce((n, c) => n + Number(matchesFilter(c, state.draft)), 0), [views, state.draft]);
  useKeys((input, key) => {
    const command = commandFor(FILTER_PANEL_KEYS, input, key);
    if (command === 'apply') return state.error ? undefined : onApply(state.draft);
    if (command === 'cancel') return onCancel();
    dispatch({ type: 'input', input, key });
  }, isActive);
  let lastGroup = '';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>Filter credentials</Text>
      {FILTER_ROWS.map((row, i) => {
        const selected = i === state.cursor;
        const heading = row.kind !== lastGroup ? GROUP_TITLES[row.kind] : null;
        lastGroup = row.kind;
        const marker = selected ? '› ' : '  ';
        let body: string;
        if (row.kind === 'owner') body = `${row.label}: ${state.draft.owner}${selected ? '▏' : ''}`;
        else if (row.kind === 'within') body = `${row.label}: ${state.withinText}${selected ? '▏' : ''}`;
        else body = `[${isRowOn(state, row) ? 'x' : ' '}] ${row.label}`;
        return (
          <Box key={`${row.kind}-${'value' in row ? row.value : ''}`} flexDirection="column">
            {heading ? <Text dimColor>{heading}</Text> : null}
            <Text inverse={selected} wrap="truncate-end">{`${marker}${body}`}</Text>
          </Box>
        );
      })}
      <Text> </Text>
      {state.error ? <Text color={colour('red')}>{state.error}</Text> : null}
      <Text bold wrap="truncate-end">{`Matches ${matching} of ${views.length} credentials`}</Text>
      <Box flexGrow={1} />
      <HintBar keymap={FILTER_PANEL_KEYS} width={width} />
    </Box>
  );
}
