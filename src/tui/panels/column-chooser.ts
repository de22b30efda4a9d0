// The column chooser: every column with a visible flag, in display order; toggle, move, reset.
import type { ColumnId } from '../../config/preferences-types.js';
import { COLUMN_IDS, DEFAULT_COLUMNS } from '../../config/preferences-types.js';

export interface ChooserItem {
  id: ColumnId;
  visible: boolean;
}

export interface ColumnChooserState {
  items: ChooserItem[];
  cursor: number;
  /** Set when an action was refused (e.g. hiding the last column). */
  message: string | null;
}

/** Visible columns first in their order, then the hidden ones in their natural order. */
/** The Organisation column is the all-accounts view's own: it is added there, not chosen. */
const CHOOSABLE = COLUMN_IDS.filter((id) => id !== 'organisation');

export function initialColumnChooser(visible: readonly ColumnId[]): ColumnChooserState {
  const known = visible.filter((id) => (CHOOSABLE as readonly string[]).includes(id));
  const hidden = CHOOSABLE.filter((id) => !known.includes(id));
  return { items: [...known.map((id) => ({ id, visible: true })), ...hidden.map((id) => ({ id, visible: false }))], cursor: 0, message: null };
}

export function visibleColumns(s: ColumnChooserState): ColumnId[] {
  return s.items.filter((i) => i.visible).map((i) => i.id);
}

export type ColumnChooserAction =
  | { type: 'move'; by: number }
  | { type: 'toggle' }
  | { type: 'shift'; by: -1 | 1 }
  | { type: 'reset' };

export function columnChooserReducer(s: ColumnChooserState, a: ColumnChooserAction): ColumnChooserState {
  switch (a.type) {
    case 'move':
      return { ...s, message: null, cursor: Math.max(0, Math.min(s.items.length - 1, s.cursor + a.by)) };
    case 'toggle': {
      const item = s.items[s.cursor]!;
      if (item.visible && visibleColumns(s).length === 1) return { ...s, message: 'At least one column must stay visible' };
      const items = s.items.map((it, i) => (i === s.cursor ? { ...it, visible: !it.visible } : it));
      return { ...s, items, message: null };
    }
    case 'shift': {
      const to = s.cursor + a.by;
      if (to < 0 || to >= s.items.length) return s;
      const items = [...s.items];
      [items[s.cursor], items[to]] = [items[to]!, items[s.cursor]!];
      return { ...s, items, cursor: to, message: null };
    }
    case 'reset':
      return { ...initialColumnChooser(DEFAULT_COLUMNS), cursor: s.cursor };
  }
}
