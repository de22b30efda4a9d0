import type { Model, Screen } from '../src/tui/app/model.js';
import { MESSAGES_BINDINGS } from '../src/tui/bindings.js';
import { scrollLayout } from '../src/tui/app/update.js';
import { messageRows } from '../src/tui/panels/messages-view.js';
import { Frame } from './frame.js';

/** The session's last messages and errors, whole, with their times; newest at the bottom. */
export function MessagesView({ model, screen }: { model: Model; screen: Extract<Screen, { kind: 'messages' }> }) {
  const { box, frame, maxScroll } = scrollLayout(model, screen);
  const rows = messageRows(model.messages, frame.inner);
  const top = Math.min(screen.scroll, maxScroll);
  return (
    <Frame box={box} title={`Messages (${model.messages.length})`} rows={rows.slice(top, top + frame.bodyRows)}
      bindings={MESSAGES_BINDINGS} context={{ readOnly: model.readOnly }} />
  );
}
