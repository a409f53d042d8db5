/**
 * Reading Keap request bodies the way Keap's API does: unknown or server-assigned properties are
 * rejected ("Unrecognized property"), types are checked, and ids are Keap's digit strings.
 * Each failure is a 400 with a message that names the field.
 */
import { badRequest } from '../apiError';

export type Json = Record<string, unknown>;

export function objectBody(body: unknown): Json {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('Request body must be a JSON object');
  return body as Json;
}

export function allowOnly(body: Json, allowed: readonly string[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) throw badRequest(`Unrecognized property: ${key}`);
  }
}

export function optString(body: Json, key: string, maxLength?: number): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badRequest(`${key} must be a string`);
  if (maxLength !== undefined && v.length > maxLength) throw badRequest(`${key} must be at most ${maxLength} characters`);
  return v;
}

export function reqString(body: Json, key: string, maxLength?: number): string {
  const v = optString(body, key, maxLength);
  if (v === undefined || v === '') throw badRequest(`${key} is required`);
  return v;
}

export function optNumber(body: Json, key: string): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw badRequest(`${key} must be a number`);
  return v;
}

export function reqNumber(body: Json, key: string): number {
  const v = optNumber(body, key);
  if (v === undefined) throw badRequest(`${key} is required`);
  return v;
}

export function optInt(body: Json, key: string): number | undefined {
  const v = optNumber(body, key);
  if (v !== undefined && !Number.isInteger(v)) throw badRequest(`${key} must be a whole number`);
  return v;
}

export function optBool(body: Json, key: string): boolean | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw badRequest(`${key} must be true or false`);
  return v;
}

export function reqBool(body: Json, key: string): boolean {
  const v = optBool(body, key);
  if (v === undefined) throw badRequest(`${key} is required`);
  return v;
}

export function optArray(body: Json, key: string): unknown[] | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw badRequest(`${key} must be an array`);
  return v;
}

export function optObject(body: Json, key: string): Json | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw badRequest(`${key} must be an object`);
  return v as Json;
}

export function optEnum<T extends string>(body: Json, key: string, values: readonly T[]): T | undefined {
  const v = optString(body, key);
  if (v === undefined) return undefined;
  if (!values.includes(v as T)) throw badRequest(`${key} must be one of ${values.join(', ')}`);
  return v as T;
}

export function reqEnum<T extends string>(body: Json, key: string, values: readonly T[]): T {
  const v = optEnum(body, key, values);
  if (v === undefined) throw badRequest(`${key} is required`);
  return v;
}

/** Keap v2 ids are strings of digits. */
export function parseId(value: unknown, what: string): number {
  const s = typeof value === 'number' ? String(value) : value;
  if (typeof s !== 'string' || !/^\d{1,15}$/.test(s)) throw badRequest(`${what} must be a Keap id (a string of digits)`);
  return Number(s);
}

export function optId(body: Json, key: string): number | undefined {
  const v = body[key];
  if (v === undefined || v === null || v === '') return undefined;
  return parseId(v, key);
}

export function reqId(body: Json, key: string): number {
  const v = optId(body, key);
  if (v === undefined) throw badRequest(`${key} is required`);
  return v;
}

export function optTime(body: Json, key: string): string | undefined {
  const v = optString(body, key);
  if (v === undefined) return undefined;
  if (Number.isNaN(Date.parse(v))) throw badRequest(`${key} must be an ISO-8601 date-time`);
  return new Date(v).toISOString();
}

export function optDate(body: Json, key: string): string | undefined {
  const v = optString(body, key);
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw badRequest(`${key} must be a date (YYYY-MM-DD)`);
  return v;
}

/** `custom_fields: [{id, content}]` -> values keyed by field id. */
export function customValues(body: Json): Record<string, unknown> | undefined {
  const list = optArray(body, 'custom_fields');
  if (!list) return undefined;
  const out: Record<string, unknown> = {};
  for (const entry of list) {
    if (!entry || typeof entry !== 'object') throw badRequest('custom_fields entries must be objects with id and content');
    const { id, content } = entry as Json;
    out[String(parseId(id, 'custom_fields[].id'))] = content;
  }
  return out;
}

/**
 * `update_mask` arrives as a repeated query key (Keap's form); a comma-joined value is accepted too.
 * Without a mask every property present in the body is applied.
 */
export function updateMask(query: URLSearchParams, body: Json, allowed: readonly string[]): Set<string> {
  const raw = query
    .getAll('update_mask')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const mask = raw.length ? raw : Object.keys(body);
  for (const field of mask) if (!allowed.includes(field)) throw badRequest(`update_mask field '${field}' cannot be updated`);
  return new Set(mask);
}

/** Keeps only the masked properties of a body. */
export function masked(body: Json, mask: Set<string>): Json {
  return Object.fromEntries(Object.entries(body).filter(([k]) => mask.has(k)));
}
