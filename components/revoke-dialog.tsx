import type { Model, Screen } from '../src/tui/app/model.js';
import { revokeBindings } from '../src/tui/app/on-dialogs.js';
import { confirmationOf, consequences } from '../src/tui/dialogs/revoke-dialog.js';
import { UNCERTAIN_ADVICE } from '../src/tui/dialogs/failure.js';
import { frameLayout } from '../src/tui/frame/frame.js';
import { BLANK_ROW, fieldRow, fitParts, fixed, labelled, marked, part, type Part } from '../src/tui/frame/rows.js';
import { visibleSlice } from '../src/tui/input/editor.js';
import { overlayBox } from '../src/tui/list/list-screen.js';
import { Frame } from './frame.js';

/** Revoke one credential, confirmed by typing the last 4 characters of its id. */
export function RevokeDialog({ model, screen }: { model: Model; screen: Extract<Screen, { kind: 'revoke' }> }) {
  const d = screen.dialog;
  const c = d.credential;
  const box = overlayBox(model);
  const bindings = revokeBindings(d);
  const error = d.phase === 'confirm' ? d.wrong : null;
  const frame = frameLayout(box.width, box.height, bindings, { readOnly: model.readOnly }, error);
  const inner = frame.inner;
  const last4 = confirmationOf(c);
  const parts: Part[] = [
    fixed('id', [[{ text: 'ID'.padEnd(7), tone: 'dim' }, { text: c.id.slice(0, -4) }, { text: last4, tone: 'key' }]]),
    part('owner', (one) => labelled('Owner', `${c.owner.userName} (${c.owner.accountType === 'api' ? 'API account' : 'user'})`, inner, 7, one), 1),
    { key: 'gap', forms: [[BLANK_ROW], []], shrink: 0 },
  ];
  if (d.selfWarning) parts.push(fixed('self', marked('fail', d.selfWarning, inner)));
  parts.push(part('what', (one) => marked('warn', `${consequences(c)} This cannot be undone.`, inner, one), 2));
  if (d.phase === 'confirm') {
    parts.push({ key: 'gap2', forms: [[BLANK_ROW], []], shrink: 0 });
    parts.push(fixed('typed', [fieldRow(`Type the last 4 characters of the id (${last4})`, visibleSlice(d.typed, 10))]));
  }
  if (d.phase === 'revoking') parts.push(fixed('busy', [[{ text: '… Revoking (waiting for the server)' }]]));
  if (d.phase === 'failed' && d.failure) {
    parts.push(
      { key: 'gap2', forms: [[BLANK_ROW], []], shrink: 0 },
      part('why', (one) => marked('fail', `Revoking failed: ${d.failure!.message}`, inner, one), 3),
      d.failure.uncertain
        ? part('advice', (one) => marked('warn', UNCERTAIN_ADVICE, inner, one), 3)
        : fixed('advice', marked('skip', 'Nothing changed. Press r to try again.', inner)),
    );
  }
  const rows = fitParts(parts, frame.bodyRows).flatMap((p) => [...p.rows]);
  const what = c.type === 'hmac' ? 'HMAC key' : `OAuth client "${c.name ?? c.id}"`;
  return <Frame box={box} title={`Revoke ${what}`} rows={rows} error={error} bindings={bindings} context={{ readOnly: model.readOnly }} />;
}
