import { KeapRequestError } from '../errors';
import { listAll, listPages, type ListOptions, type Page } from '../paging';
import type { KeapTransport, QueryValue } from '../transport';

/** A Keap v2 list endpoint: pages (with their tokens, for resuming) or one record at a time. */
export class KeapList<T> {
  constructor(
    protected readonly transport: KeapTransport,
    /** e.g. `/v2/orders` */
    protected readonly path: string,
    /** The list field in Keap's answer, e.g. `orders`. */
    protected readonly listKey: string,
  ) {}

  pages(options?: ListOptions): AsyncGenerator<Page<T>> {
    return listPages<T>(this.transport, this.path, this.listKey, options);
  }

  list(options?: ListOptions): AsyncGenerator<T> {
    return listAll<T>(this.transport, this.path, this.listKey, options);
  }
}

/**
 * The list / get / create / update / delete shape most Keap v2 resources share. Resources with
 * more (payments, tags…) extend it; ones with less expose only what Keap has.
 */
export class KeapResource<T, Create = Partial<T>, Update = Partial<Create>> extends KeapList<T> {
  async get(id: string, query?: Record<string, QueryValue>, signal?: AbortSignal): Promise<T> {
    return (await this.transport.request<T>({ method: 'GET', path: `${this.path}/${encodeId(id)}`, query, signal })).data;
  }

  /**
   * Creates a record. Keap has no idempotency key, so pass `verify` (look the record up by what
   * identifies it) to let a create whose answer was lost be resolved instead of failing.
   */
  async create(
    body: Create,
    options: { verify?: () => Promise<T | undefined>; query?: Record<string, QueryValue>; signal?: AbortSignal } = {},
  ): Promise<T> {
    return (
      await this.transport.request<T>({
        method: 'POST',
        path: this.path,
        body,
        query: options.query,
        verify: options.verify,
        signal: options.signal,
      })
    ).data;
  }

  /** PATCH with Keap's `update_mask`: only the named fields change (Keap replaces list fields whole). */
  async update(id: string, patch: Update, signal?: AbortSignal): Promise<T> {
    const mask = Object.keys(patch as object);
    return (
      await this.transport.request<T>({
        method: 'PATCH',
        path: `${this.path}/${encodeId(id)}`,
        body: patch,
        query: { update_mask: mask },
        signal,
      })
    ).data;
  }

  async delete(id: string, signal?: AbortSignal): Promise<void> {
    await this.transport.request<void>({ method: 'DELETE', path: `${this.path}/${encodeId(id)}`, signal });
  }
}

/** Keap ids are digit strings; anything else must not reach a URL path. */
export function encodeId(id: string): string {
  if (!/^\d+$/.test(id)) throw new KeapRequestError('id', `Not a Keap id: ${JSON.stringify(id).slice(0, 40)}`);
  return id;
}
