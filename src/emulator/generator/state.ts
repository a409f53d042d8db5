/**
 * What every generator stage shares: the seeded random source, the account's "now", the planting
 * plan, and the bookkeeping one stage leaves for the next (which contacts exist, which products are
 * doomed to be deleted by a plant, ...).
 *
 * The stages form a single inheritance chain in the order `generateAccount` runs them (companies ->
 * catalog -> tags and campaigns -> contacts -> payments -> orders -> subscriptions -> planting), so
 * each one may call what the stages before it define, and all of them draw from the one `rng` in
 * exactly the order the single-file generator did: the account stays byte-identical per seed.
 */
import type {
  CompanyRecord,
  ContactRecord,
  OrderRecord,
  PaymentRecord,
  PlanRecord,
  ProductRecord,
  SubscriptionRecord,
  TagRecord,
} from '../records';
import { SeededRandom } from '../random';
import type { EmulatorStore } from '../store';
import {
  DEFAULT_GENERATOR_NOW,
  PLANTED_PROBLEM_KINDS,
  type GenerateOptions,
  type PlantedProblem,
  type PlantedProblemKind,
} from './options';
import { TRICKY_CONTACT_EVERY } from './vocabulary';

export type PaymentShape = 'unpaid' | 'partial' | 'full1' | 'full2';

export interface ContactMeta {
  record: ContactRecord;
  createSec: number;
  orders: OrderMeta[];
  subs: SubscriptionRecord[];
}

export interface OrderMeta {
  order: OrderRecord;
  contact: ContactMeta;
  shape: PaymentShape;
  timeSec: number;
  total: number;
  payments: PaymentRecord[];
}

export interface DoomedProduct {
  product: ProductRecord;
  plan?: PlanRecord;
}

export abstract class GeneratorBase {
  protected readonly rng: SeededRandom;
  protected readonly nowSec: number;
  protected readonly size: number;
  protected readonly plant: Array<[PlantedProblemKind, number]>;

  protected readonly contacts: ContactMeta[] = [];
  /** Create times (seconds) of the companies contacts may link to, ascending. */
  protected companyTimes: number[] = [];
  protected linkableCompanies: CompanyRecord[] = [];
  protected catalog: ProductRecord[] = [];
  protected plans: PlanRecord[] = [];
  protected usableTags: TagRecord[] = [];
  protected doomedCompanies: CompanyRecord[] = [];
  protected doomedTags: TagRecord[] = [];
  protected doomedItemProducts: ProductRecord[] = [];
  protected doomedPlanProducts: DoomedProduct[] = [];
  protected readonly methodWeights: Array<[string, number]>;
  /** Tricky contact names start at this offset (mod TRICKY_CONTACT_EVERY). */
  protected readonly trickyOffset: number;
  protected contactSerial = 0;
  /** Pay time (seconds) of the last payment buildPayments made. */
  protected lastPaySec = 0;
  protected readonly touched = new Set<number>();
  protected readonly planted: PlantedProblem[] = [];

  constructor(
    protected readonly store: EmulatorStore,
    options: GenerateOptions,
  ) {
    if (!Number.isInteger(options.size) || options.size < 0) throw new RangeError(`size must be a whole number >= 0 (got ${options.size})`);
    const now = options.now ?? new Date(DEFAULT_GENERATOR_NOW);
    if (Number.isNaN(now.getTime())) throw new RangeError('now is not a valid date');
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
      if (table.size > 0) throw new Error('generateAccount needs an empty store');
    }
    if (!store.manualPaymentTypes.length) throw new Error('the store has no manual payment types');
    this.size = options.size;
    this.nowSec = Math.floor(now.getTime() / 1000);
    this.rng = new SeededRandom(options.seed);
    this.plant = [];
    for (const [kind, count] of Object.entries(options.plant ?? {})) {
      if (!PLANTED_PROBLEM_KINDS.includes(kind as PlantedProblemKind)) throw new RangeError(`unknown planted problem kind '${kind}'`);
      if (count === undefined) continue;
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`plant.${kind} must be a whole number >= 0 (got ${count})`);
    }
    for (const kind of PLANTED_PROBLEM_KINDS) {
      const count = options.plant?.[kind] ?? 0;
      if (count > 0) this.plant.push([kind, count]);
    }
    this.methodWeights = store.manualPaymentTypes.map((m) => [m, /credit/i.test(m) ? 8 : /adjust/i.test(m) ? 1 : 3]);
    this.trickyOffset = this.rng.fork('tricky').int(0, TRICKY_CONTACT_EVERY - 1);
  }

  protected plantCount(kind: PlantedProblemKind): number {
    return this.plant.find(([k]) => k === kind)?.[1] ?? 0;
  }

  /** `n` random instants in [from, to], ascending. */
  protected sortedTimes(rng: SeededRandom, n: number, from: number, to: number): number[] {
    const times = new Float64Array(n);
    for (let i = 0; i < n; i++) times[i] = rng.int(from, to);
    times.sort();
    return Array.from(times);
  }

  /** At or after `from`, at or before `to` (both seconds); `from` when the window is empty. */
  protected between(rng: SeededRandom, from: number, to: number): number {
    return to <= from ? from : rng.int(from, to);
  }
}
