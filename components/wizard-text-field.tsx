import { Box, Text } from 'ink';
import { cellWidth } from '../src/tui/truncate.js';

/** The end of `value` that fits `room` cells, with … in front when cut (the cursor is at the end). */
function tail(value: string, room: number): string {
  if (cellWidth(value) <= room) return value;
  const chars = [...value];
  let out = '';
  for (let i = chars.length - 1; i >= 0 && cellWidth(chars[i] + out) < room; i--) out = chars[i] + out;
  return `…${out}`;
}

/**
 * One editable line; the cursor is always at the end (typing appends, Backspace removes).
 * Always one row: a long value shows its end, where the typing happens.
 */
export function WizardTextField({ label, value, placeholder, width = 80 }: {
  label: string;
  value: string;
  placeholder?: string;
  width?: number;
}) {
  const room = Math.max(4, width - cellWidth(label) - 3);
  return (
    <Box>
      <Text wrap="truncate-end">
        <Text bold>{label}: </Text>
        {value ? <Text>{tail(value, room)}</Text> : null}
        <Text inverse> </Text>
        {value ? null : <Text dimColor>{placeholder ?? ''}</Text>}
      </Text>
    </Box>
  );
}
