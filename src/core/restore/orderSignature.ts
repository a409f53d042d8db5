/**
 * What makes two orders look like the same purchase: the contact, the items (product, quantity,
 * unit price) and so the total, whatever their ids, titles or dates. Used to spot an order that
 * someone re-entered by hand while a restore was under way.
 */
type Json = Record<string, unknown>;

function signature(contact: unknown, items: Array<[unknown, unknown, number]>): string {
  const lines = items.map(([product, quantity, cents]) => `${String(product ?? '-')}x${String(quantity ?? 1)}@${cents}`).sort();
  const total = items.reduce((sum, [, quantity, cents]) => sum + Number(quantity ?? 1) * cents, 0);
  return `${String(contact ?? '-')}|${lines.join(',')}|${total}`;
}

/** The signature of an order create request (live ids already in it; prices in major units). */
export function orderSignature(body: Json): string {
  const items = ((body.order_items as Json[] | undefined) ?? []).map((i): [unknown, unknown, number] => [
    i.product_id,
    i.quantity,
    Math.round(Number(i.price_per_unit ?? 0) * 100),
  ]);
  return signature(body.contact_id, items);
}

/** The signature of an order as Keap returns it (CurrencyValue prices in minor units). */
export function liveOrderSignature(order: Json): string {
  const items = ((order.order_items as Json[] | undefined) ?? []).map((i): [unknown, unknown, number] => [
    (i.product as Json | undefined)?.id,
    i.quantity,
    Number((i.price_per_unit as Json | undefined)?.amount ?? 0),
  ]);
  return signature((order.contact as Json | undefined)?.id, items);
}
