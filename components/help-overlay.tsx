import { useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../hooks/use-keys.js';
import { ALL_KEYMAPS, commandFor, HELP_KEYS } from '../src/tui/keymaps.js';
import { helpLines } from '../src/tui/help-layout.js';
import { HintBar } from './hint-bar.js';

export interface HelpOverlayProps {
  width: number;
  height: number;
  isActive: boolean;
  onClose(): void;
}

/** Every key of every screen, drawn from the same keymaps the screens use. */
export function HelpOverlay({ width, height, isActive, onClose }: HelpOverlayProps) {
  const [offset, setOffset] = useState(0);
  const room = Math.max(1, height - 3);
  const columns = helpLines(ALL_KEYMAPS, width, room);
  const tallest = Math.max(...columns.map((c) => c.length));
  const maxOffset = Math.max(0, tallest - room);
  useKeys((input, key) => {
      if (key.upArrow || input === 'k') return setOffset((o) => Math.max(0, o - 1));
      if (key.downArrow || input === 'j') return setOffset((o) => Math.min(maxOffset, o + 1));
      if (key.pageDown || input === ' ') return setOffset((o) => Math.min(maxOffset, o + room));
      if (key.pageUp) return setOffset((o) => Math.max(0, o - room));
      if (commandFor(HELP_KEYS, input, key) === 'close') onClose();
    }, isActive);
  const top = Math.min(offset, maxOffset);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{`Keys${maxOffset ? '  (↑/↓ to scroll)' : ''}`}</Text>
      <Box flexDirection="row" height={room}>
        {columns.map((col, i) => (
          <Box key={i} flexDirection="column" marginRight={2}>
            {col.slice(top, top + room).map((line, j) => (
              <Text key={j} wrap="truncate-end" bold={!line.startsWith(' ')}>{line || ' '}</Text>
            ))}
          </Box>
        ))}
      </Box>
      <Box flexGrow={1} />
      <HintBar keymap={HELP_KEYS} width={width} />
    </Box>
  );
}
