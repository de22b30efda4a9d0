import type { Model, Screen } from '../src/tui/app/model.js';
import { secretBindings } from '../src/tui/app/on-secret.js';
import { secretParts } from '../src/tui/dialogs/secret-rows.js';
import { frameLayout } from '../src/tui/frame/frame.js';
import { fitParts } from '../src/tui/frame/rows.js';
import { overlayBox } from '../src/tui/list/list-screen.js';
import { Frame } from './frame.js';

/**
 * A just-created secret, shown once: masked until `v`, with save (HMAC), copy and env (OAuth).
 * Full width and without side borders, so a revealed secret selected with the mouse is just itself.
 */
export function SecretResult({ model, screen }: { model: Model; screen: Extract<Screen, { kind: 'secret' }> }) {
  const s = screen.secret;
  const box = overlayBox(model, true);
  const bindings = secretBindings(s);
  const error = s.mode.kind === 'profile' ? s.mode.error : s.problem;
  const frame = frameLayout(box.width, box.height, bindings, { readOnly: model.readOnly }, error, false);
  const parts = secretParts({
    secret: s.held.secret, credentialsPath: model.credentialsPath, report: s.report, revealed: s.revealed, showEnv: s.showEnv,
    copied: s.copied, saved: s.saved, mode: s.mode,
  }, frame.inner);
  const rows = fitParts(parts, frame.bodyRows).flatMap((p) => [...p.rows]);
  return <Frame box={box} title={s.title} rows={rows} error={error} bindings={bindings} context={{ readOnly: model.readOnly }} sides={false} />;
}
