/**
 * The end-of-capture check against the previous snapshot of the same account: a drop in an
 * entity's count beyond a threshold is the first sign of data loss ("orders: 1,204 -> 701 (-42%)").
 */
import type { SnapshotEntity } from './entities';

export interface CountAnomaly {
  entity: SnapshotEntity;
  before: number;
  after: number;
  /** Relative change, e.g. -0.42. */
  change: number;
  message: string;
}

export const DEFAULT_ANOMALY_THRESHOLD = 0.2;

export function countAnomalies(
  before: Partial<Record<SnapshotEntity, number>>,
  after: Partial<Record<SnapshotEntity, number>>,
  threshold = DEFAULT_ANOMALY_THRESHOLD,
): CountAnomaly[] {
  const out: CountAnomaly[] = [];
  for (const [entity, was] of Object.entries(before) as Array<[SnapshotEntity, number]>) {
    const now = after[entity] ?? 0;
    if (!was || now >= was) continue;
    const change = (now - was) / was;
    if (-change <= threshold) continue;
    out.push({
      entity,
      before: was,
      after: now,
      change,
      message: `${entity}: ${was.toLocaleString('en-US')} -> ${now.toLocaleString('en-US')} (${Math.round(change * 100)}%)`,
    });
  }
  return out;
}
