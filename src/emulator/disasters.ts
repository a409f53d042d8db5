/**
 * Data loss on demand: the disasters a restore must repair, done to the emulated account outside
 * Keap's API (which forbids some of them, e.g. deleting a paid order).
 */
import { SeededRandom } from './random';
import type { EmulatorStore } from './store';

export const DISASTER_KINDS = [
  'delete-contacts',
  'delete-orders',
  'delete-paid-orders',
  'delete-payments',
  'delete-products',
  'corrupt-orders',
  'corrupt-contacts',
] as const;
export type DisasterKind = (typeof DISASTER_KINDS)[number];

export interface DisasterRequest {
  kind: DisasterKind;
  /** Exact records to hit (string ids as Keap shows them)… */
  ids?: string[];
  /** …or a fraction of all candidates, chosen deterministically by `seed`. */
  fraction?: number;
  count?: number;
  seed?: number | string;
}

export interface DisasterReport {
  kind: DisasterKind;
  /** What was lost or damaged, per entity, as string ids. */
  affected: Record<string, string[]>;
}

export function applyDisaster(store: EmulatorStore, request: DisasterRequest): DisasterReport {
  if (!DISASTER_KINDS.includes(request.kind))
    throw new Error(`Unknown disaster '${request.kind}'; use one of ${DISASTER_KINDS.join(', ')}`);
  const random = new SeededRandom(request.seed ?? 1);
  const affected: Record<string, string[]> = {};
  const note = (entity: string, id: number) => (affected[entity] ??= []).push(String(id));
  const choose = (candidates: number[]): number[] => {
    if (request.ids) {
      const wanted = new Set(request.ids.map(Number));
      return candidates.filter((id) => wanted.has(id));
    }
    const k = request.count ?? Math.round(candidates.length * (request.fraction ?? 0));
    return random.sample(candidates, Math.min(k, candidates.length)).sort((a, b) => a - b);
  };
  const ids = <T extends { id: number }>(rows: Iterable<T>, keep: (row: T) => boolean = () => true) => {
    const out: number[] = [];
    for (const row of rows) if (keep(row)) out.push(row.id);
    return out;
  };

  switch (request.kind) {
    case 'delete-contacts':
      for (const id of choose(ids(store.contacts.values()))) {
        for (const order of store.ordersOf(id)) {
          note('orders', order.id);
          for (const p of store.paymentsOf(order.id)) note('payments', p.id);
        }
        for (const s of store.subscriptionsOf(id)) note('subscriptions', s.id);
        note('contacts', id);
        store.deleteContact(id);
      }
      break;
    case 'delete-orders':
    case 'delete-paid-orders': {
      const paidOnly = request.kind === 'delete-paid-orders';
      for (const id of choose(ids(store.orders.values(), (o) => !paidOnly || store.paymentsOf(o.id).length > 0))) {
        for (const p of store.paymentsOf(id)) note('payments', p.id);
        note('orders', id);
        store.removeOrder(id);
      }
      break;
    }
    case 'delete-payments':
      for (const id of choose(ids(store.payments.values()))) {
        note('payments', id);
        store.removePayment(id);
      }
      break;
    case 'delete-products':
      for (const id of choose(ids(store.products.values()))) {
        note('products', id);
        store.deleteProduct(id);
      }
      break;
    case 'corrupt-orders':
      for (const id of choose(ids(store.orders.values(), (o) => o.items.length > 0))) {
        const order = store.orders.get(id)!;
        const item = order.items[random.int(0, order.items.length - 1)];
        item.price_cents = item.price_cents * 2 + 1;
        order.title = `${order.title} (corrupted)`;
        order.modification_time = store.nowIso();
        note('orders', id);
      }
      break;
    case 'corrupt-contacts':
      for (const id of choose(ids(store.contacts.values()))) {
        const contact = store.contacts.get(id)!;
        contact.given_name = (contact.given_name ?? '').split('').reverse().join('');
        contact.email_addresses = contact.email_addresses.map((e) => ({ ...e, email: `corrupted.${e.email}` }));
        contact.update_time = store.nowIso();
        note('contacts', id);
      }
      break;
  }
  return { kind: request.kind, affected };
}
