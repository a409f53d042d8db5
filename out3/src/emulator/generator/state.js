"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GeneratorBase = void 0;
const random_1 = require("../random");
const options_1 = require("./options");
const vocabulary_1 = require("./vocabulary");
class GeneratorBase {
    store;
    rng;
    nowSec;
    size;
    plant;
    contacts = [];
    /** Create times (seconds) of the companies contacts may link to, ascending. */
    companyTimes = [];
    linkableCompanies = [];
    catalog = [];
    plans = [];
    usableTags = [];
    doomedCompanies = [];
    doomedTags = [];
    doomedItemProducts = [];
    doomedPlanProducts = [];
    methodWeights;
    /** Tricky contact names start at this offset (mod TRICKY_CONTACT_EVERY). */
    trickyOffset;
    contactSerial = 0;
    /** Pay time (seconds) of the last payment buildPayments made. */
    lastPaySec = 0;
    touched = new Set();
    planted = [];
    constructor(store, options) {
        this.store = store;
        if (!Number.isInteger(options.size) || options.size < 0)
            throw new RangeError(`size must be a whole number >= 0 (got ${options.size})`);
        const now = options.now ?? new Date(options_1.DEFAULT_GENERATOR_NOW);
        if (Number.isNaN(now.getTime()))
            throw new RangeError('now is not a valid date');
        for (const table of [
            store.contacts,
            store.companies,
            store.products,
            store.plans,
            store.orders,
            store.payments,
            store.subscriptions,
            store.tags,
            store.campaigns,
            store.notes,
        ]) {
            if (table.size > 0)
                throw new Error('generateAccount needs an empty store');
        }
        if (!store.manualPaymentTypes.length)
            throw new Error('the store has no manual payment types');
        this.size = options.size;
        this.nowSec = Math.floor(now.getTime() / 1000);
        this.rng = new random_1.SeededRandom(options.seed);
        this.plant = [];
        for (const [kind, count] of Object.entries(options.plant ?? {})) {
            if (!options_1.PLANTED_PROBLEM_KINDS.includes(kind))
                throw new RangeError(`unknown planted problem kind '${kind}'`);
            if (count === undefined)
                continue;
            if (!Number.isInteger(count) || count < 0)
                throw new RangeError(`plant.${kind} must be a whole number >= 0 (got ${count})`);
        }
        for (const kind of options_1.PLANTED_PROBLEM_KINDS) {
            const count = options.plant?.[kind] ?? 0;
            if (count > 0)
                this.plant.push([kind, count]);
        }
        this.methodWeights = store.manualPaymentTypes.map((m) => [m, /credit/i.test(m) ? 8 : /adjust/i.test(m) ? 1 : 3]);
        this.trickyOffset = this.rng.fork('tricky').int(0, vocabulary_1.TRICKY_CONTACT_EVERY - 1);
    }
    plantCount(kind) {
        return this.plant.find(([k]) => k === kind)?.[1] ?? 0;
    }
    /** `n` random instants in [from, to], ascending. */
    sortedTimes(rng, n, from, to) {
        const times = new Float64Array(n);
        for (let i = 0; i < n; i++)
            times[i] = rng.int(from, to);
        times.sort();
        return Array.from(times);
    }
    /** At or after `from`, at or before `to` (both seconds); `from` when the window is empty. */
    between(rng, from, to) {
        return to <= from ? from : rng.int(from, to);
    }
}
exports.GeneratorBase = GeneratorBase;
//# sourceMappingURL=state.js.map