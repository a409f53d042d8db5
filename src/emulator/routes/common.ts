import { badRequest } from '../apiError';
import { listPage, type ListQuery, type ListSpec } from '../listing';
import type { RouteRequest, RouteResponse } from '../http/router';
import type { Table } from '../table';

export function listQuery(query: URLSearchParams): ListQuery {
  return {
    filter: query.get('filter') ?? undefined,
    order_by: query.get('order_by') ?? undefined,
    page_size: query.get('page_size') ?? undefined,
    page_token: query.get('page_token') ?? undefined,
  };
}

/** A list endpoint's answer: `{ <key>: [...], next_page_token }`. */
export function listResponse<T extends { id: number }>(
  req: RouteRequest,
  key: string,
  spec: ListSpec<T>,
  rowsAfter: (afterId: number) => Iterable<T>,
  render: (row: T) => unknown,
): RouteResponse {
  const page = listPage(spec, listQuery(req.query), rowsAfter);
  return { status: 200, body: { [key]: page.items.map(render), next_page_token: page.nextPageToken } };
}

export function fromTable<T extends { id: number }>(table: Table<T>): (afterId: number) => Iterable<T> {
  return (afterId) => table.valuesAfter(afterId);
}

export function fromArray<T extends { id: number }>(rows: T[]): (afterId: number) => Iterable<T> {
  const sorted = [...rows].sort((a, b) => a.id - b.id);
  return (afterId) => sorted.filter((r) => r.id > afterId);
}

/** `fields=a,b` (or repeated) -> the fields to return, always with `id`; undefined = the default set. */
export function requestedFields(query: URLSearchParams, allowed: readonly string[]): string[] | undefined {
  const raw = query
    .getAll('fields')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  if (!raw.length) return undefined;
  for (const f of raw) if (!allowed.includes(f)) throw badRequest(`Unknown field '${f}' in fields`);
  return ['id', ...raw.filter((f) => f !== 'id')];
}

export function pathId(req: RouteRequest, name: string): number {
  const raw = req.params[name];
  if (!/^\d{1,15}$/.test(raw ?? '')) throw badRequest(`${name} must be a Keap id (a string of digits)`);
  return Number(raw);
}

export const noContent: RouteResponse = { status: 204 };
