/**
 * The pieces every record card is made of (header, sections, facts, tables, links), so the order
 * and the contact card differ only in what they say. Every piece of CRM text goes in through text
 * nodes, never as HTML: a contact named `<img onerror=…>` is shown as those characters.
 */
import type { CardFact, CardLink, CardToHost } from './cardProtocol';

export type Post = (message: CardToHost) => void;
export type Child = Node | string | undefined | false;

/** An element with attributes (never event handlers as strings) and children as nodes or text. */
export function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children)
    if (child !== undefined && child !== false) el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return el;
}

export const text = (s: string | undefined) => document.createTextNode(s ?? '');

/** Text that opens a related record when it has one. */
export function linked(post: Post, value: string, link: CardLink | undefined, describe?: string): Node {
  if (!link) return document.createTextNode(value);
  const a = h('a', { href: '#', title: describe ?? `Open ${value}` }, value);
  a.addEventListener('click', (event) => {
    event.preventDefault();
    post({ type: 'open', link });
  });
  return a;
}

export function button(post: Post, label: string, message: CardToHost, primary = false): HTMLElement {
  const b = h('button', { type: 'button', class: primary ? 'primary' : 'secondary' }, label);
  b.addEventListener('click', () => post(message));
  return b;
}

export function section(title: string, ...content: Child[]): HTMLElement {
  const id = `h-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...content);
}

export function facts(post: Post, list: CardFact[]): HTMLElement {
  return h('dl', { class: 'facts' }, ...list.flatMap((f) => [h('dt', {}, f.label), h('dd', {}, linked(post, f.value, f.link))]));
}

/** A table with a caption for screen readers; `numeric` columns align right. */
export function table(caption: string, head: string[], rows: Node[][], numeric: number[]): HTMLElement {
  const th = head.map((c, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : '' }, c));
  const body = rows.map((cells) => h('tr', {}, ...cells.map((c, i) => h('td', { class: numeric.includes(i) ? 'num' : '' }, c))));
  return h('table', {}, h('caption', { class: 'visually-hidden' }, caption), h('thead', {}, h('tr', {}, ...th)), h('tbody', {}, ...body));
}

/** The card's top: title with status, a line under it, where it was read, and its actions. */
export function header(
  title: string,
  status: string | undefined,
  lines: Child[],
  where: string,
  actionsLabel: string,
  actions: Child[],
): HTMLElement {
  return h(
    'header',
    {},
    h('h1', {}, title, status ? h('span', { class: 'status' }, status) : undefined),
    ...lines,
    h('p', { class: 'where' }, where),
    h('div', { class: 'actions', role: 'toolbar', 'aria-label': actionsLabel }, ...actions),
  );
}

export function problemsSection(problems: string[]): HTMLElement | false {
  return (
    problems.length > 0 &&
    section(
      problems.length === 1 ? 'Problem found by validation' : `${problems.length} problems found by validation`,
      h('ul', { class: 'problems' }, ...problems.map((p) => h('li', {}, p))),
    )
  );
}
