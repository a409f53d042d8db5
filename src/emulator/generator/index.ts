/**
 * The emulator's deterministic, seeded account generator: a realistic Keap account (contacts,
 * companies, products and plans, orders with items and payments, subscriptions, tags, campaigns, notes)
 * written straight into an `EmulatorStore`, optionally with planted integrity problems that a
 * validator must find exactly.
 *
 * Records are written directly (`insertOrder`, `insertPayment`, `Table.insert`…), not through the
 * API rules: history holds what today's API forbids (subscriptions that started in the past,
 * payments dated years ago).
 *
 * Ratios, for `size` = number of contacts:
 * - companies     = max(1, round(size / 8)); about 1/3 of contacts are linked to one
 * - products      = clamp(round(size / 20), 3, 2000); about 1/4 of them carry 1–2 subscription plans
 * - tags          = clamp(round(size / 50), 3, 300); each contact carries 0–4 (mean ≈ 1.4)
 * - campaigns     = clamp(round(size / 100), 2, 30)
 * - orders        ≈ 1.2 × size (a contact's orders are kept ≥ 2 h apart, which can drop a handful, and
 *                   never repeat the same lines within 3 days),
 *                   1–5 items each (mean ≈ 2.3); ≈60 % fully paid (1–2 payments), ≈20 % partly paid,
 *                   ≈20 % unpaid (a fully paid order has 1–2 payments, a partly paid one 1–2), so
 *                   payments ≈ 1.03 per order ≈ 1.24 × size
 * - subscriptions ≈ size / 10
 * - notes         = round(size / 2) unless `notes` says otherwise, on random contacts (own random stream,
 *                   written last: see notes.ts)
 * Planting adds a few records (a duplicate order, extra payments, contacts when no existing record
 * fits) and removes others (the "no longer exists" ones); `counts` reports the store as it ends.
 *
 * Ids look like Keap's: auto-increments in creation order (contacts by create_time, orders by
 * order_time, payments by pay_time), with the odd gap, and an order's invoice id comes from the
 * separate invoice sequence (so it differs from the order id).
 *
 * Layout: options.ts (the public contract), vocabulary.ts (word pools), one module per stage
 * (companies, catalog, tagsAndCampaigns, contacts, payments, orders, subscriptions, planting; see
 * state.ts for why they form one class chain), and small helpers (calendar, names, numbers, addresses).
 */
import type { EmulatorStore } from '../store';
import { targetCounts, type GenerateOptions, type GenerateResult } from './options';
import { generateNotes } from './notes';
import { PlantingStage } from './planting';

export {
  DEFAULT_GENERATOR_NOW,
  PLANTED_PROBLEM_KINDS,
  targetCounts,
  type GenerateOptions,
  type GenerateResult,
  type PlantedProblem,
  type PlantedProblemKind,
} from './options';
export { TRICKY_COMPANY_NAMES, TRICKY_CONTACT_NAMES, TRICKY_PRODUCT_NAMES, TRICKY_TAG_NAMES } from './vocabulary';

export function generateAccount(store: EmulatorStore, options: GenerateOptions): GenerateResult {
  return new AccountGenerator(store, options).run();
}

/** The last stage of the chain (see state.ts): runs the stages in order and reports the counts. */
class AccountGenerator extends PlantingStage {
  private readonly noteCount: number | undefined;

  constructor(store: EmulatorStore, options: GenerateOptions) {
    super(store, options);
    if (options.notes !== undefined && (!Number.isInteger(options.notes) || options.notes < 0)) {
      throw new RangeError(`notes must be a whole number >= 0 (got ${options.notes})`);
    }
    this.noteCount = options.notes;
  }

  run(): GenerateResult {
    const target = targetCounts(this.size);
    this.generateCompanies(target.companies, this.plantCount('dangling-company'));
    this.generateProducts(target.products, this.plantCount('dangling-product'), Math.floor(this.plantCount('orphan-subscription') / 2));
    this.generateTags(target.tags, this.plantCount('dangling-tag'));
    this.generateCampaigns(target.campaigns);
    this.generateContacts(this.size);
    this.generateContactTags();
    this.generateOrders(target.orders);
    this.generateSubscriptions(target.subscriptions);
    this.plantProblems();
    generateNotes(this.store, this.rng.fork('notes'), this.noteCount ?? target.notes, this.nowSec);
    return { counts: this.counts(), planted: this.planted };
  }

  protected counts(): Record<string, number> {
    let items = 0;
    for (const o of this.store.orders.values()) items += o.items.length;
    let contactTags = 0;
    for (const applied of this.store.contactTags.values()) contactTags += applied.size;
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
