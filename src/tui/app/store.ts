// Holds the model and feeds it messages in bounded batches: a burst of any size (a 10,000
// character paste, 500 `j` in one read) is split into messages and worked off a batch per turn of
// the event loop, each batch one render. Nothing recursive, no key lost, and the terminal keeps
// answering. Effects a batch asks for run after it.
import type { KeyEvent } from '../input/keys.js';
import type { Model } from './model.js';
import type { Effect, Msg } from './messages.js';
import { update } from './update.js';
import { prepareFrame } from './prepare.js';

export type EffectRunner = (effect: Effect, send: (msg: Msg) => void) => void;

export interface Store {
  getModel(): Model;
  subscribe(listener: () => void): () => void;
  send(msg: Msg): void;
  keys(events: readonly KeyEvent[]): void;
  /** Messages waiting (tests and the bench wait for zero). */
  pending(): number;
}

/** Most messages handled between two renders, and most time spent on them. */
const BATCH = 64;
const BUDGET_MS = 12;
/** Typed text is handed over in pieces of this many characters, so a long run is bounded work too. */
const TEXT_PIECE = 64;

export function createStore(initial: Model, runEffect: EffectRunner): Store {
  let model = initial;
  const listeners = new Set<() => void>();
  const queue: Msg[] = [];
  let head = 0;
  let scheduled = false;

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  };
  const send = (msg: Msg) => {
    queue.push(msg);
    schedule();
  };

  function pump() {
    scheduled = false;
    const effects: Effect[] = [];
    const before = model;
    const started = performance.now();
    for (let n = 0; head < queue.length && n < BATCH && (n === 0 || performance.now() - started < BUDGET_MS); n++) {
      const s = update(model, queue[head++]!);
      model = s.model;
      effects.push(...s.effects);
    }
    // Tables drawn by Ink are rendered here, outside React's render (prepare.ts).
    if (model !== before) prepareFrame(model);
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    }
    if (model !== before) for (const l of [...listeners]) l();
    for (const e of effects) runEffect(e, send);
    if (head < queue.length) schedule();
  }

  return {
    getModel: () => model,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send,
    keys(events) {
      for (const event of events) {
        if (event.kind !== 'text' || event.text.length <= TEXT_PIECE) {
          queue.push({ kind: 'key', event });
          continue;
        }
        const chars = [...event.text];
        for (let i = 0; i < chars.length; i += TEXT_PIECE) queue.push({ kind: 'key', event: { kind: 'text', text: chars.slice(i, i + TEXT_PIECE).join('') } });
      }
      schedule();
    },
    pending: () => queue.length - head,
  };
}
