// Fits the chosen columns into the terminal width: ideal widths when they fit, spare room to the
// flexible columns, flexible columns shrunk towards their minimum when not, and columns dropped
// only when even the minimums do not fit: the least telling first, Status and Expires last (they
// are what the list is for). The caller learns how many were hidden.
import type { ColumnDef } from './columns.js';

export interface LaidOutColumn {
  def: ColumnDef;
  width: number;
}

export const COLUMN_GAP = 1;

function total(widths: number[]): number {
  return widths.reduce((a, b) => a + b, 0) + COLUMN_GAP * Math.max(0, widths.length - 1);
}

/** Which column gives way first when the width is short; the last two go last. */
const DROP_ORDER: readonly string[] = ['profiles', 'secrets', 'revoked', 'created', 'account', 'roles', 'id', 'type', 'owner', 'organisation', 'name', 'expires', 'status'];
const dropRank = (d: ColumnDef) => {
  const i = DROP_ORDER.indexOf(d.id);
  return i === -1 ? 0 : i;
};

export interface ColumnLayout {
  columns: LaidOutColumn[];
  /** Chosen columns left out for want of width. */
  hidden: number;
}

export function layoutColumns(defs: readonly ColumnDef[], width: number): LaidOutColumn[] {
  return fitColumns(defs, width).columns;
}

export function fitColumns(defs: readonly ColumnDef[], width: number): ColumnLayout {
  let chosen = [...defs];
  while (chosen.length > 1 && total(chosen.map((d) => d.min)) > width) {
    const weakest = chosen.reduce((w, d) => (dropRank(d) < dropRank(w) ? d : w));
    chosen = chosen.filter((d) => d !== weakest);
  }
  const hidden = defs.length - chosen.length;
  if (!chosen.length) return { columns: [], hidden };
  const widths = chosen.map((d) => d.ideal);
  let excess = total(widths) - width;
  if (excess > 0) {
    // Shrink the flexible columns first (widest above its minimum, a cell at a time), then the
    // fixed ones, so dates and statuses keep their full form as long as possible.
    for (const pass of [(d: ColumnDef) => d.flex > 0, () => true]) {
      while (excess > 0) {
        let best = -1;
        for (let i = 0; i < chosen.length; i++) {
          if (!pass(chosen[i]!)) continue;
          const room = widths[i]! - chosen[i]!.min;
          if (room > 0 && (best < 0 || room > widths[best]! - chosen[best]!.min)) best = i;
        }
        if (best < 0) break;
        widths[best]! -= 1;
        excess -= 1;
      }
    }
    // A single column wider than the screen is cut to the screen.
    if (excess > 0 && chosen.length === 1) widths[0] = Math.max(1, width);
  } else {
    // Spread spare room over the flexible columns by weight; leftovers go to the first ones.
    const spare = -excess;
    const weight = chosen.reduce((a, d) => a + d.flex, 0);
    if (weight > 0) {
      let given = 0;
      chosen.forEach((d, i) => {
        const add = Math.floor((spare * d.flex) / weight);
        widths[i]! += add;
        given += add;
      });
      for (let i = 0; given < spare; i = (i + 1) % chosen.length) {
        if (chosen[i]!.flex > 0) {
          widths[i]! += 1;
          given += 1;
        }
      }
    }
  }
  return { columns: chosen.map((def, i) => ({ def, width: widths[i]! })), hidden };
}
