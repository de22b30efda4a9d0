import { Box, Text } from 'ink';
import { useKeys } from '../hooks/use-keys.js';

/** Stands in for a screen that is not built yet; Esc goes back. */
export function PlaceholderScreen({ title, width, onClose }: { title: string; width: number; onClose: (changed: boolean) => void }) {
  useKeys((_input, key) => {
    if (key.escape || key.return) onClose(false);
  });
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>{title}</Text>
      <Text>Not available in this build yet. Esc goes back.</Text>
    </Box>
  );
}
