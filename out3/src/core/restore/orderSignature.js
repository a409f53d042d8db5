"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.orderSignature = orderSignature;
exports.liveOrderSignature = liveOrderSignature;
function signature(contact, items) {
    const lines = items.map(([product, quantity, cents]) => `${String(product ?? '-')}x${String(quantity ?? 1)}@${cents}`).sort();
    const total = items.reduce((sum, [, quantity, cents]) => sum + Number(quantity ?? 1) * cents, 0);
    return `${String(contact ?? '-')}|${lines.join(',')}|${total}`;
}
/** The signature of an order create request (live ids already in it; prices in major units). */
function orderSignature(body) {
    const items = (body.order_items ?? []).map((i) => [
        i.product_id,
        i.quantity,
        Math.round(Number(i.price_per_unit ?? 0) * 100),
    ]);
    return signature(body.contact_id, items);
}
/** The signature of an order as Keap returns it (CurrencyValue prices in minor units). */
function liveOrderSignature(order) {
    const items = (order.order_items ?? []).map((i) => [
        i.product?.id,
        i.quantity,
        Number(i.price_per_unit?.amount ?? 0),
    ]);
    return signature(order.contact?.id, items);
}
//# sourceMappingURL=orderSignature.js.map