"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createOrder = createOrder;
exports.updateOrder = updateOrder;
exports.addOrderItem = addOrderItem;
exports.updateOrderItem = updateOrderItem;
exports.deleteOrderItem = deleteOrderItem;
exports.deleteOrder = deleteOrder;
exports.requireOrder = requireOrder;
const apiError_1 = require("../apiError");
const catalog_1 = require("./catalog");
const contacts_1 = require("./contacts");
const customFields_1 = require("./customFields");
const patch_1 = require("./patch");
const totals_1 = require("./totals");
function createOrder(account, input) {
    (0, contacts_1.requireContactForWrite)(account, input.contact_id);
    if (!input.title?.trim())
        throw (0, apiError_1.badRequest)('order_title is required');
    const now = account.nowIso();
    const order = {
        id: account.orders.allocateId(),
        invoice_id: account.allocateInvoiceId(),
        contact_id: input.contact_id,
        title: input.title,
        order_type: input.order_type,
        source_type: 'API',
        order_time: input.order_time,
        creation_time: now,
        modification_time: now,
        sent_time: input.sent_time,
        due_time: input.due_time,
        notes: input.notes,
        terms: input.terms,
        lead_affiliate_id: input.lead_affiliate_id,
        sales_affiliate_id: input.sales_affiliate_id,
        promo_codes: input.promo_codes ?? [],
        items: input.items.map((i) => buildItem(account, i)),
        custom: (0, customFields_1.checkedCustom)(account, 'ORDER', input.custom),
        extra: input.extra ?? {},
    };
    return account.insertOrder(order);
}
function updateOrder(account, id, patch) {
    const order = requireOrder(account, id);
    const { custom, extra, contact_id, ...rest } = patch;
    if (contact_id !== undefined && contact_id !== order.contact_id) {
        (0, contacts_1.requireContactForWrite)(account, contact_id);
        account.reassignOrder(order, contact_id);
    }
    Object.assign(order, (0, patch_1.stripUndefined)(rest));
    if (custom)
        order.custom = { ...order.custom, ...(0, customFields_1.checkedCustom)(account, 'ORDER', custom) };
    if (extra)
        order.extra = { ...order.extra, ...extra };
    order.modification_time = account.nowIso();
    return order;
}
function addOrderItem(account, orderId, input) {
    const order = requireOrder(account, orderId);
    const item = buildItem(account, input);
    checkTotalCoversPayments(account, order, [...order.items, item]);
    order.items.push(item);
    order.modification_time = account.nowIso();
    return item;
}
function updateOrderItem(account, orderId, itemId, patch) {
    const order = requireOrder(account, orderId);
    const item = order.items.find((i) => i.id === itemId);
    if (!item)
        throw (0, apiError_1.notFound)('order_item', itemId);
    const next = { ...item };
    if (patch.product_id !== undefined) {
        const product = (0, catalog_1.requireProductForWrite)(account, patch.product_id);
        Object.assign(next, { product_id: product.id, product_name: product.name, product_sku: product.sku });
    }
    for (const key of ['name', 'description', 'notes', 'quantity', 'price_cents', 'cost_cents']) {
        if (patch[key] !== undefined)
            next[key] = patch[key];
    }
    checkTotalCoversPayments(account, order, order.items.map((i) => (i.id === itemId ? next : i)));
    Object.assign(item, next);
    order.modification_time = account.nowIso();
    return item;
}
function deleteOrderItem(account, orderId, itemId) {
    const order = requireOrder(account, orderId);
    const rest = order.items.filter((i) => i.id !== itemId);
    if (rest.length === order.items.length)
        throw (0, apiError_1.notFound)('order_item', itemId);
    checkTotalCoversPayments(account, order, rest);
    order.items = rest;
    order.modification_time = account.nowIso();
}
/** Keap refuses to delete an order that has any transaction recorded. */
function deleteOrder(account, id) {
    requireOrder(account, id);
    if (account.hasPayments(id))
        throw (0, apiError_1.failedPrecondition)(`Order ${id} has payments recorded and cannot be deleted`);
    account.removeOrder(id);
}
function requireOrder(account, id) {
    const record = account.orders.get(id);
    if (!record)
        throw (0, apiError_1.notFound)('order', id);
    return record;
}
function buildItem(account, input) {
    if (!Number.isInteger(input.quantity) || input.quantity < 1)
        throw (0, apiError_1.badRequest)('quantity must be a whole number of at least 1');
    const itemType = input.item_type ?? 'PRODUCT';
    const product = input.product_id !== undefined ? (0, catalog_1.requireProductForWrite)(account, input.product_id) : undefined;
    if (!product && (itemType === 'PRODUCT' || itemType === 'SUBSCRIPTION')) {
        throw (0, apiError_1.badRequest)(`product_id is required for order items of type ${itemType}`);
    }
    if (input.subscription_plan_id !== undefined)
        (0, catalog_1.requirePlan)(account, product?.id, input.subscription_plan_id);
    return {
        id: account.allocateItemId(),
        product_id: product?.id,
        product_name: product?.name,
        product_sku: product?.sku,
        name: input.name ?? product?.name ?? itemType,
        description: input.description ?? product?.short_description,
        notes: input.notes,
        quantity: input.quantity,
        price_cents: input.price_cents ?? product?.price_cents ?? 0,
        cost_cents: input.cost_cents ?? 0,
        item_type: itemType,
        subscription_plan_id: input.subscription_plan_id,
    };
}
function checkTotalCoversPayments(account, order, items) {
    const paid = (0, totals_1.orderTotals)(account, order).paid;
    const total = items.reduce((sum, i) => sum + i.quantity * i.price_cents, 0);
    if (paid > 0 && total < paid)
        throw (0, apiError_1.failedPrecondition)(`Order ${order.id} would total less than the ${paid / 100} already paid`);
}
//# sourceMappingURL=orders.js.map