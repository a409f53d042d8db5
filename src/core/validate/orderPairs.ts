/**
 * What makes two orders look like one purchase, shared by `order/likely-duplicate` and
 * `order/restore-duplicate` so the two rules pair orders the same way and split the pairs between
 * them without gaps or overlaps: same contact, same items, same total, `duplicateWindowMinutes`
 * apart.
 */

/** An order's items as one comparable text (sorted), for the order `alias`; NULL without items. */
export function itemsSignatureSql(alias: string): string {
  return `(SELECT group_concat(s, ',') FROM (SELECT COALESCE(i.product_id, i.item_type, '-') || 'x' || i.quantity || '@' || i.price_cents AS s
    FROM order_items i WHERE i.order_id = ${alias}.id ORDER BY s))`;
}

/** Minutes between two orders' dates. */
export const minutesApartSql = (a: string, b: string) => `abs(julianday(${b}.order_time) - julianday(${a}.order_time)) * 1440`;

/**
 * Who reports a pair of similar orders, from their ids and restore markers (NULL when unmarked):
 * - `restored-twice`: both restored from the same snapshot order; `entity/restored-twice`
 *   reports that for every entity, so the order rules leave it alone;
 * - `restore`: a restore wrote one of them next to the other, which it did not restore (the other
 *   is unmarked, or it is the very order the marker names): `order/restore-duplicate`;
 * - `likely`: neither is restored, or both are, from two different snapshot orders (the restore
 *   copied two orders the snapshot already had side by side): `order/likely-duplicate`.
 */
export type PairKind = 'restored-twice' | 'restore' | 'likely';

export function pairKindSql(aId: string, aMarker: string, bId: string, bMarker: string): string {
  return `CASE
    WHEN ${aMarker} = ${bMarker} THEN 'restored-twice'
    WHEN ${bMarker} = ${aId} OR ${aMarker} = ${bId} THEN 'restore'
    WHEN (${aMarker} IS NULL) <> (${bMarker} IS NULL) THEN 'restore'
    ELSE 'likely' END`;
}
