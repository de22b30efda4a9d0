// Work a frame needs that cannot happen while React renders: Ink's renderToString (the static
// tables, src/tui/frame/table.ts) is a render of its own, refused inside another one. The store
// calls this once a batch, before the frame, so the view finds the tables' lines remembered.
import { credentialById } from '../list/rows.js';
import { topOf, type Model } from './model.js';
import { detailsLayout } from './on-details.js';
import { helpLines } from '../panels/help-view.js';
import { HELP_SECTIONS } from '../bindings.js';
import { scrollLayout } from './update.js';

export function prepareFrame(model: Model): void {
  const top = topOf(model);
  if (top.kind === 'help') {
    const { frame } = scrollLayout(model, top);
    helpLines(HELP_SECTIONS, frame.inner, frame.bodyRows);
  }
  if (top.kind === 'details') {
    const c = credentialById(model, top.id);
    if (c) detailsLayout(model, c);
  }
}
