// The status line's short message and the messages screen's log: every message and error is
// kept, whole and with its time, for the last MESSAGES_KEPT of them.
import { MESSAGES_KEPT, type Model, type Tone } from './model.js';
import { step, type Step } from './messages.js';

export function notify(model: Model, text: string, tone: Tone = 'info', at = Date.now()): Step {
  const seq = (model.messages[model.messages.length - 1]?.seq ?? 0) + 1;
  const message = { seq, at, text, tone };
  const messages = [...model.messages.slice(-(MESSAGES_KEPT - 1)), message];
  return step({ ...model, flash: message, messages }, { kind: 'flash-timer', seq });
}

/** Adds effects to a step. */
export function also(s: Step, ...effects: Step['effects']): Step {
  return { model: s.model, effects: [...s.effects, ...effects] };
}
