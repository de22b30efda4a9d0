import { Box, Text } from 'ink';
import type { SavedTo } from '../hooks/use-wizard-secret.js';

/** The outcome of writing a key to the credentials file. */
export function SecretSaved({ saved }: { saved: SavedTo }) {
  return (
    <Box flexDirection="column">
      <Text color="green">
        ✓ Saved to profile [{saved.profile}] in {saved.path} ({saved.created ? 'file created, ' : ''}owner-only 0600)
      </Text>
      {saved.backupPath ? <Text dimColor>  Previous file kept as {saved.backupPath}</Text> : null}
      {saved.warnings.map((w) => <Text key={w} color="yellow">⚠ {w}</Text>)}
      <Text dimColor>  Use it with VERACODE_API_PROFILE={saved.profile}{saved.profile === 'default' ? ' (or nothing: it is the default)' : ''}.</Text>
    </Box>
  );
}
