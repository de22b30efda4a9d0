// Keys for the screens, without a gap when one screen replaces another. Ink's useInput subscribes
// in a passive effect, which runs a moment after the new screen's frame is on the terminal: a key
// pressed in that moment (Esc right after Enter) found no handler and was lost. Under a
// <KeyRouter>, one Ink subscription lives as long as the app, and screens join it in a layout
// effect, which runs in the same commit that draws their frame. Every handler called is the one
// from its component's latest render. Outside a router (a component rendered alone in a test) it
// falls back to Ink's useInput.
import { createContext, createElement, useCallback, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useInput, type Key } from 'ink';

export type KeyHandler = (input: string, key: Key) => void;

type Entry = { readonly current: KeyHandler };
const RouterContext = createContext<Set<Entry> | null>(null);

/** The one subscription to Ink's input; every active useKeys below it gets every key, in order. */
export function KeyRouter({ children }: { children: ReactNode }) {
  const entries = useRef(new Set<Entry>()).current;
  const queue = useRef<[string, Key][]>([]).current;
  // Keys that came in one chunk ("n\r": a key and the next, faster than a frame) are handed over
  // one per commit: a key that opens a screen hands the keys after it to that screen, which has
  // joined by the time our layout effect runs (children's layout effects run before a parent's).
  const [turn, setTurn] = useState(0);
  const deliverNext = () => {
    const next = queue.shift();
    if (!next) return;
    // A snapshot: a handler may open or close a screen, which joins or leaves the set.
    for (const entry of [...entries]) entry.current(next[0], next[1]);
    if (queue.length) setTurn((t) => t + 1);
  };
  useLayoutEffect(deliverNext, [turn]); // after each commit a turn asked for
  useInput((input, key) => {
    const idle = queue.length === 0;
    queue.push(...splitKeys(input, key));
    if (idle) deliverNext();
  });
  return createElement(RouterContext.Provider, { value: entries }, children);
}

export function useKeys(handler: KeyHandler, isActive = true): void {
  const router = useContext(RouterContext);
  const latest = useRef(handler);
  latest.current = handler;
  useLayoutEffect(() => {
    if (!router || !isActive) return;
    const entry: Entry = latest;
    router.add(entry);
    return () => {
      router.delete(entry);
    };
  }, [router, isActive]);
  const stable = useCallback<KeyHandler>((input, key) => {
    for (const [i, k] of splitKeys(input, key)) latest.current(i, k);
  }, []);
  useInput(stable, { isActive: isActive && !router });
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
