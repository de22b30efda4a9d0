import type { Model, Screen } from '../src/tui/app/model.js';
import { COMMAND_LINE_BINDINGS } from '../src/tui/bindings.js';
import { overlayBox } from '../src/tui/list/list-screen.js';
import { fieldRow, para, type Row } from '../src/tui/frame/rows.js';
import { visibleSlice } from '../src/tui/input/editor.js';
import { Frame } from './frame.js';

/** A k9s-style command line: `:profile NAME` switches account, `:all` shows every account. */
export function CommandLine({ model, screen }: { model: Model; screen: Extract<Screen, { kind: 'command' }> }) {
  const box = overlayBox(model);
  const names = model.accounts?.map((a) => a.name).join(', ');
  const rows: Row[] = [
    fieldRow(':', visibleSlice(screen.editor, box.width - 8), 'profile NAME · all'),
    [],
    ...para(names ? `Accounts: ${names}` : '… Reading the accounts', box.width - 4, { tone: 'dim' }),
  ];
  return <Frame box={box} title="Command" rows={rows} error={screen.error} bindings={COMMAND_LINE_BINDINGS} context={{ readOnly: model.readOnly }} />;
}
