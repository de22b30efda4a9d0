// The one subscription to the keyboard: Ink's input events, decoded into key events (a bracketed
// paste as one), handed to the store in order. Ink's useInput is not used: it reports a chunk of
// keys as one input and cannot tell a paste from typing.
import { useEffect, useRef } from 'react';
import { useStdin } from 'ink';
import { KeyDecoder, type KeyEvent } from '../src/tui/input/keys.js';

export function useKeyInput(onKeys: (events: KeyEvent[]) => void): void {
  const { internal_eventEmitter: emitter, setRawMode, isRawModeSupported } = useStdin();
  const latest = useRef(onKeys);
  latest.current = onKeys;
  useEffect(() => {
    // Without a terminal (piped stdin) there are no keys to read; the entry decides what runs then.
    if (!isRawModeSupported || !emitter) return;
    setRawMode(true);
    const decoder = new KeyDecoder();
    const onInput = (input: string) => {
      const events = decoder.push(input);
      if (events.length) latest.current(events);
    };
    emitter.on('input', onInput);
    return () => {
      emitter.removeListener('input', onInput);
      setRawMode(false);
    };
  }, [emitter, setRawMode, isRawModeSupported]);
}
