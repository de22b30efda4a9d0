// The app's store, made once per app: the model, the update loop and the effect runner, with
// React subscribed to the model (one render per batch of messages).
import { useState, useSyncExternalStore } from 'react';
import type { Model } from '../src/tui/app/model.js';
import { createStore, type EffectRunner, type Store } from '../src/tui/app/store.js';

export function useStore(init: () => { model: Model; runEffect: EffectRunner; start?: (store: Store) => void }): { store: Store; model: Model } {
  const [store] = useState(() => {
    const { model, runEffect, start } = init();
    const s = createStore(model, runEffect);
    start?.(s);
    return s;
  });
  const model = useSyncExternalStore(store.subscribe, store.getModel, store.getModel);
  return { store, model };
}
