import { Box, Text } from 'ink';
import type { Row, Tone } from '../src/tui/frame/rows.js';
import { colour } from '../src/tui/palette.js';

const STYLE: Record<Tone, { color?: string; dimColor?: boolean; bold?: boolean; underline?: boolean; inverse?: boolean }> = {
  plain: {},
  dim: { dimColor: true },
  bold: { bold: true },
  ok: { color: 'green' },
  fail: { color: 'red' },
  warn: { color: 'yellow' },
  accent: { color: 'magenta' },
  key: { bold: true, underline: true },
  cursor: { inverse: true },
  selected: { inverse: true },
};

/** One row's segments, each in its tone. */
export function RowLine({ row }: { row: Row }) {
  return (
    <>
      {row.map((s, j) => {
        const style = STYLE[s.tone ?? 'plain'];
        return <Text key={j} {...style} color={colour(style.color)}>{s.text}</Text>;
      })}
    </>
  );
}

/** Rows already wrapped to the width (src/tui/frame/rows.ts): one terminal line each. */
export function Rows({ rows }: { rows: readonly Row[] }) {
  return (
    <Box flexDirection="column">
      {rows.map((row, i) => (
        <Text key={i} wrap="truncate-end"><RowLine row={row} /></Text>
      ))}
    </Box>
  );
}
