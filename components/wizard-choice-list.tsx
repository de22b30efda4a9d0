import { Box, Text } from 'ink';

export interface ChoiceItem {
  key: string;
  label: string;
  /** Set for multi-select lists. */
  checked?: boolean;
}

/** Which items show in `rows` rows, the "↑/↓ n more" lines included. Pure. */
export function choiceWindow(count: number, cursor: number, rows: number): { start: number; size: number } {
  if (count <= rows) return { start: 0, size: count };
  const at = (size: number) => Math.min(Math.max(0, cursor - Math.floor(size / 2)), count - size);
  // Too small for "more" lines: just the rows around the cursor.
  if (rows < 3) return { start: at(Math.max(1, rows)), size: Math.max(1, rows) };
  let size = rows - 1;
  let start = at(size);
  if (start > 0 && start + size < count) {
    size = rows - 2;
    start = at(size);
  }
  return { start, size };
}

/** A list with a cursor, windowed to `rows` so a long list never outgrows the screen. */
export function WizardChoiceList({ items, cursor, rows, empty }: {
  items: readonly ChoiceItem[];
  cursor: number;
  rows: number;
  empty?: string;
}) {
  if (items.length === 0) return <Text dimColor wrap="truncate-end">{empty ?? 'Nothing to choose from.'}</Text>;
  const { start, size } = choiceWindow(items.length, cursor, rows);
  const more = rows >= 3;
  const shown = items.slice(start, start + size);
  return (
    <Box flexDirection="column">
      {more && start > 0 ? <Text dimColor>  ↑ {start} more</Text> : null}
      {shown.map((item, i) => {
        const at = start + i === cursor;
        const box = item.checked === undefined ? '' : item.checked ? '[x] ' : '[ ] ';
        return (
          <Text key={item.key} inverse={at} wrap="truncate-end">
            {at ? '› ' : '  '}{box}{item.label}
          </Text>
        );
      })}
      {more && start + size < items.length ? <Text dimColor>  ↓ {items.length - start - size} more</Text> : null}
    </Box>
  );
}
