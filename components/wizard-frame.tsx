import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { KeyMap } from '../src/tui/keymap.js';
import { innerWidth, marked } from '../src/tui/wizard-rows.js';
import { HintBar } from './hint-bar.js';
import { WizardRows } from './wizard-rows.js';

/**
 * The box every wizard step and dialog is drawn in: title, body, a problem line, key hints.
 * It takes `frameRows()` rows besides the body (src/tui/wizard-rows.ts): screens fit their body
 * to the height left.
 */
export function WizardFrame({ title, width, keymap, error, children, sides = true }: {
  title: string;
  width: number;
  keymap: KeyMap;
  error?: string | null;
  children: ReactNode;
  /** Without side borders, so text selected with the mouse (a revealed secret) has no │ in it. */
  sides?: boolean;
}) {
  const inner = innerWidth(width, sides);
  return (
    <Box flexDirection="column" width={width} borderStyle="round" borderLeft={sides} borderRight={sides} paddingX={sides ? 1 : 0}>
      <Text bold wrap="truncate-end">{title}</Text>
      <Box flexDirection="column" marginTop={1}>{children}</Box>
      {error ? <WizardRows rows={marked('fail', error, inner)} /> : null}
      <Box marginTop={1}>
        <HintBar keymap={keymap} width={inner} />
      </Box>
    </Box>
  );
}
