// The hint bar, as text: a screen's hinted bindings in order, on one line, or two when one is too
// narrow. Help and the way out are essential: whatever the width they are never dropped.
import type { Binding, BindingContext, Bindings } from '../bindings.js';
import { cellWidth } from '../truncate.js';

const GAP = '  ';
const part = (b: Binding) => `${b.keys} ${b.label}`;

/** The bindings the hint bar offers here: hinted ones whose `when` holds. */
export function offered(bindings: Bindings, context: BindingContext): Binding[] {
  return bindings.filter((b) => b.hint !== false && (!b.when || b.when(context)));
}

/**
 * At most `maxRows` lines of hints of at most `width` cells. When not everything fits, the
 * essential bindings are kept (at the end of the last line) and the others drop from the end.
 */
export function hintLines(bindings: Bindings, context: BindingContext, width: number, maxRows = 2): string[] {
  const shown = offered(bindings, context);
  const essential = shown.filter((b) => b.essential);
  const rest = shown.filter((b) => !b.essential);
  for (let keep = rest.length; keep >= 0; keep--) {
    const lines = flow([...rest.slice(0, keep), ...essential].map(part), width);
    if (lines.length <= maxRows) return lines;
  }
  return flow(essential.map(part), width).slice(0, maxRows);
}

/** Widths of the parts (binding labels: a small fixed set), measured once each. */
const partWidths = new Map<string, number>();
function partWidth(p: string): number {
  let w = partWidths.get(p);
  if (w === undefined) {
    w = cellWidth(p);
    if (partWidths.size < 1000) partWidths.set(p, w);
  }
  return w;
}

/**
 * Parts laid out left to right, wrapping between parts, never inside one (unless it alone is too
 * wide). A line's width is the sum of its parts' and the gaps' (they are joined by spaces, which
 * no character combines with): this runs on every key, so nothing is measured twice.
 */
function flow(parts: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const p of parts) {
    const w = partWidth(p);
    if (!line) {
      line = p;
      used = w;
    } else if (used + GAP.length + w <= width) {
      line = `${line}${GAP}${p}`;
      used += GAP.length + w;
    } else {
      lines.push(line);
      line = p;
      used = w;
    }
  }
  if (line) lines.push(line);
  return lines;
}
