// The first frame: the header and a "connecting" line, drawn before the connection exists, so
// the app answers at once while the key is read, the API chosen and (with --demo) the emulator
// started and seeded. Once connected it hands over to <App>; a failure ends the app with it.
import { useEffect, useState } from 'react';
import { Box, Text, useApp, useInput, useStdin } from 'ink';
import type { AppContext } from '../src/app-context.js';
import type { PreferencesStore } from '../src/config/preferences-types.js';
import { connectingLabel } from '../src/tui/splash.js';
import { App } from './app.js';
import { allAccountsContext, type AccountSource } from '../src/tui/accounts/all-accounts.js';
import type { Account } from '../src/ops/all-profiles.js';
import { Spinner } from './spinner.js';
import { colour } from '../src/tui/palette.js';

export interface BootProps {
  /** Opens the connection; called once, after the first frame is on screen. */
  connect: () => Promise<AppContext>;
  /** The preferences store, opened once connected (it is not needed for the first frame). */
  preferences: () => PreferencesStore;
  /** Known from the command line before connecting: the DEMO badge shows from the first frame. */
  demo: boolean;
  onExit: (code: number) => void;
  /** Told why connecting failed; the app then exits and the entry reports it. */
  onFail: (error: unknown) => void;
  /** The accounts the app can switch to; without it, switching is not offered. */
  accounts?: AccountSource;
}

type Phase =
  | { kind: 'connecting'; label?: string }
  /** `generation` remounts the app (a fresh store) for each account it is switched to. */
  | { kind: 'ready'; ctx: AppContext; preferences: PreferencesStore; generation: number; notice?: string };

export function Boot({ connect, preferences, demo, onExit, onFail, accounts }: BootProps) {
  const { exit } = useApp();
  const [phase, setPhase] = useState<Phase>({ kind: 'connecting' });
  useEffect(() => {
    let live = true;
    connect().then(
      (ctx) => {
        if (!live) return;
        try {
          setPhase({ kind: 'ready', ctx, preferences: preferences(), generation: 0 });
        } catch (error) {
          onFail(error);
          exit();
        }
      },
      (error: unknown) => {
        if (!live) return;
        onFail(error);
        exit();
      },
    );
    return () => {
      live = false;
    };
  }, []); // connect once, on mount

  // Until the list takes over, q and Ctrl+C leave (the app has its own keys for that).
  const { isRawModeSupported } = useStdin();
  useInput((input, key) => {
    if (input === 'q' || (key.ctrl && input === 'c')) {
      onExit(0);
      exit();
    }
  }, { isActive: phase.kind === 'connecting' && Boolean(isRawModeSupported) });

  // Switching account (k9s contexts): connect with the chosen one, then a fresh app over it; if that
  // fails, the app comes back on the account it was on, saying why.
  const switchTo = (choice: Account | 'all') => {
    if (phase.kind !== 'ready' || !accounts) return;
    const from = phase;
    const label = choice === 'all' ? 'every account' : `account ${choice.name}`;
    setPhase({ kind: 'connecting', label: `Connecting to ${label}…` });
    const next = choice === 'all' ? Promise.resolve(allAccountsContext(from.ctx, accounts)) : accounts.connect(choice);
    next.then(
      (ctx) => setPhase({ kind: 'ready', ctx, preferences: from.preferences, generation: from.generation + 1 }),
      (error: unknown) => setPhase({ ...from, generation: from.generation + 1, notice: `Could not switch to ${label}: ${error instanceof Error ? error.message : String(error)}` }),
    );
  };
  if (phase.kind === 'ready') {
    return (
      <App key={phase.generation} ctx={phase.ctx} preferences={phase.preferences} onExit={onExit}
        accounts={accounts} onSwitchAccount={accounts ? switchTo : undefined} notice={phase.notice} />
    );
  }
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold color={colour('cyan')}>vcreds</Text>
        {demo ? (
          <>
            {' '}
            <Text inverse bold color={colour('magenta')}>{' DEMO '}</Text>
          </>
        ) : null}
      </Text>
      <Spinner label={phase.label ?? connectingLabel(demo)} />
    </Box>
  );
}
