/**
 * What restores did to ids, as integration code needs it: old id -> the id the record has now, per
 * kind, from the id maps of every applied restore (the ledger's, or an export of it). An id restored
 * twice (lost again after a first restore) follows its chain to the last id; an id whose record is
 * gone and was not restored maps to nothing, and says so.
 */
import type { IdMapEntry } from '../restore/ledger';
import { KIND_LABEL, kindOfRestoreEntity, type KeapIdKind } from './idKinds';

/** One old id and what became of it. */
export interface Remapped {
  kind: KeapIdKind;
  oldId: string;
  /** The id the record has now; undefined when it is gone and was not restored. */
  newId?: string;
  /** The restore plan that gave the last id (or that could not restore it). */
  planId: string;
  /** When (ISO time). */
  at: string;
  /** Ids it had in between, when it was restored more than once: 17 -> 250 -> 260 has [250]. */
  via: string[];
}

/** An id map row with no new id: a record a restore could not bring back. */
export interface UnrestoredEntry {
  entity: string;
  oldId: string;
  planId: string;
  at: string;
}

export class RemapTable {
  private readonly direct = new Map<string, { newId?: string; planId: string; at: string }>();

  constructor(entries: readonly IdMapEntry[], unrestored: readonly UnrestoredEntry[] = []) {
    // Unrestored first: a later restore of the same record (an id map row) wins.
    for (const e of unrestored) {
      const kind = kindOfRestoreEntity(e.entity);
      if (kind) this.direct.set(key(kind, e.oldId), { planId: e.planId, at: e.at });
    }
    for (const e of entries) {
      const kind = kindOfRestoreEntity(e.entity);
      if (kind && e.newId && e.newId !== e.oldId) this.direct.set(key(kind, e.oldId), { newId: e.newId, planId: e.planId, at: e.at });
    }
  }

  get size(): number {
    return this.direct.size;
  }

  /** Kinds the table has ids of (the recognizer need look for no others). */
  kinds(): Set<KeapIdKind> {
    return new Set([...this.direct.keys()].map((k) => k.slice(0, k.indexOf(':')) as KeapIdKind));
  }

  /**
   * What became of an id, or undefined when no restore touched it. A chain is followed to its end;
   * a cycle (which Keap's ever-growing ids cannot make) maps to nothing rather than loop.
   */
  lookup(kind: KeapIdKind, id: string): Remapped | undefined {
    let step = this.direct.get(key(kind, id));
    if (!step) return undefined;
    const via: string[] = [];
    const seen = new Set([id]);
    while (step.newId) {
      const next = this.direct.get(key(kind, step.newId));
      if (!next) break;
      if (seen.has(step.newId)) return undefined;
      seen.add(step.newId);
      via.push(step.newId);
      step = next;
    }
    return { kind, oldId: id, newId: step.newId, planId: step.planId, at: step.at, via };
  }

  entries(): Remapped[] {
    const out: Remapped[] = [];
    for (const k of this.direct.keys()) {
      const [kind, id] = [k.slice(0, k.indexOf(':')) as KeapIdKind, k.slice(k.indexOf(':') + 1)];
      const r = this.lookup(kind, id);
      if (r) out.push(r);
    }
    return out;
  }
}

function key(kind: KeapIdKind, id: string): string {
  return `${kind}:${id}`;
}

/** "Order 1234 was restored as 5678 on 2026-11-27 (restore plan p-1)", "Order 1234 is gone and was not restored (…)". */
export function describeRemap(r: Remapped): string {
  const day = r.at.slice(0, 10);
  if (!r.newId) return `${KIND_LABEL[r.kind]} ${r.oldId} is gone from Keap and was not restored (restore plan ${r.planId}, ${day})`;
  const chain = r.via.length ? `, by way of ${r.via.join(', ')}` : '';
  return `${KIND_LABEL[r.kind]} ${r.oldId} was restored as ${r.newId} on ${day} (restore plan ${r.planId}${chain})`;
}
