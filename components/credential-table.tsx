import { memo } from 'react';
import { Box, Text } from 'ink';
import type { CredentialView } from '../src/model/credential.js';
import type { LaidOutColumn } from '../src/tui/column-layout.js';
import { COLUMN_GAP } from '../src/tui/column-layout.js';
import { fit } from '../src/tui/truncate.js';
import { colour } from '../src/tui/palette.js';

const MARKER = '› ';
const GAP = ' '.repeat(COLUMN_GAP);
/** Width taken by the selection marker in front of every row. */
export const MARKER_WIDTH = MARKER.length;

function statusColor(c: CredentialView): string | undefined {
  if (c.status === 'expired' || c.urgent) return 'red';
  if (c.status === 'expiring') return 'yellow';
  if (c.status === 'active') return 'green';
  return undefined;
}

const Row = memo(function Row({ c, columns, selected }: { c: CredentialView; columns: readonly LaidOutColumn[]; selected: boolean }) {
  // Selection is the `›` marker plus inverse, and status a symbol plus a word: never colour alone.
  return (
    <Text wrap="truncate-end" inverse={selected} dimColor={c.status === 'revoked' && !selected}>
      {selected ? MARKER : '  '}
      {columns.map(({ def, width }, i) => {
        const text = fit(def.cell(c, width), width, def.align) + (i < columns.length - 1 ? GAP : '');
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
  sorted: readonly CredentialView[];
  /** Indices into `sorted` of the rows to render (only those that fit). */
  rows: readonly number[];
  selectedIndex: number | null;
  emptyText: string;
}

/** The header and only the visible rows: nothing off-screen is rendered, whatever the list's length. */
export function CredentialTable({ columns, sorted, rows, selectedIndex, emptyText }: CredentialTableProps) {
  const header = columns.map(({ def, width }) => fit(def.title, width, def.align)).join(GAP);
  return (
    <Box flexDirection="column">
      <Text bold underline wrap="truncate-end">
        {'  '}
        {header}
      </Text>
      {rows.length === 0 ? <Text dimColor>{`  ${emptyText}`}</Text> : null}
      {rows.map((i) => (
        <Row key={sorted[i]!.id} c={sorted[i]!} columns={columns} selected={i === selectedIndex} />
      ))}
    </Box>
  );
}
