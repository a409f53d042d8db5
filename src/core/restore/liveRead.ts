/**
 * The live account read fresh, as a snapshot in memory: what planning compares against, what
 * apply checks for staleness and what verification re-reads. It costs what a capture costs
 * (about ceil(N/1000) requests per entity), small beside the writes of a restore.
 */
import type { KeapClient } from '../keap/client';
import type { CaptureProgress } from '../snapshot/captureTasks';
import { captureIntoMemory } from '../snapshot/memoryCapture';
import { CAPTURED_ENTITIES, entityModule, SNAPSHOT_ENTITIES, type CapturedEntity, type SnapshotEntity } from '../entities';
import type { SnapshotDb } from '../snapshot/snapshotDb';
import { RESTORE_ORDER } from './planTypes';
import type { LiveIndexFeed } from './liveIndexFeed';

export interface LiveReadOptions {
  signal?: AbortSignal;
  onProgress?: (p: CaptureProgress) => void;
  /** Only these entities (default: all). */
  entities?: readonly CapturedEntity[];
  /** Only records changed since this time, where Keap can filter by it (capture.ts). */
  changedSince?: string;
  /**
   * Indexes the records for planning as their pages arrive (liveIndexFeed.ts); custom fields are
   * then read before the rest. Not with changedSince: a plan reads the whole account.
   */
  feed?: LiveIndexFeed;
}

/** What one live read of an apply covers: some entities, maybe only what changed since a time. */
export type LiveReadScope = Pick<LiveReadOptions, 'entities' | 'changedSince'>;

/**
 * What a restore reads of the live account: the entities it restores and those whose records carry
 * one it restores (contacts carry their tags, products their subscription plans). Transactions and
 * notes are never restored, so planning, the stale check and verification do not spend requests on them.
 */
export const RESTORE_LIVE_ENTITIES: readonly CapturedEntity[] = CAPTURED_ENTITIES.filter((e) => {
  const restored = (name: string) => (RESTORE_ORDER as readonly string[]).includes(name);
  return restored(e) || (entityModule(e).children ?? []).some((c) => restored(c.name));
});

/** The captured entities whose lists hold these records (a contact's tags are on the contact). */
export function entitiesHolding(entities: Iterable<string>): CapturedEntity[] {
  const holding = new Set<CapturedEntity>();
  for (const e of entities)
    if ((SNAPSHOT_ENTITIES as readonly string[]).includes(e)) holding.add(entityModule(e as SnapshotEntity).name as CapturedEntity);
  return CAPTURED_ENTITIES.filter((e) => holding.has(e));
}

/** The live account as a restore reads it (see RESTORE_LIVE_ENTITIES), or the part of it `entities` names. */
export function readLiveForRestore(client: KeapClient, options: LiveReadOptions = {}) {
  return readLiveAccount(client, { ...options, entities: options.entities ?? RESTORE_LIVE_ENTITIES });
}

/** Read into memory, never to disk (memoryCapture.ts). */
export async function readLiveAccount(client: KeapClient, options: LiveReadOptions = {}): Promise<{ db: SnapshotDb; readAt: string }> {
  const readAt = new Date().toISOString();
  const feed = options.changedSince ? undefined : options.feed;
  const { db } = await captureIntoMemory({
    client,
    signal: options.signal,
    onProgress: options.onProgress,
    entities: options.entities,
    changedSince: options.changedSince,
    ...(feed && {
      readFirst: ['custom_fields'],
      onPage: (entity, items, jsons) => feed.page(entity, items, jsons),
      onEntityDone: (entity) => feed.entityDone(entity),
    }),
  });
  return { db, readAt };
}
