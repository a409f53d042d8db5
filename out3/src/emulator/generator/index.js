"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TRICKY_TAG_NAMES = exports.TRICKY_PRODUCT_NAMES = exports.TRICKY_CONTACT_NAMES = exports.TRICKY_COMPANY_NAMES = exports.targetCounts = exports.PLANTED_PROBLEM_KINDS = exports.DEFAULT_GENERATOR_NOW = void 0;
exports.generateAccount = generateAccount;
const options_1 = require("./options");
const notes_1 = require("./notes");
const planting_1 = require("./planting");
var options_2 = require("./options");
Object.defineProperty(exports, "DEFAULT_GENERATOR_NOW", { enumerable: true, get: function () { return options_2.DEFAULT_GENERATOR_NOW; } });
Object.defineProperty(exports, "PLANTED_PROBLEM_KINDS", { enumerable: true, get: function () { return options_2.PLANTED_PROBLEM_KINDS; } });
Object.defineProperty(exports, "targetCounts", { enumerable: true, get: function () { return options_2.targetCounts; } });
var vocabulary_1 = require("./vocabulary");
Object.defineProperty(exports, "TRICKY_COMPANY_NAMES", { enumerable: true, get: function () { return vocabulary_1.TRICKY_COMPANY_NAMES; } });
Object.defineProperty(exports, "TRICKY_CONTACT_NAMES", { enumerable: true, get: function () { return vocabulary_1.TRICKY_CONTACT_NAMES; } });
Object.defineProperty(exports, "TRICKY_PRODUCT_NAMES", { enumerable: true, get: function () { return vocabulary_1.TRICKY_PRODUCT_NAMES; } });
Object.defineProperty(exports, "TRICKY_TAG_NAMES", { enumerable: true, get: function () { return vocabulary_1.TRICKY_TAG_NAMES; } });
function generateAccount(store, options) {
    return new AccountGenerator(store, options).run();
}
/** The last stage of the chain (see state.ts): runs the stages in order and reports the counts. */
class AccountGenerator extends planting_1.PlantingStage {
    noteCount;
    constructor(store, options) {
        super(store, options);
        if (options.notes !== undefined && (!Number.isInteger(options.notes) || options.notes < 0)) {
            throw new RangeError(`notes must be a whole number >= 0 (got ${options.notes})`);
        }
        this.noteCount = options.notes;
    }
    run() {
        const target = (0, options_1.targetCounts)(this.size);
        this.generateCompanies(target.companies, this.plantCount('dangling-company'));
        this.generateProducts(target.products, this.plantCount('dangling-product'), Math.floor(this.plantCount('orphan-subscription') / 2));
        this.generateTags(target.tags, this.plantCount('dangling-tag'));
        this.generateCampaigns(target.campaigns);
        this.generateContacts(this.size);
        this.generateContactTags();
        this.generateOrders(target.orders);
        this.generateSubscriptions(target.subscriptions);
        this.plantProblems();
        (0, notes_1.generateNotes)(this.store, this.rng.fork('notes'), this.noteCount ?? target.notes, this.nowSec);
        return { counts: this.counts(), planted: this.planted };
    }
    counts() {
        let items = 0;
        for (const o of this.store.orders.values())
            items += o.items.length;
        let contactTags = 0;
        for (const applied of this.store.contactTags.values())
            contactTags += applied.size;
        return {
            contacts: this.store.contacts.size,
            companies: this.store.companies.size,
            products: this.store.products.size,
            plans: this.store.plans.size,
            orders: this.store.orders.size,
            order_items: items,
            payments: this.store.payments.size,
            subscriptions: this.store.subscriptions.size,
            tags: this.store.tags.size,
            contact_tags: contactTags,
            campaigns: this.store.campaigns.size,
        };
    }
}
//# sourceMappingURL=index.js.map