import { useEffect, useReducer, useRef } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../hooks/use-keys.js';
import type { ColumnId } from '../src/config/preferences-types.js';
import { columnChooserReducer, initialColumnChooser, visibleColumns } from '../src/tui/column-chooser.js';
import { COLUMN_LABELS } from '../src/tui/columns.js';
import { commandFor, COLUMNS_KEYS } from '../src/tui/keymaps.js';
import { HintBar } from './hint-bar.js';
import { colour } from '../src/tui/palette.js';

export interface ColumnChooserProps {
  columns: readonly ColumnId[];
  width: number;
  height: number;
  isActive: boolean;
  /** Called on every change, so the choice is applied and saved at once. */
  onChange(columns: ColumnId[]): void;
  onClose(): void;
}

export function ColumnChooser({ columns, width, height, isActive, onChange, onClose }: ColumnChooserProps) {
  const [state, dispatch] = useReducer(columnChooserReducer, columns, initialColumnChooser);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    onChange(visibleColumns(state));
    // Only the items matter: the cursor moving is not a change, nor is a new onChange function.
  }, [state.items]);
  useKeys((input, key) => {
      switch (commandFor(COLUMNS_KEYS, input, key)) {
        case 'up': return dispatch({ type: 'move', by: -1 });
        case 'down': return dispatch({ type: 'move', by: 1 });
        case 'toggle': return dispatch({ type: 'toggle' });
        case 'moveUp': return dispatch({ type: 'shift', by: -1 });
        case 'moveDown': return dispatch({ type: 'shift', by: 1 });
        case 'reset': return dispatch({ type: 'reset' });
        case 'close': return onClose();
        default:
      }
    }, isActive);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>Columns</Text>
      <Text dimColor>Shown columns appear left to right in this order.</Text>
      {state.items.map((it, i) => (
        <Text key={it.id} inverse={i === state.cursor} wrap="truncate-end">
          {`${i === state.cursor ? '› ' : '  '}[${it.visible ? 'x' : ' '}] ${COLUMN_LABELS[it.id]}`}
        </Text>
      ))}
      <Text color={colour('yellow')}>{state.message ?? ' '}</Text>
      <Box flexGrow={1} />
      <HintBar keymap={COLUMNS_KEYS} width={width} />
    </Box>
  );
}
