import { memo } from 'react';
import { Box, Text } from 'ink';
import type { CredentialView } from '../src/model/credential.js';
import type { LaidOutColumn } from '../src/tui/column-layout.js';
import { COLUMN_GAP } from '../src/tui/column-layout.js';
import { cellText } from '../src/tui/columns.js';
import { fit } from '../src/tui/truncate.js';
import { colour } from '../src/tui/palette.js';

const MARKER = '› ';
const GAP = ' '.repeat(COLUMN_GAP);

function statusColor(c: CredentialView): string | undefined {
  if (c.status === 'expired' || c.urgent) return 'red';
  if (c.status === 'expiring') return 'yellow';
  if (c.status === 'active') return 'green';
  return undefined;
}

const Row = memo(function Row({ c, columns, selected, nameShown }: { c: CredentialView; columns: readonly LaidOutColumn[]; selected: boolean; nameShown: boolean }) {
  // Selection is the `›` marker plus inverse, and status a symbol plus a word: never colour alone.
  return (
    <Text wrap="truncate-end" inverse={selected} dimColor={c.status === 'revoked' && !selected}>
      {selected ? MARKER : '  '}
      {columns.map(({ def, width }, i) => {
        const text = fit(cellText(def, c, width, nameShown), width, def.align) + (i < columns.length - 1 ? GAP : '');
        return def.id === 'status' ? (
          <Text key={def.id} color={colour(selected ? undefined : statusColor(c))} bold={c.urgent}>
            {text}
          </Text>
        ) : (
          text
        );
      })}
    </Text>
  );
});

export interface CredentialTableProps {
  columns: readonly LaidOutColumn[];
  /** Chosen columns left out for want of width: the heading says how many. */
  hidden: number;
  width: number;
  sorted: readonly CredentialView[];
  /** Indices into `sorted` of the rows to render (only those that fit). */
  rows: readonly number[];
  selectedIndex: number | null;
  emptyText: string;
}

/** The heading and only the visible rows: nothing off-screen is rendered, whatever the list's length. */
export function CredentialTable({ columns, hidden, width, sorted, rows, selectedIndex, emptyText }: CredentialTableProps) {
  const header = columns.map(({ def, width: w }) => fit(def.title, w, def.align)).join(GAP);
  const more = hidden ? ` +${hidden} hidden (c)` : '';
  const nameShown = columns.some((c) => c.def.id === 'name');
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold underline>{fit(`  ${header}`, Math.max(1, width - more.length))}</Text>
        {more ? <Text dimColor>{more}</Text> : null}
      </Text>
      {rows.length === 0 ? <Text dimColor>{`  ${emptyText}`}</Text> : null}
      {rows.map((i) => (
        <Row key={sorted[i]!.id} c={sorted[i]!} columns={columns} selected={i === selectedIndex} nameShown={nameShown} />
      ))}
    </Box>
  );
}
