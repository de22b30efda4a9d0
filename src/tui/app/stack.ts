// The screen stack's moves, used by every screen's handler. The list is the floor: it is never popped.
import type { Model, Screen } from './model.js';

export function push(model: Model, screen: Screen): Model {
  return { ...model, stack: [...model.stack, screen] };
}

export function pop(model: Model): Model {
  return model.stack.length > 1 ? { ...model, stack: model.stack.slice(0, -1) } : model;
}

export function replaceTop(model: Model, screen: Screen): Model {
  return { ...model, stack: [...model.stack.slice(0, -1), screen] };
}
