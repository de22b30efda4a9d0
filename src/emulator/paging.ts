// HAL paging as the Identity API does it: `page` is 0-based, `size` is capped by the server.
import { validationError } from './replies.js';

export const DEFAULT_PAGE_SIZE = 50;

export interface PageRequest {
  page: number;
  size: number;
}

function nonNegativeInt(query: URLSearchParams, name: string): number | undefined | string {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) return `${name}: must be a whole number, got "${raw.slice(0, 20)}"`;
  return Number(raw);
}

/** Reads `page` and `size`; `size` above the cap is silently lowered, as servers do. */
export function pageRequest(query: URLSearchParams, cap: number): PageRequest {
  const page = nonNegativeInt(query, 'page');
  const size = nonNegativeInt(query, 'size');
  const errors = [page, size].filter((v): v is string => typeof v === 'string');
  if (size === 0) errors.push('size: must be at least 1');
  if (errors.length) throw validationError(errors);
  return { page: (page as number | undefined) ?? 0, size: Math.min((size as number | undefined) ?? Math.min(DEFAULT_PAGE_SIZE, cap), cap) };
}

function href(basePath: string, query: URLSearchParams, page: number, size: number): { href: string } {
  const q = new URLSearchParams(query);
  q.set('page', String(page));
  q.set('size', String(size));
  return { href: `${basePath}?${q.toString()}` };
}

/** One page of `items`, rendered; `_embedded` is left out when the page is empty. */
export function pageOf<T>(
  items: readonly T[],
  req: PageRequest,
  embeddedKey: string,
  basePath: string,
  query: URLSearchParams,
  render: (item: T) => unknown,
): Record<string, unknown> {
  const { page, size } = req;
  const totalPages = Math.ceil(items.length / size);
  const slice = items.slice(page * size, page * size + size).map(render);
  const links: Record<string, { href: string }> = {
    first: href(basePath, query, 0, size),
    self: href(basePath, query, page, size),
  };
  if (page > 0) links.prev = href(basePath, query, Math.min(page - 1, Math.max(totalPages - 1, 0)), size);
  if (page + 1 < totalPages) links.next = href(basePath, query, page + 1, size);
  links.last = href(basePath, query, Math.max(totalPages - 1, 0), size);
  const body: Record<string, unknown> = {};
  if (slice.length > 0) body._embedded = { [embeddedKey]: slice };
  body._links = links;
  body.page = { number: page, size, total_elements: items.length, total_pages: totalPages };
  return body;
}
