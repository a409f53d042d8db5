/** The contact card: who they are, their company, what they spent, their orders, tags and subscriptions. */
import type { ContactCard } from './cardProtocol';
import { button, facts, h, header, linked, problemsSection, section, table, text, type Post } from './cardParts';

export function contactView(card: ContactCard, post: Post): HTMLElement {
  const top = header(card.title, undefined, [], card.where, 'Contact actions', [
    button(post, 'Show raw JSON', { type: 'json' }, true),
    button(post, 'Show in Accounts view', { type: 'reveal' }),
  ]);
  const orders = section(
    'Orders',
    facts(post, card.totals),
    card.orders.length
      ? table(
          'Orders of the contact',
          ['Order', 'Date', 'Status', 'Total'],
          card.orders.map((o) => [linked(post, o.title, o.link), text(o.date), text(o.status ?? '—'), text(o.total)]),
          [3],
        )
      : h('p', { class: 'empty' }, 'No orders.'),
  );
  const tags = section(
    'Tags',
    card.tags.length
      ? h('ul', { class: 'tags' }, ...card.tags.map((t) => h('li', { class: 'tag' }, t)))
      : h('p', { class: 'empty' }, 'No tags.'),
  );
  const subscriptions =
    card.subscriptions.length > 0 &&
    section(
      'Subscriptions',
      table(
        'Subscriptions of the contact',
        ['Subscription', 'Status'],
        card.subscriptions.map((s) => [linked(post, s.title, s.link), text(s.status)]),
        [],
      ),
    );
  const details = section('Details', facts(post, card.facts));
  return h('article', { 'aria-label': card.title }, top, problemsSection(card.problems), orders, tags, subscriptions, details);
}
