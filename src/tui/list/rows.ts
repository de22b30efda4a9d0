// What the list shows, derived from the model through the list index (list-index.ts): statuses
// per load, the order per sort (extended, not redone, as pages arrive), the rows passing the
// filters and the search per query (narrowed from the last answer while typing).
import type { Credential, CredentialView } from '../../model/credential.js';
import type { CredentialFilter, SortOrder } from '../../model/filter.js';
import { indexFor, rowsFor, type ListIndex, type RowsCache } from './list-index.js';

export interface ListRows {
  views: readonly CredentialView[];
  sorted: readonly CredentialView[];
  /** Indices into `sorted` of the rows shown, ascending. */
  rows: readonly number[];
  /** Position in `sorted` of an id. */
  positionOf(id: string): number | undefined;
}

/** Remembers the last answer of `f` for arguments that are the same objects. */
export function memoLast<A extends readonly unknown[], R>(f: (...args: A) => R): (...args: A) => R {
  let last: { args: A; value: R } | null = null;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => a === args[i])) return last.value;
    const value = f(...args);
    last = { args, value };
    return value;
  };
}

/** What the list is derived from: the model's data, preferences, search and selection (typed here, so this module does not import the model). */
export interface ListSource {
  data: { organisation: { credentials: readonly Credential[] } | null; now: number };
  prefs: { sort: SortOrder; filter: CredentialFilter };
  search: { value: string };
}

const EMPTY: readonly Credential[] = [];
let lastIndex: ListIndex | null = null;
let lastRows: RowsCache | null = null;
let lastAnswer: ListRows | null = null;

export function listRows(model: ListSource): ListRows {
  const index = (lastIndex = indexFor(lastIndex, model.data.organisation?.credentials ?? EMPTY, model.data.now, model.prefs.sort));
  const { rows, cache } = rowsFor(lastRows, index, model.prefs.filter, model.search.value);
  lastRows = cache;
  if (lastAnswer && lastAnswer.sorted === index.sorted && lastAnswer.rows === rows) return lastAnswer;
  return (lastAnswer = { views: index.views, sorted: index.sorted, rows, positionOf: index.positionOf });
}

/** First position in the ascending `rows` whose value is >= target: O(log n). */
function lowerBound(rows: readonly number[], target: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where the selected credential is among the shown rows; the first row when it is not shown. */
export function cursorOf(list: ListRows, selectedId: string | null): number {
  if (selectedId === null) return 0;
  const at = list.positionOf(selectedId);
  if (at === undefined) return 0;
  const pos = lowerBound(list.rows, at);
  return list.rows[pos] === at ? pos : 0;
}

/** The credential on the highlighted row: the one every action acts on. */
export function selectedCredential(model: ListSource & { selectedId: string | null }): CredentialView | null {
  const list = listRows(model);
  if (list.rows.length === 0) return null;
  return list.sorted[list.rows[cursorOf(list, model.selectedId)]!] ?? null;
}

export function credentialById(model: ListSource, id: string): CredentialView | null {
  const list = listRows(model);
  const at = list.positionOf(id);
  return at === undefined ? null : list.sorted[at]!;
}
