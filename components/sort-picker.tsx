import { useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../hooks/use-keys.js';
import type { SortOrder } from '../src/model/filter.js';
import { commandFor, SORT_KEYS_MAP } from '../src/tui/keymaps.js';
import { flipDirection, SORT_KEYS } from '../src/tui/sort-state.js';
import { HintBar } from './hint-bar.js';

export interface SortPickerProps {
  sort: SortOrder;
  width: number;
  height: number;
  isActive: boolean;
  onApply(sort: SortOrder): void;
  onCancel(): void;
}

export function SortPicker({ sort, width, height, isActive, onApply, onCancel }: SortPickerProps) {
  const [cursor, setCursor] = useState(() => Math.max(0, SORT_KEYS.findIndex((k) => k.key === sort.key)));
  const [direction, setDirection] = useState(sort.direction);
  useKeys((input, key) => {
      switch (commandFor(SORT_KEYS_MAP, input, key)) {
        case 'up': return setCursor((c) => Math.max(0, c - 1));
        case 'down': return setCursor((c) => Math.min(SORT_KEYS.length - 1, c + 1));
        case 'flip': return setDirection(flipDirection);
        case 'apply': return onApply({ key: SORT_KEYS[cursor]!.key, direction });
        case 'cancel': return onCancel();
        default:
      }
    }, isActive);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>Sort by</Text>
      {SORT_KEYS.map((k, i) => (
        <Text key={k.key} inverse={i === cursor} wrap="truncate-end">
          {`${i === cursor ? '› ' : '  '}${k.key === sort.key ? '●' : '○'} ${k.label}`}
        </Text>
      ))}
      <Text> </Text>
      <Text wrap="truncate-end">{`Direction: ${direction === 'asc' ? '↑ ascending' : '↓ descending'}`}</Text>
      <Text dimColor wrap="truncate-end">Revoked credentials always sort last.</Text>
      <Box flexGrow={1} />
      <HintBar keymap={SORT_KEYS_MAP} width={width} />
    </Box>
  );
}
