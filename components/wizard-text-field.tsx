import { Box, Text } from 'ink';

/** One editable line; the cursor is always at the end (typing appends, Backspace removes). */
export function WizardTextField({ label, value, note, placeholder }: {
  label: string;
  value: string;
  note?: string;
  placeholder?: string;
}) {
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{label}: </Text>
        {value ? <Text>{value}</Text> : <Text dimColor>{placeholder ?? ''}</Text>}
        <Text inverse> </Text>
      </Text>
      {note ? <Text dimColor>{note}</Text> : null}
    </Box>
  );
}
