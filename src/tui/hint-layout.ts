// The one-line hint bar, as text: the keymap's hinted keys in order, as many as fit the width.
import type { KeyBinding, KeyMap } from './keymap.js';

const GAP = 2;
const part = (b: KeyBinding) => `${b.keys} ${b.label}`;

/**
 * `omit` drops commands the screen cannot do right now (read-only, a revoked credential). When not
 * everything fits, the `help` entry is kept at the end: `?` is how the rest is found.
 */
export function hintText(keymap: KeyMap, width?: number, omit: ReadonlySet<string> = new Set()): string {
  const shown = keymap.filter((b) => b.hint !== false && !omit.has(b.command));
  const all = shown.map(part).join(' '.repeat(GAP));
  if (width === undefined || all.length <= width) return all;
  const help = shown.find((b) => b.command === 'help');
  const room = help ? width - part(help).length - GAP : width;
  const parts: string[] = [];
  let used = 0;
  for (const b of shown) {
    if (b === help) continue;
    const p = part(b);
    if (used + p.length > room) break;
    parts.push(p);
    used += p.length + GAP;
  }
  if (help) parts.push(part(help));
  return parts.join(' '.repeat(GAP));
}
