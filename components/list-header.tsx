import { Box, Text } from 'ink';
import type { Connection } from '../src/app-context.js';
import type { Caller } from '../src/identity/types.js';
import type { ExpiryBanner } from '../src/tui/summary.js';
import { truncate } from '../src/tui/truncate.js';
import { colour } from '../src/tui/palette.js';

export interface ListHeaderProps {
  connection: Connection;
  caller: Caller | null;
  counts: string | null;
  chips: readonly string[];
  banner: ExpiryBanner | null;
  width: number;
}

function where(c: Connection): string {
  let host = c.apiUrl;
  try {
    host = new URL(c.apiUrl).host;
  } catch {
    // keep the raw value
  }
  return c.region ? `${host} (${c.region})` : host;
}

/** How many lines the header takes for these props (the table gets the rest). */
export function headerHeight(p: Pick<ListHeaderProps, 'chips' | 'banner'>): number {
  return 2 + (p.chips.length ? 1 : 0) + (p.banner ? 1 : 0);
}

export function ListHeader({ connection, caller, counts, chips, banner, width }: ListHeaderProps) {
  const who = caller ? `${caller.userName}${caller.isAdmin ? ' (admin)' : ''}` : '…';
  const profile = connection.source === 'all' ? ' · every account (read only; A switches)' : connection.profile ? ` · profile ${connection.profile}` : ` · ${connection.source}`;
  const badge = connection.isDemo ? ' DEMO ' : '';
  const line = truncate(`${who} · ${where(connection)}${profile}`, Math.max(1, width - 8 - badge.length));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold color={colour('cyan')}>vcreds</Text>
        {badge ? (
          <>
            {' '}
            <Text inverse bold color={colour('magenta')}>{badge}</Text>
          </>
        ) : null}{' '}
        {line}
      </Text>
      <Text wrap="truncate-end" dimColor={!counts}>{truncate(counts ?? 'Loading…', width)}</Text>
      {chips.length ? (
        // Cut here, by cells (a chip may hold wide characters typed into the search).
        <Text wrap="truncate-end">
          {truncate(`Filters: ${chips.map((c) => `[${c}]`).join(' ')}`, Math.max(1, width - 13))}
          <Text dimColor>{'  x clear all'}</Text>
        </Text>
      ) : null}
      {banner ? (
        <Text wrap="truncate-end" bold={banner.level === 'urgent'} inverse={banner.level === 'urgent'} color={colour(banner.level === 'urgent' ? 'red' : 'yellow')}>
          {truncate(banner.text, width)}
        </Text>
      ) : null}
    </Box>
  );
}
