"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.subscriptionPlans = void 0;
const fieldRules_1 = require("../fieldRules");
const fields_1 = require("../fields");
const entity_1 = require("./entity");
function planPayload(plan, productOldId) {
    const { body } = (0, fields_1.requestBody)('subscription_plans', plan);
    return { body, refs: [{ path: '@product_id', entity: 'products', oldId: productOldId }] };
}
exports.subscriptionPlans = {
    entity: 'subscription_plans',
    fields: {
        fields: [
            { name: 'billing_cycle', write: 'cycle_type', toRequest: (v) => v ?? 'MONTHLY', compare: (v) => v ?? 'MONTHLY', required: true },
            { name: 'billing_frequency', write: 'frequency', toRequest: (v) => v ?? 1, compare: (v) => v ?? 1, required: true },
            { name: 'number_of_cycles', write: 'total_cycles', toRequest: (v) => v ?? 0, compare: (v) => v ?? 0, required: true },
            { name: 'plan_price', toRequest: (v) => (0, fieldRules_1.amount)(v) / 100, compare: fieldRules_1.amount, required: true },
            { name: 'active', toRequest: (v) => v ?? true, compare: (v) => v ?? true, required: true },
            { name: 'prorate', write: 'allow_prorating' },
            { name: 'order_index', write: 'display_order_index' },
        ],
        serverAssigned: { id: 'a new plan id', product_id: 'the product it belongs to' },
    },
    plan(ctx, _record, pulledIn, oldId) {
        const row = ctx.snap.all('SELECT product_id, json FROM subscription_plans WHERE id = ? LIMIT 1', [
            oldId,
        ])[0];
        const plan = JSON.parse(row.json);
        const product = ctx.resolve('products', row.product_id, true);
        const label = `Plan ${oldId} of product ${row.product_id}`;
        if (product.state === 'live') {
            const livePlan = livePlanMatching(ctx, product.liveId, oldId, plan);
            if (livePlan)
                return ctx.addStep({
                    entity: 'subscription_plans',
                    oldId,
                    liveId: livePlan,
                    action: 'skip',
                    reason: livePlan === oldId ? 'identical' : 'matched-by-key',
                    detail: `${label}: in the account`,
                    label,
                    pulledIn,
                }, livePlan);
        }
        const payload = planPayload(plan, row.product_id);
        const blocked = ctx.blockedBy(payload.refs, [product]);
        if (blocked)
            return ctx.addBlocked('subscription_plans', oldId, blocked, label, pulledIn);
        return ctx.addStep({
            entity: 'subscription_plans',
            oldId,
            action: 'create',
            reason: 'missing-in-live',
            detail: `${label}: create it on the product`,
            label,
            pulledIn,
            payload: payload.body,
            refs: payload.refs,
            dependsOn: ctx.stepDeps([product]),
        });
    },
    async create(ctx, step, { body, params }) {
        return {
            id: (await ctx.client.products.createPlan(params.product_id, body, (0, entity_1.verifyByFind)(() => ctx.find(step)))).id,
            sent: true,
        };
    },
    async find(ctx, _step, { body, params }) {
        for await (const plan of ctx.client.products.plans(params.product_id)) {
            if (plan.cycle_type === body.cycle_type &&
                plan.frequency === body.frequency &&
                plan.plan_price?.amount === Math.round(Number(body.plan_price) * 100))
                return plan.id;
        }
        return undefined;
    },
};
function livePlanMatching(ctx, liveProductId, oldId, plan) {
    const plans = ctx.input.live.all('SELECT id, json FROM subscription_plans WHERE product_id = ?', [
        liveProductId,
    ]);
    const same = plans.find((p) => p.id === oldId) ??
        plans.find((p) => {
            const live = JSON.parse(p.json);
            return (live.billing_cycle === plan.billing_cycle &&
                live.billing_frequency === plan.billing_frequency &&
                live.plan_price?.amount === plan.plan_price?.amount);
        });
    if (same)
        ctx.dependOnLive('subscription_plans', same.id);
    return same?.id;
}
//# sourceMappingURL=subscriptionPlans.js.map