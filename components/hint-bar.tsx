import { Box, Text } from 'ink';
import type { KeyMap } from '../src/tui/keymap.js';

/** One line of key hints, drawn from a screen's keymap; cut to fit the width. */
export function HintBar({ keymap, width }: { keymap: KeyMap; width?: number }) {
  const shown = keymap.filter((b) => b.hint !== false);
  const parts: string[] = [];
  let used = 0;
  for (const b of shown) {
    const part = `${b.keys} ${b.label}`;
    if (width !== undefined && used + part.length + 2 > width) break;
    parts.push(part);
    used += part.length + 2;
  }
  return (
    <Box>
      <Text dimColor wrap="truncate-end">{parts.join('  ')}</Text>
    </Box>
  );
}
