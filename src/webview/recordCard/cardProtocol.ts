/**
 * The record card's messages between the extension and the page (src/webview/recordCard/main.ts),
 * and the card itself: every value already in words (money, dates and statuses formatted by the
 * host in VS Code's locale), so the page only lays text out. Types only: both sides import it.
 */

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
}

export type HostToCard = { type: 'card'; card: OrderCard };

export type CardToHost =
  | { type: 'ready' }
  | { type: 'open'; link: CardLink }
  | { type: 'json' }
  | { type: 'restore' }
  | { type: 'reveal' }
  /** The text the page shows, after each render: the host tests read the card through it. */
  | { type: 'rendered'; text: string };

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
      return typeof m.text === 'string';
    default:
      return false;
  }
}
