import { useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../hooks/use-keys.js';
import type { CredentialView } from '../src/model/credential.js';
import { detailActions, detailLines } from '../src/tui/details.js';
import { commandFor, DETAILS_KEYS, type DetailsCommand } from '../src/tui/keymaps.js';
import { truncate } from '../src/tui/truncate.js';
import { HintBar } from './hint-bar.js';
import { colour } from '../src/tui/palette.js';

export interface DetailsViewProps {
  credential: CredentialView;
  credentialsPath: string;
  readOnly: boolean;
  width: number;
  height: number;
  flash: string | null;
  isActive: boolean;
  onCommand(command: DetailsCommand): void;
}

const LABEL = 16;
const ACTIONS: ReadonlySet<string> = new Set<DetailsCommand>(['revoke', 'rotate', 'clone']);

export function DetailsView({ credential: c, credentialsPath, readOnly, width, height, flash, isActive, onCommand }: DetailsViewProps) {
  const [offset, setOffset] = useState(0);
  const lines = detailLines(c, credentialsPath);
  const actions = detailActions(c, readOnly);
  // The hints offer only what this credential allows (no clone for HMAC, nothing read-only).
  const offered = new Set(actions.map((a) => a.keys));
  const omit = new Set(DETAILS_KEYS.filter((b) => ACTIONS.has(b.command) && !offered.has(b.keys)).map((b) => b.command));
  // Title, the actions heading and actions, the read-only note, the flash line and the hints.
  const fixed = 4 + actions.length + (readOnly ? 1 : 0);
  const room = Math.max(1, lines.length > height - fixed ? height - fixed - 1 : height - fixed);
  const maxOffset = Math.max(0, lines.length - room);
  useKeys((input, key) => {
      const command = commandFor(DETAILS_KEYS, input, key);
      if (command === 'up') setOffset((o) => Math.max(0, o - 1));
      else if (command === 'down') setOffset((o) => Math.min(maxOffset, o + 1));
      else if (command) onCommand(command);
    }, isActive);
  const shown = lines.slice(Math.min(offset, maxOffset), Math.min(offset, maxOffset) + room);
  const title = c.type === 'hmac' ? `HMAC credential of ${c.owner.userName}` : `OAuth client ${c.name ?? c.id}`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold wrap="truncate-end">{truncate(title, width)}</Text>
      {shown.map((l, i) =>
        l.heading ? (
          <Text key={i} bold wrap="truncate-end">{l.label}</Text>
        ) : (
          <Text key={i} wrap="truncate-end">
            <Text dimColor>{(l.label ? `${l.label}:` : '').padEnd(LABEL)}</Text>
            {l.value}
          </Text>
        ),
      )}
      {maxOffset > 0 ? <Text dimColor>{`  … ↑/↓ to scroll (${Math.min(offset, maxOffset) + room}/${lines.length})`}</Text> : null}
      <Box flexGrow={1} />
      <Text bold>Actions</Text>
      {actions.map((a) => (
        <Text key={a.keys} wrap="truncate-end">{`  ${a.keys.padEnd(3)}${a.label}`}</Text>
      ))}
      {readOnly ? <Text color={colour('yellow')}>{'  read-only: changes are disabled'}</Text> : null}
      <Text wrap="truncate-end" color={colour('cyan')}>{flash ?? ' '}</Text>
      <HintBar keymap={DETAILS_KEYS} width={width} omit={omit} />
    </Box>
  );
}
