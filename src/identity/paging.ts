// Reading every page of a HAL list. The number of pages comes from the server's own `page`
// metadata, never from the size asked for: servers cap `size` silently.
import type { ApiClient, Query } from '../api/client-types.js';
import { ApiError } from '../api/errors.js';
import { ShapeError, parsePage, type Page } from './wire.js';

/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>, signal?: AbortSignal): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      signal?.throwIfAborted();
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** Runs `parse` over a successful answer; a wrong shape becomes ApiError kind 'malformed'. */
export function readShape<T>(method: string, path: string, body: unknown, parse: (v: unknown) => T): T {
  try {
    return parse(body);
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e;
    throw new ApiError({ kind: 'malformed', method, path, message: `${method} ${path}: the server's answer could not be read (${e.message}).` });
  }
}

export async function getShaped<T>(client: ApiClient, path: string, parse: (v: unknown) => T, opts: { query?: Query; signal?: AbortSignal; background?: boolean } = {}): Promise<T> {
  const body = await client.request<unknown>('GET', path, opts);
  return readShape('GET', path, body, parse);
}

/** A sane ceiling on page count, so a broken `total_pages` cannot send thousands of requests. */
const MAX_PAGES = 2_000;
export const REQUESTED_PAGE_SIZE = 500;

export interface AllPagesOptions<T> {
  path: string;
  key: string;
  item: (v: unknown) => T;
  query?: Query;
  concurrency: number;
  signal?: AbortSignal;
  /** After each page: items so far and the total the server announced. */
  onPage?: (done: number, total: number | null) => void;
}

export interface PageStreamOptions<T> extends AllPagesOptions<T> {
  /**
   * Each page's items as soon as that page is read, in the order pages arrive (page 0 first,
   * then the rest as they come back): `number` is the page's own number. The page's answer is
   * dropped once this returns.
   */
  onItems: (items: T[], number: number, total: number | null) => void;
  /** Page 0, when the caller has already asked for it (pageGetter) beside other work. */
  first?: Promise<Page<T>>;
}

/** One page of the list `o` describes, as a page of the load (behind every other request at the gate). */
export function pageGetter<T>(client: ApiClient, o: Pick<AllPagesOptions<T>, 'path' | 'key' | 'item' | 'query' | 'signal'>): (page: number) => Promise<Page<T>> {
  return (page) =>
    getShaped<Page<T>>(client, o.path, (b) => parsePage(b, o.key, o.item), {
      query: { ...o.query, page, size: REQUESTED_PAGE_SIZE },
      signal: o.signal,
      background: true,
    });
}

/**
 * Every page of a HAL list, handed over as each one arrives: page 0 first (it says how many
 * there are), then the rest `concurrency` at a time. Resolves with the item count and the total
 * the server announced.
 */
export async function streamPages<T>(client: ApiClient, o: PageStreamOptions<T>): Promise<{ count: number; total: number | null }> {
  const get = pageGetter(client, o);
  const first = await (o.first ?? get(0));
  let done = first.items.length;
  const total = first.totalElements;
  o.onItems(first.items, 0, total);
  o.onPage?.(done, total);
  const pageCount = Math.min(first.totalPages ?? 1, MAX_PAGES);
  const rest = Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) => i + 1);
  await mapLimit(rest, o.concurrency, async (n) => {
    const p = await get(n);
    done += p.items.length;
    o.signal?.throwIfAborted();
    o.onItems(p.items, n, total);
    o.onPage?.(done, total);
  }, o.signal);
  return { count: done, total };
}

/** Every item of a HAL list, in page order. */
export async function fetchAllPages<T>(client: ApiClient, o: AllPagesOptions<T>): Promise<T[]> {
  const pages: T[][] = [];
  await streamPages(client, { ...o, onItems: (items, n) => { pages[n] = items; } });
  return pages.flat();
}

export interface WorkQueue<T> {
  /** Adds work; it starts as soon as fewer than `limit` run. */
  push(item: T): void;
  /** Resolves once everything pushed so far has run; rejects with the first failure (later work is not started). */
  drained(): Promise<void>;
}

/**
 * mapLimit for work that arrives over time (per-user lookups queued page by page): at most
 * `limit` at once, in the order pushed; each item is dropped once started.
 */
export function workQueue<T>(limit: number, run: (item: T) => Promise<void>): WorkQueue<T> {
  let items: (T | undefined)[] = [];
  let head = 0;
  let active = 0;
  let failure: { error: unknown } | null = null;
  let waiting: Array<() => void> = [];
  const idle = () => active === 0 && (head >= items.length || failure !== null);
  const next = () => {
    while (!failure && active < Math.max(1, limit) && head < items.length) {
      const item = items[head] as T;
      items[head++] = undefined;
      if (head > 1024 && head * 2 > items.length) {
        items = items.slice(head);
        head = 0;
      }
      active++;
      run(item).then(
        () => { active--; next(); },
        (error: unknown) => { active--; failure ??= { error }; next(); },
      );
    }
    if (idle()) {
      const w = waiting;
      waiting = [];
      for (const f of w) f();
    }
  };
  return {
    push(item) {
      items.push(item);
      next();
    },
    drained() {
      return new Promise<void>((resolve, reject) => {
        const settle = () => (failure ? reject(failure.error) : resolve());
        if (idle()) settle();
        else waiting.push(settle);
      });
    },
  };
}
