import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { KeyMap } from '../src/tui/keymap.js';
import { HintBar } from './hint-bar.js';

/** The box every wizard step and dialog is drawn in: title, body, a problem line, key hints. */
export function WizardFrame({ title, width, keymap, error, children, sides = true }: {
  title: string;
  width: number;
  keymap: KeyMap;
  error?: string | null;
  children: ReactNode;
  /** Without side borders, so text selected with the mouse (a revealed secret) has no │ in it. */
  sides?: boolean;
}) {
  return (
    <Box flexDirection="column" width={width} borderStyle="round" borderLeft={sides} borderRight={sides} paddingX={sides ? 1 : 0}>
      <Text bold wrap="truncate-end">{title}</Text>
      <Box flexDirection="column" marginTop={1}>{children}</Box>
      {error ? <Text color="red">✖ {error}</Text> : null}
      <Box marginTop={1}>
        <HintBar keymap={keymap} width={Math.max(10, width - 4)} />
      </Box>
    </Box>
  );
}
