import type { Model, Screen } from '../src/tui/app/model.js';
import { ACCOUNTS_BINDINGS } from '../src/tui/bindings.js';
import { ALL_ACCOUNTS, rowText } from '../src/tui/accounts/accounts-panel.js';
import { overlayBox } from '../src/tui/list/list-screen.js';
import { para, type Row } from '../src/tui/frame/rows.js';
import { Frame } from './frame.js';

/** Every account to switch to (k9s contexts): profiles, the environment's key, all at once. */
export function AccountsPanel({ model, screen }: { model: Model; screen: Extract<Screen, { kind: 'accounts' }> }) {
  const p = screen.panel;
  const box = overlayBox(model);
  const line = (text: string, at: boolean): Row => [{ text: `${at ? '› ' : '  '}${text}`, tone: at ? 'selected' : 'plain' }];
  const rows: Row[] = [];
  if (!p.rows) rows.push([{ text: '… Reading the credentials file', tone: 'dim' }]);
  else {
    p.rows.forEach((r, i) => rows.push(line(rowText(r), i === p.cursor)));
    if (p.rows.length > 1) rows.push(line(ALL_ACCOUNTS, p.cursor === p.rows.length));
    if (!p.rows.length) rows.push(...para('No profiles in the credentials file and no key in the environment.', box.width - 4, { tone: 'dim' }));
  }
  if (p.problem) rows.push([], ...para(p.problem, box.width - 4, { tone: 'warn' }));
  const now = model.connection.source === 'all' ? 'all accounts' : model.connection.profile ? `profile ${model.connection.profile}` : model.connection.source;
  return <Frame box={box} title={`Accounts (now: ${now})`} rows={rows} focusRow={p.cursor} bindings={ACCOUNTS_BINDINGS} context={{ readOnly: model.readOnly }} />;
}
