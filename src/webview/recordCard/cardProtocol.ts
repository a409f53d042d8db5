/**
 * The record card's messages between the extension and the page (src/webview/recordCard/main.ts),
 * and the cards themselves (an order, a contact): every value already in words (money, dates and
 * statuses formatted by the host in VS Code's locale), so the page only lays text out. Types only:
 * both sides import it.
 */
import type { RelationGraph } from '../graph/graphProtocol';

/** A record the card links to, in the same snapshot or live account as the card. */
export interface CardLink {
  entity: string;
  id: string;
}

export interface CardFact {
  label: string;
  value: string;
  link?: CardLink;
}

export interface OrderCard {
  kind: 'order';
  /** "Order 240". */
  title: string;
  /** "Paid". */
  status?: string;
  /** Where it was read: "From the snapshot of 27 Nov 2026, 10:05", "Live from Keap (acme), read 14:03". */
  where: string;
  contact?: { name: string; email?: string; link?: CardLink };
  /** Order date, invoice, type, source… */
  facts: CardFact[];
  items: Array<{
    name: string;
    /** The product it sells, when it sells one. */
    product?: { name: string; link?: CardLink };
    kind?: string;
    quantity: string;
    unitPrice: string;
    amount: string;
    note?: string;
  }>;
  totals: CardFact[];
  payments: Array<{ title: string; date: string; amount: string; method?: string; status?: string; link?: CardLink }>;
  notes?: string;
  /** Validation findings on this order, first line each. */
  problems: string[];
  /** A restore of this order can be planned (a snapshot's order). */
  restorable: boolean;
  /** The order with its contact, items, products, payments and subscriptions, as a graph. */
  relations?: RelationGraph;
}

/** A contact as a person reads it: who, their company, what they spent, their orders, tags and subscriptions. */
export interface ContactCard {
  kind: 'contact';
  /** "Megan Wilson". */
  title: string;
  where: string;
  /** Email, phone, company (linked), created, contact id. */
  facts: CardFact[];
  /** "Spent": the total of their orders' payments; "Orders": how many. */
  totals: CardFact[];
  orders: Array<{ title: string; date: string; total: string; status?: string; link: CardLink }>;
  tags: string[];
  subscriptions: Array<{ title: string; status: string; link: CardLink }>;
  problems: string[];
}

export type RecordCard = OrderCard | ContactCard;

export type HostToCard = { type: 'card'; card: RecordCard };

export type CardToHost =
  | { type: 'ready' }
  | { type: 'open'; link: CardLink }
  | { type: 'json' }
  | { type: 'restore' }
  | { type: 'reveal' }
  /**
   * The text the page shows, after each render, and the relationship graph's nodes as they are
   * announced (the SVG's labels): the host tests read the card through them.
   */
  | { type: 'rendered'; text: string; nodes?: string[] };

export function isCardMessage(value: unknown): value is CardToHost {
  const m = value as CardToHost | undefined;
  switch (m?.type) {
    case 'ready':
    case 'json':
    case 'restore':
    case 'reveal':
      return true;
    case 'open':
      return typeof m.link?.entity === 'string' && typeof m.link.id === 'string';
    case 'rendered':
      return (
        typeof m.text === 'string' && (m.nodes === undefined || (Array.isArray(m.nodes) && m.nodes.every((n) => typeof n === 'string')))
      );
    default:
      return false;
  }
}
