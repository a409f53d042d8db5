"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.orders = exports.ORDER_ITEM_FIELDS = exports.isCreatableItemType = exports.creatableItemType = void 0;
/**
 * Orders (with their items). Orders have no natural key: a live order of the same contact with the
 * same date, items and total is a likely duplicate, a conflict the user decides on (link it, or
 * create anyway). Found again after a crash by the restore marker, else by contact, date, items
 * and total.
 */
const filter_1 = require("../../keap/filter");
const counted_1 = require("../../counted");
const fieldRules_1 = require("../fieldRules");
const fields_1 = require("../fields");
const orderSignature_1 = require("../orderSignature");
const payloads_1 = require("../payloads");
const planContext_1 = require("../planContext");
const stepRequest_1 = require("../stepRequest");
const entity_1 = require("./entity");
function orderPayload(order, markerFieldRef) {
    const payload = (0, fields_1.requestBody)('orders', order, (0, payloads_1.marked)(markerFieldRef, order.id));
    return { ...payload, retypedItems: (order.order_items ?? []).filter((i) => !(0, exports.isCreatableItemType)(i.item_type)).length };
}
const SIDE_EFFECT = 'Orders restored through the API are created with source API; Keap may send invoices if the account is set to.';
const CREATABLE_ITEM_TYPES = new Set([
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
]);
/** Item types Keap does not accept on create are written as OTHER (the plan says so). */
const creatableItemType = (type) => CREATABLE_ITEM_TYPES.has(String(type ?? 'PRODUCT')) ? String(type ?? 'PRODUCT') : 'OTHER';
exports.creatableItemType = creatableItemType;
const isCreatableItemType = (type) => CREATABLE_ITEM_TYPES.has(String(type ?? 'PRODUCT'));
exports.isCreatableItemType = isCreatableItemType;
exports.ORDER_ITEM_FIELDS = {
    fields: [
        ...(0, fieldRules_1.verbatim)('name', 'description', 'notes'),
        { name: 'quantity', compare: (v) => v ?? 1, toRequest: (v) => v ?? 1, required: true },
        { name: 'item_type', toRequest: exports.creatableItemType, compare: exports.creatableItemType, createOnly: true, required: true },
        { name: 'price_per_unit', toRequest: (v) => (0, fieldRules_1.amount)(v) / 100, compare: fieldRules_1.amount, required: true },
        { name: 'cost_per_unit', toRequest: (v) => ((0, fieldRules_1.amount)(v) ? (0, fieldRules_1.amount)(v) / 100 : undefined), compare: fieldRules_1.amount },
        { name: 'product', write: 'product_id', ...(0, fieldRules_1.reference)('products', fieldRules_1.nestedId) },
        { name: 'subscription_plan', write: 'subscription_plan_id', ...(0, fieldRules_1.reference)('subscription_plans', fieldRules_1.nestedId) },
    ],
    serverAssigned: {
        id: 'a new item id',
        discount: 'computed by Keap',
        special: 'computed by Keap',
        subscription_id: 'set when a subscription bills',
    },
};
/** Keap reads an order's shipping as `shipping_information` and writes it as `shipping_address`. */
function shippingFromInformation(info) {
    if (!info || typeof info !== 'object')
        return undefined;
    const i = info;
    const address = (i.address ?? {});
    return (0, fieldRules_1.pick)({
        ...address,
        first_name: i.given_name,
        last_name: i.family_name,
        company: i.company,
        phone: i.phone_number,
        is_invoice_to_company: i.invoice_to_company,
    }, [
        'line1',
        'line2',
        'locality',
        'region',
        'zip_code',
        'zip_four',
        'country_code',
        'first_name',
        'middle_name',
        'last_name',
        'company',
        'phone',
        'is_invoice_to_company',
    ]);
}
function orderItemsRequest(items, ctx) {
    return (Array.isArray(items) ? items : []).map((item, i) => (0, fields_1.requestFields)(exports.ORDER_ITEM_FIELDS, item, ctx.refs, `${ctx.path}[${i}].`));
}
function orderItemsComparable(items, mapRef) {
    return (Array.isArray(items) ? items : []).map((item) => (0, fields_1.comparableFields)(exports.ORDER_ITEM_FIELDS, item, mapRef));
}
exports.orders = {
    entity: 'orders',
    fields: {
        fields: [
            ...(0, fieldRules_1.verbatim)('notes', 'terms', 'lead_affiliate_id', 'sales_affiliate_id', 'external_create_user'),
            ...(0, fieldRules_1.time)('sent_time', 'due_time', 'external_create_time', 'external_update_time'),
            { name: 'order_time', compare: fieldRules_1.isoTime, required: true },
            { name: 'order_type', toRequest: (v) => v ?? 'OFFLINE', compare: (v) => v ?? 'OFFLINE', required: true },
            { name: 'title', write: 'order_title', toRequest: (v, _c, r) => ((0, fieldRules_1.present)(v) ? v : `Order ${String(r.id)}`), required: true },
            { name: 'contact', write: 'contact_id', ...(0, fieldRules_1.reference)('contacts', fieldRules_1.nestedId) },
            { name: 'promo_code', write: 'promo_codes', toRequest: (v) => ((0, fieldRules_1.present)(v) ? [v] : undefined) },
            { name: 'shipping_address' },
            {
                name: 'shipping_information',
                write: 'shipping_address',
                toRequest: shippingFromInformation,
                compare: (v) => (0, fieldRules_1.orNull)(shippingFromInformation(v)),
            },
            {
                name: 'order_items',
                createOnly: true,
                toRequest: (v, ctx) => orderItemsRequest(v, ctx),
                compare: (v, mapRef) => orderItemsComparable(v, mapRef),
            },
        ],
        customFields: true,
        serverAssigned: {
            id: 'a new order id',
            status: 'follows the payments',
            total: 'the sum of the items',
            total_paid: 'the sum of the payments',
            total_due: 'computed by Keap',
            refund_total: 'refunds cannot be recorded through the API',
            creation_time: "the restore's date",
            modification_time: "the restore's date",
            invoice_id: 'a new invoice id',
            invoice_number: 'assigned by Keap',
            source_type: 'API',
            credit_status: 'computed by Keap',
            refund_status: 'computed by Keap',
            synced: 'computed by Keap',
            files: 'files are not restored',
            allow_payment: 'computed by Keap',
            allow_paypal: 'computed by Keap',
            payment_plan: 'payment plans are not restored',
        },
    },
    // An order comes with its payments.
    selectedWith(snap, id) {
        return snap.all('SELECT id FROM payments WHERE order_id = ?', [id]).map((p) => `payments:${p.id}`);
    },
    plan(ctx, record, pulledIn) {
        return planOrder(ctx, record, pulledIn);
    },
    async create(ctx, step, { body }) {
        return { id: (await ctx.client.orders.create(body, { verify: (0, entity_1.verifyByFind)(() => ctx.find(step)) })).id, sent: true };
    },
    updatable: (client) => client.orders,
    async patchItems(ctx, step, liveId) {
        for (const patch of step.itemPatches ?? []) {
            const patchBody = structuredClone(patch.body);
            for (const ref of patch.refs ?? [])
                (0, stepRequest_1.setPath)(patchBody, ref.path, ctx.requireLiveId(step, ref));
            await ctx.client.transport.request({
                method: 'PATCH',
                path: `/v2/orders/${liveId}/items/${patch.liveItemId}`,
                body: patchBody,
                query: { update_mask: Object.keys(patchBody) },
            });
        }
    },
    async find(ctx, step, { body }) {
        const c = ctx.client;
        const marked = await ctx.byMarker('ORDER', step, (f) => c.orders.list({ filter: f }));
        if (marked)
            return marked;
        // No marker field to search by: the order's contact, date, items and total identify it.
        const want = (0, orderSignature_1.orderSignature)(body);
        const at = body.order_time ? Date.parse(String(body.order_time)) : NaN;
        for await (const order of c.orders.list({ filter: (0, filter_1.filter)('contact_id', '==', String(body.contact_id)) })) {
            if ((0, orderSignature_1.liveOrderSignature)(order) === want && (order.order_time ? Date.parse(order.order_time) : NaN) === at)
                return order.id;
        }
        return undefined;
    },
    /** The order's paid amount, unless some of its payments were not restored (blocked, conflict or failed). */
    verifyCreated(ctx, step, name, want, got) {
        const wantPaid = want.total_paid?.amount ?? 0;
        const gotPaid = got.total_paid?.amount ?? 0;
        const blockedPayments = ctx.plan.steps.some((s) => s.entity === 'payments' &&
            s.refs?.some((r) => r.entity === 'orders' && r.oldId === step.oldId) &&
            (s.action !== 'create' || ctx.failedSteps.has(s.id)));
        if (wantPaid !== gotPaid && !blockedPayments)
            ctx.problem(`${name}: paid ${gotPaid / 100}, the snapshot has ${wantPaid / 100}`);
    },
};
function planOrder(ctx, order, pulledIn) {
    const payload = orderPayload(order, 'marker:ORDER');
    const label = `Order ${order.id}${order.title ? ` ${(0, planContext_1.quote)(order.title)}` : ''}`;
    const { settled, deps } = ctx.settle('orders', order, pulledIn, label, payload);
    if (settled)
        return settled;
    const resolution = ctx.input.options?.resolutions?.[`orders:${order.id}`];
    const lookAlikes = liveLookAlikes(ctx, order);
    const duplicate = liveDuplicateOf(ctx, order, lookAlikes);
    if (duplicate && resolution === 'link') {
        ctx.dependOnLive('orders', duplicate);
        return ctx.addStep({
            entity: 'orders',
            oldId: order.id,
            liveId: duplicate,
            action: 'skip',
            reason: 'linked-by-choice',
            label,
            pulledIn,
            detail: `${label}: you chose to treat live order ${duplicate} as this order; apply records ${order.id} -> ${duplicate} in the id map and its payments are matched against ${duplicate}`,
        }, duplicate);
    }
    if (duplicate && resolution !== 'create') {
        ctx.dependOnLive('orders', duplicate);
        return ctx.addStep({
            entity: 'orders',
            oldId: order.id,
            liveId: duplicate,
            action: 'conflict',
            reason: 'likely-duplicate',
            label,
            pulledIn,
            detail: `${label}: live order ${duplicate} has the same contact, items and total${ctx.snapHas('orders', duplicate) ? ' and date' : ' and was made after the snapshot (re-entered by hand?)'}. Creating it could duplicate the order: decide whether ${duplicate} is this order`,
        });
    }
    const retyped = payload.retypedItems
        ? ` (${payload.retypedItems === 1 ? '1 item of a type Keap cannot create is' : `${(0, counted_1.counted)(payload.retypedItems, 'item')} of a type Keap cannot create are`} written as OTHER)`
        : '';
    return ctx.addStep({
        entity: 'orders',
        oldId: order.id,
        action: 'create',
        reason: duplicate ? 'created-by-choice' : 'missing-in-live',
        label,
        pulledIn,
        lookAlikes: lookAlikes.length ? lookAlikes.map((o) => o.id) : undefined,
        detail: `${duplicate ? `${label}: you chose to create it although live order ${duplicate} looks the same. ` : ''}${label} is not in the account: create it with its ${(0, counted_1.counted)(order.order_items?.length ?? 0, 'item')}, dated ${order.order_time ?? 'as in the snapshot'} (Keap gives it a new order id and invoice id)${retyped}`,
        payload: payload.body,
        refs: payload.refs,
        dependsOn: ctx.stepDeps(deps),
        sideEffects: [SIDE_EFFECT],
    });
}
/**
 * A live order that may be this one: same (mapped) contact, items and total, and either the same
 * date, or not in the snapshot and not written by a restore, i.e. made after the snapshot, as
 * when someone re-types a lost order with today's date. (A look-alike that is in the snapshot is
 * a purchase of its own, e.g. the same product every month.)
 */
function liveDuplicateOf(ctx, order, lookAlikes) {
    const at = order.order_time ? Date.parse(order.order_time) : NaN;
    const sameDate = lookAlikes.find((live) => (live.order_time ? Date.parse(live.order_time) : NaN) === at);
    const madeSince = lookAlikes.find((live) => !ctx.snapHas('orders', live.id) && !live.marker);
    return (sameDate ?? madeSince)?.id;
}
/** Live orders of the same (mapped) contact with the same items and total, whatever their date. */
function liveLookAlikes(ctx, order) {
    const contact = order.contact?.id ? ctx.liveIdOf('contacts', order.contact.id) : undefined;
    if (!contact || contact.startsWith('new:'))
        return [];
    const mapped = {
        contact: { id: contact },
        order_items: (order.order_items ?? []).map((i) => ({
            ...i,
            product: i.product?.id ? { id: ctx.liveIdOf('products', i.product.id) ?? `missing:${i.product.id}` } : undefined,
        })),
    };
    const mine = (0, orderSignature_1.liveOrderSignature)(mapped);
    return ctx.live.ordersOf(contact).filter((live) => live.signature === mine);
}
//# sourceMappingURL=orders.js.map