import { Box, Text } from 'ink';

export interface ChoiceItem {
  key: string;
  label: string;
  /** Set for multi-select lists. */
  checked?: boolean;
}

/** A list with a cursor, windowed to `rows` so a long list never outgrows the screen. */
export function WizardChoiceList({ items, cursor, rows, empty }: {
  items: readonly ChoiceItem[];
  cursor: number;
  rows: number;
  empty?: string;
}) {
  if (items.length === 0) return <Text dimColor>{empty ?? 'Nothing to choose from.'}</Text>;
  const size = Math.max(1, Math.min(rows, items.length));
  const start = Math.min(Math.max(0, cursor - Math.floor(size / 2)), items.length - size);
  const shown = items.slice(start, start + size);
  return (
    <Box flexDirection="column">
      {start > 0 ? <Text dimColor>  ↑ {start} more</Text> : null}
      {shown.map((item, i) => {
        const at = start + i === cursor;
        const box = item.checked === undefined ? '' : item.checked ? '[x] ' : '[ ] ';
        return (
          <Text key={item.key} inverse={at} wrap="truncate-end">
            {at ? '› ' : '  '}{box}{item.label}
          </Text>
        );
      })}
      {start + size < items.length ? <Text dimColor>  ↓ {items.length - start - size} more</Text> : null}
    </Box>
  );
}
