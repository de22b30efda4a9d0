import type { Model, Screen } from '../src/tui/app/model.js';
import { DETAILS_BINDINGS } from '../src/tui/bindings.js';
import { detailsLayout } from '../src/tui/app/on-details.js';
import { credentialById } from '../src/tui/list/rows.js';
import { Frame } from './frame.js';

/** Every field of one credential, scrolled with ↑/↓; values wrap, nothing is cut. */
export function DetailsView({ model, screen }: { model: Model; screen: Extract<Screen, { kind: 'details' }> }) {
  const c = credentialById(model, screen.id);
  if (!c) return null;
  const { box, rows, room, maxScroll } = detailsLayout(model, c);
  const scroll = Math.min(screen.scroll, maxScroll);
  const shown = rows.slice(scroll, scroll + room);
  const more = maxScroll > 0 ? [[{ text: `… ↑/↓ to scroll (${scroll + room}/${rows.length})`, tone: 'dim' as const }]] : [];
  const title = c.type === 'hmac' ? `HMAC credential of ${c.owner.userName}` : `OAuth client ${c.name ?? c.id}`;
  return <Frame box={box} title={title} rows={[...shown, ...more]} bindings={DETAILS_BINDINGS} context={{ readOnly: model.readOnly, credential: c }} />;
}
