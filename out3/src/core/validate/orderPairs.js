"use strict";
/**
 * What makes two orders look like one purchase, shared by `order/likely-duplicate` and
 * `order/restore-duplicate` so the two rules pair orders the same way and split the pairs between
 * them without gaps or overlaps: same contact, same items, same total, `duplicateWindowMinutes`
 * apart.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.minutesApartSql = void 0;
exports.itemsSignatureSql = itemsSignatureSql;
exports.pairKindSql = pairKindSql;
/** An order's items as one comparable text (sorted), for the order `alias`; NULL without items. */
function itemsSignatureSql(alias) {
    return `(SELECT group_concat(s, ',') FROM (SELECT COALESCE(i.product_id, i.item_type, '-') || 'x' || i.quantity || '@' || i.price_cents AS s
    FROM order_items i WHERE i.order_id = ${alias}.id ORDER BY s))`;
}
/** Minutes between two orders' dates. */
const minutesApartSql = (a, b) => `abs(julianday(${b}.order_time) - julianday(${a}.order_time)) * 1440`;
exports.minutesApartSql = minutesApartSql;
function pairKindSql(aId, aMarker, bId, bMarker) {
    return `CASE
    WHEN ${aMarker} = ${bMarker} THEN 'restored-twice'
    WHEN ${bMarker} = ${aId} OR ${aMarker} = ${bId} THEN 'restore'
    WHEN (${aMarker} IS NULL) <> (${bMarker} IS NULL) THEN 'restore'
    ELSE 'likely' END`;
}
//# sourceMappingURL=orderPairs.js.map