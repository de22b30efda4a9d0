import { useEffect } from 'react';
import { Box, useApp, useStdout } from 'ink';
import type { AppContext } from '../src/app-context.js';
import type { PreferencesStore } from '../src/config/preferences-types.js';
import { copyToClipboard } from '../src/tui/clipboard.js';
import { createEffectRunner, interruptedSecretsNotice } from '../src/tui/app/effects.js';
import { initialModel, topOf, type Model } from '../src/tui/app/model.js';
import { initialPrefs } from '../src/tui/app/prefs.js';
import type { Store } from '../src/tui/app/store.js';
import { appHeight } from '../src/tui/list/list-screen.js';
import { useKeyInput } from '../hooks/use-key-input.js';
import { useStore } from '../hooks/use-store.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { ColumnChooser } from './column-chooser.js';
import { CreateWizard } from './wizard-view.js';
import { DetailsView } from './details-view.js';
import { FilterPanel } from './filter-panel.js';
import { HelpOverlay } from './help-view.js';
import { ListScreen } from './list-screen.js';
import { MessagesView } from './messages-view.js';
import { RevokeDialog } from './revoke-dialog.js';
import { RotateDialog } from './rotate-dialog.js';
import { SecretResult } from './secret-screen.js';
import { SortPicker } from './sort-picker.js';
import { FlashContext } from './frame.js';
import { TargetsPanel } from './targets-panel.js';
import { TimelineView } from './timeline-view.js';
// Registers ink-table as the drawer of static tables (the OAuth secrets in details).
import './static-table.js';
import { AccountsPanel } from './accounts-panel.js';
import { CommandLine } from './command-line.js';
import type { AccountSource } from '../src/tui/accounts/all-accounts.js';
import type { Account } from '../src/ops/all-profiles.js';

export interface AppProps {
  ctx: AppContext;
  preferences: PreferencesStore;
  /** Replaces the OSC 52 clipboard (tests). */
  copy?: (text: string) => void;
  /** Told the exit code when the user quits (the root also calls Ink's exit). */
  onExit?: (code: number) => void;
  /** Handed the store once made (tests and the bench wait on it). */
  onStore?: (store: Store) => void;
  /** The accounts to switch to (A, :profile NAME), and how (the app is made anew over the new one). */
  accounts?: AccountSource;
  onSwitchAccount?: (account: Account | 'all') => void;
  /** Said once at start (why a switch did not happen). */
  notice?: string;
}

/** The screen on top, drawn over the list (the list itself has none). */
function Overlay({ model }: { model: Model }) {
  const screen = topOf(model);
  switch (screen.kind) {
    case 'list':
    case 'search': return null;
    case 'details': return <DetailsView model={model} screen={screen} />;
    case 'filter': return <FilterPanel model={model} screen={screen} />;
    case 'columns': return <ColumnChooser model={model} screen={screen} />;
    case 'sort': return <SortPicker model={model} screen={screen} />;
    case 'help': return <HelpOverlay model={model} screen={screen} />;
    case 'messages': return <MessagesView model={model} screen={screen} />;
    case 'wizard': return <CreateWizard model={model} screen={screen} />;
    case 'revoke': return <RevokeDialog model={model} screen={screen} />;
    case 'rotate': return <RotateDialog model={model} screen={screen} />;
    case 'secret': return <SecretResult model={model} screen={screen} />;
    case 'targets': return <TargetsPanel model={model} screen={screen} />;
    case 'timeline': return <TimelineView model={model} screen={screen} />;
    case 'accounts': return <AccountsPanel model={model} screen={screen} />;
    case 'command': return <CommandLine model={model} screen={screen} />;
  }
}

/** The root: one store (model, update, effects), one keyboard subscription, one exit point. */
export function App({ ctx, preferences, copy, onExit, onStore, accounts, onSwitchAccount, notice }: AppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const size = useTerminalSize();
  const { store, model } = useStore(() => {
    const { prefs, targets, error } = initialPrefs(preferences);
    const model = initialModel({
      readOnly: ctx.readOnly, connection: ctx.connection, credentialsPath: ctx.credentialsPath, signingKeyId: ctx.signingKeyId(),
      size, prefs, targets, now: ctx.now(), prefsError: error,
    });
    const runEffect = createEffectRunner({
      ctx, preferences,
      copy: copy ?? ((text) => copyToClipboard(text, stdout as NodeJS.WriteStream)),
      quit: () => {
        onExit?.(0);
        exit();
      },
      accounts,
      switchAccount: onSwitchAccount,
    });
    const start = (s: Store) => {
      // The first load; later ones come from refreshes and changes.
      s.send({ kind: 'reload' });
      const kept = interruptedSecretsNotice(ctx.credentialsPath);
      if (kept) s.send({ kind: 'note', text: kept, tone: 'warn' });
      if (notice) s.send({ kind: 'note', text: notice, tone: 'error' });
    };
    return { model, runEffect, start };
  });
  useEffect(() => onStore?.(store), [store, onStore]);
  useEffect(() => store.send({ kind: 'resize', columns: size.columns, rows: size.rows }), [store, size.columns, size.rows]);
  useKeyInput((events) => store.keys(events));
  return (
    <Box flexDirection="column" width={Math.max(20, model.size.columns)} height={appHeight(model)}>
      <ListScreen model={model} />
      <FlashContext.Provider value={model.flash}>
        <Overlay model={model} />
      </FlashContext.Provider>
    </Box>
  );
}
