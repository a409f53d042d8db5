"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createProduct = createProduct;
exports.updateProduct = updateProduct;
exports.deleteProduct = deleteProduct;
exports.requireProduct = requireProduct;
exports.requireProductForWrite = requireProductForWrite;
exports.plansOf = plansOf;
exports.createPlan = createPlan;
exports.requirePlan = requirePlan;
/** Products and their subscription plans: SKUs are unique, prices never negative. */
const apiError_1 = require("../apiError");
const patch_1 = require("./patch");
function createProduct(account, fields) {
    if (!fields.name?.trim())
        throw (0, apiError_1.badRequest)('name is required');
    if (fields.price_cents < 0)
        throw (0, apiError_1.badRequest)('price must be greater than or equal to 0');
    if (fields.sku && [...account.products.values()].some((p) => p.sku === fields.sku)) {
        throw new apiError_1.EmulatorApiError(409, `A product with sku ${fields.sku} already exists`);
    }
    const now = account.nowIso();
    return account.products.insert({ ...fields, id: account.products.allocateId(), create_time: now, update_time: now });
}
function updateProduct(account, id, patch) {
    const record = requireProduct(account, id);
    const { extra, ...rest } = patch;
    if (rest.sku && rest.sku !== record.sku && [...account.products.values()].some((p) => p.sku === rest.sku)) {
        throw new apiError_1.EmulatorApiError(409, `A product with sku ${rest.sku} already exists`);
    }
    Object.assign(record, (0, patch_1.stripUndefined)(rest));
    if (extra)
        record.extra = { ...record.extra, ...extra };
    record.update_time = account.nowIso();
    return record;
}
/** Keap lets a product go while orders still name it; their items keep the old product id. */
function deleteProduct(account, id) {
    requireProduct(account, id);
    account.products.delete(id);
    for (const plan of [...account.plans.values()])
        if (plan.product_id === id)
            account.plans.delete(plan.id);
}
function requireProduct(account, id) {
    const record = account.products.get(id);
    if (!record)
        throw (0, apiError_1.notFound)('product', id);
    return record;
}
/** A product named in a request body: missing is the request's fault (400), not a missing resource (404). */
function requireProductForWrite(account, id) {
    const product = account.products.get(id);
    if (!product)
        throw (0, apiError_1.badRequest)(`Product ${id} does not exist`);
    return product;
}
function plansOf(account, productId) {
    return [...account.plans.values()].filter((p) => p.product_id === productId);
}
function createPlan(account, productId, fields) {
    requireProduct(account, productId);
    if (fields.price_cents < 0)
        throw (0, apiError_1.badRequest)('plan_price must be greater than or equal to 0');
    return account.plans.insert({ ...fields, id: account.plans.allocateId(), product_id: productId });
}
/** A plan, optionally required to belong to `productId`. */
function requirePlan(account, productId, planId) {
    const plan = account.plans.get(planId);
    if (!plan || (productId !== undefined && plan.product_id !== productId))
        throw (0, apiError_1.notFound)('subscription_plan', planId);
    return plan;
}
//# sourceMappingURL=catalog.js.map