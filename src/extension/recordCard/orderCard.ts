/**
 * An order as the record card shows it: contact, items with their products, money, dates and
 * statuses in words and in VS Code's locale, payments, and links to the records it ties together.
 * Built from the snapshot's order details or from Keap's live answers. No vscode import, so unit
 * tests check the words.
 */
import type { Json } from '../../core/entities/define';
import type { KeapContact, KeapOrder, KeapOrderItem, KeapProduct } from '../../core/model';
import type { OrderCard } from '../../webview/recordCard/cardProtocol';
import { localCents, localCurrencyValue, localDateTime, localMajor } from '../localFormat';
import { recordTitle } from '../recordNames';

export interface OrderCardInput {
  order: KeapOrder;
  /** The contact's record, when it was read (else the order's copy of the name is used). */
  contact?: KeapContact;
  items: Array<{ item: KeapOrderItem; product?: KeapProduct }>;
  /** Sales payments (a snapshot) or the order's payment rows (live): both shapes are read. */
  payments: Json[];
  source: 'snapshot' | 'live';
  /** Where it was read, in words. */
  where: string;
  /** Validation findings on this order. */
  problems?: string[];
  locale: string;
  timeZone?: string;
}

/** Codes that are names, not words: kept as their owners write them. */
const NAMES: Record<string, string> = { API: 'API', QUICKBOOKS: 'QuickBooks', PAYPAL_PAID: 'PayPal paid' };

/** Keap's codes in words: PAID -> "Paid", MANUAL_PAID -> "Manual paid", CHECKOUT_FORM -> "Checkout form", API -> "API". */
export function words(code: unknown): string | undefined {
  if (typeof code !== 'string' || !code) return undefined;
  if (NAMES[code]) return NAMES[code];
  const lower = code.replace(/_/g, ' ').toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

export function orderCard(input: OrderCardInput): OrderCard {
  const { order, locale, timeZone } = input;
  const currency = order.total?.currency_code;
  const when = (iso: unknown) => (typeof iso === 'string' ? localDateTime(iso, locale, timeZone) : '');
  const money = (value: KeapOrder['total']) => (value ? localCurrencyValue(value, locale) : '');
  const contactName =
    [input.contact?.given_name ?? order.contact?.given_name, input.contact?.family_name ?? order.contact?.family_name]
      .filter(Boolean)
      .join(' ') || undefined;
  const email = input.contact?.email_addresses?.[0]?.email ?? order.contact?.email;
  const contactId = order.contact?.id;

  const items = input.items.map(({ item, product }) => {
    const quantity = item.quantity ?? 1;
    const unit = item.price_per_unit?.amount ?? 0;
    const discount = item.discount?.amount ?? 0;
    const code = item.price_per_unit?.currency_code ?? currency;
    const productId = item.product?.id;
    const productName = product?.name ?? item.product?.name;
    return {
      name: item.name ?? productName ?? 'Item',
      product: productId
        ? { name: productName ?? recordTitle('products', productId), link: { entity: 'products', id: productId } }
        : undefined,
      kind: item.item_type && item.item_type !== 'PRODUCT' ? words(item.item_type) : undefined,
      quantity: quantity.toLocaleString(locale),
      unitPrice: localCents(unit, code, locale),
      amount: localCents(unit * quantity - discount, code, locale),
      note:
        [
          discount ? `${localCents(discount, code, locale)} discount` : '',
          item.subscription_plan ? 'Subscription' : '',
          item.description ?? '',
        ]
          .filter(Boolean)
          .join(' · ') || undefined,
    };
  });

  const payments = input.payments.map((p) => {
    // A live order's payment row has the payment's id in `payment_id` (its `id` is the invoice link).
    const id = String(p.payment_id ?? p.id);
    return {
      title: recordTitle('payments', id),
      date: when(p.payment_time ?? p.pay_time),
      amount: localMajor(typeof p.amount === 'number' ? p.amount : 0, currency, locale),
      method: words(p.type),
      status: words(p.status ?? p.pay_status),
      link: input.source === 'snapshot' ? { entity: 'payments', id } : undefined,
    };
  });

  const facts = [
    { label: 'Ordered', value: when(order.order_time) },
    { label: 'Title', value: order.title ?? '' },
    { label: 'Invoice', value: order.invoice_number ?? order.invoice_id ?? '' },
    { label: 'Order type', value: words(order.order_type) ?? '' },
    { label: 'Came from', value: words(order.source_type) ?? '' },
    { label: 'Promo code', value: order.promo_code ?? '' },
    { label: 'Created', value: when(order.creation_time) },
    { label: 'Last changed', value: when(order.modification_time) },
    { label: 'Order id', value: order.id },
  ].filter((f) => f.value);

  const totals = [
    { label: 'Total', value: money(order.total) },
    { label: 'Paid', value: money(order.total_paid) },
    { label: 'Due', value: money(order.total_due) },
    ...(order.refund_total?.amount ? [{ label: 'Refunded', value: money(order.refund_total) }] : []),
  ].filter((f) => f.value);

  return {
    kind: 'order',
    title: `Order ${order.id}`,
    status: words(order.status),
    where: input.where,
    contact: contactId
      ? { name: contactName ?? recordTitle('contacts', contactId), email, link: { entity: 'contacts', id: contactId } }
      : undefined,
    facts,
    items,
    totals: totals.length ? totals : [{ label: 'Total', value: localCents(0, currency, locale) }],
    payments,
    notes: order.notes || undefined,
    problems: input.problems ?? [],
    restorable: input.source === 'snapshot',
  };
}
