"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerOrderRoutes = registerOrderRoutes;
const money_1 = require("../money");
const apiError_1 = require("../apiError");
const body_1 = require("../http/body");
const listing_1 = require("../listing");
const render_1 = require("../render");
const common_1 = require("./common");
const ORDER_TYPES = ['ONLINE', 'OFFLINE'];
const ITEM_TYPES = [
    'PRODUCT',
    'SHIPPING',
    'TAX',
    'FINANCE_CHARGE',
    'SUBSCRIPTION',
    'DISCOUNT',
    'DISCOUNT_FREE_TRIAL',
    'DISCOUNT_ORDER_TOTAL',
    'DISCOUNT_PRODUCT',
    'DISCOUNT_PRODUCT_CATEGORY',
    'DISCOUNT_SHIPPING',
    'OTHER',
    'FEE',
];
const CREATE_FIELDS = [
    'notes',
    'terms',
    'title',
    'contact_id',
    'order_items',
    'order_title',
    'order_time',
    'order_type',
    'promo_codes',
    'lead_affiliate_id',
    'sales_affiliate_id',
    'shipping_address',
    'custom_fields',
    'sent_time',
    'due_time',
    'invoice_number',
    'external_create_user',
    'external_create_time',
    'external_update_time',
];
const UPDATE_FIELDS = [...CREATE_FIELDS.filter((f) => f !== 'order_items'), 'payment_plan'];
const ITEM_FIELDS = [
    'name',
    'description',
    'quantity',
    'notes',
    'product_id',
    'subscription_plan_id',
    'subscription_plan_description',
    'item_type',
    'price_per_unit',
    'cost_per_unit',
];
const ITEM_UPDATE_FIELDS = ITEM_FIELDS.filter((f) => f !== 'item_type');
const EXTRA_FIELDS = [
    'shipping_address',
    'invoice_number',
    'external_create_user',
    'external_create_time',
    'external_update_time',
    'payment_plan',
];
function orderListSpec(store) {
    const shipping = (o, key) => o.extra.shipping_address?.[key];
    return {
        resource: 'orders',
        filters: {
            id: { type: { kind: 'number' }, ops: listing_1.ALL_OPS, get: (o) => o.id },
            ids: { type: { kind: 'list' }, get: (o) => o.id },
            product_id: { type: { kind: 'list' }, get: (o) => o.items.map((i) => i.product_id).filter((p) => p !== undefined) },
            contact_id: { type: { kind: 'number' }, get: (o) => o.contact_id },
            invoice_id: { type: { kind: 'number' }, get: (o) => o.invoice_id },
            invoice_xid: { type: { kind: 'text' }, get: (o) => o.extra.invoice_number },
            paid: { type: { kind: 'bool' }, get: (o) => store.orderTotals(o).status === 'PAID' },
            created_since_time: { type: { kind: 'since' }, get: (o) => o.creation_time },
            created_until_time: { type: { kind: 'until' }, get: (o) => o.creation_time },
            modified_since_time: { type: { kind: 'since' }, get: (o) => o.modification_time },
            modified_until_time: { type: { kind: 'until' }, get: (o) => o.modification_time },
            title: { type: { kind: 'text', wildcard: true }, get: (o) => o.title },
            order_type: { type: { kind: 'text' }, get: (o) => o.order_type },
            shipping_locality: { type: { kind: 'text' }, get: (o) => shipping(o, 'locality') },
            shipping_region_code: { type: { kind: 'text' }, get: (o) => shipping(o, 'region') },
            shipping_postal_code: { type: { kind: 'text' }, get: (o) => shipping(o, 'zip_code') },
            shipping_country_code: { type: { kind: 'text' }, get: (o) => shipping(o, 'country_code') },
        },
        orderBy: { order_time: (o) => o.order_time, modification_time: (o) => o.modification_time },
        customFields: () => store.customFieldsOf('ORDER'),
        customOf: (o) => o.custom,
    };
}
/** Order-item prices arrive as doubles in major units. */
function itemInput(value) {
    const body = (0, body_1.objectBody)(value);
    (0, body_1.allowOnly)(body, ITEM_FIELDS);
    const price = (0, body_1.optNumber)(body, 'price_per_unit');
    const cost = (0, body_1.optNumber)(body, 'cost_per_unit');
    const quantity = (0, body_1.optInt)(body, 'quantity');
    if (quantity === undefined)
        throw (0, apiError_1.badRequest)('order_items[].quantity is required');
    return {
        product_id: (0, body_1.optId)(body, 'product_id'),
        name: (0, body_1.optString)(body, 'name'),
        description: (0, body_1.optString)(body, 'description'),
        notes: (0, body_1.optString)(body, 'notes'),
        quantity,
        price_cents: price === undefined ? undefined : (0, money_1.centsOfDollars)(price),
        cost_cents: cost === undefined ? undefined : (0, money_1.centsOfDollars)(cost),
        item_type: (0, body_1.optEnum)(body, 'item_type', ITEM_TYPES),
        subscription_plan_id: (0, body_1.optId)(body, 'subscription_plan_id'),
    };
}
function extraOf(body) {
    return Object.fromEntries(Object.entries(body).filter(([k]) => EXTRA_FIELDS.includes(k)));
}
function registerOrderRoutes(router) {
    router.add('GET', '/v2/orders', (req) => (0, common_1.listResponse)(req, 'orders', orderListSpec(req.store), (0, common_1.fromTable)(req.store.orders), (o) => (0, render_1.renderOrder)(req.store, o)));
    router.add('GET', '/v2/orders/{order_id}', (req) => ({
        status: 200,
        body: (0, render_1.renderOrder)(req.store, req.store.requireOrder((0, common_1.pathId)(req, 'order_id'))),
    }));
    router.add('POST', '/v2/orders', (req) => {
        const body = (0, body_1.objectBody)(req.body);
        (0, body_1.allowOnly)(body, CREATE_FIELDS);
        const orderTime = (0, body_1.optTime)(body, 'order_time');
        if (!orderTime)
            throw (0, apiError_1.badRequest)('order_time is required');
        const order = req.store.createOrder({
            contact_id: (0, body_1.reqId)(body, 'contact_id'),
            title: (0, body_1.reqString)(body, 'order_title'),
            order_type: (0, body_1.reqEnum)(body, 'order_type', ORDER_TYPES),
            order_time: orderTime,
            items: ((0, body_1.optArray)(body, 'order_items') ?? []).map(itemInput),
            notes: (0, body_1.optString)(body, 'notes'),
            terms: (0, body_1.optString)(body, 'terms'),
            sent_time: (0, body_1.optTime)(body, 'sent_time'),
            due_time: (0, body_1.optTime)(body, 'due_time'),
            lead_affiliate_id: (0, body_1.optString)(body, 'lead_affiliate_id'),
            sales_affiliate_id: (0, body_1.optString)(body, 'sales_affiliate_id'),
            promo_codes: (0, body_1.optArray)(body, 'promo_codes')?.map(String),
            custom: (0, body_1.customValues)(body),
            extra: extraOf(body),
        });
        return { status: 201, body: (0, render_1.renderOrder)(req.store, order) };
    });
    router.add('PATCH', '/v2/orders/{order_id}', (req) => {
        const body = (0, body_1.objectBody)(req.body);
        (0, body_1.allowOnly)(body, UPDATE_FIELDS);
        const patch = (0, body_1.masked)(body, (0, body_1.updateMask)(req.query, body, UPDATE_FIELDS));
        const order = req.store.updateOrder((0, common_1.pathId)(req, 'order_id'), {
            contact_id: (0, body_1.optId)(patch, 'contact_id'),
            title: (0, body_1.optString)(patch, 'order_title'),
            order_type: (0, body_1.optEnum)(patch, 'order_type', ORDER_TYPES),
            order_time: (0, body_1.optTime)(patch, 'order_time'),
            notes: (0, body_1.optString)(patch, 'notes'),
            terms: (0, body_1.optString)(patch, 'terms'),
            sent_time: (0, body_1.optTime)(patch, 'sent_time'),
            due_time: (0, body_1.optTime)(patch, 'due_time'),
            lead_affiliate_id: (0, body_1.optString)(patch, 'lead_affiliate_id'),
            sales_affiliate_id: (0, body_1.optString)(patch, 'sales_affiliate_id'),
            promo_codes: (0, body_1.optArray)(patch, 'promo_codes')?.map(String),
            custom: (0, body_1.customValues)(patch),
            extra: extraOf(patch),
        });
        return { status: 200, body: (0, render_1.renderOrder)(req.store, order) };
    });
    router.add('DELETE', '/v2/orders/{order_id}', (req) => {
        req.store.deleteOrder((0, common_1.pathId)(req, 'order_id'));
        return common_1.noContent;
    });
    router.add('POST', '/v2/orders/{order_id}/items', (req) => {
        const item = req.store.addOrderItem((0, common_1.pathId)(req, 'order_id'), itemInput(req.body));
        return { status: 201, body: (0, render_1.renderOrderItem)(req.store, item) };
    });
    router.add('GET', '/v2/orders/{order_id}/items/{order_item_id}', (req) => {
        const order = req.store.requireOrder((0, common_1.pathId)(req, 'order_id'));
        const itemId = (0, common_1.pathId)(req, 'order_item_id');
        const item = order.items.find((i) => i.id === itemId);
        if (!item)
            throw (0, apiError_1.badRequest)(`Order ${order.id} has no item ${itemId}`);
        return { status: 200, body: (0, render_1.renderOrderItem)(req.store, item) };
    });
    router.add('PATCH', '/v2/orders/{order_id}/items/{order_item_id}', (req) => {
        const body = (0, body_1.objectBody)(req.body);
        (0, body_1.allowOnly)(body, ITEM_UPDATE_FIELDS);
        const patch = (0, body_1.masked)(body, (0, body_1.updateMask)(req.query, body, ITEM_UPDATE_FIELDS));
        const price = (0, body_1.optNumber)(patch, 'price_per_unit');
        const cost = (0, body_1.optNumber)(patch, 'cost_per_unit');
        const item = req.store.updateOrderItem((0, common_1.pathId)(req, 'order_id'), (0, common_1.pathId)(req, 'order_item_id'), {
            product_id: (0, body_1.optId)(patch, 'product_id'),
            name: (0, body_1.optString)(patch, 'name'),
            description: (0, body_1.optString)(patch, 'description'),
            notes: (0, body_1.optString)(patch, 'notes'),
            quantity: (0, body_1.optInt)(patch, 'quantity'),
            price_cents: price === undefined ? undefined : (0, money_1.centsOfDollars)(price),
            cost_cents: cost === undefined ? undefined : (0, money_1.centsOfDollars)(cost),
        });
        return { status: 200, body: (0, render_1.renderOrderItem)(req.store, item) };
    });
    router.add('DELETE', '/v2/orders/{order_id}/items/{order_item_id}', (req) => {
        req.store.deleteOrderItem((0, common_1.pathId)(req, 'order_id'), (0, common_1.pathId)(req, 'order_item_id'));
        return common_1.noContent;
    });
}
//# sourceMappingURL=orders.js.map