/** Subscriptions to plans, billed from their start date up to today (or their end). */
import type { PlanRecord, SubscriptionRecord } from '../records';
import type { SeededRandom } from '../random';
import { DAY, MIN, addCycles, cyclesBetween, iso, isoDate } from './calendar';
import { OrderStage } from './orders';
import type { ContactMeta } from './state';

export abstract class SubscriptionStage extends OrderStage {
  protected generateSubscriptions(target: number): void {
    const rng = this.rng.fork('subscriptions');
    const eligible = this.contacts.filter((c) => c.createSec < this.nowSec - 3 * DAY);
    if (!eligible.length || !this.plans.length) return;
    const activePlans = this.plans.filter((p) => p.active);
    const taken = new Set<string>();
    const specs: Array<{ contact: ContactMeta; plan: PlanRecord; startSec: number }> = [];
    for (let i = 0; i < target; i++) {
      for (let tries = 0; tries < 5; tries++) {
        const contact = rng.pick(eligible);
        const plan = activePlans.length && rng.chance(0.95) ? rng.pick(activePlans) : rng.pick(this.plans);
        const key = `${contact.record.id}:${plan.id}`;
        if (taken.has(key)) continue;
        taken.add(key);
        specs.push({ contact, plan, startSec: this.between(rng, contact.createSec + MIN, this.nowSec - 2 * DAY) });
        break;
      }
    }
    specs.sort((a, b) => a.startSec - b.startSec || a.contact.record.id - b.contact.record.id);
    for (const spec of specs) this.buildSubscription(rng, spec.contact, spec.plan, spec.startSec);
  }

  protected buildSubscription(rng: SeededRandom, contact: ContactMeta, plan: PlanRecord, startSec: number): SubscriptionRecord {
    const quantity = rng.chance(0.9) ? 1 : 2;
    const startDay = Math.floor(startSec / DAY);
    const todayDay = Math.floor(this.nowSec / DAY);
    // Bills so far: the start date, then every cycle up to today.
    const billsSoFar = cyclesBetween(startDay, todayDay, plan.cycle_type, plan.frequency) + 1;
    const finished = plan.total_cycles > 0 && billsSoFar >= plan.total_cycles;
    const cancelled = !finished && rng.chance(0.22);
    let lastBillDay = addCycles(startDay, plan.cycle_type, plan.frequency, (finished ? plan.total_cycles : billsSoFar) - 1);
    let endDay: number | undefined;
    if (finished) endDay = lastBillDay;
    else if (cancelled) {
      endDay = rng.int(startDay, todayDay - 1);
      const billsBeforeEnd = cyclesBetween(startDay, endDay, plan.cycle_type, plan.frequency);
      lastBillDay = addCycles(startDay, plan.cycle_type, plan.frequency, billsBeforeEnd);
    }
    const active = !finished && !cancelled;
    const nextBillDay = active ? addCycles(startDay, plan.cycle_type, plan.frequency, billsSoFar) : undefined;
    const record: SubscriptionRecord = {
      id: this.store.subscriptions.allocateId(),
      contact_id: contact.record.id,
      product_id: plan.product_id,
      subscription_plan_id: plan.id,
      quantity,
      active,
      billing_amount_cents: plan.price_cents * quantity,
      start_date: isoDate(startDay * DAY),
      next_bill_date: nextBillDay !== undefined ? isoDate(nextBillDay * DAY) : undefined,
      last_bill_date: isoDate(lastBillDay * DAY),
      end_date: endDay !== undefined ? isoDate(endDay * DAY) : undefined,
      auto_charge: rng.chance(0.85),
      custom: {},
      modification_time: iso(this.between(rng, Math.max(startSec, endDay !== undefined ? endDay * DAY : startSec), this.nowSec - MIN)),
      extra: {},
    };
    this.store.insertSubscription(record);
    contact.subs.push(record);
    return record;
  }
}
