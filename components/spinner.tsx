import { useEffect, useState } from 'react';
import { Text } from 'ink';
import { SPINNER_FRAMES as FRAMES } from '../src/tui/splash.js';
import { colour } from '../src/tui/palette.js';

/**
 * A small spinner with a label; the label carries the meaning, the spinner only shows life.
 * A status line keeps it to one line (cut at the edge); a dialog lets a long label wrap.
 */
export function Spinner({ label, wrap = 'truncate-end' }: { label: string; wrap?: 'truncate-end' | 'wrap' }) {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), 120);
    return () => clearInterval(t);
  }, []);
  return (
    <Text wrap={wrap}>
      <Text color={colour('cyan')}>{FRAMES[frame]}</Text> {label}
    </Text>
  );
}
