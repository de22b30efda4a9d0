// useInput with the newest handler: Ink re-subscribes a new handler only in a passive effect,
// so a key arriving just after a frame would otherwise run the previous render's closure
// (e.g. a list with no selection yet, right after the data arrived).
import { useCallback, useRef } from 'react';
import { useInput, type Key } from 'ink';

export type KeyHandler = (input: string, key: Key) => void;

export function useKeys(handler: KeyHandler, isActive = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useCallback<KeyHandler>((input, key) => {
    for (const [i, k] of splitKeys(input, key)) latest.current(i, k);
  }, []);
  useInput(stable, { isActive });
}

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

/**
 * Keys typed faster than a frame (key repeat, `tmux send-keys j j Enter`) reach Ink as one chunk
 * ("jj\r") that it reports as one input; split it back into keys so each one acts.
 */
export function splitKeys(input: string, key: Key): [string, Key][] {
  if (input.length <= 1 || key.ctrl || key.meta || input.startsWith('\x1b')) return [[input, key]];
  const out: [string, Key][] = [];
  for (const ch of input) {
    if (ch === '\r' || ch === '\n') out.push(['', { ...NO_KEY, return: true }]);
    else if (ch === '\t') out.push(['', { ...NO_KEY, tab: true }]);
    else if (ch === '\x7f') out.push(['', { ...NO_KEY, delete: true }]);
    else if (ch === '\b') out.push(['', { ...NO_KEY, backspace: true }]);
    else if (ch >= ' ') out.push([ch, { ...NO_KEY, shift: /[A-Z]/.test(ch) }]);
  }
  return out;
}
