/** One-line labels for records in the tree (data shown as text; the tree never renders HTML). */
import { entityModule, isCapturedEntity } from '../../core/entities';
import { plainLabel, type Json, type RecordLabel } from '../../core/entities/define';
import type { SnapshotEntity } from '../../core/snapshot/entities';

/** As the entity's module labels it; rows carried inside another record (an order's items) by their name. */
export function recordLabel(entity: SnapshotEntity, record: Json): RecordLabel {
  return isCapturedEntity(entity) ? entityModule(entity).label(record) : plainLabel(record);
}
