import { Box, Text } from 'ink';
import type { KeyMap } from '../src/tui/keymap.js';
import { hintText } from '../src/tui/hint-layout.js';

/** One line of key hints, drawn from a screen's keymap; cut to fit the width, `? help` kept. */
export function HintBar({ keymap, width, omit }: { keymap: KeyMap; width?: number; omit?: ReadonlySet<string> }) {
  return (
    <Box>
      <Text dimColor wrap="truncate-end">{hintText(keymap, width, omit)}</Text>
    </Box>
  );
}
