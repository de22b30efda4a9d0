// useInput with the newest handler: Ink re-subscribes a new handler only in a passive effect,
// so a key arriving just after a frame would otherwise run the previous render's closure
// (e.g. a list with no selection yet, right after the data arrived).
import { useCallback, useRef } from 'react';
import { useInput, type Key } from 'ink';

export type KeyHandler = (input: string, key: Key) => void;

export function useKeys(handler: KeyHandler, isActive = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useCallback<KeyHandler>((input, key) => latest.current(input, key), []);
  useInput(stable, { isActive });
}
