import { useRef } from 'react';

/**
 * The value of the last render, for key handlers. Ink re-subscribes a useInput handler in a
 * passive effect, so a key arriving just after a frame is drawn can reach the previous render's
 * handler; reading state through this ref, it still acts on what the user sees.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
