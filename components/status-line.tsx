import { Text } from 'ink';
import { Spinner } from './spinner.js';
import { colour } from '../src/tui/palette.js';

export interface StatusLineProps {
  error: string | null;
  loading: boolean;
  loadingText: string;
  flash: string | null;
  info: string;
}

/** One line: a failure (with its retry key) wins, then progress, then a flash message, then info. */
export function StatusLine({ error, loading, loadingText, flash, info }: StatusLineProps) {
  if (error) {
    return (
      <Text wrap="truncate-end" color={colour('red')}>
        {/* The key first: a long message is cut at the right edge, the way out must not be. */}
        {`✘ R retry · ${error}`}
      </Text>
    );
  }
  if (loading) return <Spinner label={loadingText} />;
  if (flash) return <Text wrap="truncate-end" color={colour('cyan')}>{flash}</Text>;
  return <Text wrap="truncate-end" dimColor>{info}</Text>;
}
