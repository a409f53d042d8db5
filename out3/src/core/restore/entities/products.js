"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.products = void 0;
/** Products: found again by SKU (a product without one has no natural key). */
const filter_1 = require("../../keap/filter");
const fieldRules_1 = require("../fieldRules");
const fields_1 = require("../fields");
const planContext_1 = require("../planContext");
const entity_1 = require("./entity");
function productPayload(product) {
    return (0, fields_1.requestBody)('products', product);
}
exports.products = {
    entity: 'products',
    fields: {
        fields: [
            ...(0, fieldRules_1.verbatim)('name', 'sku', 'description', 'active', 'shippable', 'weight', 'taxable', 'subscription_only', 'storefront_hidden', 'country_taxable', 'state_taxable', 'city_taxable', 'top_html', 'bottom_html', 'is_package', 'needs_digital_delivery', 'delivery_description'),
            { name: 'price', toRequest: fieldRules_1.amount, compare: fieldRules_1.amount, required: true },
            // Keap requires a short description; an old product may have none: its name stands in.
            {
                name: 'short_description',
                required: true,
                toRequest: (v, _ctx, r) => ((0, fieldRules_1.present)(v) ? v : r.name || 'Restored product'),
                compare: (v, _m, r) => ((0, fieldRules_1.present)(v) ? v : r.name || 'Restored product'),
            },
        ],
        serverAssigned: {
            id: 'a new product id',
            create_time: "the restore's date",
            update_time: "the restore's date",
            subscription_plans: 'restored as plan steps',
            categories: 'product categories are not restored',
            options: 'product options are not restored',
            inventory: 'stock levels are not restored',
        },
    },
    plan(ctx, record, pulledIn) {
        return ctx.planSimple('products', record, pulledIn, () => ctx.live.byNaturalKeyOf('products', record), productPayload(record), `Product ${(0, planContext_1.quote)(record.name)}${record.sku ? ` (${String(record.sku)})` : ''}`);
    },
    async create(ctx, step, { body }) {
        return { id: (await ctx.client.products.create(body, { verify: (0, entity_1.verifyByFind)(() => ctx.find(step)) })).id, sent: true };
    },
    updatable: (client) => client.products,
    async find(ctx, _step, { body }) {
        const c = ctx.client;
        return body.sku ? (await (0, entity_1.first)(c.products.list({ filter: (0, filter_1.filter)('sku', '==', String(body.sku)) })))?.id : undefined;
    },
};
//# sourceMappingURL=products.js.map