// Choosing the sort: a key and a direction, applied on Enter. Pure.
import type { SortDirection, SortKey, SortOrder } from '../../model/filter.js';

export const SORT_KEYS: readonly { key: SortKey; label: string }[] = [
  { key: 'expires', label: 'Expiry date' },
  { key: 'name', label: 'Name' },
  { key: 'owner', label: 'Owner' },
  { key: 'type', label: 'Type' },
  { key: 'status', label: 'Status' },
  { key: 'created', label: 'Created date' },
];

export function flipDirection(d: SortDirection): SortDirection {
  return d === 'asc' ? 'desc' : 'asc';
}

/** The next key in SORT_KEYS (wrapping), keeping the direction. */
export function nextSortKey(order: SortOrder, by: 1 | -1 = 1): SortOrder {
  const i = SORT_KEYS.findIndex((k) => k.key === order.key);
  const next = SORT_KEYS[(i + by + SORT_KEYS.length) % SORT_KEYS.length]!;
  return { key: next.key, direction: order.direction };
}

export function sortLabel(order: SortOrder): string {
  const label = SORT_KEYS.find((k) => k.key === order.key)?.label ?? order.key;
  return `${label} ${order.direction === 'asc' ? '↑' : '↓'}`;
}

export interface SortPickerState {
  cursor: number;
  direction: SortDirection;
}

export function initialSortPicker(order: SortOrder): SortPickerState {
  return { cursor: Math.max(0, SORT_KEYS.findIndex((k) => k.key === order.key)), direction: order.direction };
}

export function sortPickerMove(s: SortPickerState, by: number): SortPickerState {
  return { ...s, cursor: Math.max(0, Math.min(SORT_KEYS.length - 1, s.cursor + by)) };
}

export function pickedSort(s: SortPickerState): SortOrder {
  return { key: SORT_KEYS[s.cursor]!.key, direction: s.direction };
}
