import { Box, Text } from 'ink';
import type { Model } from '../src/tui/app/model.js';
import { topOf } from '../src/tui/app/model.js';
import { listLayout } from '../src/tui/list/list-screen.js';
import { cursorOf, listRows } from '../src/tui/list/rows.js';
import { progressText } from '../src/tui/list/progress.js';
import { visibleSlice } from '../src/tui/input/editor.js';
import { sortLabel } from '../src/tui/panels/sort-picker.js';
import { CredentialTable } from './credential-table.js';
import { HintBar } from './hint-bar.js';
import { ListHeader } from './list-header.js';
import { StatusLine } from './status-line.js';
import { Spinner } from './spinner.js';
import { colour } from '../src/tui/palette.js';

/** The credential list, always drawn; panels and dialogs open over it. */
export function ListScreen({ model }: { model: Model }) {
  const layout = listLayout(model);
  const list = listRows(model);
  const { data } = model;
  const searching = topOf(model).kind === 'search';
  const cursor = cursorOf(list, model.selectedId);
  const shown = list.rows.slice(model.top, model.top + layout.tableRows);
  const selectedIndex = list.rows.length ? list.rows[cursor]! : null;
  const firstLoad = !data.organisation;
  const position = list.rows.length ? cursor + 1 : 0;
  const info = `${position}/${list.rows.length}${list.rows.length !== list.views.length ? ` (of ${list.views.length})` : ''} · sort: ${sortLabel(model.prefs.sort)}${model.readOnly ? ' · read-only' : ''} · m messages`;
  const field = visibleSlice(model.search, layout.width - 2);
  return (
    <Box flexDirection="column" width={layout.width} height={layout.height}>
      <ListHeader
        connection={model.connection}
        caller={data.organisation?.caller ?? null}
        counts={layout.counts ?? (data.error && !data.loading ? 'Nothing loaded: the reason is below' : null)}
        chips={layout.chips}
        banner={layout.banner}
        width={layout.width}
      />
      {firstLoad && data.loading ? (
        <Spinner label={progressText(data.progress)} />
      ) : (
        <CredentialTable
          columns={layout.columns}
          hidden={layout.hiddenColumns}
          width={layout.width}
          sorted={list.sorted}
          rows={shown}
          selectedIndex={selectedIndex}
          emptyText={firstLoad ? 'Nothing loaded.' : list.sorted.length ? 'No credential matches the filters (x clears them).' : 'No credentials.'}
        />
      )}
      <Box flexGrow={1} />
      {searching ? (
        <Text wrap="truncate-end">
          <Text color={colour('cyan')}>/</Text>
          {field.before}
          <Text inverse>{field.at}</Text>
          {field.after}
        </Text>
      ) : (
        <StatusLine error={data.error} loading={data.loading && !firstLoad} loadingText={progressText(data.progress)} flash={model.flash} info={info} width={layout.width} />
      )}
      <HintBar lines={layout.hints} />
    </Box>
  );
}
