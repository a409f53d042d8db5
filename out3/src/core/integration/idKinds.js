"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SNAPSHOT_ENTITY_OF = exports.RESTORE_ENTITY_OF = exports.KIND_LABEL = exports.KEAP_ID_KINDS = void 0;
exports.kindOfRestoreEntity = kindOfRestoreEntity;
exports.KEAP_ID_KINDS = [
    'order',
    'contact',
    'company',
    'product',
    'subscription_plan',
    'subscription',
    'tag',
    'invoice',
    'payment',
];
/** "Order", "Subscription plan": how a message names the kind. */
exports.KIND_LABEL = {
    order: 'Order',
    contact: 'Contact',
    company: 'Company',
    product: 'Product',
    subscription_plan: 'Subscription plan',
    subscription: 'Subscription',
    tag: 'Tag',
    invoice: 'Invoice',
    payment: 'Payment',
};
/**
 * The id map's entity for a kind. Invoices have none: Keap numbers an order's invoice itself and a
 * restore records only the order's new id, so an invoice id is recognised (for hovers) but never remapped.
 */
exports.RESTORE_ENTITY_OF = {
    order: 'orders',
    contact: 'contacts',
    company: 'companies',
    product: 'products',
    subscription_plan: 'subscription_plans',
    subscription: 'subscriptions',
    tag: 'tags',
    invoice: undefined,
    payment: 'payments',
};
/** The kind an id map entity's ids have (the inverse of RESTORE_ENTITY_OF). */
function kindOfRestoreEntity(entity) {
    return exports.KEAP_ID_KINDS.find((k) => exports.RESTORE_ENTITY_OF[k] === entity);
}
/** Where a snapshot keeps records of the kind: where a restore writes them; an invoice is found on its order (`orders.invoice_id`). */
exports.SNAPSHOT_ENTITY_OF = {
    ...exports.RESTORE_ENTITY_OF,
    invoice: 'orders',
};
//# sourceMappingURL=idKinds.js.map