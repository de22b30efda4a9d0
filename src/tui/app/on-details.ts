// The details screen's commands; the credential is looked up by id on every key, so a reload
// shows its new state and a credential that disappeared closes the screen.
import { DETAILS_BINDINGS, type DetailsCommand } from '../bindings.js';
import { detailRows } from '../details/details-view.js';
import { frameLayout } from '../frame/frame.js';
import { overlayBox } from '../list/list-screen.js';
import { credentialById } from '../list/rows.js';
import type { CredentialView } from '../../model/credential.js';
import type { Model, Screen } from './model.js';
import { step, unreachable, type Step } from './messages.js';
import { notify } from './notify.js';
import { copyId, startChange, startWizard } from './on-list.js';
import { pop, push } from './stack.js';
import { bindingLine, initialTargetsPanel } from '../details/targets-panel.js';
import { bindingsFor } from '../../targets/store.js';
import { para } from '../frame/rows.js';

type Details = Extract<Screen, { kind: 'details' }>;

/** The rows and how far they scroll, as the view will draw them. */
export function detailsLayout(model: Model, c: CredentialView) {
  const box = overlayBox(model);
  const frame = frameLayout(box.width, box.height, DETAILS_BINDINGS, { readOnly: model.readOnly, credential: c });
  const delivered = bindingsFor(model.targets, c.id, c.profiles);
  const rows = [
    ...detailRows(c, model.credentialsPath, frame.inner, model.data.now),
    ...para('Delivered to', frame.inner, { tone: 'bold' }),
    ...(delivered.length
      ? delivered.flatMap((b) => para(bindingLine(b), frame.inner, { lead: '  ' }))
      : para('no targets: a rotation updates only the local profiles holding the key (t adds one)', frame.inner, { lead: '  ', tone: 'dim' })),
  ];
  const room = rows.length > frame.bodyRows ? Math.max(1, frame.bodyRows - 1) : frame.bodyRows;
  return { box, frame, rows, room, maxScroll: Math.max(0, rows.length - room) };
}

function replaceTop(model: Model, screen: Details): Model {
  return { ...model, stack: [...model.stack.slice(0, -1), screen] };
}

export function onDetailsCommand(model: Model, screen: Details, command: DetailsCommand): Step {
  const c = credentialById(model, screen.id);
  if (!c) return notify(pop(model), 'That credential is no longer in the list.', 'warn');
  switch (command) {
    case 'up':
    case 'down': {
      const { maxScroll } = detailsLayout(model, c);
      const scroll = Math.max(0, Math.min(maxScroll, screen.scroll + (command === 'up' ? -1 : 1)));
      return step(replaceTop(model, { ...screen, scroll }));
    }
    case 'copy': return copyId(model, c);
    case 'revoke': return startChange(model, 'revoke', c);
    case 'rotate': return startChange(model, 'rotate', c);
    case 'clone': return startWizard(model, c);
    case 'targets': return step(push(model, { kind: 'targets', panel: initialTargetsPanel(c.id) }));
    case 'help': return step(push(model, { kind: 'help', scroll: 0 }));
    case 'back': return step(pop(model));
    default: return unreachable(command);
  }
}
