"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.unknownProduct = void 0;
const fieldPath_1 = require("../fieldPath");
const fileRule_1 = require("../fileRule");
exports.unknownProduct = {
    id: 'file/unknown-product',
    severity: 'error',
    title: 'Order item for a product the account does not have',
    explanation: 'An order item sells a product, named by `product_id` (or `product.id`, or only a `sku`). Keap will not create an item for a ' +
        'product it does not have, and an item whose product is gone cannot be fulfilled, reported by product or refunded against it. ' +
        "The id may come from another account or from a product that was deleted or re-created with a new id. Use the product's id " +
        'from the snapshot (or an existing SKU), or restore the product first with Keap Vault so that the id map re-links its items.',
    start: ({ snapshot }) => ({
        check(records) {
            const refs = [];
            for (const record of records) {
                if (record.entity === 'orders') {
                    const items = (0, fieldPath_1.valueAt)(record.source.record, 'order_items');
                    if (Array.isArray(items))
                        items.forEach((_, i) => refs.push(...itemRef(record, `order_items[${i}].`, i)));
                }
                else if (record.entity === 'order_items') {
                    refs.push(...itemRef(record, '', record.source.index));
                }
            }
            const ids = snapshot.existingIds('products', refs.filter((r) => r.by === 'id').map((r) => r.value));
            const skus = snapshot.existingSkus(refs.filter((r) => r.by === 'sku').map((r) => r.value));
            return refs.filter((r) => !(r.by === 'id' ? ids : skus).has(r.value)).map(finding);
        },
    }),
};
function itemRef(record, prefix, item) {
    const id = (0, fileRule_1.referenceAt)(record.source.record, ['product_id', 'product.id'], prefix);
    if (id)
        return [{ record, prefix, item, by: 'id', value: id.id, path: id.path }];
    // Only when the item names no product id: a SKU is how people who type files name products.
    const sku = (0, fileRule_1.referenceAt)(record.source.record, ['product.sku', 'sku'], prefix);
    return sku ? [{ record, prefix, item, by: 'sku', value: sku.id, path: sku.path }] : [];
}
function finding(r) {
    const what = r.prefix ? `Item ${r.item + 1} of ${(0, fileRule_1.describeRecord)(r.record).replace(/^Order/, 'order')}` : (0, fileRule_1.describeRecord)(r.record);
    return r.by === 'id'
        ? (0, fileRule_1.findingAt)(r.record, r.path, `${what} is for product ${(0, fileRule_1.quoteId)(r.value)}, which is not in the snapshot`, [
            { entity: 'products', id: r.value },
        ])
        : (0, fileRule_1.findingAt)(r.record, r.path, `${what} is for SKU ${JSON.stringify(r.value)}, which no product in the snapshot has`);
}
//# sourceMappingURL=unknownProduct.js.map