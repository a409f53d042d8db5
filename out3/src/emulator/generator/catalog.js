"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CatalogStage = void 0;
const calendar_1 = require("./calendar");
const companies_1 = require("./companies");
const names_1 = require("./names");
const numbers_1 = require("./numbers");
const vocabulary_1 = require("./vocabulary");
class CatalogStage extends companies_1.CompanyStage {
    generateProducts(count, doomedForItems, doomedForSubs) {
        const rng = this.rng.fork('products');
        const doomed = doomedForItems + doomedForSubs;
        const total = count + doomed;
        const doomedAt = rng.sample(Array.from({ length: total }, (_, i) => i), doomed);
        const forItems = new Set(doomedAt.slice(0, doomedForItems));
        const forSubs = new Set(doomedAt.slice(doomedForItems));
        // The catalog is set up before the first contact arrives, so every order is after its products.
        const times = this.sortedTimes(rng, total, this.nowSec - 3 * calendar_1.YEAR - 180 * calendar_1.DAY, this.nowSec - 3 * calendar_1.YEAR - calendar_1.DAY);
        const regular = [];
        let serial = 0;
        for (let i = 0; i < total; i++) {
            const isDoomed = forItems.has(i) || forSubs.has(i);
            const [noun, shippable] = rng.pick(vocabulary_1.PRODUCT_NOUN);
            const name = !isDoomed && serial % vocabulary_1.TRICKY_PRODUCT_EVERY === 4
                ? vocabulary_1.TRICKY_PRODUCT_NAMES[Math.floor(serial / vocabulary_1.TRICKY_PRODUCT_EVERY) % vocabulary_1.TRICKY_PRODUCT_NAMES.length]
                : isDoomed
                    ? `Discontinued ${rng.pick(vocabulary_1.PRODUCT_ADJ)} ${noun}`
                    : `${rng.pick(vocabulary_1.PRODUCT_ADJ)} ${noun}${rng.pick(vocabulary_1.PRODUCT_VARIANT)}`;
            if (!isDoomed)
                serial++;
            const id = this.store.products.allocateId();
            const createSec = times[i];
            const record = {
                id,
                name,
                sku: `${((0, names_1.slugOf)(noun).slice(0, 3) || 'prd').toUpperCase()}-${String(1000 + i)}`,
                price_cents: this.price(rng),
                active: isDoomed ? rng.chance(0.5) : !rng.chance(0.05),
                description: rng.chance(0.6)
                    ? `<p>${name.replace(/</g, '&lt;')} — our ${noun.toLowerCase()}.</p><ul><li>Satisfaction guaranteed</li></ul>`
                    : undefined,
                short_description: `${noun}${shippable ? ', ships in 2–3 days' : ''}`,
                shippable,
                taxable: shippable ? rng.chance(0.8) : rng.chance(0.2),
                subscription_only: false,
                create_time: (0, calendar_1.iso)(createSec),
                update_time: (0, calendar_1.iso)(rng.chance(0.4) ? createSec : this.between(rng, createSec, this.nowSec - calendar_1.DAY)),
                extra: {},
            };
            this.store.products.insert(record);
            if (forItems.has(i))
                this.doomedItemProducts.push(record);
            else if (forSubs.has(i))
                this.doomedPlanProducts.push({ product: record });
            else
                regular.push(record);
        }
        // Plans, in product order so plan ids follow product ids; doomed subscription products get one each.
        const withPlans = new Set();
        for (const p of regular)
            if (rng.chance(0.25))
                withPlans.add(p.id);
        if (!withPlans.size && regular.length)
            withPlans.add(regular[rng.int(0, regular.length - 1)].id);
        const doomedByProduct = new Map(this.doomedPlanProducts.map((d) => [d.product.id, d]));
        for (const p of this.store.products.values()) {
            const doomedEntry = doomedByProduct.get(p.id);
            if (!withPlans.has(p.id) && !doomedEntry)
                continue;
            const n = doomedEntry ? 1 : rng.chance(0.35) ? 2 : 1;
            for (let k = 0; k < n; k++) {
                const plan = this.store.plans.insert(this.planFor(rng, p, k));
                if (doomedEntry)
                    doomedEntry.plan = plan;
                else
                    this.plans.push(plan);
            }
            // Some products are sold only as subscriptions (and so never appear as plain order items).
            if (!doomedEntry && rng.chance(0.3))
                p.subscription_only = true;
        }
        this.catalog = regular.filter((p) => !p.subscription_only);
        if (!this.catalog.length && regular.length) {
            regular[0].subscription_only = false;
            this.catalog = [regular[0]];
        }
        // Popular products first: orders pick from the front of this list more often.
        rng.shuffle(this.catalog);
    }
    price(rng) {
        const dollars = Math.floor(Math.exp(rng.float(Math.log(5), Math.log(2000))));
        const style = rng.next();
        let cents;
        if (style < 0.4)
            cents = Math.max(4, dollars - 1) * 100 + 99;
        else if (style < 0.6)
            cents = Math.max(5, Math.round(dollars / 5) * 5) * 100;
        else if (style < 0.75)
            cents = Math.max(4, dollars - 1) * 100 + 95;
        else if (style < 0.85)
            cents = dollars * 100 + 50;
        else
            cents = dollars * 100 + rng.int(1, 98);
        return (0, numbers_1.clamp)(cents, 500, 200_000);
    }
    planFor(rng, product, index) {
        const cycle = rng.weighted([
            ['MONTHLY', 60],
            ['YEARLY', 25],
            ['WEEKLY', 10],
            ['DAILY', 5],
        ]);
        const frequency = cycle === 'MONTHLY'
            ? rng.weighted([
                [1, 80],
                [3, 15],
                [6, 5],
            ])
            : 1;
        const divisor = { DAILY: 300, WEEKLY: 40, MONTHLY: 10 / frequency, YEARLY: 1 }[cycle];
        const raw = Math.max(199, Math.round(product.price_cents / divisor));
        return {
            id: this.store.plans.allocateId(),
            product_id: product.id,
            cycle_type: cycle,
            frequency,
            total_cycles: rng.chance(0.75) ? 0 : rng.pick([3, 6, 12, 24]),
            price_cents: Math.floor(raw / 100) * 100 + 99,
            active: rng.chance(0.9),
            allow_prorating: rng.chance(0.3),
            display_order_index: index,
        };
    }
}
exports.CatalogStage = CatalogStage;
//# sourceMappingURL=catalog.js.map