import { useEffect, useState } from 'react';
import { Text } from 'ink';
import { colour } from '../src/tui/palette.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A small spinner for a request in flight (no extra dependency for ten characters). */
export function WizardSpinner({ label }: { label: string }) {
  const [i, setI] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setI((n) => (n + 1) % FRAMES.length), 100);
    return () => clearInterval(t);
  }, []);
  return <Text><Text color={colour('cyan')}>{FRAMES[i]}</Text> {label}</Text>;
}
