"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SubscriptionStage = void 0;
const calendar_1 = require("./calendar");
const orders_1 = require("./orders");
class SubscriptionStage extends orders_1.OrderStage {
    generateSubscriptions(target) {
        const rng = this.rng.fork('subscriptions');
        const eligible = this.contacts.filter((c) => c.createSec < this.nowSec - 3 * calendar_1.DAY);
        if (!eligible.length || !this.plans.length)
            return;
        const activePlans = this.plans.filter((p) => p.active);
        const taken = new Set();
        const specs = [];
        for (let i = 0; i < target; i++) {
            for (let tries = 0; tries < 5; tries++) {
                const contact = rng.pick(eligible);
                const plan = activePlans.length && rng.chance(0.95) ? rng.pick(activePlans) : rng.pick(this.plans);
                const key = `${contact.record.id}:${plan.id}`;
                if (taken.has(key))
                    continue;
                taken.add(key);
                specs.push({ contact, plan, startSec: this.between(rng, contact.createSec + calendar_1.MIN, this.nowSec - 2 * calendar_1.DAY) });
                break;
            }
        }
        specs.sort((a, b) => a.startSec - b.startSec || a.contact.record.id - b.contact.record.id);
        for (const spec of specs)
            this.buildSubscription(rng, spec.contact, spec.plan, spec.startSec);
    }
    buildSubscription(rng, contact, plan, startSec) {
        const quantity = rng.chance(0.9) ? 1 : 2;
        const startDay = Math.floor(startSec / calendar_1.DAY);
        const todayDay = Math.floor(this.nowSec / calendar_1.DAY);
        // Bills so far: the start date, then every cycle up to today.
        const billsSoFar = (0, calendar_1.cyclesBetween)(startDay, todayDay, plan.cycle_type, plan.frequency) + 1;
        const finished = plan.total_cycles > 0 && billsSoFar >= plan.total_cycles;
        const cancelled = !finished && rng.chance(0.22);
        let lastBillDay = (0, calendar_1.addCycles)(startDay, plan.cycle_type, plan.frequency, (finished ? plan.total_cycles : billsSoFar) - 1);
        let endDay;
        if (finished)
            endDay = lastBillDay;
        else if (cancelled) {
            endDay = rng.int(startDay, todayDay - 1);
            const billsBeforeEnd = (0, calendar_1.cyclesBetween)(startDay, endDay, plan.cycle_type, plan.frequency);
            lastBillDay = (0, calendar_1.addCycles)(startDay, plan.cycle_type, plan.frequency, billsBeforeEnd);
        }
        const active = !finished && !cancelled;
        const nextBillDay = active ? (0, calendar_1.addCycles)(startDay, plan.cycle_type, plan.frequency, billsSoFar) : undefined;
        const record = {
            id: this.store.subscriptions.allocateId(),
            contact_id: contact.record.id,
            product_id: plan.product_id,
            subscription_plan_id: plan.id,
            quantity,
            active,
            billing_amount_cents: plan.price_cents * quantity,
            start_date: (0, calendar_1.isoDate)(startDay * calendar_1.DAY),
            next_bill_date: nextBillDay !== undefined ? (0, calendar_1.isoDate)(nextBillDay * calendar_1.DAY) : undefined,
            last_bill_date: (0, calendar_1.isoDate)(lastBillDay * calendar_1.DAY),
            end_date: endDay !== undefined ? (0, calendar_1.isoDate)(endDay * calendar_1.DAY) : undefined,
            auto_charge: rng.chance(0.85),
            custom: {},
            modification_time: (0, calendar_1.iso)(this.between(rng, Math.max(startSec, endDay !== undefined ? endDay * calendar_1.DAY : startSec), this.nowSec - calendar_1.MIN)),
            extra: {},
        };
        this.store.insertSubscription(record);
        contact.subs.push(record);
        return record;
    }
}
exports.SubscriptionStage = SubscriptionStage;
//# sourceMappingURL=subscriptions.js.map