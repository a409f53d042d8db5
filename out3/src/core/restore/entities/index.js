"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RESTORABLE_ENTITIES = void 0;
exports.restorableEntity = restorableEntity;
const campaigns_1 = require("./campaigns");
const companies_1 = require("./companies");
const contacts_1 = require("./contacts");
const contactTags_1 = require("./contactTags");
const customFields_1 = require("./customFields");
const orders_1 = require("./orders");
const payments_1 = require("./payments");
const products_1 = require("./products");
const subscriptionPlans_1 = require("./subscriptionPlans");
const subscriptions_1 = require("./subscriptions");
const tags_1 = require("./tags");
exports.RESTORABLE_ENTITIES = new Map([customFields_1.customFields, tags_1.tags, companies_1.companies, contacts_1.contacts, products_1.products, subscriptionPlans_1.subscriptionPlans, orders_1.orders, payments_1.payments, contactTags_1.contactTags, subscriptions_1.subscriptions, campaigns_1.campaigns].map((module) => [module.entity, module]));
/** The module of an entity (undefined for one that has none). */
function restorableEntity(entity) {
    return exports.RESTORABLE_ENTITIES.get(entity);
}
//# sourceMappingURL=index.js.map