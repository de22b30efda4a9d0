import { Box, Text, type Key } from 'ink';
import { useKeys } from '../hooks/use-keys.js';
import type { Connection } from '../src/app-context.js';
import type { Caller } from '../src/identity/types.js';
import type { CredentialView } from '../src/model/credential.js';
import type { LaidOutColumn } from '../src/tui/column-layout.js';
import { commandFor, LIST_KEYS, SEARCH_KEYS, type ListCommand } from '../src/tui/keymaps.js';
import type { ListState } from '../src/tui/list-state.js';
import { selectedIndex, visibleWindow } from '../src/tui/list-state.js';
import type { ExpiryBanner } from '../src/tui/summary.js';
import { CredentialTable } from './credential-table.js';
import { HintBar } from './hint-bar.js';
import { ListHeader } from './list-header.js';
import { StatusLine } from './status-line.js';
import { Spinner } from './spinner.js';
import { colour } from '../src/tui/palette.js';

export interface ListScreenProps {
  width: number;
  height: number;
  connection: Connection;
  caller: Caller | null;
  counts: string | null;
  chips: readonly string[];
  banner: ExpiryBanner | null;
  columns: readonly LaidOutColumn[];
  sorted: readonly CredentialView[];
  list: ListState;
  /** True before the first load finished (nothing to show yet). */
  firstLoad: boolean;
  loading: boolean;
  loadingText: string;
  error: string | null;
  flash: string | null;
  info: string;
  searching: boolean;
  searchText: string;
  /** Started with --read-only: the hints leave out what would change anything. */
  readOnly?: boolean;
  /** Keys go to the list (or the search line) only when it is the top screen. */
  isActive: boolean;
  onCommand(command: ListCommand): void;
  onSearchKey(input: string, key: Key): void;
}

const CHANGES: ReadonlySet<string> = new Set<ListCommand>(['new', 'revoke', 'rotate']);

export function ListScreen(p: ListScreenProps) {
  useKeys((input, key) => {
      if (p.searching) return p.onSearchKey(input, key);
      const command = commandFor(LIST_KEYS, input, key);
      if (command) p.onCommand(command);
    }, p.isActive);
  const { from, to } = visibleWindow(p.list);
  const rows = p.list.rows.slice(from, to);
  return (
    <Box flexDirection="column" width={p.width} height={p.height}>
      <ListHeader connection={p.connection} caller={p.caller} counts={p.counts ?? (p.error && !p.loading ? 'Nothing loaded: the reason is below' : null)} chips={p.chips} banner={p.banner} width={p.width} />
      {p.firstLoad && p.loading ? (
        <Spinner label={p.loadingText} />
      ) : (
        <CredentialTable
          columns={p.columns}
          sorted={p.sorted}
          rows={rows}
          selectedIndex={selectedIndex(p.list)}
          emptyText={p.firstLoad ? 'Nothing loaded.' : p.sorted.length ? 'No credential matches the filters (x clears them).' : 'No credentials.'}
        />
      )}
      <Box flexGrow={1} />
      {p.searching ? (
        <Text wrap="truncate-end">
          <Text color={colour('cyan')}>/</Text>
          {p.searchText}
          <Text inverse> </Text>
        </Text>
      ) : (
        <StatusLine error={p.error} loading={p.loading && !p.firstLoad} loadingText={p.loadingText} flash={p.flash} info={p.info} />
      )}
      <HintBar keymap={p.searching ? SEARCH_KEYS : LIST_KEYS} width={p.width} omit={p.readOnly ? CHANGES : undefined} />
    </Box>
  );
}
