// The frame every overlay (panel, dialog, wizard step, details) is drawn in: a border, a title,
// the body, a problem line and the hints. Its rows besides the body are counted here, so a screen
// fits its body to what is left and never outgrows the terminal.
import type { BindingContext, Bindings } from '../bindings.js';
import { hintLines } from './hint-bar.js';
import { innerWidth, marked, type Row } from './rows.js';

export interface FrameLayout {
  width: number;
  inner: number;
  hints: string[];
  errorRows: Row[];
  /** Rows left for the body. */
  bodyRows: number;
}

/** The top border with the title (1), a gap (1), the problem rows, a gap (1), the hints, the bottom border (1). */
export function frameLayout(width: number, height: number, bindings: Bindings, context: BindingContext, error: string | null = null, sides = true): FrameLayout {
  const inner = innerWidth(width, sides);
  const hints = hintLines(bindings, context, inner);
  const errorRows = error ? marked('fail', error, inner) : [];
  const bodyRows = Math.max(1, height - 4 - hints.length - errorRows.length);
  return { width, inner, hints, errorRows, bodyRows };
}
