import { Box, Text } from 'ink';

/** The hint lines of a screen (src/tui/frame/hint-bar.ts): one, or two on a narrow terminal. */
export function HintBar({ lines }: { lines: readonly string[] }) {
  return (
    <Box flexDirection="column">
      {lines.map((l, i) => <Text key={i} dimColor wrap="truncate-end">{l}</Text>)}
    </Box>
  );
}
