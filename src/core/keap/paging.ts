/**
 * Keap v2 cursor paging as async iteration, always at the largest page Keap allows, so reading N
 * records costs ceil(N / 1000) requests. Pages carry the token that fetched them and the next
 * one, so a reader can checkpoint and resume mid-list.
 */
import { KeapPagingError } from './errors';
import type { KeapTransport, QueryValue } from './transport';

export const MAX_PAGE_SIZE = 1000;

export interface ListOptions {
  filter?: string;
  orderBy?: string;
  pageSize?: number;
  /** Continue from a page token saved earlier. */
  pageToken?: string;
  /** Extra query parameters (e.g. `fields`). */
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

export interface Page<T> {
  items: T[];
  /** The token this page was fetched with (undefined for the first page). */
  pageToken?: string;
  /** Undefined on the last page. */
  nextPageToken?: string;
}

export async function* listPages<T>(
  transport: KeapTransport,
  path: string,
  key: string,
  options: ListOptions = {},
): AsyncGenerator<Page<T>> {
  let pageToken = options.pageToken;
  const seen = new Set<string>();
  for (;;) {
    const res = await transport.request<Record<string, unknown>>({
      method: 'GET',
      path,
      query: {
        ...options.query,
        filter: options.filter,
        order_by: options.orderBy,
        page_size: options.pageSize ?? MAX_PAGE_SIZE,
        page_token: pageToken,
      },
      signal: options.signal,
    });
    const items = res.data?.[key];
    if (!Array.isArray(items)) throw new KeapPagingError('no-list', `GET ${path}: Keap's answer has no '${key}' list`, `GET ${path}`);
    const next = typeof res.data.next_page_token === 'string' && res.data.next_page_token ? res.data.next_page_token : undefined;
    yield { items: items as T[], pageToken, nextPageToken: next };
    if (!next || items.length === 0) return;
    // A cursor that comes back again would loop forever: stop loudly instead.
    if (seen.has(next))
      throw new KeapPagingError('repeated-page-token', `GET ${path}: Keap returned the same page token twice`, `GET ${path}`);
    seen.add(next);
    pageToken = next;
  }
}

export async function* listAll<T>(transport: KeapTransport, path: string, key: string, options: ListOptions = {}): AsyncGenerator<T> {
  for await (const page of listPages<T>(transport, path, key, options)) yield* page.items;
}
