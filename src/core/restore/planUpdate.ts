/**
 * The update of a record live already has: which fields differ from the snapshot, and the PATCH
 * (and, for orders, the item patches) that makes them equal, built from the create payload.
 */
import type { KeapOrderItem } from '../model';
import { writeNameOf } from './fields';
import type { Payload } from './payloads';
import type { FieldChangeView, IdReference, RestoreEntity } from './plan';

type Json = Record<string, unknown>;

export function diffFields(want: Json, have: Json, prefix = ''): FieldChangeView[] {
  const out: FieldChangeView[] = [];
  for (const key of new Set([...Object.keys(want), ...Object.keys(have)])) {
    const a = want[key];
    const b = have[key];
    // Most fields are equal strings or numbers: no need to serialise those.
    if (a === b || JSON.stringify(a) === JSON.stringify(b)) continue;
    out.push({ path: prefix + key, before: b, after: a });
  }
  return out;
}

/** A difference that is only a reference to a record gone from the account, which this plan restores. */
export function isRelink(change: FieldChangeView): boolean {
  return JSON.stringify(change.after ?? null).includes('"new:') && JSON.stringify(change.before ?? null).includes('"missing:');
}

export interface Update {
  body: Json;
  refs: IdReference[];
  itemPatches: Array<{ liveItemId: string; body: Json; refs?: IdReference[] }>;
  /** Chosen changes that Keap's API cannot make (fully). */
  unsent: string[];
}

/**
 * The PATCH that makes a live record equal to the snapshot in the chosen fields, from the create
 * payload (so references are rewritten the same way), and item patches for orders.
 */
export function updateOf(
  entity: RestoreEntity,
  payload: Payload,
  chosen: FieldChangeView[],
  liveItems: KeapOrderItem[],
  relinkOnly: boolean,
): Update {
  const update: Update = { body: {}, refs: [], itemPatches: [], unsent: [] };
  for (const change of chosen) {
    if (change.path === 'order_items') {
      if (!itemPatchesOf(payload, change, liveItems, relinkOnly, update)) update.unsent.push(change.path);
      continue;
    }
    const key = writeNameOf(entity, change.path);
    if (!key || payload.body[key] === undefined) {
      update.unsent.push(change.path);
      continue;
    }
    update.body[key] = payload.body[key];
    update.refs.push(...payload.refs.filter((r) => r.path === key || r.path.startsWith(`${key}.`) || r.path.startsWith(`${key}[`)));
  }
  return update;
}

/** Patches of a live order's items, by position; false when some difference cannot be patched. */
function itemPatchesOf(
  payload: Payload,
  change: FieldChangeView,
  liveItems: KeapOrderItem[],
  relinkOnly: boolean,
  update: Update,
): boolean {
  const want = (change.after as Json[] | null) ?? [];
  const have = (change.before as Json[] | null) ?? [];
  const items = (payload.body.order_items as Json[] | undefined) ?? [];
  let complete = want.length === have.length;
  want.forEach((w, i) => {
    const h = have[i];
    const live = liveItems[i];
    if (!h || !live) return;
    const body: Json = {};
    const refs: IdReference[] = [];
    for (const field of Object.keys(w)) {
      if (JSON.stringify(w[field]) === JSON.stringify(h[field])) continue;
      const key = writeNameOf('order_items', field); // undefined for what a PATCH cannot change (an item's type)
      const relink = isRelink({ path: field, before: h[field], after: w[field] });
      if (!key || (relinkOnly && !relink) || items[i]?.[key] === undefined) {
        complete = false;
        continue;
      }
      body[key] = items[i][key];
      for (const r of payload.refs) if (r.path === `order_items[${i}].${key}`) refs.push({ ...r, path: key });
    }
    if (Object.keys(body).length) update.itemPatches.push({ liveItemId: live.id, body, ...(refs.length ? { refs } : {}) });
  });
  return complete;
}
