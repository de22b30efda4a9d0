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

export async function getShaped<T>(client: ApiClient, path: string, parse: (v: unknown) => T, opts: { query?: Query; signal?: AbortSignal } = {}): Promise<T> {
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

export async function fetchAllPages<T>(client: ApiClient, o: AllPagesOptions<T>): Promise<T[]> {
  const get = (page: number) =>
    getShaped<Page<T>>(client, o.path, (b) => parsePage(b, o.key, o.item), {
      query: { ...o.query, page, size: REQUESTED_PAGE_SIZE },
      signal: o.signal,
    });
  const first = await get(0);
  let done = first.items.length;
  const total = first.totalElements;
  o.onPage?.(done, total);
  const pageCount = Math.min(first.totalPages ?? 1, MAX_PAGES);
  const rest = Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) => i + 1);
  const pages = await mapLimit(rest, o.concurrency, async (n) => {
    const p = await get(n);
    done += p.items.length;
    o.onPage?.(done, total);
    return p;
  }, o.signal);
  return [first, ...pages].flatMap((p) => p.items);
}
