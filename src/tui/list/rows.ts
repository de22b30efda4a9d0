// What the list shows, derived from the model and memoised step by step: statuses (per load),
// the sorted list (per sort), the rows passing the filters and the search (per filter or query).
// A key press that changes none of these costs nothing here; one that changes the query costs one
// pass over the sorted list, never a re-sort.
import type { Credential, CredentialView } from '../../model/credential.js';
import { viewsOf } from '../../model/credential.js';
import type { CredentialFilter, SortOrder } from '../../model/filter.js';
import { filteredIndices, sortCredentials } from '../../model/filter.js';
import type { Model } from '../app/model.js';

export interface ListRows {
  views: readonly CredentialView[];
  sorted: readonly CredentialView[];
  /** Indices into `sorted` of the rows shown, ascending. */
  rows: readonly number[];
  /** Position in `sorted` of each id. */
  indexOf: ReadonlyMap<string, number>;
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

const EMPTY: readonly Credential[] = [];
const viewsMemo = memoLast((credentials: readonly Credential[], now: number) => viewsOf(credentials, now));
const sortedMemo = memoLast((views: readonly CredentialView[], sort: SortOrder) => sortCredentials(views, sort));
const indexMemo = memoLast((sorted: readonly CredentialView[]) => new Map(sorted.map((c, i) => [c.id, i])));
const rowsMemo = memoLast((sorted: readonly CredentialView[], filter: CredentialFilter, query: string) => filteredIndices(sorted, filter, query));

export function listRows(model: Pick<Model, 'data' | 'prefs' | 'search'>): ListRows {
  const views = viewsMemo(model.data.organisation?.credentials ?? EMPTY, model.data.now);
  const sorted = sortedMemo(views, model.prefs.sort);
  return { views, sorted, rows: rowsMemo(sorted, model.prefs.filter, model.search.value), indexOf: indexMemo(sorted) };
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
  const at = list.indexOf.get(selectedId);
  if (at === undefined) return 0;
  const pos = lowerBound(list.rows, at);
  return list.rows[pos] === at ? pos : 0;
}

/** The credential on the highlighted row: the one every action acts on. */
export function selectedCredential(model: Pick<Model, 'data' | 'prefs' | 'search' | 'selectedId'>): CredentialView | null {
  const list = listRows(model);
  if (list.rows.length === 0) return null;
  return list.sorted[list.rows[cursorOf(list, model.selectedId)]!] ?? null;
}

export function credentialById(model: Pick<Model, 'data' | 'prefs' | 'search'>, id: string): CredentialView | null {
  const list = listRows(model);
  const at = list.indexOf.get(id);
  return at === undefined ? null : list.sorted[at]!;
}
