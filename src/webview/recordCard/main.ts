/**
 * The record card's page: an order as a person reads it (who bought, what, for how much, how it was
 * paid), with links to the records it ties together and the raw JSON one click away. Every piece of
 * CRM text goes in through text nodes (`textContent`), never as HTML: a contact named
 * `<img onerror=…>` is shown as those characters.
 */
import type { CardLink, CardToHost, HostToCard, OrderCard } from './cardProtocol';
import './recordCard.css';

interface VsCodeApi {
  postMessage(message: CardToHost): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;

type Child = Node | string | undefined | false;

/** An element with attributes (never event handlers as strings) and children as nodes or text. */
function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children)
    if (child !== undefined && child !== false) el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return el;
}

/** Text that opens a related record when it has one. */
function linked(text: string, link: CardLink | undefined, describe?: string): Node {
  if (!link) return document.createTextNode(text);
  const a = h('a', { href: '#', title: describe ?? `Open ${text}` }, text);
  a.addEventListener('click', (event) => {
    event.preventDefault();
    vscode.postMessage({ type: 'open', link });
  });
  return a;
}

function button(label: string, message: CardToHost, primary = false): HTMLElement {
  const b = h('button', { type: 'button', class: primary ? 'primary' : 'secondary' }, label);
  b.addEventListener('click', () => vscode.postMessage(message));
  return b;
}

function section(title: string, ...content: Child[]): HTMLElement {
  const id = `h-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...content);
}

function facts(list: OrderCard['facts']): HTMLElement {
  return h('dl', { class: 'facts' }, ...list.flatMap((f) => [h('dt', {}, f.label), h('dd', {}, linked(f.value, f.link))]));
}

function table(caption: string, head: string[], rows: Node[][], numeric: number[]): HTMLElement {
  const th = head.map((c, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : '' }, c));
  const body = rows.map((cells) => h('tr', {}, ...cells.map((c, i) => h('td', { class: numeric.includes(i) ? 'num' : '' }, c))));
  return h('table', {}, h('caption', { class: 'visually-hidden' }, caption), h('thead', {}, h('tr', {}, ...th)), h('tbody', {}, ...body));
}

const text = (s: string | undefined) => document.createTextNode(s ?? '');

function render(card: OrderCard): void {
  const header = h(
    'header',
    {},
    h('h1', {}, card.title, card.status ? h('span', { class: 'status' }, card.status) : undefined),
    card.contact
      ? h(
          'p',
          { class: 'who' },
          linked(card.contact.name, card.contact.link, `Open contact ${card.contact.name}`),
          card.contact.email ? ` · ${card.contact.email}` : '',
        )
      : undefined,
    h('p', { class: 'where' }, card.where),
    h(
      'div',
      { class: 'actions', role: 'toolbar', 'aria-label': 'Order actions' },
      button('Show raw JSON', { type: 'json' }, true),
      card.restorable && button('Plan a restore of this order…', { type: 'restore' }),
      button('Show in Accounts view', { type: 'reveal' }),
    ),
  );
  const problems =
    card.problems.length > 0 &&
    section(
      card.problems.length === 1 ? 'Problem found by validation' : `${card.problems.length} problems found by validation`,
      h('ul', { class: 'problems' }, ...card.problems.map((p) => h('li', {}, p))),
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
            i.product ? linked(i.product.name, i.product.link) : text('—'),
            text(i.quantity),
            text(i.unitPrice),
            text(i.amount),
          ]),
          [2, 3, 4],
        )
      : h('p', { class: 'empty' }, 'This order has no items.'),
    facts(card.totals),
  );
  const payments = section(
    'Payments',
    card.payments.length
      ? table(
          'Payments of the order',
          ['Payment', 'Date', 'Method', 'Status', 'Amount'],
          card.payments.map((p) => [linked(p.title, p.link), text(p.date), text(p.method ?? '—'), text(p.status ?? '—'), text(p.amount)]),
          [4],
        )
      : h('p', { class: 'empty' }, 'No payments recorded.'),
  );
  const details = section('Details', facts(card.facts), card.notes ? h('p', { class: 'notes' }, card.notes) : undefined);
  app.replaceChildren(h('article', { 'aria-label': card.title }, header, problems, items, payments, details));
  vscode.postMessage({ type: 'rendered', text: app.innerText });
}

window.addEventListener('message', (event: MessageEvent<HostToCard>) => {
  if (event.data?.type === 'card') render(event.data.card);
});
vscode.postMessage({ type: 'ready' });
