// The list's data, built so that a large organisation stays fast: views (statuses against the
// load's clock) and the sorted order are extended page by page as credentials arrive — a new page
// is sorted on its own and merged, never a re-sort of what is already there — and each row's
// search text is made once, at the first search (a load of 100,000 rows is not slowed by texts
// nobody has asked for), then carried along as pages arrive. Queries narrow from the previous
// answer when they grow (typing), and answers are remembered for the way back (Backspace).
import type { Credential, CredentialView } from '../../model/credential.js';
import { viewOf } from '../../model/credential.js';
import type { CredentialFilter, SortOrder } from '../../model/filter.js';
import { credentialComparator, isFilterEmpty, matchesFilter, searchText } from '../../model/filter.js';

export interface ListIndex {
  /** What the index was built from; a longer array with the same start is an extension. */
  readonly source: readonly Credential[];
  readonly now: number;
  readonly sort: SortOrder;
  /** Every row, in no order to rely on (counts, the banner and the timeline): the sorted rows themselves. */
  readonly views: readonly CredentialView[];
  readonly sorted: readonly CredentialView[];
  /** Each sorted row's search text (name, id, owner, roles), lowercased: made at the first call. */
  haystacks(): readonly string[];
  /** Whether haystacks() has been made (a hand-over then extends them too). */
  readonly searched: boolean;
  /** Position in `sorted` of a credential, found by its order (no map of positions to redo per page). */
  positionOf(id: string): number | undefined;
  /** Each view by id; extended in place by the next page (an index is replaced, never reused). */
  readonly byId: Map<string, CredentialView>;
}

type Compare = (x: CredentialView, y: CredentialView) => number;

/**
 * `byId` is extended in place as pages arrive (an index is replaced by the next, never used
 * again), so a page costs its own size there, not the organisation's.
 */
function build(source: readonly Credential[], now: number, sort: SortOrder, sorted: CredentialView[],
  texts: string[] | null, byId: Map<string, CredentialView>, compare: Compare): ListIndex {
  let made = texts;
  return {
    source, now, sort, views: sorted, sorted, byId,
    haystacks: () => (made ??= sorted.map(searchText)),
    get searched() {
      return made !== null;
    },
    positionOf(id) {
      const c = byId.get(id);
      if (!c) return undefined;
      // The order is total (ties fall back to the id), so a binary search finds the row itself.
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compare(sorted[mid]!, c) < 0) lo = mid + 1;
        else hi = mid;
      }
      return sorted[lo] === c ? lo : sorted.indexOf(c);
    },
  };
}

/**
 * Merges two runs sorted by `compare` into one: O(a + b). Their search texts come along when the
 * first run has them (`ha`), so no text is made again.
 */
function merge(a: readonly CredentialView[], ha: readonly string[] | null, b: readonly CredentialView[], compare: Compare): { sorted: CredentialView[]; texts: string[] | null } {
  const sorted = new Array<CredentialView>(a.length + b.length);
  const hb = ha ? b.map(searchText) : null;
  const texts = ha ? new Array<string>(a.length + b.length) : null;
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    if (compare(a[i]!, b[j]!) <= 0) {
      if (texts) texts[k] = ha![i]!;
      sorted[k++] = a[i++]!;
    } else {
      if (texts) texts[k] = hb![j]!;
      sorted[k++] = b[j++]!;
    }
  }
  while (i < a.length) {
    if (texts) texts[k] = ha![i]!;
    sorted[k++] = a[i++]!;
  }
  while (j < b.length) {
    if (texts) texts[k] = hb![j]!;
    sorted[k++] = b[j++]!;
  }
  return { sorted, texts };
}

/** A fresh index: views (kept when only the order changed), order, search texts, ids. */
function fresh(source: readonly Credential[], now: number, sort: SortOrder, views: readonly CredentialView[]): ListIndex {
  const compare = credentialComparator(sort);
  const sorted = [...views].sort(compare);
  return build(source, now, sort, sorted, null, new Map(views.map((c) => [c.id, c])), compare);
}

/** True when `next` is `prev.source` with credentials added at the end (a page arrived). */
function extends_(prev: ListIndex, next: readonly Credential[], now: number, sort: SortOrder): boolean {
  const n = prev.source.length;
  return prev.now === now && prev.sort === sort && next.length > n && n > 0 && next[0] === prev.source[0] && next[n - 1] === prev.source[n - 1];
}

export function indexFor(prev: ListIndex | null, source: readonly Credential[], now: number, sort: SortOrder): ListIndex {
  if (prev && prev.source === source && prev.now === now && prev.sort === sort) return prev;
  if (prev && extends_(prev, source, now, sort)) {
    const compare = credentialComparator(sort);
    const added = source.slice(prev.source.length).map((c) => viewOf(c, now)).sort(compare);
    const { sorted, texts } = merge(prev.sorted, prev.searched ? prev.haystacks() : null, added, compare);
    for (const c of added) prev.byId.set(c.id, c);
    return build(source, now, sort, sorted, texts, prev.byId, compare);
  }
  // Same data in another order: the views are kept, only the order is new.
  const views = prev && prev.source === source && prev.now === now ? prev.views : source.map((c) => viewOf(c, now));
  return fresh(source, now, sort, views);
}

/** Remembered answers of one index and filter: the query's rows, for narrowing and going back. */
export interface RowsCache {
  readonly index: ListIndex;
  readonly filter: CredentialFilter;
  readonly answers: Map<string, readonly number[]>;
}

const KEPT_ANSWERS = 64;

/** Positions in `sorted` of the rows passing the filter and the query, ascending. */
export function rowsFor(cache: RowsCache | null, index: ListIndex, filter: CredentialFilter, query: string): { rows: readonly number[]; cache: RowsCache } {
  const c = cache && cache.index === index && cache.filter === filter ? cache : { index, filter, answers: new Map<string, readonly number[]>() };
  const q = query.trim().toLowerCase();
  const known = c.answers.get(q);
  if (known) return { rows: known, cache: c };
  // A longer query matches a subset of what its prefix matched: search only those rows.
  let from: readonly number[] | null = null;
  for (let n = q.length - 1; n >= 0 && !from; n--) from = c.answers.get(q.slice(0, n)) ?? null;
  const rows = search(index, filter, q, from);
  if (c.answers.size >= KEPT_ANSWERS) c.answers.delete(c.answers.keys().next().value!);
  c.answers.set(q, rows);
  return { rows, cache: c };
}

function search(index: ListIndex, filter: CredentialFilter, q: string, within: readonly number[] | null): number[] {
  const { sorted } = index;
  const haystacks = q ? index.haystacks() : [];
  const anyFilter = !isFilterEmpty(filter);
  const out: number[] = [];
  const test = (i: number) => (!q || haystacks[i]!.includes(q)) && (within !== null || !anyFilter || matchesFilter(sorted[i]!, filter));
  if (within) {
    for (const i of within) if (test(i)) out.push(i);
  } else {
    for (let i = 0; i < sorted.length; i++) if (test(i)) out.push(i);
  }
  return out;
}
