"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.EmulatorStore = exports.cycleToBillingCycle = exports.countsAsPaid = exports.DEFAULT_MANUAL_PAYMENT_TYPES = void 0;
/**
 * The emulated Keap account as the routes, the generator and the tests see it: the data and its
 * indexes (account/tables.ts) with Keap's business rules as methods (server-assigned ids, derived
 * order totals, payments bounded by the balance and never deleted, orders with payments
 * undeletable, tag names unique…). Each rule lives in the account/ module of its entity family;
 * this class only gathers them, so callers keep one object to hold.
 * HTTP concerns live in the routes; this module is plain data and rules.
 */
const catalog = __importStar(require("./account/catalog"));
const contacts = __importStar(require("./account/contacts"));
const customFields = __importStar(require("./account/customFields"));
const notes_1 = require("./account/notes");
const orders = __importStar(require("./account/orders"));
const payments = __importStar(require("./account/payments"));
const subscriptions = __importStar(require("./account/subscriptions"));
const tables_1 = require("./account/tables");
const tags = __importStar(require("./account/tags"));
const totals_1 = require("./account/totals");
var tables_2 = require("./account/tables");
Object.defineProperty(exports, "DEFAULT_MANUAL_PAYMENT_TYPES", { enumerable: true, get: function () { return tables_2.DEFAULT_MANUAL_PAYMENT_TYPES; } });
var totals_2 = require("./account/totals");
Object.defineProperty(exports, "countsAsPaid", { enumerable: true, get: function () { return totals_2.countsAsPaid; } });
var subscriptions_1 = require("./account/subscriptions");
Object.defineProperty(exports, "cycleToBillingCycle", { enumerable: true, get: function () { return subscriptions_1.cycleToBillingCycle; } });
class EmulatorStore extends tables_1.AccountTables {
    static fromState(state) {
        const store = new EmulatorStore();
        store.loadState(state);
        return store;
    }
    // ---------------------------------------------------------------- contacts and companies
    createContact(input, duplicateOption) {
        return contacts.createContact(this, input, duplicateOption);
    }
    updateContact(id, input) {
        return contacts.updateContact(this, id, input);
    }
    deleteContact(id) {
        contacts.deleteContact(this, id);
    }
    requireContact(id) {
        return contacts.requireContact(this, id);
    }
    primaryEmail(contact) {
        return contacts.primaryEmail(contact);
    }
    createCompany(fields) {
        return contacts.createCompany(this, fields);
    }
    updateCompany(id, patch) {
        return contacts.updateCompany(this, id, patch);
    }
    deleteCompany(id) {
        contacts.deleteCompany(this, id);
    }
    requireCompany(id) {
        return contacts.requireCompany(this, id);
    }
    // ---------------------------------------------------------------- products and plans
    createProduct(fields) {
        return catalog.createProduct(this, fields);
    }
    updateProduct(id, patch) {
        return catalog.updateProduct(this, id, patch);
    }
    deleteProduct(id) {
        catalog.deleteProduct(this, id);
    }
    requireProduct(id) {
        return catalog.requireProduct(this, id);
    }
    plansOf(productId) {
        return catalog.plansOf(this, productId);
    }
    createPlan(productId, fields) {
        return catalog.createPlan(this, productId, fields);
    }
    requirePlan(productId, planId) {
        return catalog.requirePlan(this, productId, planId);
    }
    // ---------------------------------------------------------------- orders and payments
    createOrder(input) {
        return orders.createOrder(this, input);
    }
    updateOrder(id, patch) {
        return orders.updateOrder(this, id, patch);
    }
    addOrderItem(orderId, input) {
        return orders.addOrderItem(this, orderId, input);
    }
    updateOrderItem(orderId, itemId, patch) {
        return orders.updateOrderItem(this, orderId, itemId, patch);
    }
    deleteOrderItem(orderId, itemId) {
        orders.deleteOrderItem(this, orderId, itemId);
    }
    deleteOrder(id) {
        orders.deleteOrder(this, id);
    }
    requireOrder(id) {
        return orders.requireOrder(this, id);
    }
    orderTotals(order) {
        return (0, totals_1.orderTotals)(this, order);
    }
    recordPayment(orderId, input) {
        return payments.recordPayment(this, orderId, input);
    }
    // ---------------------------------------------------------------- subscriptions
    createSubscription(input) {
        return subscriptions.createSubscription(this, input);
    }
    updateSubscription(id, patch) {
        return subscriptions.updateSubscription(this, id, patch);
    }
    requireSubscription(id) {
        return subscriptions.requireSubscription(this, id);
    }
    // ---------------------------------------------------------------- tags
    createTag(fields) {
        return tags.createTag(this, fields);
    }
    updateTag(id, patch) {
        return tags.updateTag(this, id, patch);
    }
    deleteTag(id) {
        tags.deleteTag(this, id);
    }
    requireTag(id) {
        return tags.requireTag(this, id);
    }
    applyTag(tagId, contactIds) {
        return tags.applyTag(this, tagId, contactIds);
    }
    removeTag(tagId, contactIds) {
        tags.removeTag(this, tagId, contactIds);
    }
    tagIdsOf(contactId) {
        return tags.tagIdsOf(this, contactId);
    }
    // ---------------------------------------------------------------- custom fields
    createCustomField(recordType, label, fieldType, options = []) {
        return customFields.createCustomField(this, recordType, label, fieldType, options);
    }
    customFieldsOf(recordType) {
        return customFields.customFieldsOf(this, recordType);
    }
    // ---------------------------------------------------------------- notes
    requireNote(id, contactId) {
        return (0, notes_1.requireNote)(this, id, contactId);
    }
}
exports.EmulatorStore = EmulatorStore;
//# sourceMappingURL=store.js.map