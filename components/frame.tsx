import { createContext, useContext } from 'react';
import { Box, Text } from 'ink';
import type { Message } from '../src/tui/app/model.js';
import type { BindingContext, Bindings } from '../src/tui/bindings.js';
import { frameLayout } from '../src/tui/frame/frame.js';
import { padRow, type Row, type Tone } from '../src/tui/frame/rows.js';
import { cellWidth, truncate } from '../src/tui/truncate.js';
import { RowLine } from './rows.js';

/** The status line's message, shown in every frame (the list's status line is under the frame). */
export const FlashContext = createContext<Message | null>(null);

const FLASH_TONE: Record<Message['tone'], Tone> = { info: 'plain', ok: 'ok', warn: 'warn', error: 'fail' };

export interface FrameProps {
  /** Where it opens over the list. */
  box: { left: number; top: number; width: number; height: number };
  title: string;
  rows: readonly Row[];
  error?: string | null;
  bindings: Bindings;
  context: BindingContext;
  /** A row to keep in view when the body is taller than the frame (the cursor's). */
  focusRow?: number;
  /** Without side borders, so text selected with the mouse (a revealed secret) has no │ in it. */
  sides?: boolean;
  /** Takes the box's full height (else as tall as its content). */
  full?: boolean;
  /** Drawn in the gap under the title (a chart's legend), else the gap stays blank. */
  lead?: Row;
}

/**
 * The box every panel, dialog and wizard step is drawn in, over the list. Every cell of it is
 * written (border, padded rows), so nothing of the list shows through.
 */
export function Frame({ box, title, rows, error = null, bindings, context, focusRow = 0, sides = true, full = false, lead }: FrameProps) {
  const layout = frameLayout(box.width, box.height, bindings, context, error, sides);
  const flash = useContext(FlashContext);
  const inner = layout.inner;
  const start = rows.length <= layout.bodyRows ? 0 : Math.max(0, Math.min(focusRow - layout.bodyRows + 1, rows.length - layout.bodyRows));
  const body = rows.slice(start, start + layout.bodyRows);
  const filler = full ? layout.bodyRows - body.length : 0;
  const edge = sides ? '│ ' : '';
  const edgeEnd = sides ? ' │' : '';
  const line = (row: Row, key: string | number) => (
    <Text key={key} wrap="truncate-end">
      <Text dimColor>{edge}</Text>
      <RowLine row={padRow(row, inner)} />
      <Text dimColor>{edgeEnd}</Text>
    </Text>
  );
  const heading = ` ${truncate(title, box.width - 6)} `;
  const top = `╭─${heading}${'─'.repeat(Math.max(0, box.width - 3 - cellWidth(heading)))}╮`;
  const bottom = `╰${'─'.repeat(Math.max(0, box.width - 2))}╯`;
  const blank: Row = [];
  return (
    <Box position="absolute" marginLeft={box.left} marginTop={box.top} flexDirection="column" width={box.width}>
      <Text bold wrap="truncate-end">{top}</Text>
      {line(lead ?? blank, 'gap-top')}
      {body.map((row, i) => line(row, i))}
      {Array.from({ length: filler }, (_, i) => line(blank, `fill-${i}`))}
      {layout.errorRows.map((row, i) => line(row, `error-${i}`))}
      {/* The gap above the hints carries the latest message, cut to one line (m shows it whole). */}
      {line(flash ? [{ text: truncate(flash.text, inner), tone: FLASH_TONE[flash.tone] }] : blank, 'gap-hints')}
      {layout.hints.map((h, i) => line([{ text: h, tone: 'dim' }], `hint-${i}`))}
      <Text dimColor wrap="truncate-end">{bottom}</Text>
    </Box>
  );
}
