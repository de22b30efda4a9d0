import { Text } from 'ink';
import type { Message } from '../src/tui/app/model.js';
import { Spinner } from './spinner.js';
import { colour } from '../src/tui/palette.js';
import { escapeControl } from '../src/text/escape.js';
import { cellWidth, truncate } from '../src/tui/truncate.js';

export interface StatusLineProps {
  error: string | null;
  loading: boolean;
  loadingText: string;
  flash: Message | null;
  info: string;
  width: number;
}

const FLASH_COLOUR: Record<Message['tone'], string> = { info: 'cyan', ok: 'green', warn: 'yellow', error: 'red' };

/** A message cut to the line ends in "… m" when cut: the whole text is on the messages screen. */
function oneLine(raw: string, width: number): string {
  const text = escapeControl(raw, { oneLine: true });
  return cellWidth(text) <= width ? text : `${truncate(text, Math.max(1, width - 10))} (m: all)`;
}

/** One line: a failure (with its retry key) wins, then progress, then a message, then info. */
export function StatusLine({ error, loading, loadingText, flash, info, width }: StatusLineProps) {
  if (error) {
    // The key first: a long message is cut at the right edge, the way out must not be.
    return <Text wrap="truncate-end" color={colour('red')}>{oneLine(`✘ ^R retry · ${error}`, width)}</Text>;
  }
  if (loading) return <Spinner label={loadingText} />;
  if (flash) return <Text wrap="truncate-end" color={colour(FLASH_COLOUR[flash.tone])}>{oneLine(flash.text, width)}</Text>;
  return <Text wrap="truncate-end" dimColor>{info}</Text>;
}
