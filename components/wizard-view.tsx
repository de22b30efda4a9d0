import type { Model, Screen } from '../src/tui/app/model.js';
import { wizardBindings } from '../src/tui/app/on-wizard.js';
import { frameLayout } from '../src/tui/frame/frame.js';
import { overlayBox } from '../src/tui/list/list-screen.js';
import { wizardRows, wizardTitle } from '../src/tui/wizard/wizard-view.js';
import { Frame } from './frame.js';

/** Create API credentials (the Platform's form as steps): type, owner, fields, review, generate. */
export function CreateWizard({ model, screen }: { model: Model; screen: Extract<Screen, { kind: 'wizard' }> }) {
  const w = screen.wizard;
  const box = overlayBox(model);
  const bindings = wizardBindings(w);
  const error = w.error?.message ?? null;
  const frame = frameLayout(box.width, box.height, bindings, { readOnly: model.readOnly }, error);
  const rows = wizardRows(w, frame.inner, frame.bodyRows);
  return <Frame box={box} title={wizardTitle(w, w.env.cloneOf)} rows={rows} error={error} bindings={bindings} context={{ readOnly: model.readOnly }} />;
}
