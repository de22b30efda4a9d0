import { Box, Text } from 'ink';
import { TONE_MARK, type ReportLine } from '../src/tui/wizard-rotation.js';

const COLOUR = { ok: 'green', fail: 'red', skip: undefined, info: 'yellow' } as const;

/** A step-by-step report: a symbol and words for each step, never colour alone. */
export function SecretReport({ lines }: { lines: readonly ReportLine[] }) {
  return (
    <Box flexDirection="column" marginBottom={1}>
      {lines.map((l, i) => (
        <Text key={i} color={COLOUR[l.tone]}>{TONE_MARK[l.tone]} {l.text}</Text>
      ))}
    </Box>
  );
}
