/** The order card: who bought, what, for how much, how it was paid, and the picture of how it ties together. */
import { graphFigure } from '../graph/graphView';
import type { RelationKind } from '../graph/graphProtocol';
import type { OrderCard } from './cardProtocol';
import { button, facts, h, header, linked, problemsSection, section, table, text, type Post } from './cardParts';

/** Kinds of record a node of the graph opens: an item is part of its order, and the order is this card. */
const OPENS: ReadonlySet<RelationKind> = new Set(['contacts', 'products', 'payments', 'subscriptions']);

export function orderView(card: OrderCard, post: Post): HTMLElement {
  const top = header(
    card.title,
    card.status,
    [
      card.contact &&
        h(
          'p',
          { class: 'who' },
          linked(post, card.contact.name, card.contact.link, `Open contact ${card.contact.name}`),
          card.contact.email ? ` · ${card.contact.email}` : '',
        ),
    ],
    card.where,
    'Order actions',
    [
      button(post, 'Show raw JSON', { type: 'json' }, true),
      card.restorable && button(post, 'Plan a restore of this order…', { type: 'restore' }),
      button(post, 'Show in Accounts view', { type: 'reveal' }),
    ],
  );
  const items = section(
    'Items',
    card.items.length
      ? table(
          'Items of the order',
          ['Item', 'Product', 'Quantity', 'Unit price', 'Amount'],
          card.items.map((i) => [
            h(
              'span',
              {},
              i.name,
              i.kind ? h('span', { class: 'tag' }, i.kind) : undefined,
              i.note ? h('span', { class: 'note' }, i.note) : undefined,
            ),
            i.product ? linked(post, i.product.name, i.product.link) : text('—'),
            text(i.quantity),
            text(i.unitPrice),
            text(i.amount),
          ]),
          [2, 3, 4],
        )
      : h('p', { class: 'empty' }, 'This order has no items.'),
    facts(post, card.totals),
  );
  const payments = section(
    'Payments',
    card.payments.length
      ? table(
          'Payments of the order',
          ['Payment', 'Date', 'Method', 'Status', 'Amount'],
          card.payments.map((p) => [
            linked(post, p.title, p.link),
            text(p.date),
            text(p.method ?? '—'),
            text(p.status ?? '—'),
            text(p.amount),
          ]),
          [4],
        )
      : h('p', { class: 'empty' }, 'No payments recorded.'),
  );
  const relations =
    card.relations &&
    section(
      'Relationships',
      graphFigure(card.relations, {
        canOpen: (node) => OPENS.has(node.kind) && !!node.id,
        open: (node) => post({ type: 'open', link: { entity: node.kind, id: node.id! } }),
      }),
    );
  const details = section('Details', facts(post, card.facts), card.notes ? h('p', { class: 'notes' }, card.notes) : undefined);
  return h('article', { 'aria-label': card.title }, top, problemsSection(card.problems), items, payments, relations, details);
}
