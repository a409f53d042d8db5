"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.listRecords = listRecords;
exports.getRecord = getRecord;
exports.orderDetails = orderDetails;
exports.searchOrders = searchOrders;
const entities_1 = require("./entities");
const errors_1 = require("./errors");
function listRecords(db, entity, query = {}) {
    const columns = new Set(['id', 'rowid', ...entities_1.ENTITY_DEFS[entity].columns.map((c) => c.name)]);
    const orderBy = query.orderBy ?? 'rowid';
    if (!columns.has(orderBy))
        throw new errors_1.SnapshotQueryError('order-by', `Cannot order ${entity} by '${orderBy}'`);
    // Ids are digit strings: order them as numbers when asked to order by id.
    const key = orderBy === 'id' ? 'CAST(id AS INTEGER)' : orderBy;
    const rows = db.all(`SELECT id, json FROM ${entity} ORDER BY ${key} ${query.descending ? 'DESC' : 'ASC'}, rowid LIMIT ? OFFSET ?`, [Math.max(0, query.limit ?? 100), Math.max(0, query.offset ?? 0)]);
    return rows.map((r) => ({ id: r.id, record: JSON.parse(r.json) }));
}
function getRecord(db, entity, id) {
    const json = db.scalar(`SELECT json FROM ${entity} WHERE id = ? ORDER BY rowid LIMIT 1`, [id]);
    return typeof json === 'string' ? JSON.parse(json) : undefined;
}
/** An order with what it ties together: its contact, its items with their products, its payments. */
function orderDetails(db, orderId) {
    const order = getRecord(db, 'orders', orderId);
    if (!order)
        return undefined;
    const contact = order.contact?.id ? getRecord(db, 'contacts', order.contact.id) : undefined;
    const items = db
        .all('SELECT json, product_id FROM order_items WHERE order_id = ? ORDER BY rowid', [
        orderId,
    ])
        .map((r) => ({
        item: JSON.parse(r.json),
        product: r.product_id ? getRecord(db, 'products', r.product_id) : undefined,
    }));
    const payments = db
        .all('SELECT json FROM payments WHERE order_id = ? ORDER BY payment_time, rowid', [orderId])
        .map((r) => JSON.parse(r.json));
    const transactions = db
        .all('SELECT json FROM transactions WHERE order_id = ? ORDER BY transaction_time, rowid', [orderId])
        .map((r) => JSON.parse(r.json));
    return { order, contact, items, payments, transactions };
}
/**
 * Orders matching a search: an order or invoice id exactly, a contact email (prefix), or a
 * contact name (substring). Most recent first.
 */
function searchOrders(db, text, limit = 50) {
    const q = text.trim();
    if (!q)
        return [];
    const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = db.all(`SELECT DISTINCT o.id, o.json, o.order_time FROM orders o LEFT JOIN contacts c ON c.id = o.contact_id
     WHERE o.id = ? OR o.invoice_id = ? OR c.email LIKE ? ESCAPE '\\'
        OR lower(coalesce(c.given_name, '') || ' ' || coalesce(c.family_name, '')) LIKE ? ESCAPE '\\'
     ORDER BY o.order_time DESC LIMIT ?`, [q, q, `${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`, like, limit]);
    return rows.map((r) => ({ id: r.id, record: JSON.parse(r.json) }));
}
//# sourceMappingURL=query.js.map