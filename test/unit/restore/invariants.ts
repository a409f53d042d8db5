import assert from 'node:assert/strict';
/**
 * The promise, as checks a scenario runs against the live account after any sequence of events:
 * no snapshot record has two live records (by restore marker, and by the likely-duplicate
 * signature of orders), and every record equals its snapshot record, field by field through the
 * id map, in everything a client can set.
 */
import type { KeapClient } from '../../../src/core/keap/client';
import { comparableRecord } from '../../../src/core/restore/fields';
import { readLiveAccount } from '../../../src/core/restore/liveRead';
import { LiveIndex } from '../../../src/core/restore/liveIndex';
import { MARKER_RECORD_TYPES, paymentNoteMarker, recordMarker } from '../../../src/core/restore/marker';
import { liveOrderSignature } from '../../../src/core/restore/orderSignature';
import type { RestoreEntity } from '../../../src/core/restore/plan';
import type { SnapshotDb } from '../../../src/core/snapshot/snapshotDb';

type Json = Record<string, unknown>;

export interface LiveState {
  live: SnapshotDb;
  /** `entity:oldId` -> live id, from markers (the truth every run shares). */
  byMarker: Map<string, string[]>;
  close(): void;
}

const ENTITIES: RestoreEntity[] = ['contacts', 'companies', 'products', 'orders', 'payments', 'subscriptions', 'tags'];

function rows(db: SnapshotDb, entity: RestoreEntity): Json[] {
  return [...db.rows(entity as never)].map((r) => JSON.parse(r.json) as Json);
}

export async function readState(client: KeapClient): Promise<LiveState> {
  const { db: live } = await readLiveAccount(client);
  const index = new LiveIndex(live);
  const byMarker = new Map<string, string[]>();
  const add = (key: string, id: string) => byMarker.set(key, [...(byMarker.get(key) ?? []), id]);
  for (const [entity, type] of Object.entries(MARKER_RECORD_TYPES)) {
    for (const r of rows(live, entity as RestoreEntity)) {
      const old = recordMarker(r as never, index.markerFieldIds.get(type));
      if (old) add(`${entity}:${old}`, String(r.id));
    }
  }
  for (const p of rows(live, 'payments')) {
    const old = paymentNoteMarker(p.note);
    if (old) add(`payments:${old}`, String(p.id));
  }
  return { live, byMarker, close: () => live.close() };
}

/** Snapshot records that more than one live record restores. */
export function markerDuplicates(state: LiveState): string[] {
  return [...state.byMarker]
    .filter(([, ids]) => ids.length > 1)
    .map(([key, ids]) => `${key} restored ${ids.length} times: ${ids.join(', ')}`);
}

/**
 * Live orders whose likely-duplicate signature (contact, items, total, date) occurs more often
 * than in the snapshot, mapped through the markers: an order created twice under any id.
 */
export function signatureDuplicates(snapshot: SnapshotDb, state: LiveState): string[] {
  const liveId = (entity: string, id: string) => state.byMarker.get(`${entity}:${id}`)?.[0] ?? id;
  const key = (o: Json, map: (e: string, id: string) => string) => {
    const mapped = {
      contact: { id: map('contacts', String((o.contact as Json | undefined)?.id)) },
      order_items: ((o.order_items as Json[] | undefined) ?? []).map((i) => ({
        ...i,
        product: (i.product as Json | undefined)?.id ? { id: map('products', String((i.product as Json).id)) } : undefined,
      })),
    };
    return `${liveOrderSignature(mapped)}@${Date.parse(String(o.order_time))}`;
  };
  const count = (orders: Json[], map: (e: string, id: string) => string) => {
    const out = new Map<string, string[]>();
    for (const o of orders) out.set(key(o, map), [...(out.get(key(o, map)) ?? []), String(o.id)]);
    return out;
  };
  const want = count(rows(snapshot, 'orders'), liveId);
  const have = count(rows(state.live, 'orders'), (_e, id) => id);
  return [...have]
    .filter(([k, ids]) => ids.length > (want.get(k)?.length ?? 0) && ids.length > 1)
    .map(([, ids]) => `orders ${ids.join(', ')} look like one order`);
}

/**
 * Every snapshot record of the given entities compared with its live counterpart (by marker, else
 * by id), field by field in what a restore sets. Records with no live counterpart are listed as
 * missing unless `mayBeMissing` says why they may be.
 */
export function fieldDifferences(
  snapshot: SnapshotDb,
  state: LiveState,
  options: {
    entities?: RestoreEntity[];
    idMap?: Map<string, string>;
    mayBeMissing?: (entity: RestoreEntity, record: Json) => boolean;
  } = {},
): string[] {
  const out: string[] = [];
  const index = new LiveIndex(state.live);
  // The ledgers' id maps (plans have no marker), then markers, then the same id.
  const live = (entity: string, id: string | undefined) => (id !== undefined && index.has(entity as RestoreEntity, id) ? id : undefined);
  const liveIdOf = (entity: string, id: string) =>
    live(entity, options.idMap?.get(`${entity}:${id}`)) ?? live(entity, state.byMarker.get(`${entity}:${id}`)?.[0]) ?? live(entity, id);
  const mapRef = (entity: string, id: string) =>
    entity === 'custom_fields' ? (fieldLiveId(snapshot, index, id) ?? id) : liveIdOf(entity, id);
  for (const entity of options.entities ?? ENTITIES) {
    for (const record of rows(snapshot, entity)) {
      const id = String(record.id);
      const liveId = liveIdOf(entity, id);
      const live = liveId ? index.record<Json>(entity, liveId) : undefined;
      if (!live) {
        if (!options.mayBeMissing?.(entity, record)) out.push(`${entity} ${id}: not in the account`);
        continue;
      }
      const want = comparableRecord(entity, record, mapRef);
      const have = comparableRecord(entity, live, (_e, x) => x);
      for (const field of Object.keys(want)) {
        if (JSON.stringify(want[field]) !== JSON.stringify(have[field]))
          out.push(
            `${entity} ${id} -> ${liveId}: ${field} is ${JSON.stringify(have[field])}, the snapshot has ${JSON.stringify(want[field])}`,
          );
      }
    }
  }
  return out;
}

function fieldLiveId(snapshot: SnapshotDb, index: LiveIndex, id: string): string | undefined {
  if (index.has('custom_fields', id)) return id;
  const field = JSON.parse(String(snapshot.scalar('SELECT json FROM custom_fields WHERE id = ? LIMIT 1', [id]) ?? 'null')) as Json | null;
  return field ? index.byNaturalKey('custom_fields', `${String(field.record_type)}:${String(field.label)}`) : undefined;
}

/** No snapshot record twice in Keap, by marker and by the likely-duplicate signature. */
export async function assertNoDuplicates(fixture: { client: KeapClient; snapshot: SnapshotDb }): Promise<void> {
  const state = await readState(fixture.client);
  try {
    assert.deepEqual(markerDuplicates(state), [], 'no snapshot record restored twice (markers)');
    assert.deepEqual(signatureDuplicates(fixture.snapshot, state), [], 'no order twice (same contact, items, total, date)');
  } finally {
    state.close();
  }
}
