"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerSubscriptionRoutes = registerSubscriptionRoutes;
const money_1 = require("../money");
const body_1 = require("../http/body");
const listing_1 = require("../listing");
const render_1 = require("../render");
const common_1 = require("./common");
const CREATE_FIELDS = [
    'quantity',
    'active',
    'contact_id',
    'subscription_plan_id',
    'billing_amount',
    'auto_charge',
    'max_charge_attempts',
    'days_between_retries',
    'start_date',
    'payment_method_id',
    'allow_tax',
    'allow_duplicate',
    'lead_affiliate_id',
    'sale_affiliate_id',
    'shipping_address',
    'promo_code',
    'shipping_option_id',
    'reason_stopped',
    'custom_fields',
];
const UPDATE_FIELDS = [
    'quantity',
    'active',
    'contact_id',
    'subscription_plan_id',
    'billing_amount',
    'auto_charge',
    'max_charge_attempts',
    'days_between_retries',
    'billing_frequency',
    'billing_cycle',
    'next_bill_date',
    'end_date',
    'payment_method_id',
    'allow_tax',
    'lead_affiliate_id',
    'sale_affiliate_id',
    'shipping_address',
    'promo_code',
    'shipping_option_id',
    'reason_stopped',
    'custom_fields',
];
const TYPED = new Set([
    'quantity',
    'active',
    'contact_id',
    'subscription_plan_id',
    'billing_amount',
    'auto_charge',
    'start_date',
    'allow_duplicate',
    'custom_fields',
    'next_bill_date',
    'end_date',
]);
function subscriptionListSpec(store) {
    return {
        resource: 'subscriptions',
        filters: {
            contact_id: { type: { kind: 'number' }, get: (s) => s.contact_id },
            subscription_plan_id: { type: { kind: 'number' }, get: (s) => s.subscription_plan_id },
            status: { type: { kind: 'text' }, get: (s) => (s.active ? 'ACTIVE' : 'INACTIVE') },
            id: { type: { kind: 'number' }, ops: listing_1.ALL_OPS, get: (s) => s.id },
            billing_amount: { type: { kind: 'number' }, ops: listing_1.ALL_OPS, get: (s) => s.billing_amount_cents / 100 },
            ids: { type: { kind: 'list' }, get: (s) => s.id },
            subscription_plan_ids: { type: { kind: 'list' }, get: (s) => s.subscription_plan_id },
        },
        orderBy: {
            contact_id: (s) => s.contact_id,
            subscription_plan_id: (s) => s.subscription_plan_id,
            modification_time: (s) => s.modification_time,
        },
        customFields: () => store.customFieldsOf('SUBSCRIPTION'),
        customOf: (s) => s.custom,
    };
}
function extraOf(body) {
    return Object.fromEntries(Object.entries(body).filter(([k]) => !TYPED.has(k)));
}
function registerSubscriptionRoutes(router) {
    const render = (store, s) => (0, render_1.renderSubscription)(s, store.plans.get(s.subscription_plan_id));
    router.add('GET', '/v2/subscriptions', (req) => (0, common_1.listResponse)(req, 'subscriptions', subscriptionListSpec(req.store), (0, common_1.fromTable)(req.store.subscriptions), (s) => render(req.store, s)));
    router.add('GET', '/v2/subscriptions/{subscription_id}', (req) => ({
        status: 200,
        body: render(req.store, req.store.requireSubscription((0, common_1.pathId)(req, 'subscription_id'))),
    }));
    router.add('POST', '/v2/subscriptions', (req) => {
        const body = (0, body_1.objectBody)(req.body);
        (0, body_1.allowOnly)(body, CREATE_FIELDS);
        const amount = (0, body_1.optNumber)(body, 'billing_amount');
        const sub = req.store.createSubscription({
            contact_id: (0, body_1.reqId)(body, 'contact_id'),
            subscription_plan_id: (0, body_1.reqId)(body, 'subscription_plan_id'),
            quantity: (0, body_1.optInt)(body, 'quantity'),
            active: (0, body_1.optBool)(body, 'active'),
            billing_amount_cents: amount === undefined ? undefined : (0, money_1.centsOfDollars)(amount),
            auto_charge: (0, body_1.optBool)(body, 'auto_charge'),
            start_date: (0, body_1.optDate)(body, 'start_date'),
            allow_duplicate: (0, body_1.optBool)(body, 'allow_duplicate'),
            custom: (0, body_1.customValues)(body),
            extra: extraOf(body),
        });
        return { status: 201, body: render(req.store, sub) };
    });
    router.add('PATCH', '/v2/subscriptions/{subscription_id}', (req) => {
        const body = (0, body_1.objectBody)(req.body);
        (0, body_1.allowOnly)(body, UPDATE_FIELDS);
        const patch = (0, body_1.masked)(body, (0, body_1.updateMask)(req.query, body, UPDATE_FIELDS));
        const amount = (0, body_1.optNumber)(patch, 'billing_amount');
        const sub = req.store.updateSubscription((0, common_1.pathId)(req, 'subscription_id'), {
            contact_id: (0, body_1.optId)(patch, 'contact_id'),
            subscription_plan_id: (0, body_1.optId)(patch, 'subscription_plan_id'),
            quantity: (0, body_1.optInt)(patch, 'quantity'),
            active: (0, body_1.optBool)(patch, 'active'),
            billing_amount_cents: amount === undefined ? undefined : (0, money_1.centsOfDollars)(amount),
            auto_charge: (0, body_1.optBool)(patch, 'auto_charge'),
            next_bill_date: (0, body_1.optDate)(patch, 'next_bill_date'),
            end_date: (0, body_1.optDate)(patch, 'end_date'),
            custom: (0, body_1.customValues)(patch),
            extra: extraOf(patch),
        });
        return { status: 200, body: render(req.store, sub) };
    });
    router.add('POST', '/v2/subscriptions/{subscription_id}:deactivate', (req) => {
        const body = (0, body_1.objectBody)(req.body);
        (0, body_1.allowOnly)(body, ['reason']);
        req.store.updateSubscription((0, common_1.pathId)(req, 'subscription_id'), {
            active: false,
            extra: { reason_stopped: (0, body_1.optString)(body, 'reason') ?? 'Deactivated through the API' },
        });
        // Keap declares this answer without a body.
        return { status: 200 };
    });
}
//# sourceMappingURL=subscriptions.js.map