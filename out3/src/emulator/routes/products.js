"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerProductRoutes = registerProductRoutes;
const money_1 = require("../money");
const apiError_1 = require("../apiError");
const body_1 = require("../http/body");
const listing_1 = require("../listing");
const render_1 = require("../render");
const common_1 = require("./common");
const CREATE_FIELDS = [
    'name',
    'sku',
    'price',
    'active',
    'description',
    'shippable',
    'weight',
    'taxable',
    'inventory',
    'short_description',
    'subscription_only',
    'storefront_hidden',
    'country_taxable',
    'state_taxable',
    'city_taxable',
    'top_html',
    'bottom_html',
    'is_package',
    'needs_digital_delivery',
    'delivery_description',
];
const UPDATE_FIELDS = [
    'name',
    'sku',
    'price',
    'active',
    'description',
    'shippable',
    'weight',
    'taxable',
    'short_description',
    'subscription_only',
    'storefront_hidden',
    'country_taxable',
    'state_taxable',
    'city_taxable',
    'inventory_limit',
    'out_of_stock_enabled',
    'email_for_inventory_notifications',
    'top_html',
    'bottom_html',
    'is_package',
    'needs_digital_delivery',
    'delivery_description',
];
const TYPED = new Set(['name', 'sku', 'price', 'active', 'description', 'short_description', 'shippable', 'taxable', 'subscription_only']);
const CYCLES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const PLAN_CREATE_FIELDS = ['active', 'frequency', 'allow_prorating', 'cycle_type', 'display_order_index', 'plan_price', 'total_cycles'];
const productListSpec = {
    resource: 'products',
    filters: {
        name: { type: { kind: 'text', wildcard: true }, get: (p) => p.name },
        sku: { type: { kind: 'text', wildcard: true }, get: (p) => p.sku },
        description: { type: { kind: 'text', wildcard: true }, get: (p) => p.description },
        short_description: { type: { kind: 'text', wildcard: true }, get: (p) => p.short_description },
        product_id: { type: { kind: 'number' }, ops: listing_1.ALL_OPS, get: (p) => p.id },
        product_ids: { type: { kind: 'list' }, get: (p) => p.id },
    },
    orderBy: { name: (p) => p.name.toLowerCase(), sku: (p) => p.sku, last_updated_time: (p) => p.update_time },
};
const planListSpec = {
    resource: 'subscription plans',
    filters: { active: { type: { kind: 'bool' }, get: (p) => p.active } },
    orderBy: { display_order_index: (p) => p.display_order_index },
};
/** Product `price` is an integer in minor units (keap-api.md §0.8). */
function priceCents(body) {
    const price = (0, body_1.optInt)(body, 'price');
    if (price !== undefined && price < 0)
        throw (0, apiError_1.badRequest)('price must be greater than or equal to 0');
    return price;
}
function productFields(body) {
    const extra = {};
    for (const [k, v] of Object.entries(body))
        if (!TYPED.has(k))
            extra[k] = v;
    return {
        name: (0, body_1.optString)(body, 'name'),
        sku: (0, body_1.optString)(body, 'sku'),
        price_cents: priceCents(body),
        active: (0, body_1.optBool)(body, 'active'),
        description: (0, body_1.optString)(body, 'description'),
        short_description: (0, body_1.optString)(body, 'short_description'),
        shippable: (0, body_1.optBool)(body, 'shippable'),
        taxable: (0, body_1.optBool)(body, 'taxable'),
        subscription_only: (0, body_1.optBool)(body, 'subscription_only'),
        extra,
    };
}
function registerProductRoutes(router) {
    router.add('GET', '/v2/products', (req) => (0, common_1.listResponse)(req, 'products', productListSpec, (0, common_1.fromTable)(req.store.products), (p) => (0, render_1.renderProduct)(req.store, p)));
    router.add('GET', '/v2/products/{product_id}', (req) => ({
        status: 200,
        body: (0, render_1.renderProduct)(req.store, req.store.requireProduct((0, common_1.pathId)(req, 'product_id'))),
    }));
    router.add('POST', '/v2/products', (req) => {
        const body = (0, body_1.objectBody)(req.body);
        (0, body_1.allowOnly)(body, CREATE_FIELDS);
        (0, body_1.reqString)(body, 'name');
        (0, body_1.reqString)(body, 'short_description');
        if (body.price === undefined)
            throw (0, apiError_1.badRequest)('price is required');
        const f = productFields(body);
        const record = req.store.createProduct({
            name: f.name,
            sku: f.sku,
            price_cents: f.price_cents,
            active: f.active ?? true,
            description: f.description,
            short_description: f.short_description,
            shippable: f.shippable ?? false,
            taxable: f.taxable ?? false,
            subscription_only: f.subscription_only ?? false,
            extra: f.extra ?? {},
        });
        return { status: 201, body: (0, render_1.renderProduct)(req.store, record) };
    });
    router.add('PATCH', '/v2/products/{product_id}', (req) => {
        const body = (0, body_1.objectBody)(req.body);
        (0, body_1.allowOnly)(body, UPDATE_FIELDS);
        const patch = (0, body_1.masked)(body, (0, body_1.updateMask)(req.query, body, UPDATE_FIELDS));
        return { status: 200, body: (0, render_1.renderProduct)(req.store, req.store.updateProduct((0, common_1.pathId)(req, 'product_id'), productFields(patch))) };
    });
    router.add('DELETE', '/v2/products/{product_id}', (req) => {
        req.store.deleteProduct((0, common_1.pathId)(req, 'product_id'));
        return common_1.noContent;
    });
    router.add('GET', '/v2/products/{product_id}/subscriptions', (req) => {
        const productId = (0, common_1.pathId)(req, 'product_id');
        req.store.requireProduct(productId);
        return (0, common_1.listResponse)(req, 'subscriptions', planListSpec, (0, common_1.fromArray)(req.store.plansOf(productId)), render_1.renderPlan);
    });
    router.add('GET', '/v2/products/{product_id}/subscriptions/{subscription_plan_id}', (req) => ({
        status: 200,
        body: (0, render_1.renderPlan)(req.store.requirePlan((0, common_1.pathId)(req, 'product_id'), (0, common_1.pathId)(req, 'subscription_plan_id'))),
    }));
    router.add('POST', '/v2/products/{product_id}/subscriptions', (req) => {
        const body = (0, body_1.objectBody)(req.body);
        (0, body_1.allowOnly)(body, PLAN_CREATE_FIELDS);
        const plan = req.store.createPlan((0, common_1.pathId)(req, 'product_id'), {
            cycle_type: (0, body_1.reqEnum)(body, 'cycle_type', CYCLES),
            // plan_price is a double in major units in the request, like the other request doubles.
            price_cents: (0, money_1.centsOfDollars)((0, body_1.reqNumber)(body, 'plan_price')),
            frequency: (0, body_1.optInt)(body, 'frequency') ?? 1,
            total_cycles: (0, body_1.optInt)(body, 'total_cycles') ?? 0,
            active: (0, body_1.optBool)(body, 'active') ?? true,
            allow_prorating: (0, body_1.optBool)(body, 'allow_prorating') ?? false,
            display_order_index: (0, body_1.optInt)(body, 'display_order_index') ?? 0,
        });
        return { status: 201, body: (0, render_1.renderPlan)(plan) };
    });
    router.add('PATCH', '/v2/products/{product_id}/subscriptions/{subscription_plan_id}', (req) => {
        const body = (0, body_1.objectBody)(req.body);
        (0, body_1.allowOnly)(body, PLAN_CREATE_FIELDS);
        // Keap's UpdateSubscriptionPlanRequest requires the cycle and the price even when the mask names neither.
        (0, body_1.reqEnum)(body, 'cycle_type', CYCLES);
        (0, body_1.reqNumber)(body, 'plan_price');
        const patch = (0, body_1.masked)(body, (0, body_1.updateMask)(req.query, body, PLAN_CREATE_FIELDS));
        const plan = req.store.requirePlan((0, common_1.pathId)(req, 'product_id'), (0, common_1.pathId)(req, 'subscription_plan_id'));
        const cycle = (0, body_1.optEnum)(patch, 'cycle_type', CYCLES);
        if (cycle)
            plan.cycle_type = cycle;
        if (patch.plan_price !== undefined)
            plan.price_cents = (0, money_1.centsOfDollars)((0, body_1.reqNumber)(patch, 'plan_price'));
        plan.frequency = (0, body_1.optInt)(patch, 'frequency') ?? plan.frequency;
        plan.total_cycles = (0, body_1.optInt)(patch, 'total_cycles') ?? plan.total_cycles;
        plan.active = (0, body_1.optBool)(patch, 'active') ?? plan.active;
        plan.allow_prorating = (0, body_1.optBool)(patch, 'allow_prorating') ?? plan.allow_prorating;
        plan.display_order_index = (0, body_1.optInt)(patch, 'display_order_index') ?? plan.display_order_index;
        return { status: 200, body: (0, render_1.renderPlan)(plan) };
    });
    router.add('DELETE', '/v2/products/{product_id}/subscriptions/{subscription_plan_id}', (req) => {
        const plan = req.store.requirePlan((0, common_1.pathId)(req, 'product_id'), (0, common_1.pathId)(req, 'subscription_plan_id'));
        req.store.plans.delete(plan.id);
        return common_1.noContent;
    });
}
//# sourceMappingURL=products.js.map