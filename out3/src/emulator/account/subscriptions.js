"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createSubscription = createSubscription;
exports.updateSubscription = updateSubscription;
exports.requireSubscription = requireSubscription;
exports.cycleToBillingCycle = cycleToBillingCycle;
/**
 * Subscriptions, Keap's rules: they start today or later, one active subscription per contact and
 * plan unless asked otherwise, and the product always follows the plan.
 */
const apiError_1 = require("../apiError");
const contacts_1 = require("./contacts");
const customFields_1 = require("./customFields");
const patch_1 = require("./patch");
function createSubscription(account, input) {
    (0, contacts_1.requireContactForWrite)(account, input.contact_id);
    const plan = account.plans.get(input.subscription_plan_id);
    if (!plan)
        throw (0, apiError_1.badRequest)(`Subscription plan ${input.subscription_plan_id} does not exist`);
    const today = account.nowIso().slice(0, 10);
    const start = input.start_date ?? today;
    if (start < today)
        throw (0, apiError_1.badRequest)('start_date must not be in the past');
    if (!input.allow_duplicate) {
        const dup = account.subscriptionsOf(input.contact_id).find((s) => s.active && s.subscription_plan_id === plan.id);
        if (dup)
            throw new apiError_1.EmulatorApiError(409, `Contact ${input.contact_id} already has active subscription ${dup.id} on plan ${plan.id}`);
    }
    return account.insertSubscription({
        id: account.subscriptions.allocateId(),
        contact_id: input.contact_id,
        product_id: plan.product_id,
        subscription_plan_id: plan.id,
        quantity: input.quantity ?? 1,
        active: input.active ?? true,
        billing_amount_cents: input.billing_amount_cents ?? plan.price_cents,
        start_date: start,
        next_bill_date: start,
        auto_charge: input.auto_charge ?? true,
        custom: (0, customFields_1.checkedCustom)(account, 'SUBSCRIPTION', input.custom),
        modification_time: account.nowIso(),
        extra: input.extra ?? {},
    });
}
function updateSubscription(account, id, patch) {
    const sub = requireSubscription(account, id);
    const today = account.nowIso().slice(0, 10);
    for (const key of ['next_bill_date', 'end_date']) {
        if (patch[key] !== undefined && patch[key] < today)
            throw (0, apiError_1.badRequest)(`${key} must not be in the past`);
    }
    const { custom, extra, contact_id, subscription_plan_id, ...rest } = patch;
    if (subscription_plan_id !== undefined && subscription_plan_id !== sub.subscription_plan_id) {
        // Another plan means another product: Keap takes the product from the plan.
        const plan = account.plans.get(subscription_plan_id);
        if (!plan)
            throw (0, apiError_1.badRequest)(`Subscription plan ${subscription_plan_id} does not exist`);
        sub.subscription_plan_id = plan.id;
        sub.product_id = plan.product_id;
    }
    if (contact_id !== undefined && contact_id !== sub.contact_id) {
        (0, contacts_1.requireContactForWrite)(account, contact_id);
        account.reassignSubscription(sub, contact_id);
    }
    Object.assign(sub, (0, patch_1.stripUndefined)(rest));
    if (custom)
        sub.custom = { ...sub.custom, ...(0, customFields_1.checkedCustom)(account, 'SUBSCRIPTION', custom) };
    if (extra)
        sub.extra = { ...sub.extra, ...extra };
    sub.modification_time = account.nowIso();
    return sub;
}
function requireSubscription(account, id) {
    const record = account.subscriptions.get(id);
    if (!record)
        throw (0, apiError_1.notFound)('subscription', id);
    return record;
}
function cycleToBillingCycle(cycle) {
    return { YEARLY: 'YEAR', MONTHLY: 'MONTH', WEEKLY: 'WEEK', DAILY: 'DAY' }[cycle];
}
//# sourceMappingURL=subscriptions.js.map