/**
 * Every record id a file holds, by entity, with the line it is first on: what tells a duplicate
 * and whether a payment's order is in the file. It grows with the file's records (an entry per
 * id), the one thing besides the snapshot's lookups that does; the records themselves are dropped
 * once checked.
 */
import type { SnapshotEntity } from '../../snapshot/entities';
import { detachedText } from './detachedText';

export class FileIds {
  private readonly byEntity = new Map<SnapshotEntity, Map<string, number>>();

  /** Notes an id; the line of an earlier record with the same entity and id, if there was one. */
  add(entity: SnapshotEntity, id: string, line: number): number | undefined {
    let ids = this.byEntity.get(entity);
    if (!ids) this.byEntity.set(entity, (ids = new Map()));
    const first = ids.get(id);
    if (first === undefined) ids.set(detachedText(id), line);
    return first;
  }

  has(entity: SnapshotEntity, id: string): boolean {
    return this.byEntity.get(entity)?.has(id) ?? false;
  }
}
