import type { Model, Screen } from '../src/tui/app/model.js';
import { targetsBindings, targetsLines } from '../src/tui/app/on-targets.js';
import { frameLayout } from '../src/tui/frame/frame.js';
import { fieldRow, para, type Row } from '../src/tui/frame/rows.js';
import { visibleSlice } from '../src/tui/input/editor.js';
import { overlayBox } from '../src/tui/list/list-screen.js';
import { Frame } from './frame.js';

/** Where this credential is delivered on rotation: add (a), remove (x). */
export function TargetsPanel({ model, screen }: { model: Model; screen: Extract<Screen, { kind: 'targets' }> }) {
  const p = screen.panel;
  const box = overlayBox(model);
  const bindings = targetsBindings(p);
  const error = p.mode.kind === 'add' ? p.mode.error : null;
  const frame = frameLayout(box.width, box.height, bindings, { readOnly: model.readOnly }, error);
  const lines = targetsLines(model, p);
  const rows: Row[] = lines.length
    ? lines.map((text, i): Row => [{ text: `${i === p.cursor ? '› ' : '  '}${text}`, tone: i === p.cursor && p.mode.kind === 'list' ? 'selected' : 'plain' }])
    : para('No targets yet: a rotation only updates the local profiles that hold the key. Press a to add one.', frame.inner, { tone: 'dim' });
  rows.push([]);
  if (p.mode.kind === 'add') {
    rows.push(fieldRow('Target', visibleSlice(p.mode.editor, frame.inner - 10), 'dotenv:PATH, exec:COMMAND, github:OWNER/REPO[@ENV], gitlab:GROUP/PROJECT, vault:MOUNT/PATH'));
  } else if (p.mode.kind === 'remove') {
    rows.push(...para(`Remove ${p.mode.target}? The next rotation no longer delivers there. y/N`, frame.inner, { tone: 'warn' }));
  } else if (p.mode.kind === 'saving') {
    rows.push([{ text: '… Saving', tone: 'dim' }]);
  } else {
    rows.push(...para('On rotation the new secret is delivered to each, proven where the target allows; tokens come from the environment (GH_TOKEN, GITLAB_TOKEN, VAULT_TOKEN).', frame.inner, { tone: 'dim' }));
  }
  return <Frame box={box} title={`Targets of ${screen.panel.credentialId}`} rows={rows} error={error} bindings={bindings} context={{ readOnly: model.readOnly }} focusRow={p.cursor} />;
}
