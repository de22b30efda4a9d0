import { useCallback, useMemo, useReducer, useState } from 'react';
import { Box, useApp, useStdout, type Key } from 'ink';
import type { AppContext } from '../src/app-context.js';
import type { PreferencesStore } from '../src/config/preferences-types.js';
import { shortId, viewsOf } from '../src/model/credential.js';
import { isFilterEmpty, EMPTY_FILTER } from '../src/model/filter.js';
import { copyToClipboard } from '../src/tui/clipboard.js';
import { heldSecrets as unsavedSecrets } from '../src/ops/held-secrets.js';
import { layoutColumns } from '../src/tui/column-layout.js';
import { COLUMNS } from '../src/tui/columns.js';
import type { DetailsCommand, ListCommand } from '../src/tui/keymaps.js';
import { selectedIndex } from '../src/tui/list-state.js';
import { stackReducer, topOf, type Screen } from '../src/tui/screens.js';
import { flipDirection, sortLabel } from '../src/tui/sort-state.js';
import { countByStatus, countsText, expiryBanner, filterChips } from '../src/tui/summary.js';
import { editText } from '../src/tui/text-input.js';
import { ServicesContext, type Services } from '../hooks/use-services.js';
import { useCredentialList } from '../hooks/use-credential-list.js';
import { useFlash } from '../hooks/use-flash.js';
import { KeyRouter, useKeys } from '../hooks/use-keys.js';
import { useListPreferences } from '../hooks/use-list-preferences.js';
import { progressText, useOrganisation } from '../hooks/use-organisation.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { headerHeight } from './list-header.js';
import { MARKER_WIDTH } from './credential-table.js';
import { ListScreen } from './list-screen.js';
import { ScreenView } from './screen-view.js';

export interface AppProps {
  ctx: AppContext;
  preferences: PreferencesStore;
  /** Replaces the OSC 52 clipboard (tests). */
  copy?: (text: string) => void;
  /** Told the exit code when the user quits (the root also calls Ink's exit). */
  onExit?: (code: number) => void;
}


/** The root: services in context, one screen stack, one exit point. */
export function App({ ctx, preferences, copy, onExit }: AppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const size = useTerminalSize();
  // One line shorter than the terminal: a full-height frame makes Ink redraw everything (trap 8).
  const width = size.columns;
  const height = Math.max(5, size.rows - 1);
  const [stack, navigate] = useReducer(stackReducer, [{ kind: 'list' }] as readonly Screen[]);
  const top = topOf(stack);
  const [flash, setFlash] = useFlash();
  const prefs = useListPreferences(preferences, setFlash);
  const [text, setText] = useState('');
  const org = useOrganisation(ctx.service);
  const services: Services = useMemo(
    () => ({ ctx, preferences, copy: copy ?? ((t: string) => copyToClipboard(t, stdout as NodeJS.WriteStream)) }),
    [ctx, preferences, copy, stdout],
  );

  // The clock is read once per load, so a re-render never re-derives every status.
  const now = useMemo(() => ctx.now(), [ctx, org.version]); // org.version: read again on each load
  const caller = org.organisation?.caller ?? null;
  const chips = useMemo(() => filterChips(prefs.filter, text), [prefs.filter, text]);
  const credentials = org.organisation?.credentials ?? null;
  const views = useMemo(() => viewsOf(credentials ?? [], now), [credentials, now]);
  const banner = useMemo(() => (caller ? expiryBanner(views, caller) : null), [views, caller]);
  // Header, table heading, status line and hint bar; the table gets the rest.
  const tableHeight = height - headerHeight({ chips, banner }) - 3;
  const list = useCredentialList(views, prefs.sort, prefs.filter, text, tableHeight);
  const counts = useMemo(() => (org.organisation ? countsText(countByStatus(list.views)) : null), [list.views, org.organisation]);
  const columns = useMemo(() => layoutColumns(prefs.columns.map((id) => COLUMNS[id]), width - MARKER_WIDTH), [prefs.columns, width]);

  const quit = useCallback(() => {
    onExit?.(0);
    exit();
  }, [exit, onExit]);

  const guardChange = (what: string): boolean => {
    if (!ctx.readOnly) return true;
    setFlash(`Read-only mode: ${what} is disabled (started with --read-only)`);
    return false;
  };
  const copyId = (id: string) => {
    services.copy(id);
    setFlash(`Copied ${shortId(id, 15)} to the clipboard`);
  };
  const startAction = (kind: 'revoke' | 'rotate') => {
    const c = list.liveSelected();
    if (!c || !guardChange(kind === 'revoke' ? 'revoking' : 'rotating')) return;
    if (c.status === 'revoked') return setFlash(`This credential is already revoked; there is nothing to ${kind}`);
    navigate({ type: 'push', screen: { kind, id: c.id } });
  };
  const startWizard = (prefill?: Screen & { kind: 'wizard' }) => {
    if (!guardChange('creating credentials')) return;
    if (!org.organisation) return setFlash('Wait for the credentials to load first');
    navigate({ type: 'push', screen: prefill ?? { kind: 'wizard' } });
  };

  const onListCommand = (command: ListCommand) => {
    switch (command) {
      case 'up': return list.move(-1);
      case 'down': return list.move(1);
      case 'pageUp': return list.page(-1);
      case 'pageDown': return list.page(1);
      case 'top': return list.first();
      case 'bottom': return list.last();
      case 'details': {
        const c = list.liveSelected();
        return c && navigate({ type: 'push', screen: { kind: 'details', id: c.id } });
      }
      case 'search': return navigate({ type: 'push', screen: { kind: 'search' } });
      case 'filter': return navigate({ type: 'push', screen: { kind: 'filter' } });
      case 'columns': return navigate({ type: 'push', screen: { kind: 'columns' } });
      case 'sort': return navigate({ type: 'push', screen: { kind: 'sort' } });
      case 'help': return navigate({ type: 'push', screen: { kind: 'help' } });
      case 'reverse': return prefs.setSort({ ...prefs.sort, direction: flipDirection(prefs.sort.direction) });
      case 'clearFilters':
        setText('');
        if (!isFilterEmpty(prefs.filter)) prefs.setFilter(EMPTY_FILTER);
        return setFlash('Filters cleared');
      case 'back': return text ? setText('') : undefined;
      case 'new': return startWizard();
      case 'revoke': return startAction('revoke');
      case 'rotate': return startAction('rotate');
      case 'copy': {
        const c = list.liveSelected();
        return c && copyId(c.id);
      }
      case 'refresh': return org.reload();
      case 'quit': return quit();
    }
  };
  const onSearchKey = (input: string, key: Key) => {
    if (key.return) return navigate({ type: 'pop' });
    if (key.escape) {
      setText('');
      return navigate({ type: 'pop' });
    }
    if (key.upArrow) return list.move(-1);
    if (key.downArrow) return list.move(1);
    if (key.pageUp || key.pageDown) return list.page(key.pageUp ? -1 : 1);
    setText((t) => editText(t, input, key) ?? t);
  };
  const onDetailsCommand = (command: DetailsCommand) => {
    const c = top.kind === 'details' ? list.views.find((v) => v.id === top.id) : undefined;
    if (!c) return navigate({ type: 'pop' });
    switch (command) {
      case 'copy': return copyId(c.id);
      case 'revoke':
      case 'rotate':
        if (!guardChange(command === 'revoke' ? 'revoking' : 'rotating')) return;
        if (c.status === 'revoked') return setFlash(`This credential is already revoked; there is nothing to ${command}`);
        return navigate({ type: 'push', screen: { kind: command, id: c.id } });
      case 'clone':
        if (c.type !== 'oauth') return setFlash('Only OAuth clients can be cloned (an HMAC pair is generated, not copied)');
        return startWizard({ kind: 'wizard', prefill: c });
      case 'help': return navigate({ type: 'push', screen: { kind: 'help' } });
      case 'back': return navigate({ type: 'pop' });
      default:
    }
  };
  const closeAction = (changed: boolean) => {
    navigate({ type: 'pop' });
    if (changed) org.reload();
  };

  // Ctrl+C leaves from any screen but the list (whose keymap has it), except while a secret the
  // server just created is not saved yet: then the screen showing it says how to keep it.
  useKeys((input, key) => {
    if (key.ctrl && input === 'c' && unsavedSecrets().length === 0) quit();
  }, top.kind !== 'list' && top.kind !== 'search');

  const listOnTop = top.kind === 'list' || top.kind === 'search';
  const loadingText = progressText(org.progress);
  // What the load could not fetch (e.g. a server without the assumed OAuth-client endpoints).
  const loadWarning = org.organisation?.warnings?.length ? `⚠ ${org.organisation.warnings.join(' · ')}` : null;
  const shown = list.list.rows.length;
  const position = selectedIndex(list.list) === null ? 0 : list.list.cursor + 1;
  const info = `${position}/${shown}${shown !== list.views.length ? ` (of ${list.views.length})` : ''} · sort: ${sortLabel(prefs.sort)}${ctx.readOnly ? ' · read-only' : ''}`;

  return (
    <KeyRouter>
      <ServicesContext.Provider value={services}>
        <Box flexDirection="column" width={width} height={height}>
          {listOnTop ? (
            <ListScreen
              width={width}
              height={height}
              connection={ctx.connection}
              caller={caller}
              counts={counts}
              chips={chips}
              banner={banner}
              columns={columns}
              sorted={list.sorted}
              list={list.list}
              firstLoad={!org.organisation}
              loading={org.loading}
              loadingText={loadingText}
              error={org.error}
              flash={flash ?? prefs.loadError ?? loadWarning}
              info={info}
              searching={top.kind === 'search'}
              searchText={text}
              readOnly={ctx.readOnly}
              isActive
              onCommand={onListCommand}
              onSearchKey={onSearchKey}
            />
          ) : (
            <ScreenView
              screen={top}
              width={width}
              height={height}
              ctx={ctx}
              organisation={org.organisation}
              views={list.views}
              prefs={prefs}
              flash={flash}
              onDetailsCommand={onDetailsCommand}
              onPop={() => navigate({ type: 'pop' })}
              onCloseAction={closeAction}
              copy={services.copy}
            />
          )}
        </Box>
      </ServicesContext.Provider>
    </KeyRouter>
  );
}
